// Reductions that ignore NaN, as numpy/lib/nanfunctions.py defines them: nansum is np.sum of the
// array with NaN replaced by 0 (so it runs nnlab's pairwise sum and matches numpy bit for bit),
// nanmean is that sum over the count of non-NaN values, and nanmax/nanmin are numpy's fmax/fmin
// reductions (NaN only where a whole slice is NaN). Integer and bool arrays have no NaN and go
// straight to the plain reduction, as in numpy.
import { NDArray, type ArrayLike } from "./ndarray";
import { asarray } from "./convert";
import { normalizeAxes } from "./shape";
import { sum, max, min, mean, type Reduction, type ReduceOptions } from "./reduce";
import { ValueError } from "./errors";

type AxisArg = number | number[] | ReduceOptions | null | undefined;

/** The (axis, keepdims) pair from numpy's positional axis or a kwargs-like options object. */
function parse(axisArg: AxisArg, keepdims: boolean | undefined): { axis: number | number[] | null; keepdims: boolean } {
  if (axisArg !== null && typeof axisArg === "object" && !Array.isArray(axisArg)) {
    return { axis: axisArg.axis ?? null, keepdims: axisArg.keepdims ?? keepdims ?? false };
  }
  return { axis: axisArg ?? null, keepdims: keepdims ?? false };
}

/** numpy's _replace_nan: a float copy with NaN set to `value`, and the mask of the non-NaN values;
 *  null for int and bool arrays, which cannot hold NaN. */
function replaceNan(a: NDArray, value: number): { replaced: NDArray; valid: NDArray } | null {
  if (a.dtype !== "float64") return null;
  const d = a.data.slice();
  const valid = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== d[i]) d[i] = value;
    else valid[i] = 1;
  }
  return { replaced: new NDArray(d, a.shape, a.dtype), valid: new NDArray(valid, a.shape, "bool") };
}

/** Elementwise q = num / den over two same-shaped reduction results (or two numbers). */
function divide(num: number | NDArray, den: number | NDArray): number | NDArray {
  if (typeof num === "number") return num / (den as number);
  const d = den as NDArray;
  const out = num.data.map((v, i) => v / d.data[i]);
  return new NDArray(out, num.shape, "float64");
}

/**
 * The sum of array elements over the given axes, treating NaN as zero.
 *
 * Mirrors numpy.nansum: the array with its NaNs replaced by 0, summed with np.sum's pairwise
 * order, so results are bit-identical to numpy's. All-NaN slices sum to 0. Int and bool arrays
 * sum as np.sum does (bool counts as int64).
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - an axis, a list of axes, or null (all)
 * @param opts - instead of axis and keepdims, numpy's keyword arguments as an object { axis, keepdims }
 * @param keepdims - keep the reduced axes with length 1
 * @returns a number when reducing everything without keepdims, otherwise an array
 * @example const cost = (1 / m) * np.nansum(logprobs);
 */
export const nansum: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) => {
  const arr = asarray(a);
  const r = replaceNan(arr, 0);
  return sum(r ? r.replaced : arr, axis as never, keepdims);
}) as Reduction;

/**
 * The arithmetic mean over the given axes, ignoring NaNs.
 *
 * Mirrors numpy.nanmean: np.nansum divided by the number of non-NaN values, so it matches numpy
 * bit for bit; an all-NaN slice gives NaN (numpy also warns "Mean of empty slice"). Int and bool
 * arrays are averaged by np.mean. The result is always float64.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - an axis, a list of axes, or null (all)
 * @param opts - instead of axis and keepdims, numpy's keyword arguments as an object { axis, keepdims }
 * @param keepdims - keep the reduced axes with length 1
 * @returns a number when reducing everything without keepdims, otherwise a float64 array
 * @example const avg = np.nanmean(A, { axis: 1, keepdims: true });
 */
export const nanmean: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) => {
  const arr = asarray(a);
  const r = replaceNan(arr, 0);
  if (!r) return mean(arr, axis as never, keepdims);
  const tot = sum(r.replaced, axis as never, keepdims);
  const cnt = sum(r.valid, axis as never, keepdims);
  return divide(tot, cnt);
}) as Reduction;

/** nanmax/nanmin: the extremum of the non-NaN values of each slice (NaN replaced by the identity
 *  that never wins), then NaN put back where a slice had no value at all. */
function nanExtremum(a: ArrayLike, axisArg: AxisArg, keepdimsArg: boolean | undefined, isMax: boolean): number | NDArray {
  const arr = asarray(a);
  const { axis, keepdims } = parse(axisArg, keepdimsArg);
  const axes = axis === null ? arr.shape.map((_, i) => i) : normalizeAxes(axis, arr.ndim);
  if (axes.some((k) => arr.shape[k] === 0)) {
    throw new ValueError(`zero-size array to reduction operation ${isMax ? "fmax" : "fmin"} which has no identity`);
  }
  const reducer = isMax ? max : min;
  const r = replaceNan(arr, isMax ? -Infinity : Infinity);
  if (!r) return reducer(arr, axis as never, keepdims);
  const res = reducer(r.replaced, axis as never, keepdims);
  const cnt = sum(r.valid, axis as never, keepdims);
  if (typeof res === "number") return (cnt as unknown as number) === 0 ? NaN : res;
  const c = (cnt as NDArray).data;
  for (let i = 0; i < res.data.length; i++) if (c[i] === 0) res.data[i] = NaN;
  return res;
}

/**
 * The maximum over the given axes, ignoring NaNs.
 *
 * Mirrors numpy.nanmax (numpy's fmax reduction): NaNs are skipped; a slice that is all NaN gives
 * NaN (numpy also warns "All-NaN slice encountered"); an empty slice raises numpy's ValueError.
 * The dtype is the array's.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - an axis, a list of axes, or null (all)
 * @param opts - instead of axis and keepdims, numpy's keyword arguments as an object { axis, keepdims }
 * @param keepdims - keep the reduced axes with length 1
 * @returns a number when reducing everything without keepdims, otherwise an array
 * @example const top = np.nanmax(scores, 0);
 */
export const nanmax: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  nanExtremum(a, axis, keepdims, true)) as Reduction;

/**
 * The minimum over the given axes, ignoring NaNs.
 *
 * Mirrors numpy.nanmin (numpy's fmin reduction): NaNs are skipped; a slice that is all NaN gives
 * NaN (numpy also warns "All-NaN slice encountered"); an empty slice raises numpy's ValueError.
 * The dtype is the array's.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - an axis, a list of axes, or null (all)
 * @param opts - instead of axis and keepdims, numpy's keyword arguments as an object { axis, keepdims }
 * @param keepdims - keep the reduced axes with length 1
 * @returns a number when reducing everything without keepdims, otherwise an array
 * @example const low = np.nanmin(A, { axis: 1, keepdims: true });
 */
export const nanmin: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  nanExtremum(a, axis, keepdims, false)) as Reduction;
