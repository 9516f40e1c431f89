// Elementwise math and comparisons (numpy ufuncs) with numpy 1.24's dtype rules.
// Every op is a small typed loop over Float64Arrays; broadcasting is handled by strides
// (broadcast.ts), never by materialised copies. Each loop is its own function literal so V8
// keeps it monomorphic and inlines the arithmetic.
//
// Scalar results: when every operand is a JS number or boolean, the result is a JS number (a
// boolean where numpy's result dtype is bool), as numpy returns a scalar: np.sqrt(2 / n) is a
// number, np.greater(1, 0) is true. An NDArray operand (0-d included) or a JS list gives an NDArray.
//
// dtypes follow resultType (dtype.ts): numpy 1.24's promotion with value-based casting. uint8
// arithmetic wraps modulo 256 as numpy's does. Where numpy would produce a dtype nnlab does not
// store, the nearest stored one is used: float16 (numpy's result for bool and uint8 input to
// exp/log/sqrt/sin/..., floor, ceil and round) becomes float64; int8 (bool ** bool, square of
// bool), int16, uint16 and the other integer types become int64, which does not wrap at their
// bounds.
import { NDArray, shapeSize, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { asarray } from "./convert";
import { resultType, scalarKind, wrapUint8 } from "./dtype";
import { broadcastShapes, forEachRun } from "./broadcast";
import { ValueError } from "./errors";
import * as elementary from "./elementary";
import { emptyFloat64 } from "./empty";

/** n elements: out[o..o+n) from a[ia], a[ia+sa], ... and b[ib], b[ib+sb], ... */
type BinaryLoop = (
  out: Float64Array, o: number, n: number,
  a: Float64Array, ia: number, sa: number,
  b: Float64Array, ib: number, sb: number,
) => void;
/** out[i] = f(a[i]) over whole contiguous arrays. */
type UnaryLoop = (out: Float64Array, a: Float64Array) => void;

/** A JS scalar operand: numpy's Python scalar. */
type Scalar = number | boolean;
/** An operand that makes the result an array: an NDArray or a (nested) JS list. */
type ArrayOperand = NDArray | NestedArray[];

/** A unary ufunc whose result for a JS scalar is `S`. */
export interface Ufunc1<S extends Scalar = number> {
  (x: Scalar): S;
  (x: ArrayOperand): NDArray;
  (x: ArrayLike): S | NDArray;
}
/** A unary ufunc that keeps bool as bool (np.abs(true) is true). */
export interface Ufunc1Bool {
  (x: boolean): boolean;
  (x: Scalar): number;
  (x: ArrayOperand): NDArray;
  (x: ArrayLike): Scalar | NDArray;
}
/** A binary ufunc whose result for two JS scalars is `S`. */
export interface Ufunc2<S extends Scalar = number> {
  (a: Scalar, b: Scalar): S;
  (a: ArrayOperand, b: ArrayLike): NDArray;
  (a: ArrayLike, b: ArrayOperand): NDArray;
  (a: ArrayLike, b: ArrayLike): S | NDArray;
}
/** A binary ufunc that gives bool for two bools (np.add(true, true) is true, logical or). */
export interface Ufunc2Bool {
  (a: boolean, b: boolean): boolean;
  (a: Scalar, b: Scalar): number;
  (a: ArrayOperand, b: ArrayLike): NDArray;
  (a: ArrayLike, b: ArrayOperand): NDArray;
  (a: ArrayLike, b: ArrayLike): Scalar | NDArray;
}

const BOOL_SUBTRACT =
  "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, " +
  "or the logical_xor function instead.";
const BOOL_NEGATIVE =
  "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not " +
  "function instead.";
const NEGATIVE_INT_POWER = "Integers to negative integer powers are not allowed.";

function isScalar(x: unknown): x is Scalar {
  return typeof x === "number" || typeof x === "boolean";
}

/** A 0-d result as numpy's scalar: a boolean for bool, else a number. */
function unwrap(r: NDArray): Scalar {
  return r.dtype === "bool" ? r.data[0] !== 0 : r.data[0];
}

/** The ufunc over arrays, returning a scalar when every operand was a JS scalar. */
function ufunc1(impl: (A: NDArray) => NDArray): (x: ArrayLike) => Scalar | NDArray {
  return (x) => {
    const r = impl(toArray(x));
    return isScalar(x) ? unwrap(r) : r;
  };
}

function ufunc2(impl: (A: NDArray, B: NDArray) => NDArray): (a: ArrayLike, b: ArrayLike) => Scalar | NDArray {
  return (a, b) => {
    const r = impl(toArray(a), toArray(b));
    return isScalar(a) && isScalar(b) ? unwrap(r) : r;
  };
}

/** Operands as arrays; JS scalars skip np.asarray's nested-array walk (they are on hot paths). */
function toArray(x: ArrayLike): NDArray {
  if (x instanceof NDArray) return x;
  if (typeof x === "number" || typeof x === "boolean") return new NDArray(Float64Array.of(+x), [], scalarKind(x));
  return asarray(x);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Runs `loop` over the broadcast of A and B. Same shapes and size-1 operands (scalars) need no
 *  iterator at all; everything else, including the (n,m)+(n,1) bias add, goes by runs. */
function broadcastBinary(A: NDArray, B: NDArray, dtype: DType, loop: BinaryLoop): NDArray {
  const a = A.data;
  const b = B.data;
  let shape: readonly number[];
  let sa = 1;
  let sb = 1;
  if (sameShape(A.shape, B.shape)) {
    shape = A.shape;
  } else if (b.length === 1 && B.ndim <= A.ndim) {
    shape = A.shape;
    sb = 0;
  } else if (a.length === 1 && A.ndim <= B.ndim) {
    shape = B.shape;
    sa = 0;
  } else if (A.ndim === 2 && B.ndim === 2) {
    const r = rowColumnBroadcast(A, B, dtype, loop);
    if (r !== null) return r;
    const full = broadcastShapes(A.shape, B.shape);
    const out = emptyFloat64(shapeSize(full));
    forEachRun(full, [A.shape, B.shape], (o, n, offs, steps) => loop(out, o, n, a, offs[0], steps[0], b, offs[1], steps[1]));
    return new NDArray(out, full, dtype);
  } else {
    const full = broadcastShapes(A.shape, B.shape);
    const out = emptyFloat64(shapeSize(full));
    forEachRun(full, [A.shape, B.shape], (o, n, offs, steps) => loop(out, o, n, a, offs[0], steps[0], b, offs[1], steps[1]));
    return new NDArray(out, full, dtype);
  }
  const out = emptyFloat64(shapeSize(shape));
  loop(out, 0, out.length, a, 0, sa, b, 0, sb);
  return new NDArray(out, shape, dtype);
}

/** The labs' 2-D broadcasts, (n,m) with (n,1) (a column: the bias b of W·A + b, a sum over
 *  axis 1) or with (1,m) (a row), either way round: one run of m per row, the runs forEachRun
 *  would make, without its setup. null for any other pair of shapes. */
function rowColumnBroadcast(A: NDArray, B: NDArray, dtype: DType, loop: BinaryLoop): NDArray | null {
  const [an, am] = A.shape, [bn, bm] = B.shape;
  const a = A.data, b = B.data;
  let n: number, m: number;
  let ar: number, ac: number, br: number, bc: number; // row and column steps of each operand
  if (an === bn && bm === 1) [n, m, ar, ac, br, bc] = [an, am, am, 1, 1, 0];
  else if (am === bm && bn === 1) [n, m, ar, ac, br, bc] = [an, am, am, 1, 0, 1];
  else if (an === bn && am === 1) [n, m, ar, ac, br, bc] = [bn, bm, 1, 0, bm, 1];
  else if (am === bm && an === 1) [n, m, ar, ac, br, bc] = [bn, bm, 0, 1, bm, 1];
  else return null;
  const out = emptyFloat64(n * m);
  for (let i = 0; i < n; i++) loop(out, i * m, m, a, i * ar, ac, b, i * br, bc);
  return new NDArray(out, [n, m], dtype);
}

/** Arithmetic whose result dtype is numpy's promotion of the operands (no wrapping needed). */
function arith(A: NDArray, B: NDArray, loop: BinaryLoop): NDArray {
  return broadcastBinary(A, B, resultType([A, B]), loop);
}

function toBool(A: NDArray, B: NDArray, loop: BinaryLoop): NDArray {
  return broadcastBinary(A, B, "bool", loop);
}

function unary(A: NDArray, dtype: DType | null, loop: UnaryLoop): NDArray {
  const out = emptyFloat64(A.size);
  loop(out, A.data);
  return new NDArray(out, A.shape, dtype ?? A.dtype);
}

/** A uint8 result wraps modulo 256; the doubles the loops computed are exact integers. */
function wrapped(r: NDArray): NDArray {
  if (r.dtype === "uint8") wrapUint8(r.data);
  return r;
}

// ---- binary loops

const addLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] + b[ib + i * sb];
};
const subtractLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] - b[ib + i * sb];
};
const multiplyLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb];
};
// Integers have no -0: adding +0 turns a product such as -2 * 0 into +0 and changes nothing else
// (it matters once the value is divided by or printed).
const intMultiplyLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb] + 0;
};
const divideLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] / b[ib + i * sb];
};
const powerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = cPow(a[ia + i * sa], b[ib + i * sb]);
};
const intPowerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = intPow(a[ia + i * sa], b[ib + i * sb]);
};
// numpy's maximum/minimum propagate NaN from either side and, on ties such as -0 vs 0,
// return the second operand (its SIMD max/min semantics, checked against 1.24).
const maximumLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    const x = a[ia + i * sa];
    const y = b[ib + i * sb];
    out[o + i] = x > y || x !== x ? x : y;
  }
};
const minimumLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    const x = a[ia + i * sa];
    const y = b[ib + i * sb];
    out[o + i] = x < y || x !== x ? x : y;
  }
};
const greaterLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] > b[ib + i * sb] ? 1 : 0;
};
const greaterEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] >= b[ib + i * sb] ? 1 : 0;
};
const lessLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] < b[ib + i * sb] ? 1 : 0;
};
const lessEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] <= b[ib + i * sb] ? 1 : 0;
};
const equalLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0;
};
const notEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== b[ib + i * sb] ? 1 : 0;
};
// NaN is truthy for numpy (it is != 0), as `!== 0` treats it here.
const logicalAndLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== 0 && b[ib + i * sb] !== 0 ? 1 : 0;
};
const logicalOrLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== 0 || b[ib + i * sb] !== 0 ? 1 : 0;
};

