import { describe, expect, test } from "vitest";
import { NDArray, type ArrayLike, type Index } from "../../src/np/ndarray";
import { array } from "../../src/np/convert";
import { getElement, getItem, item, putmask, setElement, setItem, take, where } from "../../src/np/indexing";
import { dec, expectSame, load, type Rec } from "../fixtures/reduce_shape/fixture";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

type IndexSpec = number | string | null | { list: number[] } | { arr: Rec };
type ValueSpec = number | boolean | { arr: Rec };
interface Fixture {
  arrays: Record<string, Rec>;
  get: { input: string; index: IndexSpec[]; expected: Rec }[];
  get_errors: { input: string; index: IndexSpec[]; error: NumpyError }[];
  set: { input: string; index: IndexSpec[]; value: ValueSpec; expected: Rec }[];
  set_errors: { input: string; index: IndexSpec[]; value: ValueSpec; error: NumpyError }[];
  putmask: { input: string; mask: Rec; values: number[]; expected: Rec }[];
  putmask_errors: { input: string; mask: Rec; values: number[]; error: NumpyError }[];
  take: { input: string; indices: number | number[] | number[][]; axis: number | null; expected: Rec }[];
  take_errors: { input: string; indices: number[]; axis: number | null; error: NumpyError }[];
  where: { cond: ValueSpec; x: ValueSpec; y: ValueSpec; expected: Rec }[];
  nonzero: { cond: Rec; expected: Rec[] }[];
  where_errors: { shapes: number[][]; error: NumpyError }[];
  item: { input: string; index: number[]; expected: number | boolean }[];
  item_errors: { input: string; index: number[]; error: NumpyError }[];
  element_errors: { input: string; index: number[]; error: NumpyError }[];
}

const fx = load<Fixture>("indexing.json");
const arr = (name: string): NDArray => dec(fx.arrays[name]);

function toIndex(spec: IndexSpec[]): Index[] {
  return spec.map((s) => (s !== null && typeof s === "object" ? ("list" in s ? s.list : dec(s.arr)) : s));
}
function toValue(v: ValueSpec): ArrayLike {
  return typeof v === "object" ? dec(v.arr) : v;
}

describe("getItem (numpy's a[...]) matches numpy", () => {
  test(`${fx.get.length} selections: slices, ints, ..., newaxis, index arrays, masks`, () => {
    for (const c of fx.get) {
      expectSame(getItem(arr(c.input), toIndex(c.index)), c.expected, c.expected.shape, `${c.input}${JSON.stringify(c.index)}`);
    }
  });
  test("errors", () => {
    for (const c of fx.get_errors) {
      expectNumpyError(() => getItem(arr(c.input), toIndex(c.index)), c.error, JSON.stringify(c.index));
    }
    const only = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";
    for (const bad of ["1:2:3:4", "a:", "1", 1.5]) expectNumpyError(() => getItem(arr("x1"), [bad]), { type: "IndexError", message: only });
    expectNumpyError(() => getItem(arr("x1"), [[0.5]]), { type: "IndexError", message: only });
  });
  test("the result is a copy", () => {
    const a = arr("x2");
    const before = a.data.slice();
    getItem(a, [":", "1:3"]).data.fill(0);
    getItem(a, ["..."]).data.fill(0);
    expect(a.data).toEqual(before);
  });
  test("a list of booleans is a mask", () => {
    const a = array([10, 20, 30]);
    expect(Array.from(getItem(a, [[true, false, true] as unknown as number[]]).data)).toEqual([10, 30]);
  });
});

describe("setItem (numpy's a[...] = v) matches numpy", () => {
  test(`${fx.set.length} assignments with broadcasting and casting`, () => {
    for (const c of fx.set) {
      const a = arr(c.input);
      setItem(a, toIndex(c.index), toValue(c.value));
      expectSame(a, c.expected, c.expected.shape, `${c.input}${JSON.stringify(c.index)} = ${JSON.stringify(c.value).slice(0, 40)}`);
    }
  });
  test("errors", () => {
    for (const c of fx.set_errors) {
      expectNumpyError(() => setItem(arr(c.input), toIndex(c.index), toValue(c.value)), c.error, JSON.stringify(c.index));
    }
  });
});

