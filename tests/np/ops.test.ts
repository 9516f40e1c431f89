// Elementwise ops and broadcasting against numpy 1.24 (fixtures from tests/fixtures/gen_ops.py),
// plus checks of the strided broadcast iteration against a naive index computation.
import { describe, expect, test } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import * as ops from "../../src/np/ops";
import { broadcastInto, broadcastShapes, broadcastTo, forEachRun } from "../../src/np/broadcast";
import { checkCase, loadCases } from "../fixtures/ops/replay";
import { ValueError } from "../../src/np/errors";

const fns: Record<string, (...args: unknown[]) => unknown> = {
  ...(ops as unknown as Record<string, (...args: unknown[]) => unknown>),
  broadcast_to: (a, shape) => broadcastTo(a as NDArray, shape as number[]),
};

for (const file of ["binary", "unary", "misc", "uint8"]) {
  describe(`numpy fixtures: ${file}`, () => {
    const byFn = new Map<string, ReturnType<typeof loadCases>>();
    for (const c of loadCases(file)) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
    for (const [fn, cases] of byFn) {
      test(`${fn} (${cases.length} cases)`, () => {
        const failures = cases.map((c) => checkCase(c, fns[c.fn])).filter((f) => f !== null);
        expect(failures).toEqual([]);
      });
    }
  });
}

function arr(data: number[], shape: number[], dtype: "float64" | "int64" | "bool" = "float64"): NDArray {
  return new NDArray(Float64Array.from(data), shape, dtype);
}

describe("broadcasting", () => {
  test("broadcastShapes follows numpy and reports every operand in numpy's words", () => {
    expect(broadcastShapes([3, 1], [1, 4])).toEqual([3, 4]);
    expect(broadcastShapes([2, 1, 4], [3, 1])).toEqual([2, 3, 4]);
    expect(broadcastShapes([0, 3], [1, 3])).toEqual([0, 3]);
    expect(broadcastShapes([2, 0], [1])).toEqual([2, 0]);
    expect(broadcastShapes([], [])).toEqual([]);
    expect(broadcastShapes([5], [], [2, 1])).toEqual([2, 5]);
    expect(() => broadcastShapes([4, 3], [4, 2])).toThrow(
      new ValueError("operands could not be broadcast together with shapes (4,3) (4,2) "),
    );
    expect(() => broadcastShapes([4, 3], [4, 2], [5], [])).toThrow(
      new ValueError("operands could not be broadcast together with shapes (4,3) (4,2) (5,) () "),
    );
  });

  test("broadcastInto uses numpy's copyto rule and message (extra leading 1s allowed)", () => {
    expect(Array.from(broadcastInto(arr([1, 2, 3], [1, 1, 3]), [2, 3]).data)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(() => broadcastInto(arr([1, 2], [2]), [2, 3])).toThrow(
      new ValueError("could not broadcast input array from shape (2,) into shape (2,3)"),
    );
    expect(() => broadcastInto(arr([1, 2, 3, 4, 5, 6], [2, 3]), [3])).toThrow(
      new ValueError("could not broadcast input array from shape (2,3) into shape (3,)"),
    );
  });

  test("broadcastTo returns a new array even when nothing is stretched", () => {
    const a = arr([1, 2], [2]);
    const b = broadcastTo(a, [2]);
    b.data[0] = 9;
    expect(a.data[0]).toBe(1);
  });

  // The strided iteration (axis merging, stride 0, odometer) against direct index arithmetic,
  // over random shape pairs that broadcast.
  test("forEachRun visits every element with the right operand offsets", () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let trial = 0; trial < 400; trial++) {
      const ndim = 1 + rand(4);
      const out = Array.from({ length: ndim }, () => 1 + rand(4));
      const operand = (): number[] => out.slice(rand(ndim + 1)).map((d) => (rand(3) === 0 ? 1 : d));
      const shapes = [operand(), operand(), operand()];
      const full = broadcastShapes(...shapes);
      const size = full.reduce((p, d) => p * d, 1);
      const seen = new Int32Array(size);
      forEachRun(full, shapes, (o, n, offs, steps) => {
        for (let i = 0; i < n; i++) {
          seen[o + i]++;
          const idx = unravel(o + i, full);
          shapes.forEach((s, k) => {
            expect(offs[k] + i * steps[k], `trial ${trial} operand ${k}`).toBe(ravelBroadcast(idx, s));
          });
        }
      });
      expect(Array.from(seen).every((c) => c === 1)).toBe(true);
    }
  });

  test("hot bias-add patterns give the same values as an explicit loop", () => {
    const Z = arr(Array.from({ length: 4 * 400 }, (_, i) => Math.sin(i)), [4, 400]);
    const b = arr([0.5, -1, 2, 3], [4, 1]);
    const row = arr(Array.from({ length: 400 }, (_, j) => j / 7), [1, 400]);
    const byCol = ops.add(Z, b);
    const byRow = ops.subtract(row, Z);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 400; j++) {
        expect(byCol.data[i * 400 + j]).toBe(Z.data[i * 400 + j] + b.data[i]);
        expect(byRow.data[i * 400 + j]).toBe(row.data[j] - Z.data[i * 400 + j]);
      }
    }
  });
});