/** C's pow, which differs from Math.pow where IEEE 754 defines pow(1, y) = 1 and pow(-1, ±inf) = 1. */
function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

/** numpy's integer power: exact square-and-multiply (exact while results stay below 2^53). */
function intPow(x: number, y: number): number {
  if (y < 0) throw new ValueError(NEGATIVE_INT_POWER);
  let result = 1;
  for (let base = x, e = y; e > 0; e = Math.floor(e / 2), base *= base) if (e % 2 === 1) result *= base;
  return result;
}

/** uint8 power: square-and-multiply keeping the low 8 bits, as numpy's wrapping uint8 loop. */
const uint8PowerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    let result = 1;
    for (let base = a[ia + i * sa] & 255, e = b[ib + i * sb]; e > 0; e = Math.floor(e / 2), base = (base * base) & 255) {
      if (e % 2 === 1) result = (result * base) & 255;
    }
    out[o + i] = result;
  }
};

// ---- arithmetic

/**
 * Adds arguments elementwise: numpy's `a + b`.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. The dtype is numpy's promotion
 * (float64 if either side is float; an int64 array plus a JS integer stays int64; uint8 wraps
 * modulo 256); bool + bool is logical or, as in numpy. The labs' `Z = np.dot(W, A) + b` is
 * `np.add(np.dot(W, A), b)` or `np.dot(W, A).add(b)`. Mirrors numpy.add.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns the elementwise sums, of the broadcast shape (a number when both operands are numbers)
 * @example np.add(np.array([[1, 2], [3, 4]]), np.array([[10], [20]])); // array([[11., 12.], [23., 24.]])
 */
export const add = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  return wrapped(broadcastBinary(A, B, dtype, dtype === "bool" ? logicalOrLoop : addLoop));
}) as Ufunc2Bool;