describe("putmask, take, where, item, element access", () => {
  test("putmask (values repeat by flat position)", () => {
    for (const c of fx.putmask) {
      const a = arr(c.input);
      putmask(a, dec(c.mask), c.values);
      expectSame(a, c.expected, c.expected.shape, c.input);
    }
    for (const c of fx.putmask_errors) expectNumpyError(() => putmask(arr(c.input), dec(c.mask), c.values), c.error);
  });
  test("take", () => {
    for (const c of fx.take) {
      expectSame(take(arr(c.input), c.indices as ArrayLike, c.axis), c.expected, c.expected.shape, JSON.stringify(c));
    }
    for (const c of fx.take_errors) expectNumpyError(() => take(arr(c.input), c.indices, c.axis), c.error, JSON.stringify(c));
    expectNumpyError(() => take(arr("x2"), array([1.0])), {
      type: "TypeError",
      message: "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
    });
  });
  test("where, three arguments: broadcasting and dtype promotion", () => {
    for (const c of fx.where) {
      expectSame(where(toValue(c.cond), toValue(c.x), toValue(c.y)), c.expected, c.expected.shape, JSON.stringify(c).slice(0, 80));
    }
    for (const c of fx.where_errors) {
      const [s0, s1, s2] = c.shapes.map((s) => new NDArray(new Float64Array(s.reduce((p, d) => p * d, 1)), s));
      expectNumpyError(() => where(s0, s1, s2), c.error);
    }
    expect(() => (where as (c: ArrayLike, x?: ArrayLike) => unknown)([true], 1)).toThrow(
      "either both or neither of x and y should be given",
    );
  });
  test("where, one argument: np.nonzero's index arrays", () => {
    for (const c of fx.nonzero) {
      const got = where(dec(c.cond));
      expect(got.length).toBe(c.expected.length);
      got.forEach((g, k) => expectSame(g, c.expected[k]));
    }
  });
  test("item", () => {
    for (const c of fx.item) expect(item(arr(c.input), c.index), `${c.input}.item(${c.index})`).toBe(c.expected);
    for (const c of fx.item_errors) expectNumpyError(() => item(arr(c.input), c.index), c.error, JSON.stringify(c));
  });
  test("getElement / setElement", () => {
    const a = arr("x2");
    expect(getElement(a, [1, 2])).toBe(a.data[1 * 5 + 2]);
    expect(getElement(a, [-1, -1])).toBe(a.data[19]);
    setElement(a, [-2, 0, 42]);
    expect(a.data[2 * 5 + 0]).toBe(42);
    for (const c of fx.element_errors) {
      expectNumpyError(() => getElement(arr(c.input), c.index), c.error, JSON.stringify(c));
      expectNumpyError(() => setElement(arr(c.input), [...c.index, 1]), c.error, JSON.stringify(c));
    }
    const ints = arr("xi");
    setElement(ints, [0, 0, -2.7]);
    expect(Object.is(ints.data[0], -2)).toBe(true);
    setElement(ints, [0, 1, -0.5]);
    expect(Object.is(ints.data[1], 0)).toBe(true);
    expectNumpyError(() => setElement(ints, [0, 0, NaN]), { type: "ValueError", message: "cannot convert float NaN to integer" });
    expectNumpyError(() => setElement(ints, [0, 0, Infinity]), { type: "OverflowError", message: "cannot convert float infinity to integer" });
    expectNumpyError(() => setElement(ints, [0, 0, [1, 2]]), { type: "ValueError", message: "setting an array element with a sequence." });
    const bools = arr("xb");
    setElement(bools, [0, 0, 5]);
    expect(item(bools, [0, 0])).toBe(true);
  });
});

describe("mini-batch slicing speed", () => {
  // The course's shapes: X is (12288, 209); batches take columns by permutation or by range.
  const rows = 12288;
  const cols = 209;
  const X = new NDArray(Float64Array.from({ length: rows * cols }, (_, i) => i), [rows, cols]);
  const perm = Array.from({ length: cols }, (_, i) => (i * 37) % cols);
  test("X.slice(':', permutation) and X.slice(':', 'a:b') are right and fast", () => {
    const t0 = performance.now();
    const shuffled = getItem(X, [":", perm]);
    const t1 = performance.now();
    const batch = getItem(shuffled, [":", "64:128"]);
    const t2 = performance.now();
    expect(shuffled.shape).toEqual([rows, cols]);
    expect(batch.shape).toEqual([rows, 64]);
    for (const [r, c] of [[0, 0], [5, 100], [rows - 1, cols - 1]]) {
      expect(shuffled.data[r * cols + c]).toBe(r * cols + perm[c]);
    }
    expect(batch.data[3 * 64 + 5]).toBe(3 * cols + perm[64 + 5]);
    // Generous bounds (a shared 2-core machine); typical figures are a few milliseconds.
    expect(t1 - t0).toBeLessThan(500);
    expect(t2 - t1).toBeLessThan(200);
  });
});

describe("through NDArray's methods, as the labs write them", () => {
  test("slice, assign, putmask, take, item, get/set", () => {
    const A = array([[1, -2, 3], [-4, 5, -6]]);
    expect(A.slice(":", [2, 0]).tolist()).toEqual([[3, 1], [-6, -4]]);
    expect(A.slice(-1).tolist()).toEqual([-4, 5, -6]);
    expect(A.slice("...", null).shape).toEqual([2, 3, 1]);
    const dZ = A.copy().putmask(A.less_equal(0), 0);
    expect(dZ.tolist()).toEqual([[1, 0, 3], [0, 5, 0]]);
    expect(A.copy().assign([":", 0], [7, 8]).tolist()).toEqual([[7, -2, 3], [8, 5, -6]]);
    expect(A.take([1], 1).tolist()).toEqual([[-2], [5]]);
    expect(A.item(4)).toBe(5);
    expect(A.get(1, -1)).toBe(-6);
    const B = A.copy();
    B.set(0, 0, 10);
    expect(B.item(0, 0)).toBe(10);
  });
  test("reductions and shape methods", () => {
    const A = array([[1, 2, 3], [4, 5, 6]]);
    expect(A.sum()).toBe(21);
    expect(A.sum({ axis: 1, keepdims: true }).tolist()).toEqual([[6], [15]]);
    expect(A.mean(0).tolist()).toEqual([2.5, 3.5, 4.5]);
    expect(A.max(1).tolist()).toEqual([3, 6]);
    expect(A.argmax({ axis: 0 }).tolist()).toEqual([1, 1, 1]);
    expect(A.var()).toBeCloseTo(35 / 12, 15);
    expect(A.T.shape).toEqual([3, 2]);
    expect(A.reshape(3, -1).shape).toEqual([3, 2]);
    expect(A.reshape([1, 6]).shape).toEqual([1, 6]);
    expect(A.transpose(1, 0).tolist()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(A.flatten().tolist()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(A.astype("bool").tolist()).toEqual([[true, true, true], [true, true, true]]);
    expect(A.expand_dims(0).squeeze().shape).toEqual([2, 3]);
  });
});
