import { describe, expect, test } from "vitest";
import { copy } from "../../src/np/copy";
import { array } from "../../src/np/convert";
import { dec, expectSame, load, type Rec } from "../fixtures/np_extra/fixture";

const fx = load<{ inputs: Record<string, Rec>; copy: { same: boolean; list: Rec } }>("nan.json");

describe("np.copy and a.copy()", () => {
  test("np.copy(a) equals a, with its own storage; a.copy() too", () => {
    const a = dec(fx.inputs.f2);
    for (const c of [copy(a), a.copy()]) {
      expectSame(c, fx.inputs.f2);
      expect(c.data).not.toBe(a.data);
      c.set(0, 0, 123);
      expect(a.get(0, 0)).not.toBe(123);
    }
    expect(fx.copy.same).toBe(true);
  });

  test("np.copy of nested lists is a new float64 array, as numpy's for a list of floats", () => {
    expectSame(copy([[1.5, 2], [3, 4]]), fx.copy.list);
  });

  test("dtype is kept", () => {
    expect(copy(array([1, 2], "int64")).dtype).toBe("int64");
    expect(copy(array([true, false])).repr()).toBe("array([ True, False])");
  });
});