/**
 * Subtracts arguments elementwise: numpy's `a - b`.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. The dtype is numpy's promotion
 * (uint8 wraps modulo 256); subtracting bool arrays raises numpy's TypeError. The labs'
 * `dZ2 = A2 - Y` is `np.subtract(A2, Y)` or `A2.subtract(Y)`. Mirrors numpy.subtract.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns the elementwise differences a - b, of the broadcast shape (a number when both are numbers)
 * @example const dZ2 = np.subtract(A2, Y); // A2 - Y
 */
export const subtract = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  if (dtype === "bool") throw new TypeError(BOOL_SUBTRACT);
  return wrapped(broadcastBinary(A, B, dtype, subtractLoop));
}) as Ufunc2;

/**
 * Multiplies arguments elementwise: numpy's `a * b` (not the matrix product: that is np.dot).
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. The dtype is numpy's promotion
 * (uint8 wraps modulo 256); bool * bool is logical and. The dropout step `A1 = A1 * D1` is
 * `np.multiply(A1, D1)` or `A1.multiply(D1)`. Mirrors numpy.multiply.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns the elementwise products, of the broadcast shape (a number when both operands are numbers)
 * @example np.multiply(np.array([1, 2, 3]), 2); // array([2., 4., 6.])
 */
export const multiply = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  return wrapped(broadcastBinary(A, B, dtype, dtype === "int64" ? intMultiplyLoop : multiplyLoop));
}) as Ufunc2Bool;

/**
 * Divides arguments elementwise (true division): numpy's `a / b`.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. The result is always float64,
 * integer operands included (`np.divide(1, 2)` is 0.5); dividing by zero gives inf, -inf or nan as
 * in numpy (which also warns). Mirrors numpy.divide (numpy.true_divide).
 *
 * @param a - the dividend: an array, nested JS arrays, a number or a boolean
 * @param b - the divisor, broadcast against `a`
 * @returns the elementwise quotients a / b, float64, of the broadcast shape (a number when both are numbers)
 * @example np.divide(np.array([1, 2, 3]), 2); // array([0.5, 1. , 1.5])
 */
export const divide = ufunc2((A, B) => broadcastBinary(A, B, "float64", divideLoop)) as Ufunc2;

/**
 * Raises `a` to the power `b` elementwise: numpy's `a ** b`.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. Integer results (int64, and bool **
 * bool) are exact integer powers, and a negative integer exponent raises numpy's ValueError
 * ("Integers to negative integer powers are not allowed"; write 2.0 ** -1 with a float); uint8 **
 * uint8 wraps; anything with a float uses C's pow, as numpy does. The labs' `(1 - np.power(A1, 2))`
 * is `np.subtract(1, np.power(A1, 2))`. Mirrors numpy.power.
 *
 * @param a - the bases: an array, nested JS arrays, a number or a boolean
 * @param b - the exponents, broadcast against `a`
 * @returns a ** b elementwise, of the broadcast shape (a number when both operands are numbers)
 * @example np.power(np.array([1, 2, 3]), 2); // array([1., 4., 9.])
 */
export const power = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  if (dtype === "float64") return broadcastBinary(A, B, dtype, powerLoop);
  if (dtype === "uint8") return broadcastBinary(A, B, dtype, uint8PowerLoop);
  return broadcastBinary(A, B, "int64", intPowerLoop);
}) as Ufunc2;

/**
 * The elementwise maximum of two arrays: numpy's `np.maximum(a, b)`, not the reduction np.max.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. A NaN on either side gives NaN, as
 * in numpy; the dtype is numpy's promotion. The ReLU `np.maximum(0, Z)` keeps positive entries and
 * zeroes the rest. Mirrors numpy.maximum.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns the larger of each pair, of the broadcast shape (a number when both operands are numbers)
 * @example np.maximum(0, np.array([-2, 0.5, 3])); // array([0. , 0.5, 3. ])
 */
export const maximum = ufunc2((A, B) => arith(A, B, maximumLoop)) as Ufunc2Bool;

/**
 * The elementwise minimum of two arrays: numpy's `np.minimum(a, b)`, not the reduction np.min.
 *
 * `a` and `b` broadcast together (numpy's rules: trailing axes must be equal or 1, so an (n, m)
 * array and an (n, 1) column combine). Two JS numbers (or booleans) give a JS number, as numpy
 * gives a scalar; any NDArray or list operand gives an NDArray. A NaN on either side gives NaN, as
 * in numpy; the dtype is numpy's promotion. Mirrors numpy.minimum.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns the smaller of each pair, of the broadcast shape (a number when both operands are numbers)
 * @example np.minimum(np.array([1, 5, 3]), 2); // array([1., 2., 2.])
 */
export const minimum = ufunc2((A, B) => arith(A, B, minimumLoop)) as Ufunc2Bool;

