// np.dot / np.matmul / np.outer / np.linalg.norm against numpy 1.24 (fixtures from
// tests/fixtures/gen_linalg.py). The gemm kernels have their own tests (tests/np/kernels), and
// vitest.config.ts runs this file under every kernel.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import { dot, matmul, outer, linalg, type NormOrder } from "../../src/np/linalg";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

interface Encoded {
  shape: number[];
  dtype: DType;
  data: number[];
}
type Operand = Encoded | { scalar: number | boolean };
interface Case {
  name: string;
  fn: "dot" | "matmul" | "outer" | "norm";
  args: unknown[];
  result?: Encoded;
  error?: NumpyError;
}

const cases: Case[] = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "linalg", "cases.json"), "utf8"));

function decode(e: Encoded): NDArray {
  return new NDArray(Float64Array.from(e.data), e.shape, e.dtype);
}

function operand(o: Operand): NDArray | number | boolean {
  return "scalar" in o ? o.scalar : decode(o);
}

function order(o: unknown): NormOrder | undefined {
  return o === "inf" ? Infinity : o === "-inf" ? -Infinity : (o as NormOrder | undefined);
}

function run(c: Case): NDArray | number {
  if (c.fn === "norm") {
    const [x, ord, axis, keepdims] = c.args;
    const norm = linalg.norm as (...args: unknown[]) => NDArray | number;
    return norm(decode(x as Encoded), order(ord), axis, keepdims);
  }
  const [a, b] = (c.args as Operand[]).map(operand);
  return { dot, matmul, outer }[c.fn](a, b);
}

/** Same shape and dtype, ints and bools exactly, doubles to 1e-12 relative. */
function expectClose(got: NDArray, want: NDArray): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  if (want.dtype !== "float64") {
    expect(Array.from(got.data)).toEqual(Array.from(want.data));
    return;
  }
  want.data.forEach((w, i) => {
    const g = got.data[i];
    if (Math.abs(g - w) > 1e-12 * Math.abs(w)) expect.fail(`entry ${i}: got ${g}, numpy ${w}`);
  });
}

describe("numpy fixtures", () => {
  for (const c of cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        expectNumpyError(() => run(c), c.error, c.name);
        return;
      }
      const got = run(c);
      const want = decode(c.result!);
      // norm gives a number exactly when numpy gives a scalar for a whole-array norm: no axis, no keepdims.
      const [, , axis, keepdims] = c.args;
      if (c.fn === "norm" && axis == null && !keepdims) {
        expect(typeof got).toBe("number");
        expectClose(new NDArray(Float64Array.of(got as number), []), want);
      } else {
        expect(got).toBeInstanceOf(NDArray);
        expectClose(got as NDArray, want);
      }
    });
  }

  it("covers every entry point", () => {
    expect(new Set(cases.map((c) => c.fn))).toEqual(new Set(["dot", "matmul", "outer", "norm"]));
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(20);
  });
});

describe("products of nested JS arrays", () => {
  it("accepts array_like operands", () => {
    const r = dot([[1, 2], [3, 4]], [[5], [6]]);
    expect(r.shape).toEqual([2, 1]);
    expect(Array.from(r.data)).toEqual([17, 39]);
    expect(matmul([1, 2, 3], [4, 5, 6]).item()).toBe(32);
    expect(outer([1, 2], 3).tolist()).toEqual([[3], [6]]);
  });
  it("returns a new array even when the product is a plain copy", () => {
    const a = new NDArray(Float64Array.of(1, 2), [2]);
    const r = dot(a, 1);
    expect(r.data).not.toBe(a.data);
  });
});
