// The `np` namespace: numpy's names, gathered from the modules that implement them.
export { NDArray } from "./ndarray";
export type { DType, Shape, ArrayLike, NestedArray, Index } from "./ndarray";
export { array, asarray } from "./convert";
export { zeros, ones, full, empty, zeros_like, ones_like, empty_like, full_like, arange, linspace, eye } from "./creation";
export {
  reshape, ravel, squeeze, expand_dims, transpose, swapaxes, concatenate, stack, hstack, vstack,
  tolist, shape, ndim, size,
} from "./shape";
export { take, putmask, where } from "./indexing";
export {
  add, subtract, multiply, divide, power, square, maximum, minimum, exp, log, tanh, sqrt, abs, absolute,
  sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, log1p, expm1, log2, log10,
  sign, negative, clip, round, around, floor, ceil, greater, greater_equal, less, less_equal,
  equal, not_equal, logical_and, logical_or, logical_not, isnan, isinf, isfinite, isclose,
  allclose, array_equal,
} from "./ops";
export { sum, mean, max, min, argmax, argmin, std, var_ as var, cumsum, amax, amin } from "./reduce";
export type { ReduceOptions } from "./reduce";
export { dot, matmul, outer, linalg } from "./linalg";
export { ValueError, IndexError, AxisError, TypeError, ZeroDivisionError, OverflowError } from "./errors";
export { float64, int64, uint8, bool_ } from "./scalars";
export type { DTypeLike, DTypeName, ScalarType } from "./dtype";
export type { NormOrder } from "./linalg";
export { array_str, array_repr, array2string, set_printoptions, get_printoptions, str, repr } from "./format";
export type { PrintOptions, FormatOptions } from "./format";
export * as random from "./random";
export { pad } from "./pad";
export type { PadMode, PadOptions } from "./pad";
export { meshgrid, r_, c_ } from "./grid";
export type { MeshgridOptions, ConcatItem } from "./grid";
export { copy } from "./copy";
export { count_nonzero } from "./counting";
export { show_config } from "./config";
export { nansum, nanmean, nanmax, nanmin } from "./nanfunctions";
export * as testing from "./testing";

/**
 * The constant pi = 3.141592653589793 (Math.PI).
 *
 * Mirrors numpy.pi.
 *
 * @example const angles = np.linspace(0, 2 * np.pi, 100);
 */
export const pi = Math.PI;

/**
 * Euler's number e = 2.718281828459045 (Math.E), the base of np.exp and np.log.
 *
 * Mirrors numpy.e.
 *
 * @example np.log(np.e); // 1
 */
export const e = Math.E;

/**
 * Positive infinity (JavaScript's Infinity); -np.inf is negative infinity.
 *
 * Mirrors numpy.inf.
 *
 * @example np.clip(Z, -np.inf, 0);
 */
export const inf = Infinity;

/**
 * Not a number (JavaScript's NaN); it is not equal to itself, so test with np.isnan.
 *
 * Mirrors numpy.nan.
 *
 * @example np.isnan(np.array([1, np.nan])); // array([False,  True])
 */
export const nan = NaN;

/**
 * numpy's newaxis (None): as a `slice` index it inserts an axis of length 1.
 *
 * `x[:, np.newaxis]` is `x.slice(":", np.newaxis)`. Mirrors numpy.newaxis.
 *
 * @example np.arange(3).slice(":", np.newaxis).shape; // [3, 1]
 */
export const newaxis = null;
