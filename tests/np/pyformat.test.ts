import { describe, expect, test } from "vitest";
import { formatG } from "../../src/np/pyformat";
import { load } from "../fixtures/np_extra/fixture";

const fx = load<{ format_g: { x: number; g: string; g3: string }[] }>("testing.json");

describe("formatG is Python's format(x, 'g') and format(x, '.3g')", () => {
  test(`${fx.format_g.length} values from numpy's reports, ties included (3.125 -> 3.12)`, () => {
    for (const { x, g, g3 } of fx.format_g) {
      expect([x, formatG(x)]).toEqual([x, g]);
      expect([x, formatG(x, 3)]).toEqual([x, g3]);
    }
  });

  test("non-finite values and signed zero", () => {
    expect([formatG(NaN), formatG(Infinity), formatG(-Infinity), formatG(-0), formatG(-2.5e-7)]).toEqual([
      "nan", "inf", "-inf", "-0", "-2.5e-07",
    ]);
  });
});