/** np.clip's overloads: JS scalars give a scalar, as numpy does. */
export interface ClipFn {
  (a: boolean, a_min: boolean | null, a_max: boolean | null): boolean;
  (a: Scalar, a_min: Scalar | null, a_max: Scalar | null): number;
  (a: ArrayOperand, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray;
  (a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): Scalar | NDArray;
}

/**
 * Limits the values of an array to the interval [a_min, a_max].
 *
 * Values below `a_min` become `a_min`, values above `a_max` become `a_max`. Either bound may be
 * null (no bound on that side; numpy's None), but not both; a bound may be an array, broadcast
 * against `a`. A scalar NaN bound counts as no bound (numpy's deprecated spelling of None); NaN
 * values, and array bounds holding NaN, give NaN. JS numbers for every operand give a JS number.
 * Clipping probabilities before a log, `np.clip(A2, 1e-15, 1 - 1e-15)`, keeps the cross-entropy
 * finite. Mirrors numpy.clip; `a.clip(min, max)` is the method form.
 *
 * @param a - the values: an array, nested JS arrays, or a number
 * @param a_min - the lower bound (a number or an array), or null for none
 * @param a_max - the upper bound (a number or an array), or null for none
 * @returns the clipped values, of the broadcast shape, dtype the promotion of a and the bounds
 * @example np.clip(np.array([-1, 0.5, 2]), 0, 1); // array([0. , 0.5, 1. ])
 */
export const clip = ((a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): Scalar | NDArray => {
  const r = clipArrays(toArray(a), a_min, a_max);
  return isScalar(a) && (a_min == null || isScalar(a_min)) && (a_max == null || isScalar(a_max)) ? unwrap(r) : r;
}) as ClipFn;

function clipArrays(A: NDArray, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray {
  const lo = a_min == null ? null : scalarNanToInf(toArray(a_min), -Infinity);
  const hi = a_max == null ? null : scalarNanToInf(toArray(a_max), Infinity);
  if (lo === null && hi === null) throw new ValueError("One of max or min must be given");
  const given = [A, ...(lo ? [lo] : []), ...(hi ? [hi] : [])];
  const shape = broadcastShapes(...given.map((x) => x.shape));
  const dtype = resultType(given);
  const L = lo ?? toArray(-Infinity);
  const H = hi ?? toArray(Infinity);
  const out = emptyFloat64(shapeSize(shape));
  const [x, l, h] = [A.data, L.data, H.data];
  forEachRun(shape, [A.shape, L.shape, H.shape], (o, n, offs, steps) => {
    const ix = offs[0], il = offs[1], ih = offs[2];
    const sx = steps[0], sl = steps[1], sh = steps[2];
    for (let i = 0; i < n; i++) {
      const v = x[ix + i * sx];
      const low = l[il + i * sl];
      const high = h[ih + i * sh];
      const t = v > low || v !== v ? v : low;
      out[o + i] = t < high || t !== t ? t : high;
    }
  });
  return new NDArray(out, shape, dtype);
}

function scalarNanToInf(bound: NDArray, inf: number): NDArray {
  return bound.ndim === 0 && Number.isNaN(bound.data[0]) ? toArray(inf) : bound;
}

/**
 * The elementwise square, `x * x`.
 *
 * The dtype is the input's (bool becomes int64, as numpy gives int8; uint8 wraps modulo 256). A JS
 * number gives a JS number; an array or a list gives an array of the same shape. The labs' squared
 * error `np.square(Y_hat - Y)` is `np.square(np.subtract(Y_hat, Y))`. Mirrors numpy.square.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns x * x elementwise: a number for a number, else an array of the shape of `x`
 * @example np.square(np.array([1, -2, 3])); // array([1., 4., 9.])
 */
export const square = ufunc1((A) =>
  wrapped(unary(A, A.dtype === "bool" ? "int64" : null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] * a[i];
  })),
) as Ufunc1;

/**
 * The elementwise negation: numpy's `-x`.
 *
 * TypeScript has no operators on arrays, so `-Z` does not negate an NDArray: write `np.negative(Z)`
 * or `Z.negative()` (so `np.exp(-Z)` is `np.exp(Z.negative())`). The dtype is the input's (uint8
 * wraps: -3 is 253); negating a bool array raises numpy's TypeError (use np.logical_not). A JS
 * number gives a JS number. Mirrors numpy.negative.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns -x elementwise: a number for a number, else an array of the shape and dtype of `x`
 * @example const A = np.divide(1, np.add(1, np.exp(np.negative(Z)))); // sigmoid(Z) = 1 / (1 + exp(-Z))
 */
export const negative = ufunc1((A) => {
  if (A.dtype === "bool") throw new TypeError(BOOL_NEGATIVE);
  if (A.dtype !== "float64") {
    // 0 - x, not -x: an integer zero stays +0; uint8 wraps (-3 is 253).
    return wrapped(unary(A, null, (out, a) => {
      for (let i = 0; i < a.length; i++) out[i] = 0 - a[i];
    }));
  }
  return unary(A, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = -a[i];
  });
}) as Ufunc1;

/**
 * The elementwise absolute value, |x|.
 *
 * The dtype is the input's (a bool array stays bool, as in numpy). A JS number gives a JS number;
 * an array or a list gives an array of the same shape. `np.absolute` is the same function. Mirrors
 * numpy.abs (numpy.absolute).
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns |x| elementwise: a number for a number, else an array of the shape and dtype of `x`
 * @example np.abs(np.array([-1.5, 0, 2])); // array([1.5, 0. , 2. ])
 */
export const abs = ufunc1((A) =>
  unary(A, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i]);
  }),
) as Ufunc1Bool;

export { abs as absolute };

/**
 * The elementwise sign: -1 for negative values, 0 for zero, 1 for positive values.
 *
 * NaN stays NaN and -0 gives 0, as in numpy; the dtype is the input's; a bool array raises numpy's
 * TypeError. A JS number gives a JS number. Mirrors numpy.sign.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the signs: a number for a number, else an array of the shape and dtype of `x`
 * @example np.sign(np.array([-3, 0, 2])); // array([-1.,  0.,  1.])
 */
export const sign = ufunc1((A) => {
  if (A.dtype === "bool") {
    throw new TypeError(
      "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None",
    );
  }
  return unary(A, null, (out, a) => {
    // sign(±0) is +0 and sign(nan) is nan in numpy; Math.sign would keep -0.
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      out[i] = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v;
    }
  });
}) as Ufunc1;

// ---- float functions: bool, uint8 and int inputs are computed in float64. A JS scalar takes the
// shortcut straight to Math (the result is the same number the array loop computes).

/** A float ufunc: `scalar` for JS scalars, `impl` for arrays (the same function, as a loop). */
function floatUfunc(scalar: (x: number) => number, impl: (A: NDArray) => NDArray): Ufunc1 {
  return ((x: ArrayLike) => (isScalar(x) ? scalar(+x) : impl(toArray(x)))) as Ufunc1;
}

/**
 * The elementwise exponential, `e ** x`.
 *
 * The sigmoid is `1 / (1 + np.exp(-Z))`, written `np.divide(1, np.add(1, np.exp(np.negative(Z))))`.
 * Large inputs overflow to inf, as in numpy. Integer and bool inputs are computed in float64 and
 * the result is float64 (numpy gives float16 for bool and uint8 input, which nnlab does not store).
 * A JS number gives a JS number, as numpy gives a scalar; an array or a list gives a float64 array
 * of the same shape. Values come from fdlibm's algorithms (np/fdlibm.ts, the same in every JS engine), which can differ from numpy's in the
 * last bit (never at the 8 printed digits). Mirrors numpy.exp.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns e ** x of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.exp(np.array([0, 1])); // array([1.        , 2.71828183])
 */
