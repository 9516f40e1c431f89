// np.count_nonzero: how many elements are not zero (NaN counts, as it is not equal to 0).
import { NDArray, type ArrayLike } from "./ndarray";
import { asarray } from "./convert";
import { sum, type ReduceOptions } from "./reduce";

type AxisArg = number | number[] | ReduceOptions | null | undefined;

/**
 * Counts the non-zero values of an array, in total or along the given axes.
 *
 * Mirrors numpy.count_nonzero: an element counts when it is not equal to 0 (True, NaN and inf
 * count; 0 and -0 do not). Without an axis (and without keepdims) the count is a number, as numpy
 * returns a Python int; with an axis it is an int64 array, numpy's `a.astype(bool).sum(axis)`.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - an axis, a list of axes, null (all), or an options object { axis, keepdims }
 * @param keepdims - keep the reduced axes with length 1 (numpy's keyword-only keepdims)
 * @returns the count: a number for the whole array, otherwise an int64 array
 * @example const n = np.count_nonzero(D1); // units kept by the dropout mask
 */
export function count_nonzero(a: ArrayLike): number;
export function count_nonzero(a: ArrayLike, axis: ReduceOptions & { axis?: null; keepdims?: false }): number;
export function count_nonzero(a: ArrayLike, axis: null | undefined, keepdims?: false): number;
export function count_nonzero(a: ArrayLike, axis: number | number[] | ReduceOptions | null, keepdims?: boolean): NDArray;
export function count_nonzero(a: ArrayLike, axis?: AxisArg, keepdims?: boolean): number | NDArray;
export function count_nonzero(a: ArrayLike, axis?: AxisArg, keepdims?: boolean): number | NDArray {
  const arr = asarray(a);
  const d = arr.data;
  const nonzero = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) nonzero[i] = d[i] !== 0 ? 1 : 0;
  return sum(new NDArray(nonzero, arr.shape, "bool"), axis as never, keepdims);
}
