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

/** np.float64(x): Python's float(x) (strings parse as float() parses them; null is NaN, no argument 0). */
export const float64 = scalarType("float64", (x) => (x === undefined ? 0 : convertElement(x, "float64")));

/** np.int64(x): Python's int(x), truncating toward zero (NaN raises ValueError, ±inf OverflowError). */
export const int64 = scalarType("int64", (x) => (x === undefined ? 0 : convertElement(x, "int64")));

/** np.uint8(x): int(x) modulo 256 (numpy 1.24 warns and wraps: np.uint8(-1) is 255). */
export const uint8 = scalarType("uint8", (x) => (x === undefined ? 0 : convertElement(x, "uint8")));

/** np.bool_(x): Python's truth value of x (NaN and any non-empty string are true). */
export const bool_ = scalarType("bool", (x) => convertElement(x, "bool") !== 0);
