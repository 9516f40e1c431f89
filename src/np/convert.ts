// array_like -> NDArray: the one place nested JS arrays are validated and flattened.
import { NDArray, shapeStr, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { operandDType } from "./dtype";
import { ValueError } from "./errors";

/** np.asarray: NDArrays pass through unchanged (no copy); everything else is converted. */
export function asarray(x: ArrayLike, dtype?: DType): NDArray {
  if (x instanceof NDArray) return dtype === undefined || dtype === x.dtype ? x : castTo(x, dtype);
  return fromNested(x, dtype ?? operandDType(x));
}

/** np.array: always a new array. */
export function array(x: ArrayLike, dtype?: DType): NDArray {
  if (x instanceof NDArray) return castTo(x, dtype ?? x.dtype, true);
  return fromNested(x, dtype ?? operandDType(x));
}

function castTo(a: NDArray, dtype: DType, alwaysCopy = false): NDArray {
  if (dtype === a.dtype) return alwaysCopy ? a.copy() : a;
  const out = new Float64Array(a.size);
  const src = a.data;
  if (dtype === "bool") for (let i = 0; i < out.length; i++) out[i] = src[i] !== 0 ? 1 : 0;
  else if (dtype === "int64") for (let i = 0; i < out.length; i++) out[i] = Math.trunc(src[i]) + 0; // + 0 turns -0 into 0
  else out.set(src);
  return new NDArray(out, a.shape, dtype);
}

export { castTo as astype };

function fromNested(x: NestedArray, dtype: DType): NDArray {
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
      const num = typeof v === "boolean" ? (v ? 1 : 0) : v;
      if (typeof num !== "number") {
        throw new TypeError(`np.array expects numbers, booleans or nested arrays of them, got ${typeof v}`);
      }
      out[pos++] = dtype === "bool" ? (num !== 0 ? 1 : 0) : dtype === "int64" ? Math.trunc(num) + 0 : num;
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
