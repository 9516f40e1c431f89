// Array creation against numpy 1.24 (fixtures from tests/fixtures/gen_ops.py). arange and linspace
// are held to bit-exact values: their formulas are numpy's own, with no libm involved.
import { describe, expect, test } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import * as creation from "../../src/np/creation";
import { checkCase, loadCases } from "../fixtures/ops/replay";
import { ValueError } from "../../src/np/errors";

const fns = creation as unknown as Record<string, (...args: unknown[]) => unknown>;

describe("numpy fixtures: creation", () => {
  const cases = loadCases("creation");
  for (const fn of new Set(cases.map((c) => c.fn))) {
    const mine = cases.filter((c) => c.fn === fn);
    test(`${fn} (${mine.length} cases)`, () => {
      expect(mine.map((c) => checkCase(c, fns[c.fn])).filter((f) => f !== null)).toEqual([]);
    });
  }
});

describe("creation details", () => {
  test("arange and linspace match numpy to the last bit", () => {
    // values numpy 1.24 prints with repr(): start + i * delta, and i * step + start
    expect(Array.from(creation.arange(0, 1, 0.1).data)).toEqual([
      0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9,
    ]);
    // (start + i * (stop - start) / div would give 0.49999999999999994 and 0.7999999999999998)
    expect(Array.from(creation.linspace(0.2, 0.9, 8).data)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  test("shape forms and dtypes", () => {
    expect(creation.zeros(3).shape).toEqual([3]);
    expect(creation.zeros([4, 1]).shape).toEqual([4, 1]);
    expect(creation.ones([2, 2], "bool").dtype).toBe("bool");
    expect(creation.arange(5).dtype).toBe("int64");
    expect(creation.arange(0, 2, 0.5).dtype).toBe("float64");
    expect(creation.empty([2, 3])).toBeInstanceOf(NDArray);
    expect(() => creation.zeros([2, -1])).toThrow(new ValueError("negative dimensions are not allowed"));
  });

  test("full copies an array fill value instead of sharing it", () => {
    const fill = new NDArray(Float64Array.of(1, 2), [2]);
    const a = creation.full([2], fill);
    a.data[0] = 7;
    expect(fill.data[0]).toBe(1);
  });
});
