import { describe, expect, test } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import { array } from "../../src/np/convert";
import {
  amax, amin, argmax, argmin, cumsum, max, mean, min, std, sum, var_, type ReduceOptions,
} from "../../src/np/reduce";
import { dec, expectSame, expectSameScalar, load, type Rec } from "../fixtures/reduce_shape/fixture";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

type AxisSpec = number | number[] | null;
interface Case {
  input: string;
  op: string;
  ddof: number;
  axes: AxisSpec[];
  expected?: Rec;
  keepShape?: number[];
  error?: NumpyError;
}
interface OrderCase {
  seed: number;
  shape: number[];
  axis: number | number[] | null;
  sum: Rec;
  mean: Rec;
  var: Rec;
  std: Rec;
}
interface Fixture {
  inputs: Record<string, Rec>;
  cases: Case[];
  order: OrderCase[];
  xorshift: { seed: number; values: Rec };
  errors: { op: string; input: Rec; axis: unknown; error: NumpyError }[];
}

const fx = load<Fixture>("reduce.json");

type Fn = (a: NDArray, axis?: number | number[] | ReduceOptions | null, keepdims?: boolean) => number | NDArray;
const FNS: Record<string, Fn> = {
  sum: sum as Fn, mean: mean as Fn, max: max as Fn, min: min as Fn, std: std as Fn, var: var_ as Fn,
  argmax: argmax as Fn, argmin: argmin as Fn,
};

/** The same reduction called both ways nnlab offers: positional (axis, keepdims) and kwargs-like. */
function callBoth(op: string, a: NDArray, axis: AxisSpec, keepdims: boolean, ddof: number): (() => unknown)[] {
  const f = FNS[op];
  const viaOptions = () => f(a, { axis, keepdims, ...(ddof ? { ddof } : {}) });
  return ddof ? [viaOptions] : [() => f(a, axis, keepdims), viaOptions];
}

describe("reductions match numpy on every axis / keepdims combination", () => {
  const byOp = new Map<string, Case[]>();
  for (const c of fx.cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  for (const [op, cases] of byOp) {
    test(`${op} (${cases.reduce((n, c) => n + c.axes.length, 0)} axis specs)`, () => {
      let checked = 0;
      for (const c of cases) {
        const a = dec(fx.inputs[c.input]);
        for (const axis of c.axes) {
          const label = `${op}(${c.input}, axis=${JSON.stringify(axis)}, ddof=${c.ddof})`;
          if (op === "cumsum") {
            expectSame(cumsum(a, axis as number | null), c.expected!, c.expected!.shape, label);
            checked++;
            continue;
          }
          for (const keepdims of [false, true]) {
            for (const call of callBoth(op, a, axis, keepdims, c.ddof)) {
              const l = `${label} keepdims=${keepdims}`;
              if (c.error !== undefined) expectNumpyError(call, c.error, l);
              else if (axis === null && !keepdims) expectSameScalar(call(), c.expected!, l);
              else expectSame(call(), c.expected!, keepdims ? c.keepShape : c.expected!.shape, l);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

/** The generator's xorshift32 stream: exact dyadic doubles, so both languages agree bit for bit. */
function xorshiftValues(seed: number, n: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 2 ** ((s % 41) - 20);
  }
  return out;
}

describe("summation order is numpy's (pairwise, 8192-element buffers, row-wise across axes)", () => {
  test("the xorshift port reproduces the generator", () => {
    const { seed, values } = fx.xorshift;
    expectSame(new NDArray(xorshiftValues(seed, 5), [5]), values);
  });
  for (const c of fx.order) {
    test(`shape ${JSON.stringify(c.shape)} axis ${JSON.stringify(c.axis)}`, () => {
      const size = c.shape.reduce((p, d) => p * d, 1);
      const a = new NDArray(xorshiftValues(c.seed, size), c.shape);
      for (const op of ["sum", "mean", "var", "std"] as const) {
        const got = FNS[op](a, c.axis);
        if (c.axis === null) expectSameScalar(got, c[op], op);
        else expectSame(got, c[op], c[op].shape, op);
      }
    });
  }
  test("a sequential loop differs from numpy on these inputs (the order matters)", () => {
    const c = fx.order[0];
    const a = xorshiftValues(c.seed, c.shape[0]);
    let naive = 0;
    for (const v of a) naive += v;
    expect(naive).not.toBe(dec(c.sum).data[0]);
    expect(sum(new NDArray(a, c.shape))).toBe(dec(c.sum).data[0]);
  });
});

describe("errors in numpy's words", () => {
  const fns: Record<string, (a: NDArray, axis: never) => unknown> = {
    sum, max, min, argmax, argmin, mean, cumsum: (a, axis) => cumsum(a, axis),
  };
  for (const e of fx.errors) {
    test(`${e.op} axis=${JSON.stringify(e.axis)}: ${e.error.type}: ${e.error.message}`, () => {
      expectNumpyError(() => fns[e.op](dec(e.input), e.axis as never), e.error);
    });
  }
});

describe("API shape", () => {
  const A = array([[1, 2, 3], [4, 5, 6]]);
  test("overloads: no axis gives a number, an axis or keepdims an NDArray", () => {
    const total: number = sum(A);
    const byRow: NDArray = sum(A, { axis: 1, keepdims: true });
    const byCol: NDArray = sum(A, 0);
    const kept: NDArray = mean(A, null, true);
    const scalarOpts: number = std(A, { ddof: 1 });
    expect(total).toBe(21);
    expect(byRow.shape).toEqual([2, 1]);
    expect(Array.from(byRow.data)).toEqual([6, 15]);
    expect(Array.from(byCol.data)).toEqual([5, 7, 9]);
    expect(kept.shape).toEqual([1, 1]);
    expect(scalarOpts).toBeCloseTo(Math.sqrt(3.5), 15);
  });
  test("dtypes: sums of ints and bools are int64, means float64, max keeps the dtype", () => {
    const ints = array([[1, 2], [3, 4]], "int64");
    const bools = array([[true, false], [true, true]]);
    expect(sum(ints, 0).dtype).toBe("int64");
    expect(sum(bools, 1).dtype).toBe("int64");
    expect(sum(bools)).toBe(3);
    expect(mean(ints, 0).dtype).toBe("float64");
    expect(max(bools, 0).dtype).toBe("bool");
    expect(argmax(A, 1).dtype).toBe("int64");
    expect(cumsum(bools).dtype).toBe("int64");
  });
  test("amax/amin are max/min", () => {
    expect(amax).toBe(max);
    expect(amin).toBe(min);
  });
  test("keepdims given positionally alongside an options object falls back to the positional value", () => {
    expect(sum(A, { axis: 0 }, true).shape).toEqual([1, 3]);
  });
  test("argmax returns the first maximum and the first NaN", () => {
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmin([3, 1, 1, 0, 0])).toBe(3);
    expect(argmax([1, NaN, 7, NaN])).toBe(1);
    expect(argmin([NaN, -1])).toBe(0);
  });
  test("max/min propagate NaN", () => {
    expect(max([1, NaN, 3])).toBeNaN();
    expect(min([1, 2, NaN])).toBeNaN();
  });
  test("argmax refuses a tuple of axes", () => {
    expect(() => argmax(A, { axis: [0, 1] })).toThrow("'tuple' object cannot be interpreted as an integer");
  });
});