export const exp = floatUfunc(elementary.exp, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.exp(a[i]);
  }),
);

/**
 * The elementwise natural logarithm, ln(x).
 *
 * The inverse of np.exp. log(0) is -inf and the log of a negative number is NaN, as in numpy (which
 * also warns). Integer and bool inputs are computed in float64 and the result is float64 (numpy
 * gives float16 for bool and uint8 input, which nnlab does not store). A JS number gives a JS
 * number, as numpy gives a scalar; an array or a list gives a float64 array of the same shape.
 * Values come from fdlibm's algorithms (np/fdlibm.ts, the same in every JS engine), which can differ from numpy's in the last bit (never at the
 * 8 printed digits). Mirrors numpy.log.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the natural logarithm of each element: a number for a number, else a float64 array of the shape of `x`
 * @example const logprobs = np.multiply(np.log(A2), Y); // Y * log(A2) of the cross-entropy cost
 */
export const log = floatUfunc(elementary.log, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.log(a[i]);
  }),
);

/**
 * The elementwise hyperbolic tangent, tanh(x).
 *
 * Outputs lie in (-1, 1); the hidden-layer activation of the Planar data classification lab
 * (`A1 = np.tanh(Z1)`). Integer and bool inputs are computed in float64 and the result is float64
 * (numpy gives float16 for bool and uint8 input, which nnlab does not store). A JS number gives a
 * JS number, as numpy gives a scalar; an array or a list gives a float64 array of the same shape.
 * Values come from fdlibm's algorithms (np/fdlibm.ts, the same in every JS engine), which can differ from numpy's in the last bit (never at the
 * 8 printed digits). Mirrors numpy.tanh.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns tanh of each element: a number for a number, else a float64 array of the shape of `x`
 * @example const A1 = np.tanh(Z1);
 */
export const tanh = floatUfunc(elementary.tanh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.tanh(a[i]);
  }),
);

/**
 * The elementwise non-negative square root.
 *
 * The square root of a negative number is NaN, as in numpy (which also warns). `np.sqrt(2 / n)` of
 * two JS numbers is a JS number (He initialization's scale). Integer and bool inputs are computed
 * in float64 and the result is float64 (numpy gives float16 for bool and uint8 input, which nnlab
 * does not store). A JS number gives a JS number, as numpy gives a scalar; an array or a list gives
 * a float64 array of the same shape. Values come from V8's Math functions, which can differ from
 * numpy's in the last bit (never at the 8 printed digits). Mirrors numpy.sqrt.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the square root of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.sqrt(np.array([1, 4, 9])); // array([1., 2., 3.])
 */
export const sqrt = floatUfunc(Math.sqrt, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sqrt(a[i]);
  }),
);

/**
 * The elementwise sine of angles in radians.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from fdlibm's
 * algorithms (np/fdlibm.ts, the same in every JS engine), which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.sin.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the sine of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.sin(np.array([0, np.pi / 2])); // array([0., 1.])
 */
export const sin = floatUfunc(elementary.sin, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.sin(a[i]);
  }),
);

/**
 * The elementwise cosine of angles in radians.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from fdlibm's
 * algorithms (np/fdlibm.ts, the same in every JS engine), which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.cos.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the cosine of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.cos(np.array([0, np.pi])); // array([ 1., -1.])
 */
export const cos = floatUfunc(elementary.cos, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.cos(a[i]);
  }),
);

/**
 * The elementwise tangent of angles in radians.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from V8's
 * Math functions, which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.tan.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the tangent of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.tan(np.array([0, np.pi / 4])); // array([0., 1.])
 */
export const tan = floatUfunc(Math.tan, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.tan(a[i]);
  }),
);

/**
 * The elementwise inverse sine, in radians.
 *
 * Inputs outside [-1, 1] give NaN, as in numpy. Integer and bool inputs are computed in float64 and
 * the result is float64 (numpy gives float16 for bool and uint8 input, which nnlab does not store).
 * A JS number gives a JS number, as numpy gives a scalar; an array or a list gives a float64 array
 * of the same shape. Values come from V8's Math functions, which can differ from numpy's in the
 * last bit (never at the 8 printed digits). Mirrors numpy.arcsin.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the inverse sine, in [-pi/2, pi/2] of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.arcsin(np.array([0, 1])); // array([0.        , 1.57079633])
 */
export const arcsin = floatUfunc(Math.asin, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.asin(a[i]);
  }),
);

/**
 * The elementwise inverse cosine, in radians.
 *
 * Inputs outside [-1, 1] give NaN, as in numpy. Integer and bool inputs are computed in float64 and
 * the result is float64 (numpy gives float16 for bool and uint8 input, which nnlab does not store).
 * A JS number gives a JS number, as numpy gives a scalar; an array or a list gives a float64 array
 * of the same shape. Values come from V8's Math functions, which can differ from numpy's in the
 * last bit (never at the 8 printed digits). Mirrors numpy.arccos.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the inverse cosine, in [0, pi] of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.arccos(np.array([1, 0])); // array([0.        , 1.57079633])
 */
export const arccos = floatUfunc(Math.acos, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.acos(a[i]);
  }),
);

/**
 * The elementwise inverse tangent, in radians.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from V8's
 * Math functions, which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.arctan.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the inverse tangent, in (-pi/2, pi/2) of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.arctan(np.array([0, 1])); // array([0.        , 0.78539816])
 */
export const arctan = floatUfunc(Math.atan, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.atan(a[i]);
  }),
);

/**
 * The elementwise hyperbolic sine, (e ** x - e ** -x) / 2.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from V8's
 * Math functions, which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.sinh.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns sinh of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.sinh(np.array([0, 1])); // array([0.        , 1.17520119])
 */
export const sinh = floatUfunc(Math.sinh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sinh(a[i]);
  }),
);

/**
 * The elementwise hyperbolic cosine, (e ** x + e ** -x) / 2.
 *
 * Integer and bool inputs are computed in float64 and the result is float64 (numpy gives float16
 * for bool and uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy
 * gives a scalar; an array or a list gives a float64 array of the same shape. Values come from V8's
 * Math functions, which can differ from numpy's in the last bit (never at the 8 printed digits).
 * Mirrors numpy.cosh.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns cosh of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.cosh(np.array([0, 1])); // array([1.        , 1.54308063])
 */
