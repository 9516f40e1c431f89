// array_like -> NDArray: the one place nested JS arrays are validated and flattened.
import { NDArray, shapeStr, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { castData, convertElement, convertScalar, operandDType, toDType, type DTypeLike } from "./dtype";
import { ValueError } from "./errors";

/**
 * Converts the input to an array, without copying an array that already is one.
 *
 * An NDArray passes through unchanged (the same object, no copy) unless another dtype is asked for;
 * nested JS arrays, numbers and booleans are converted as np.array converts them (JS numbers give
 * float64, booleans bool). Mirrors numpy.asarray; numpy's `dtype=` keyword is the second argument.
 *
 * @param x - the input: an NDArray, a number, a boolean, or nested JS arrays of them
 * @param dtype - the dtype of the result ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: the input's
 * @returns `x` itself when it is an NDArray of that dtype, otherwise a new array of the same shape
 * @example const A = np.asarray([[1, 2], [3, 4]]); // array([[1., 2.], [3., 4.]]), shape (2, 2)
 */
export function asarray(x: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const dt = dtype === undefined || dtype === null ? undefined : toDType(dtype);
  if (x instanceof NDArray) return dt === undefined || dt === x.dtype ? x : castTo(x, dt);
  return fromNested(x, dt ?? operandDType(x), dt !== undefined);
}

/**
 * Creates a new array from nested JS arrays, a number, a boolean or another array.
 *
 * Always returns a new array with its own storage (np.array copies, np.asarray does not). JS
 * numbers give float64, since JS cannot tell `1` from `1.0`: pass "int64" for integers; booleans
 * give bool. Values are converted as numpy converts Python scalars (NaN into an integer dtype
 * raises, uint8 wraps modulo 256); an NDArray is copied, cast as `astype` casts. Ragged lists raise
 * numpy's "inhomogeneous shape" ValueError. Mirrors numpy.array; numpy's `dtype=` keyword is the
 * second argument.
 *
 * @param x - the values: a number, a boolean, nested JS arrays of them (one nesting level per axis), or an NDArray
 * @param dtype - the dtype of the result ("float64", "int64", "uint8", "bool", numpy's aliases, or np.float64 ...); default: float64 for numbers, bool for booleans, the input's for an NDArray
 * @returns a new array; its shape is the nesting of `x` (a number gives a 0-d array)
 * @example const Y = np.array([[1, 0, 1]], "int64"); // array([[1, 0, 1]]), shape (1, 3)
 */
export function array(x: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const dt = dtype === undefined || dtype === null ? undefined : toDType(dtype);
  if (x instanceof NDArray) return castTo(x, dt ?? x.dtype, true);
  return fromNested(x, dt ?? operandDType(x), dt !== undefined);
}

function castTo(a: NDArray, dtype: DType, alwaysCopy = false): NDArray {
  if (dtype === a.dtype) return alwaysCopy ? a.copy() : a;
  return new NDArray(castData(a.data, a.dtype, dtype), a.shape, dtype);
}

export { castTo as astype };

/** Nested JS arrays to an array of `dtype`. Leaves are numbers or booleans; with an explicit dtype
 *  any value numpy converts to that dtype is accepted too (np.array(["1.5"], "float64")). */
function fromNested(x: NestedArray, dtype: DType, explicit: boolean): NDArray {
  if (typeof x === "number" || typeof x === "boolean") return new NDArray(Float64Array.of(convertScalar(x, dtype)), [], dtype);
  const shape: number[] = [];
  let probe: NestedArray = x;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const size = shape.reduce((p, d) => p * d, 1);
  const out = new Float64Array(size);
  let pos = 0;
  const walk = (v: NestedArray, depth: number, path: number[]): void => {
    if (depth === shape.length) {
      if (Array.isArray(v)) throw ragged(shape, depth, path);
      if (typeof v === "number" || typeof v === "boolean") out[pos++] = convertScalar(v, dtype);
      else if (explicit) out[pos++] = convertElement(v, dtype);
      else throw new TypeError(`np.array expects numbers, booleans or nested arrays of them, got ${typeof v}`);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) throw ragged(shape, depth, path);
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, [...path, i]);
  };
  walk(x, 0, []);
  return new NDArray(out, shape, dtype);
}

function ragged(shape: number[], depth: number, path: number[]): ValueError {
  const where = path.length ? `at index [${path.join("][")}]` : "at the top level";
  return new ValueError(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${depth} dimensions. The detected shape was ${shapeStr(shape.slice(0, depth))} + inhomogeneous part ` +
      `(${where}: expected ${depth < shape.length ? `a list of length ${shape[depth]}` : "a number"})`,
  );
}
