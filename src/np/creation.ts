// Array creation: zeros/ones/full/empty and their *_like forms, arange, linspace, eye.
// arange and linspace use numpy's own formulas so the values agree bit for bit.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { castValue, operandDType, optionalDType, toDType, wrapUint8, type DTypeLike } from "./dtype";
import { broadcastInto } from "./broadcast";
import { ValueError, ZeroDivisionError } from "./errors";

/** A shape as numpy accepts it: one length, or a list of lengths. */
export type ShapeLike = number | readonly number[];

function toShape(shape: ShapeLike): number[] {
  if (typeof shape === "number" && !Number.isInteger(shape)) {
    throw new TypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  }
  const dims = typeof shape === "number" ? [shape] : [...shape];
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return dims;
}

/**
 * Returns a new array of the given shape filled with zeros.
 *
 * The shape is a number for a 1-D array or a list of lengths (numpy's tuple: `np.zeros((4, 1))` is
 * `np.zeros([4, 1])`). The usual start for biases: `b1 = np.zeros([n_h, 1])`. Mirrors numpy.zeros;
 * `np.empty` is the same function here (nnlab has no uninitialised memory, so "empty" arrays are
 * zeros).
 *
 * @param shape - the shape: a length, or a list of lengths such as [4, 1]
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default float64
 * @returns a new array of that shape and dtype, all zeros
 * @example const b1 = np.zeros([4, 1]); // array([[0.], [0.], [0.], [0.]])
 */
export function zeros(shape: ShapeLike, dtype?: DTypeLike | null): NDArray {
  const dt = toDType(dtype);
  const dims = toShape(shape);
  return new NDArray(new Float64Array(shapeSize(dims)), dims, dt);
}

/** np.empty: nnlab's "uninitialised" memory is zeros. */
export { zeros as empty };

/**
 * Returns a new array of the given shape filled with ones.
 *
 * The shape is a number for a 1-D array or a list of lengths (numpy's tuple). Mirrors numpy.ones.
 *
 * @param shape - the shape: a length, or a list of lengths such as [2, 3]
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default float64
 * @returns a new array of that shape and dtype, all ones
 * @example const W = np.ones([2, 3]); // array([[1., 1., 1.], [1., 1., 1.]])
 */
export function ones(shape: ShapeLike, dtype?: DTypeLike | null): NDArray {
  return full(shape, 1, toDType(dtype));
}

/**
 * Returns a new array of the given shape filled with one value.
 *
 * The dtype defaults to the fill value's, as in numpy: an integral number gives int64
 * (`np.full(3, 2)` is `array([2, 2, 2])`), any other number float64, a boolean bool. An array fill
 * value is broadcast to the shape. With a dtype, the value is cast as numpy casts arrays
 * (`np.full(2, NaN, "int64")` holds -2**63, `np.full(2, 300, "uint8")` holds 44). Mirrors
 * numpy.full.
 *
 * @param shape - the shape: a length, or a list of lengths
 * @param fill_value - the value: a number, a boolean, or an array that broadcasts to `shape`
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the fill value's
 * @returns a new array of that shape, every element `fill_value`
 * @example const F = np.full([2, 2], 0.5); // array([[0.5, 0.5], [0.5, 0.5]])
 */
export function full(shape: ShapeLike, fill_value: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  const dims = toShape(shape);
  const dt = given ?? operandDType(fill_value);
  if (typeof fill_value === "number" || typeof fill_value === "boolean") {
    const data = new Float64Array(shapeSize(dims)).fill(castValue(fill_value, dt));
    return new NDArray(data, dims, dt);
  }
  return broadcastInto(asarray(asarray(fill_value), dt), dims);
}

/**
 * Returns an array of zeros with the shape and dtype of a given array.
 *
 * Mirrors numpy.zeros_like: `np.zeros_like(W1)` is the usual start for a gradient or a velocity
 * (`v["dW1"] = np.zeros_like(parameters["W1"])` in the optimization lab).
 *
 * @param a - the array whose shape (and dtype) to take; nested JS arrays work too
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the dtype of `a`
 * @returns a new array of zeros, shape of `a`
 * @example const dW1 = np.zeros_like(W1);
 */
export function zeros_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 0, dtype);
}

/**
 * Returns an array of ones with the shape and dtype of a given array.
 *
 * Mirrors numpy.ones_like.
 *
 * @param a - the array whose shape (and dtype) to take; nested JS arrays work too
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the dtype of `a`
 * @returns a new array of ones, shape of `a`
 * @example const mask = np.ones_like(A1);
 */
export function ones_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 1, dtype);
}

/**
 * Returns a new array with the shape and dtype of a given array; in nnlab it holds zeros.
 *
 * numpy leaves the values uninitialised (whatever was in memory); nnlab has no uninitialised
 * memory, so the result is the same as np.zeros_like. Mirrors numpy.empty_like.
 *
 * @param a - the array whose shape (and dtype) to take; nested JS arrays work too
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the dtype of `a`
 * @returns a new array, shape of `a`, all zeros here
 * @example const out = np.empty_like(Z);
 */
export function empty_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 0, dtype);
}