export const cosh = floatUfunc(Math.cosh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.cosh(a[i]);
  }),
);

/**
 * The elementwise ln(1 + x), accurate for x near 0.
 *
 * Where `np.log(1 + x)` loses the digits of a tiny x to rounding, log1p keeps them. Integer and
 * bool inputs are computed in float64 and the result is float64 (numpy gives float16 for bool and
 * uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy gives a scalar;
 * an array or a list gives a float64 array of the same shape. Values come from V8's Math functions,
 * which can differ from numpy's in the last bit (never at the 8 printed digits). Mirrors
 * numpy.log1p.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns ln(1 + x) of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.log1p(np.array([0, 1e-10])); // array([0.e+00, 1.e-10])
 */
export const log1p = floatUfunc(Math.log1p, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log1p(a[i]);
  }),
);

/**
 * The elementwise e ** x - 1, accurate for x near 0.
 *
 * Where `np.exp(x) - 1` loses the digits of a tiny x to rounding, expm1 keeps them. Integer and
 * bool inputs are computed in float64 and the result is float64 (numpy gives float16 for bool and
 * uint8 input, which nnlab does not store). A JS number gives a JS number, as numpy gives a scalar;
 * an array or a list gives a float64 array of the same shape. Values come from fdlibm's algorithms (np/fdlibm.ts, the same in every JS engine),
 * which can differ from numpy's in the last bit (never at the 8 printed digits). Mirrors
 * numpy.expm1.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns e ** x - 1 of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.expm1(np.array([0, 1e-10])); // array([0.e+00, 1.e-10])
 */
export const expm1 = floatUfunc(elementary.expm1, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = elementary.expm1(a[i]);
  }),
);

/**
 * The elementwise base-2 logarithm.
 *
 * log2(0) is -inf and the log of a negative number is NaN, as in numpy. Integer and bool inputs are
 * computed in float64 and the result is float64 (numpy gives float16 for bool and uint8 input,
 * which nnlab does not store). A JS number gives a JS number, as numpy gives a scalar; an array or
 * a list gives a float64 array of the same shape. Values come from V8's Math functions, which can
 * differ from numpy's in the last bit (never at the 8 printed digits). Mirrors numpy.log2.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the base-2 logarithm of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.log2(np.array([1, 8])); // array([0., 3.])
 */
export const log2 = floatUfunc(Math.log2, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log2(a[i]);
  }),
);

/**
 * The elementwise base-10 logarithm.
 *
 * log10(0) is -inf and the log of a negative number is NaN, as in numpy. Integer and bool inputs
 * are computed in float64 and the result is float64 (numpy gives float16 for bool and uint8 input,
 * which nnlab does not store). A JS number gives a JS number, as numpy gives a scalar; an array or
 * a list gives a float64 array of the same shape. Values come from V8's Math functions, which can
 * differ from numpy's in the last bit (never at the 8 printed digits). Mirrors numpy.log10.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the base-10 logarithm of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.log10(np.array([1, 1000])); // array([0., 3.])
 */
export const log10 = floatUfunc(Math.log10, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log10(a[i]);
  }),
);

/**
 * The elementwise floor: the largest integer not greater than x.
 *
 * Rounds toward -inf (-1.5 gives -2). Integer and bool inputs are computed in float64 and the
 * result is float64 (numpy gives float16 for bool and uint8 input, which nnlab does not store). A
 * JS number gives a JS number, as numpy gives a scalar; an array or a list gives a float64 array of
 * the same shape. Values come from V8's Math functions, which can differ from numpy's in the last
 * bit (never at the 8 printed digits). Mirrors numpy.floor.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the floor of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.floor(np.array([-1.5, 0.2, 1.7])); // array([-2.,  0.,  1.])
 */
export const floor = floatUfunc(Math.floor, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.floor(a[i]);
  }),
);

/**
 * The elementwise ceiling: the smallest integer not less than x.
 *
 * Rounds toward +inf (-1.5 gives -1). Integer and bool inputs are computed in float64 and the
 * result is float64 (numpy gives float16 for bool and uint8 input, which nnlab does not store). A
 * JS number gives a JS number, as numpy gives a scalar; an array or a list gives a float64 array of
 * the same shape. Values come from V8's Math functions, which can differ from numpy's in the last
 * bit (never at the 8 printed digits). Mirrors numpy.ceil.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns the ceiling of each element: a number for a number, else a float64 array of the shape of `x`
 * @example np.ceil(np.array([-1.5, 0.2, 1.7])); // array([-1.,  1.,  2.])
 */
export const ceil = floatUfunc(Math.ceil, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.ceil(a[i]);
  }),
);

/** Round half to even (C's rint in the default rounding mode). Math.round rounds halves up, so
 *  an exact half that landed on an odd integer is moved down by one. */
function rint(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy's power_of_ten in PyArray_Round: exact table to 1e8, then repeated multiplication. */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let r = 1e9;
  for (let i = 9; i < n; i++) r *= 10;
  return r;
}

/** np.round's overloads: a JS scalar gives a number, as numpy's float64 scalar. */
export interface RoundFn {
  (a: Scalar, decimals?: number): number;
  (a: ArrayOperand, decimals?: number): NDArray;
  (a: ArrayLike, decimals?: number): number | NDArray;
}

/**
 * Rounds to the given number of decimals, halves to even.
 *
 * numpy's rule, not JavaScript's Math.round: an exact half goes to the even neighbour
 * (`np.round(0.5)` is 0, `np.round(2.5)` is 2). The scaling is numpy's (PyArray_Round): rint(x *
 * 10^d) / 10^d, or rint(x / 10^-d) * 10^-d for negative d, so `np.round(0.285, 2)` is 0.28 as in
 * numpy. Negative `decimals` round to tens, hundreds, ... Integer arrays stay integer (uint8 wraps:
 * round(255, -1) is 260, stored as 4); bool arrays round to float64 with decimals 0 and raise
 * numpy's TypeError otherwise. A JS number gives a JS number. `np.around` is the same function;
 * `a.round(decimals)` is the method form. Mirrors numpy.round.
 *
 * @param a - the values: an array, nested JS arrays, or a number
 * @param decimals - the number of decimals to keep (negative: digits left of the point); default 0
 * @returns the rounded values: a number for a number, else an array of the shape of `a`
 * @example np.round(np.array([0.5, 1.5, 2.5])); // array([0., 2., 2.])
 */
