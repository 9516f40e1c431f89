// Shared helpers of the Keras-like framework: the tensor type the layers pass between them,
// the matrix product (np's gemm kernel), conversions to and from NDArray, and to_categorical.
import { NDArray } from "../np/ndarray";
import { gemm } from "../np/kernels/gemm";
import { asarray } from "../np/convert";

/** What layers pass between them: values in row-major order and a shape whose first axis is the batch. */
export interface Tensor {
  data: Float64Array;
  shape: number[];
}

/** The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** "(None, 26, 26, 16)": a shape as Keras prints it, with the batch axis as None. */
export function shapeString(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? "None" : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

/**
 * C (m×n) = op(A) · op(B), with op(A) m×k and op(B) k×n, row-major; `ta`/`tb` say the operand is
 * stored transposed (BLAS's transa/transb). This is the kernel np.dot and np.matmul run (the
 * WebAssembly SIMD gemm of src/np/kernels for all but tiny products), called with transpose flags
 * so that no operand is copied, and with no owner, so that no operand is kept resident (weights
 * change in place after every step).
 */
export function matmul(
  a: Float64Array, b: Float64Array, m: number, k: number, n: number, ta = false, tb = false, out?: Float64Array,
): Float64Array {
  const c = out ?? new Float64Array(m * n);
  gemm(m, n, k, a, b, c, ta, tb);
  return c;
}

/** A float64 copy of an array-like as a Tensor. */
export function toTensor(x: NDArray | ArrayLike<number> | number[][] | unknown): Tensor {
  const arr = x instanceof NDArray ? x : asarray(x as never);
  const src = arr.data;
  const data = new Float64Array(src.length);
  data.set(src);
  return { data, shape: [...arr.shape] };
}

/** A Tensor as an NDArray (sharing its buffer). */
export function toNDArray(t: Tensor): NDArray {
  const a = new NDArray(t.data, t.shape);
  void a.data; // hand the buffer out: it may be written later, so no kernel may keep it
  return a;
}

/** Rows `idx` of a tensor (first axis), as a new tensor. */
export function takeRows(t: Tensor, idx: ArrayLike<number>, from = 0, to = idx.length): Tensor {
  const row = sizeOf(t.shape.slice(1));
  const n = to - from;
  const data = new Float64Array(n * row);
  for (let i = 0; i < n; i++) {
    const r = idx[from + i];
    data.set(t.data.subarray(r * row, (r + 1) * row), i * row);
  }
  return { data, shape: [n, ...t.shape.slice(1)] };
}

/** Rows from..to of a tensor (a copy). */
export function sliceRows(t: Tensor, from: number, to: number): Tensor {
  const row = sizeOf(t.shape.slice(1));
  return { data: t.data.slice(from * row, to * row), shape: [to - from, ...t.shape.slice(1)] };
}

/**
 * Converts a class vector (integers 0..num_classes-1) to one-hot rows.
 *
 * Mirrors keras.utils.to_categorical: entry [i, y[i]] is 1, the rest 0; `num_classes` defaults to
 * max(y) + 1. The result is float64, shape (m, num_classes) for a vector y of length m.
 *
 * @param y - the class of each example, shape (m,) (or (m, 1)); integer values
 * @param num_classes - the number of classes; default max(y) + 1
 * @returns the one-hot matrix, float64, shape (m, num_classes)
 * @example const y_train_1h = keras.utils.to_categorical(y_train, 10);
 */
export function to_categorical(y: NDArray | number[], num_classes?: number): NDArray {
  const arr = y instanceof NDArray ? y : asarray(y);
  const v = arr.data;
  let k = num_classes ?? 0;
  if (num_classes === undefined) for (let i = 0; i < v.length; i++) k = Math.max(k, v[i] + 1);
  const out = new Float64Array(v.length * k);
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`to_categorical: label ${c} is not in 0..${k - 1}`);
    out[i * k + c] = 1;
  }
  const lead = arr.ndim > 1 && arr.shape[arr.ndim - 1] === 1 ? arr.shape.slice(0, -1) : arr.shape;
  return new NDArray(out, [...lead, k]);
}