/**
 * Returns an array with the shape and dtype of a given array, filled with one value.
 *
 * The dtype is the dtype of `a` unless given, so the fill value is cast to it:
 * `np.full_like(intArray, 2.7)` is all 2, as in numpy. Mirrors numpy.full_like.
 *
 * @param a - the array whose shape (and dtype) to take; nested JS arrays work too
 * @param fill_value - the value: a number, a boolean, or an array that broadcasts to the shape of `a`
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the dtype of `a`
 * @returns a new array, shape of `a`, every element `fill_value`
 * @example const half = np.full_like(Z, 0.5);
 */
export function full_like(a: ArrayLike, fill_value: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  const A = asarray(a);
  return full(A.shape, fill_value, given ?? A.dtype);
}

/**
 * Returns evenly spaced values in the half-open interval [start, stop).
 *
 * `np.arange(stop)` counts from 0; `np.arange(start, stop, step)` as Python's range, with float
 * steps allowed. All-integer arguments give an int64 array (as numpy's int64), any float a float64
 * one. Length and values follow numpy's formulas exactly: the length is ceil((stop - start) /
 * step), and with a float step the end point can show up from rounding; use np.linspace for float
 * grids. Mirrors numpy.arange; numpy's `dtype=` keyword is the fourth argument.
 *
 * @param start - the first value; with no `stop`, this is `stop` and the range starts at 0
 * @param stop - the end, not included; default: none (see `start`)
 * @param step - the spacing between values, not 0; default 1
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default int64 for integer arguments, else float64
 * @returns a 1-D array of ceil((stop - start) / step) values
 * @example const idx = np.arange(5); // array([0, 1, 2, 3, 4])
 */
export function arange(start: number, stop?: number | null, step?: number | null, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  if (stop === undefined || stop === null) [start, stop] = [0, start];
  step ??= 1;
  const allInt = Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step);
  if (step === 0) throw new ZeroDivisionError(allInt ? "division by zero" : "float division by zero");
  const dt: DType = given ?? (allInt ? "int64" : "float64");
  const len = arangeLength(stop - start, step);
  if (dt === "bool" && len > 2) {
    throw new TypeError("arange() is only supported for booleans when the result has at most length 2.");
  }
  const out = new Float64Array(len);
  if (len > 0) {
    const first = castValue(start, dt);
    const next = castValue(start + step, dt);
    const delta = next - first;
    out[0] = first;
    if (len > 1) out[1] = next;
    for (let i = 2; i < len; i++) out[i] = first + i * delta;
  }
  // numpy fills in the dtype's own arithmetic: uint8 wraps (arange(250, 260, dtype=uint8) ends 0 ... 3).
  return new NDArray(dt === "uint8" ? wrapUint8(out) : out, [len], dt);
}

function arangeLength(delta: number, step: number): number {
  const q = delta / step;
  if (Number.isNaN(q)) throw new ValueError("arange: cannot compute length");
  // A quotient that underflowed (or a step of ±inf) still yields one element when it points
  // forward, as in numpy's _calc_length.
  if (q === 0 && delta !== 0) return Object.is(q, -0) ? 0 : 1;
  const len = Math.ceil(q);
  if (len > Number.MAX_SAFE_INTEGER) throw new ValueError("Maximum allowed size exceeded");
  return Math.max(len, 0);
}

/**
 * Returns `num` evenly spaced float64 values from start to stop.
 *
 * With `endpoint` (the default) the last value is exactly `stop` and the spacing is (stop - start)
 * / (num - 1); without it, `stop` is left out and the spacing is (stop - start) / num. Values are
 * computed with numpy's own formula, so they match numpy's bit for bit. Mirrors numpy.linspace
 * (without its retstep, dtype and axis keywords); numpy's keywords are positional here.
 *
 * @param start - the first value
 * @param stop - the last value (with `endpoint`), or the end left out (without it)
 * @param num - how many values, a non-negative integer; default 50
 * @param endpoint - whether `stop` is the last value; default true
 * @returns a float64 array of shape (num,)
 * @example const xs = np.linspace(0, 1, 5); // array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 */
export function linspace(start: number, stop: number, num = 50, endpoint = true): NDArray {
  if (!Number.isInteger(num)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  const out = new Float64Array(num);
  // div <= 0 (num 0, or 1 with endpoint) has no step; numpy then computes i * delta + start.
  if (div <= 0) for (let i = 0; i < num; i++) out[i] = i * delta + start;
  else if (step === 0) for (let i = 0; i < num; i++) out[i] = (i / div) * delta + start;
  else for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (endpoint && num > 1) out[num - 1] = stop;
  return new NDArray(out, [num], "float64");
}

/**
 * Returns a 2-D array with ones on a diagonal and zeros elsewhere: the identity matrix by default.
 *
 * `k` picks the diagonal: 0 is the main one, k > 0 is above it, k < 0 below it. Mirrors numpy.eye.
 *
 * @param N - the number of rows
 * @param M - the number of columns; default N (a square matrix)
 * @param k - the diagonal: 0 the main one, positive above, negative below; default 0
 * @param dtype - the dtype ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default float64
 * @returns a new array of shape (N, M)
 * @example const I = np.eye(3); // array([[1., 0., 0.], [0., 1., 0.], [0., 0., 1.]])
 */
export function eye(N: number, M?: number | null, k = 0, dtype?: DTypeLike | null): NDArray {
  const dt = toDType(dtype);
  const cols = M ?? N;
  const out = zeros([N, cols], dt);
  for (let i = Math.max(0, -k); i < N && i + k < cols; i++) out.data[i * cols + i + k] = 1;
  return out;
}