export const round = ((a: ArrayLike, decimals = 0): number | NDArray => {
  const r = roundArray(toArray(a), decimals);
  return isScalar(a) ? r.data[0] : r;
}) as RoundFn;

function roundArray(A: NDArray, decimals: number): NDArray {
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const integer = A.dtype === "int64" || A.dtype === "uint8";
  if (integer && decimals >= 0) return A.copy();
  if (A.dtype === "bool" && decimals !== 0) {
    throw new TypeError(
      `Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to ` +
        "dtype('bool') with casting rule 'same_kind'",
    );
  }
  const dtype = integer ? A.dtype : "float64";
  if (decimals === 0) {
    return unary(A, dtype, (out, x) => {
      for (let i = 0; i < x.length; i++) out[i] = rint(x[i]);
    });
  }
  const f = powerOfTen(Math.abs(decimals));
  if (decimals > 0) {
    return unary(A, dtype, (out, x) => {
      for (let i = 0; i < x.length; i++) out[i] = rint(x[i] * f) / f;
    });
  }
  // Only float64 and integer arrays get here. For integers, + 0 turns a -0 (rint(-0.2) * 10)
  // into 0; for float64, + -0 leaves every value as it is, -0 included.
  const zero = integer ? 0 : -0;
  return wrapped(unary(A, dtype, (out, x) => {
    for (let i = 0; i < x.length; i++) out[i] = rint(x[i] / f) * f + zero;
  }));
}

export { round as around };

// ---- comparisons and logic (always bool)

/**
 * Elementwise `a > b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. The labs'
 * `Y_prediction = A > 0.5` is `A.greater(0.5)` or `np.greater(A, 0.5)`. Mirrors numpy.greater.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.greater(np.array([0.2, 0.7]), 0.5); // array([False,  True])
 */
export const greater = ufunc2((A, B) => toBool(A, B, greaterLoop)) as Ufunc2<boolean>;

/**
 * Elementwise `a >= b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. Mirrors
 * numpy.greater_equal.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.greater_equal(np.array([1, 2, 3]), 2); // array([False,  True,  True])
 */
export const greater_equal = ufunc2((A, B) => toBool(A, B, greaterEqualLoop)) as Ufunc2<boolean>;

/**
 * Elementwise `a < b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. The dropout mask
 * `D1 = np.random.rand(...) < keep_prob` is `np.less(np.random.rand(n, m), keep_prob)`. Mirrors
 * numpy.less.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example const D1 = np.less(np.random.rand(4, 3), keep_prob);
 */
export const less = ufunc2((A, B) => toBool(A, B, lessLoop)) as Ufunc2<boolean>;

/**
 * Elementwise `a <= b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. The ReLU backward mask
 * `Z <= 0` is `Z.less_equal(0)` (as in `dZ.putmask(Z.less_equal(0), 0)`). Mirrors numpy.less_equal.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.less_equal(np.array([-1, 0, 1]), 0); // array([ True,  True, False])
 */
export const less_equal = ufunc2((A, B) => toBool(A, B, lessEqualLoop)) as Ufunc2<boolean>;

/**
 * Elementwise `a == b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. NaN is not equal to
 * anything, NaN included. Accuracy is `np.mean(np.equal(Y_prediction, Y))`. Use np.array_equal to
 * compare whole arrays, np.allclose with a tolerance. Mirrors numpy.equal.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.equal(np.array([1, 0, 1]), np.array([1, 1, 1])); // array([ True, False,  True])
 */
export const equal = ufunc2((A, B) => toBool(A, B, equalLoop)) as Ufunc2<boolean>;

/**
 * Elementwise `a != b`.
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. NaN is not equal to
 * anything, so `np.not_equal(x, x)` is true exactly at the NaNs. Mirrors numpy.not_equal.
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.not_equal(np.array([1, 0, 1]), 1); // array([False,  True, False])
 */
export const not_equal = ufunc2((A, B) => toBool(A, B, notEqualLoop)) as Ufunc2<boolean>;

/**
 * Elementwise logical and: true where both `a` and `b` are true (non-zero).
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. Numbers count as true
 * when non-zero (NaN included). Mirrors numpy.logical_and (numpy's `a & b` on bool arrays).
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.logical_and(np.array([true, true, false]), np.array([true, false, false])); // array([ True, False, False])
 */
export const logical_and = ufunc2((A, B) => toBool(A, B, logicalAndLoop)) as Ufunc2<boolean>;

/**
 * Elementwise logical or: true where `a` or `b` (or both) is true (non-zero).
 *
 * `a` and `b` broadcast together (numpy's rules). The result is a bool array, which counts as 0/1
 * in arithmetic; two JS numbers give a JS boolean, as numpy gives a scalar. Numbers count as true
 * when non-zero (NaN included). Mirrors numpy.logical_or (numpy's `a | b` on bool arrays).
 *
 * @param a - the first operand: an array, nested JS arrays, a number or a boolean
 * @param b - the second operand, broadcast against `a`
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.logical_or(np.array([true, false, false]), np.array([true, true, false])); // array([ True,  True, False])
 */
export const logical_or = ufunc2((A, B) => toBool(A, B, logicalOrLoop)) as Ufunc2<boolean>;

/**
 * Elementwise logical not: true where `x` is false (zero).
 *
 * Numbers count as true when non-zero (NaN included). A JS number or boolean gives a JS boolean; an
 * array gives a bool array of the same shape. Mirrors numpy.logical_not (numpy's `~a` on a bool
 * array).
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns a bool array of the shape of `x` (a boolean for a number)
 * @example np.logical_not(np.array([true, false])); // array([False,  True])
 */
export const logical_not = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === 0 ? 1 : 0;
  }),
) as Ufunc1<boolean>;

