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
export { nansum, nanmean, nanmax, nanmin } from "./nanfunctions";
export * as testing from "./testing";

export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;
export const newaxis = null;
