import { describe, expect, test } from "vitest";
import { NDArray, type DType, type NestedArray } from "../../src/np/ndarray";
import { array } from "../../src/np/convert";
import {
  astype, concatenate, expand_dims, hstack, ndim, ravel, reshape, shape, size, squeeze, stack, swapaxes,
  tolist, transpose, vstack,
} from "../../src/np/shape";
import { dec, expectSame, load, type Rec } from "../fixtures/reduce_shape/fixture";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

interface OpCase {
  op: string;
  args: unknown[];
  expected?: Rec;
  error?: NumpyError;
}
interface Fixture {
  arrays: Record<string, Rec>;
  ops: OpCase[];
  tolist: { input: string; expected: NestedArray }[];
  queries: { input: string; shape: number[]; ndim: number; size: number }[];
}

const fx = load<Fixture>("shape.json");
const arr = (name: string): NDArray => dec(fx.arrays[name]);
const arrs = (names: unknown): NDArray[] => (names as string[]).map(arr);

/** Runs one fixture op; args are [input name, ...numpy arguments] as the generator wrote them. */
function run(c: OpCase): unknown {
  const [first, p, q] = c.args as [unknown, never, never];
  switch (c.op) {
    case "reshape": return reshape(arr(first as string), p);
    case "ravel": return ravel(arr(first as string));
    case "squeeze": return squeeze(arr(first as string), p);
    case "expand_dims": return expand_dims(arr(first as string), p);
    case "transpose": return transpose(arr(first as string), p);
    case "swapaxes": return swapaxes(arr(first as string), p, q);
    case "concatenate": return concatenate(arrs(first), p);
    case "stack": return stack(arrs(first), p);
    case "hstack": return hstack(arrs(first));
    case "vstack": return vstack(arrs(first));
    case "astype": return astype(arr(first as string), p as DType);
    default: throw new Error(`unknown op ${c.op}`);
  }
}

describe("shape operations match numpy", () => {
  const byOp = new Map<string, OpCase[]>();
  for (const c of fx.ops) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  for (const [op, cases] of byOp) {
    test(`${op} (${cases.length} cases, ${cases.filter((c) => c.error).length} errors)`, () => {
      for (const c of cases) {
        const label = `${op}${JSON.stringify(c.args)}`;
        if (c.error !== undefined) expectNumpyError(() => run(c), c.error, label);
        else expectSame(run(c), c.expected!, c.expected!.shape, label);
      }
    });
  }

  test("tolist gives nested JS values, booleans for bool arrays, a bare number for 0-d", () => {
    for (const c of fx.tolist) expect(tolist(arr(c.input)), c.input).toEqual(c.expected);
    expect(typeof tolist(arr("s"))).toBe("number");
    expect(tolist(array([[true, false]]))).toEqual([[true, false]]);
  });

  test("shape, ndim, size", () => {
    for (const q of fx.queries) {
      expect([shape(arr(q.input)), ndim(arr(q.input)), size(arr(q.input))], q.input).toEqual([q.shape, q.ndim, q.size]);
    }
    expect(size(arr("b3"), -1)).toBe(4);
    expect(shape([[1, 2, 3]])).toEqual([1, 3]);
  });
});

describe("copies, never views", () => {
  test("reshape, ravel, transpose and astype own their storage", () => {
    const a = array([[1, 2, 3], [4, 5, 6]]);
    for (const b of [reshape(a, [3, 2]), ravel(a), transpose(a), astype(a, "float64"), squeeze(a), expand_dims(a, 0)]) {
      expect(b.data).not.toBe(a.data);
      b.data[0] = 99;
    }
    expect(a.data[0]).toBe(1);
  });
  test("reshape accepts a bare number", () => {
    expect(reshape([[1, 2], [3, 4]], 4).shape).toEqual([4]);
  });
});

test("a large transpose (the blocked path) matches the index formula", () => {
  const rows = 300;
  const cols = 209;
  const data = Float64Array.from({ length: rows * cols }, (_, i) => i);
  const t = transpose(new NDArray(data, [rows, cols]));
  expect(t.shape).toEqual([cols, rows]);
  let bad = 0;
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) if (t.data[c * rows + r] !== r * cols + c) bad++;
  expect(bad).toBe(0);
});
