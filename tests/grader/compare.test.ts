// The comparison the student check and the batch grader share.
import { describe, expect, it } from "vitest";
import { compareValues, deepCopy, mutatedInputs } from "../../src/grader/compare";
import { array } from "../../src/np/convert";
import { zeros } from "../../src/np/creation";

describe("compareValues", () => {
  it("accepts equal values within the tolerance", () => {
    const want = { W1: array([[1, 2], [3, 4]]), b1: zeros([2, 1]) };
    const got = { W1: array([[1 + 1e-12, 2], [3, 4]]), b1: zeros([2, 1]) };
    expect(compareValues(got, want, {}, "parameters")).toEqual([]);
  });

  it("names a wrong type, with what was expected", () => {
    expect(compareValues(3, array([1, 2]))).toEqual([
      "the return value: wrong type: expected an NDArray of shape (2,) (float64), got the number 3",
    ]);
    expect(compareValues(undefined, 0.5)).toEqual([
      "the return value: wrong type: expected the number 0.5, got undefined (did the function return anything?)",
    ]);
  });

  it("names a wrong shape, expected vs got", () => {
    expect(compareValues({ W1: zeros([2, 4]) }, { W1: zeros([4, 2]) }, {}, "parameters")).toEqual([
      "parameters.W1: wrong shape: expected (4, 2), got (2, 4)",
    ]);
  });

  it("lists which entries differ and by how much", () => {
    const want = array([[1, 2, 3], [4, 5, 6]]);
    const got = array([[1, 2.5, 3], [4, 5, 7]]);
    const [msg] = compareValues(got, want);
    expect(msg.split("\n")).toEqual([
      "the return value: 2 of 6 entries differ (33.3%); max absolute difference 1, max relative difference 0.25 (tolerance rtol=1e-7, atol=1e-9)",
      "    at (0, 1): expected 2, got 2.5",
      "    at (1, 2): expected 6, got 7",
    ]);
  });

  it("walks tuples and objects, naming the path, and reports missing keys", () => {
    const want = [array([1]), { Z1: array([1]), A1: array([2]) }];
    const got = [array([1]), { Z1: array([1]) }];
    expect(compareValues(got, want)).toEqual(["the return value[1]: missing key A1"]);
    expect(compareValues([array([1])], want)).toEqual(["the return value: expected an array of 2 elements, got 1"]);
  });

  it("counts a 1x1 array as a number, and a float array where bools are expected as a wrong dtype", () => {
    expect(compareValues(array([[0.6931471805599453]]), 0.6931471805599453)).toEqual([]);
    expect(compareValues(array([[1, 0]]), array([[true, false]]))).toEqual([
      "the return value: wrong dtype: expected bool values, got float64",
    ]);
  });

  it("NaN matches only NaN", () => {
    expect(compareValues(NaN, NaN)).toEqual([]);
    expect(compareValues(1, NaN)).toEqual(["the return value: expected NaN, got 1"]);
  });
});

it("deepCopy and mutatedInputs tell a function that wrote to its arguments", () => {
  const params = { W1: array([[1, 2]]), b1: zeros([1, 1]) };
  const before = deepCopy([params]);
  params.W1.set(0, 0, 9);
  expect(before[0].W1.get(0, 0)).toBe(1);
  expect(mutatedInputs(before, [params], ["parameters"])).toEqual(["parameters.W1"]);
  expect(mutatedInputs(before, before, ["parameters"])).toEqual([]);
});