/**
 * Elementwise test for NaN (not a number).
 *
 * `x == np.nan` is never true, which is why this function exists. A JS number gives a JS boolean;
 * an array gives a bool array of the same shape. Mirrors numpy.isnan.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns a bool array of the shape of `x`, true at the NaNs (a boolean for a number)
 * @example np.isnan(np.array([1, NaN, Infinity])); // array([False,  True, False])
 */
export const isnan = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] !== a[i] ? 1 : 0;
  }),
) as Ufunc1<boolean>;

/**
 * Elementwise test for positive or negative infinity.
 *
 * A JS number gives a JS boolean; an array gives a bool array of the same shape. Mirrors
 * numpy.isinf.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns a bool array of the shape of `x`, true at inf and -inf (a boolean for a number)
 * @example np.isinf(np.array([1, NaN, -Infinity])); // array([False, False,  True])
 */
export const isinf = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === Infinity || a[i] === -Infinity ? 1 : 0;
  }),
) as Ufunc1<boolean>;

/**
 * Elementwise test for finiteness: neither infinity nor NaN.
 *
 * A JS number gives a JS boolean; an array gives a bool array of the same shape. Mirrors
 * numpy.isfinite.
 *
 * @param x - the input: an array, nested JS arrays, a number or a boolean
 * @returns a bool array of the shape of `x`, true at the finite values (a boolean for a number)
 * @example np.isfinite(np.array([1, NaN, Infinity])); // array([ True, False, False])
 */
export const isfinite = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Number.isFinite(a[i]) ? 1 : 0;
  }),
) as Ufunc1<boolean>;

/** np.isclose's overloads: two JS scalars give a boolean. */
export interface IscloseFn {
  (a: Scalar, b: Scalar, rtol?: number, atol?: number, equal_nan?: boolean): boolean;
  (a: ArrayOperand, b: ArrayLike, rtol?: number, atol?: number, equal_nan?: boolean): NDArray;
  (a: ArrayLike, b: ArrayOperand, rtol?: number, atol?: number, equal_nan?: boolean): NDArray;
  (a: ArrayLike, b: ArrayLike, rtol?: number, atol?: number, equal_nan?: boolean): boolean | NDArray;
}

/**
 * Elementwise test whether two arrays are equal within a tolerance.
 *
 * Finite pairs are close when `|a - b| <= atol + rtol * |b|` (not symmetric: `b` is the reference,
 * as in numpy); infinities are close only to themselves, and NaN only to NaN when `equal_nan`. `a`
 * and `b` broadcast together; two JS numbers give a JS boolean. Mirrors numpy.isclose; numpy's
 * keywords are positional here (rtol, atol, equal_nan).
 *
 * @param a - the values to test: an array, nested JS arrays, or a number
 * @param b - the reference values, broadcast against `a`
 * @param rtol - the relative tolerance; default 1e-5
 * @param atol - the absolute tolerance; default 1e-8
 * @param equal_nan - whether NaN counts as close to NaN; default false
 * @returns a bool array of the broadcast shape (a boolean when both operands are numbers)
 * @example np.isclose(np.array([1, 1.1]), 1); // array([ True, False])
 */
export const isclose = ((a: ArrayLike, b: ArrayLike, rtol = 1e-5, atol = 1e-8, equal_nan = false): boolean | NDArray => {
  const r = iscloseArrays(toArray(a), toArray(b), rtol, atol, equal_nan);
  return isScalar(a) && isScalar(b) ? r.data[0] !== 0 : r;
}) as IscloseFn;

function iscloseArrays(A: NDArray, B: NDArray, rtol: number, atol: number, equal_nan: boolean): NDArray {
  return toBool(A, B, (out, o, n, x, ix, sx, y, iy, sy) => {
    for (let i = 0; i < n; i++) {
      const u = x[ix + i * sx];
      const v = y[iy + i * sy];
      const close = Number.isFinite(u) && Number.isFinite(v)
        ? Math.abs(u - v) <= atol + rtol * Math.abs(v)
        : u === v || (equal_nan && u !== u && v !== v);
      out[o + i] = close ? 1 : 0;
    }
  });
}

/**
 * Whether two arrays are equal within a tolerance, element for element.
 *
 * True when every pair passes np.isclose: `|a - b| <= atol + rtol * |b|` (with broadcasting; NaN
 * only matches NaN when `equal_nan`). For tests that should report what differs, use
 * np.testing.assert_allclose. Mirrors numpy.allclose; numpy's keywords are positional here.
 *
 * @param a - the values to test: an array, nested JS arrays, or a number
 * @param b - the reference values, broadcast against `a`
 * @param rtol - the relative tolerance; default 1e-5
 * @param atol - the absolute tolerance; default 1e-8
 * @param equal_nan - whether NaN counts as close to NaN; default false
 * @returns true when all elements are close
 * @example np.allclose(np.array([1, 2]), np.array([1, 2.000001])); // true
 */
export function allclose(a: ArrayLike, b: ArrayLike, rtol = 1e-5, atol = 1e-8, equal_nan = false): boolean {
  return iscloseArrays(toArray(a), toArray(b), rtol, atol, equal_nan).data.every((v) => v === 1);
}

/**
 * Whether two arrays have the same shape and the same elements.
 *
 * No broadcasting: shapes must match exactly (an (n,) and an (n, 1) array are not equal). NaN
 * equals NaN only with `equal_nan`. Values that are not arrays at all (ragged lists) are simply not
 * equal. dtypes are not compared (`[1, 0]` equals `[true, false]`), as in numpy. Mirrors
 * numpy.array_equal.
 *
 * @param a - the first array (or nested JS arrays, or a number)
 * @param b - the second array
 * @param equal_nan - whether NaNs at the same positions count as equal; default false
 * @returns true when the shapes and all elements are equal
 * @example np.array_equal(np.array([1, 2]), [1, 2]); // true
 */
export function array_equal(a: ArrayLike, b: ArrayLike, equal_nan = false): boolean {
  let A: NDArray;
  let B: NDArray;
  try {
    A = toArray(a);
    B = toArray(b);
  } catch {
    return false;
  }
  if (!sameShape(A.shape, B.shape)) return false;
  const x = A.data;
  const y = B.data;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i] && !(equal_nan && x[i] !== x[i] && y[i] !== y[i])) return false;
  }
  return true;
}