function unravel(flat: number, shape: number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return idx;
}

function ravelBroadcast(idx: number[], shape: number[]): number {
  const lead = idx.length - shape.length;
  let flat = 0;
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i] + (shape[i] === 1 ? 0 : idx[lead + i]);
  return flat;
}

describe("ops semantics beyond the fixtures", () => {
  test("results are new arrays, also on fast paths", () => {
    const a = arr([1, 2, 3], [3], "int64");
    for (const r of [ops.add(a, 0), ops.multiply(a, 1), ops.round(a), ops.abs(a), ops.clip(a, 0, 9)]) {
      expect(r).not.toBe(a);
      expect(r.data).not.toBe(a.data);
    }
  });

  test("JS scalar operands give JS scalars, as numpy gives scalars; 0-d arrays and lists give arrays", () => {
    const five: number = ops.add(2, 3);
    expect(five).toBe(5);
    const s: number = ops.sqrt(2 / 4);
    expect(s).toBe(Math.sqrt(0.5));
    expect(ops.sqrt(-1)).toBeNaN();
    expect(ops.maximum(0, 3)).toBe(3);
    expect(ops.power(0.9, 2)).toBe(0.81);
    expect(ops.divide(1, 2)).toBe(0.5);
    const bigger: boolean = ops.greater(true, 0.5);
    expect(bigger).toBe(true);
    expect(ops.add(true, true)).toBe(true); // bool + bool is logical or, a bool scalar
    expect(ops.multiply(true, 2)).toBe(2);
    expect(ops.abs(true)).toBe(true);
    expect(ops.isnan(NaN)).toBe(true);
    expect(ops.isclose(1, 1 + 1e-9)).toBe(true);
    expect(ops.clip(5, 0, 3)).toBe(3);
    expect(() => ops.power(2, -1)).toThrow(new ValueError("Integers to negative integer powers are not allowed."));
    const zeroD = ops.add(new NDArray(Float64Array.of(2), [], "int64"), 3);
    expect(zeroD).toBeInstanceOf(NDArray);
    expect([zeroD.shape, zeroD.dtype, zeroD.data[0]]).toEqual([[], "int64", 5]);
    expect(ops.exp([0])).toBeInstanceOf(NDArray);
    const arrayArg: NDArray = ops.multiply(arr([1, 2], [2]), 2);
    expect(Array.from(arrayArg.data)).toEqual([2, 4]);
    expect(ops.allclose([1, 2], [1, 2 + 1e-9])).toBe(true);
    expect(ops.array_equal([[1, 2]], [1, 2])).toBe(false);
    expect(ops.array_equal([[1, 2], [3]], [1, 2])).toBe(false); // ragged: numpy returns False too
  });

  test("numpy's round-half-even and its scaled rounding", () => {
    expect(ops.round(2.5)).toBe(2);
    expect(ops.round(0.125, 2)).toBe(0.12);
    expect(ops.round(-0.5)).toBe(-0);
    expect(Object.is(ops.round(-0.4), -0)).toBe(true);
    expect(ops.around).toBe(ops.round);
  });

  test("log of 0 and of negatives follow IEEE without throwing", () => {
    expect(Array.from(ops.log([0, -1, 1]).data)).toEqual([-Infinity, NaN, 0]);
  });
});
