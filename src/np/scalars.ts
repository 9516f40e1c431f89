// numpy's scalar types as functions: np.float64(3) is the number 3, np.int64(2.7) is 2,
// np.uint8(300) is 44, np.bool_(0) is false; applied to an NDArray or a list each returns an array
// of its dtype, as numpy does. They double as dtype arguments: np.zeros(3, np.int64) and
// x.astype(np.float64) work as in numpy (dtype.ts maps each function to its dtype).
//
// JS numbers carry no dtype, so a scalar result is a plain number (or boolean): np.uint8(200) + 100
// is 300 in JS, where numpy 1.24 gives 300 as an int64 too (Python int and numpy scalar promote
// to int64). An NDArray argument gives an NDArray, a 0-d one included (numpy returns a scalar there).
import { NDArray, type NestedArray } from "./ndarray";
import { array } from "./convert";
import { convertElement, registerScalarType, type ScalarType } from "./dtype";
import type { DType } from "./ndarray";

function scalarType<D extends DType>(dtype: D, fromScalar: (x: unknown) => number | boolean): ScalarType<D> {
  const fn = (x?: unknown): unknown => {
    if (x instanceof NDArray || Array.isArray(x)) return array(x as NDArray | NestedArray[], dtype);
    return fromScalar(x);
  };
  Object.defineProperty(fn, "name", { value: dtype === "bool" ? "bool_" : dtype });
  Object.defineProperty(fn, "dtypeName", { value: dtype, enumerable: true });
  registerScalarType(fn, dtype);
  return fn as unknown as ScalarType<D>;
}

/**
 * numpy's float64 scalar type: converts a value to a double, or an array to a float64 array.
 *
 * `np.float64(x)` is Python's float(x): strings parse as float() parses them ("1e-3", "inf"), null
 * is NaN, no argument is 0; the result is a plain JS number, since JS numbers carry no dtype. An
 * NDArray or a list gives a float64 array (a 0-d array for a 0-d input, where numpy gives a
 * scalar). It also works as a dtype argument: `np.zeros(3, np.float64)`, `A.astype(np.float64)`.
 * Mirrors numpy.float64.
 *
 * @param x - a number, a boolean, a numeric string or null; or an array (or nested JS arrays) to convert
 * @returns a number for a scalar input, else a new float64 array of the same shape
 * @example np.float64("2.5"); // 2.5
 */
export const float64 = scalarType("float64", (x) => (x === undefined ? 0 : convertElement(x, "float64")));

/**
 * numpy's int64 scalar type: converts a value to an integer, or an array to an int64 array.
 *
 * `np.int64(x)` is Python's int(x) of a number, truncating toward zero (`np.int64(2.7)` is 2,
 * `np.int64(-2.7)` is -2); NaN raises np.ValueError and ±inf np.OverflowError; the result is a
 * plain JS number. An NDArray or a list gives an int64 array, cast as numpy casts (truncating). It
 * also works as a dtype argument: `np.zeros(3, np.int64)`, `A.astype(np.int64)`. Integers are exact
 * below 2**53. Mirrors numpy.int64.
 *
 * @param x - a number, a boolean, a numeric string or null; or an array (or nested JS arrays) to convert
 * @returns a number for a scalar input, else a new int64 array of the same shape
 * @example const labels = np.int64(np.array([0.9, 1.2, 2.7])); // array([0, 1, 2])
 */
export const int64 = scalarType("int64", (x) => (x === undefined ? 0 : convertElement(x, "int64")));

/**
 * numpy's uint8 scalar type: converts to an integer in [0, 255], or an array to a uint8 array.
 *
 * `np.uint8(x)` is int(x) modulo 256, as numpy 1.24 does for out-of-range Python ints (with a
 * warning): `np.uint8(300)` is 44, `np.uint8(-1)` is 255. uint8 arrays (images) wrap modulo 256 in
 * arithmetic, as numpy's do. It also works as a dtype argument: `np.array(pixels, np.uint8)`.
 * Mirrors numpy.uint8.
 *
 * @param x - a number, a boolean, a numeric string or null; or an array (or nested JS arrays) to convert
 * @returns a number in [0, 255] for a scalar input, else a new uint8 array of the same shape
 * @example np.uint8(300); // 44
 */
export const uint8 = scalarType("uint8", (x) => (x === undefined ? 0 : convertElement(x, "uint8")));

/**
 * numpy's bool scalar type: converts a value to a boolean, or an array to a bool array.
 *
 * `np.bool_(x)` is Python's truth value: 0, -0, false, null and "" are false; everything else is
 * true, NaN and any non-empty string included. An NDArray or a list gives a bool array (non-zero is
 * true). It also works as a dtype argument: `np.zeros(3, np.bool_)`. Mirrors numpy.bool_.
 *
 * @param x - a number, a boolean, a numeric string or null; or an array (or nested JS arrays) to convert
 * @returns a boolean for a scalar input, else a new bool array of the same shape
 * @example np.bool_(np.array([0, 2, NaN])); // array([False,  True,  True])
 */
export const bool_ = scalarType("bool", (x) => convertElement(x, "bool") !== 0);
