import { describe, expect, test } from "vitest";
import { count_nonzero } from "../../src/np/counting";
import { NDArray } from "../../src/np/ndarray";
import { expectNumpyError } from "../helpers/errors";
import { dec, expectSame, load, type NumpyError, type Rec } from "../fixtures/np_extra/fixture";

type Axis = number | number[] | null;
interface Case {
  fn: string;
  input: string;
  axis: Axis;
  keepdims: boolean;
  expected?: { array?: Rec; int?: number };
  error?: NumpyError;
}
const fx = load<{ inputs: Record<string, Rec>; cases: Case[]; errors: Case[] }>("nan.json");

describe("np.count_nonzero matches numpy 1.24", () => {
  const cases = fx.cases.filter((c) => c.fn === "count_nonzero");
  test(`${cases.length} inputs x axes x keepdims, positional and as options`, () => {
    for (const c of cases) {
      const a = dec(fx.inputs[c.input]);
      const label = `count_nonzero(${c.input}, axis=${JSON.stringify(c.axis)}, keepdims=${c.keepdims})`;
      for (const call of [() => count_nonzero(a, c.axis, c.keepdims), () => count_nonzero(a, { axis: c.axis, keepdims: c.keepdims })]) {
        if (c.error) expectNumpyError(call, c.error, label);
        else if (c.expected!.int !== undefined) expect(call(), label).toBe(c.expected!.int);
        else expectSame(call(), c.expected!.array!, c.expected!.array!.shape, label);
      }
    }
    expect(cases.length).toBeGreaterThan(50);
  });

  test("axis errors", () => {
    for (const e of fx.errors.filter((x) => x.fn === "count_nonzero")) {
      expectNumpyError(() => count_nonzero(dec(fx.inputs[e.input]), e.axis), e.error!, `count_nonzero(axis=${e.axis})`);
    }
  });

  test("without an axis the count is a number (numpy's Python int), with one an int64 array", () => {
    const a = dec(fx.inputs.zeros);
    expect(typeof count_nonzero(a)).toBe("number");
    expect((count_nonzero(a, 0) as NDArray).dtype).toBe("int64");
    expect(count_nonzero([[0, 1], [2, 0]], 1).repr()).toBe("array([1, 1])");
    expect(count_nonzero([true, false, true])).toBe(2);
  });
});
