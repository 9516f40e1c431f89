// The n-dimensional array. Storage is always a contiguous, row-major (C-order) Float64Array:
// int64, uint8 and bool values live in it as exact doubles, which keeps every kernel monomorphic.
// Operations return new arrays; the methods below are thin delegates to the free functions
// (np.add, np.sum, ...) so `W.dot(X).add(b)` and `np.add(np.dot(W, X), b)` share one code path.
import { inspect } from "node:util";
import * as ops from "./ops";
import * as reduce from "./reduce";
import * as shapeOps from "./shape";
import * as indexing from "./indexing";
import * as linalg from "./linalg";
import * as format from "./format";
import type { ReduceOptions } from "./reduce";
import { transposed } from "./kernels/transpose";
import type { DTypeLike } from "./dtype";
import { ValueError } from "./errors";

/** The dtypes nnlab stores (all as exact doubles in a Float64Array). */
export type DType = "float64" | "int64" | "uint8" | "bool";
export type Shape = number[];
/** Nested JS arrays of numbers/booleans, as accepted by np.array. */
export type NestedArray = number | boolean | NestedArray[];
/** Anything np functions accept where numpy accepts "array_like". */
export type ArrayLike = NDArray | NestedArray;
/** One index in NDArray.slice/assign: an integer, a slice string ("1:3", ":", "::-1"),
 *  an integer index array, a boolean/integer NDArray, "..." or null (np.newaxis). */
export type Index = number | string | number[] | NDArray | null;

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** numpy's tuple notation, used in every error message: (4, 3), (5,), (). */
export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

// Storage states of an NDArray (its private #state). See `data` and docs/architecture.md.
/** `data` has been handed out: code outside np may hold the buffer and write to it. */
const EXPOSED = 1;
/** The buffer is shared with a lazy transpose or kept by a matmul kernel, so nobody may write to
 *  it any more: the next `data` gives this array a private copy first. */
const PINNED = 2;
/** A lazy transpose (2-D): `_buf` holds the values of its transpose, row-major; `data` transposes. */
const LAZY_T = 4;

export class NDArray {
  /** @internal The storage: the values in row-major order, except for a lazy transpose (see
   *  `_transposed`). Outside np, use `data`. */
  _buf: Float64Array;
  #state = 0;
  readonly shape: Shape;
  readonly dtype: DType;

  constructor(data: Float64Array, shape: readonly number[], dtype: DType = "float64") {
    if (data.length !== shapeSize(shape)) {
      throw new ValueError(`cannot create array of shape ${shapeStr(shape)} from ${data.length} values`);
    }
    this._buf = data;
    this.shape = [...shape];
    this.dtype = dtype;
  }

  /** The values in row-major (C) order; writing to them writes to the array. The array owns the
   *  buffer it was constructed with: write to it only through the array. `X.T` is lazy: its values
   *  are transposed on the first `data`, and a product (`np.dot(dZ, A_prev.T)`) reads A_prev's
   *  buffer with a transpose flag instead; an array whose buffer is shared that way (or kept by a
   *  matmul kernel) gets a private copy on its next `data`, so copies stay copies. */
  get data(): Float64Array {
    return this.#state === EXPOSED ? this._buf : this.#expose();
  }

  #expose(): Float64Array {
    if (this.#state & LAZY_T) this._buf = transposed(this._buf, this.shape[1], this.shape[0]);
    else if (this.#state & PINNED) {
      const own = new Float64Array(this._buf.length);
      own.set(this._buf);
      this._buf = own;
    }
    this.#state = EXPOSED;
    return this._buf;
  }

  /** @internal `_buf` holds this 2-D array's transpose (A.T not yet materialised). */
  get _transposed(): boolean {
    return (this.#state & LAZY_T) !== 0;
  }

  /** @internal The values for reading inside np, without handing the buffer out: a lazy
   *  transpose is materialised, nothing is copied otherwise. */
  _values(): Float64Array {
    if (this.#state & LAZY_T) {
      this._buf = transposed(this._buf, this.shape[1], this.shape[0]);
      this.#state = 0;
    }
    return this._buf;
  }

  /** @internal Promises that `_buf` will never change again, if that can be promised (the buffer
   *  was never handed out through `data`): from now on `data` first copies it. Kernels keep
   *  copies of pinned operands (kernels/wasm.ts). */
  _pin(): boolean {
    if (this.#state === EXPOSED) return false;
    this.#state |= PINNED;
    return true;
  }

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return this._buf.length;
  }
  /** Row-major strides in elements (not bytes). */
  get strides(): number[] {
    const s = new Array<number>(this.shape.length);
    let acc = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= this.shape[i];
    }
    return s;
  }
  /** numpy's a.T. For a 2-D array it is lazy: it shares this array's buffer (pinned, see `data`)
   *  and is transposed on first use of its `data`; dot and matmul read it with a transpose flag. */
  get T(): NDArray {
    if (this.ndim !== 2 || this.#state === EXPOSED) return shapeOps.transpose(this);
    const out = new NDArray(this._buf, [this.shape[1], this.shape[0]], this.dtype);
    // the transpose of a lazy transpose is the source's layout: shared, not lazy
    out.#state = this.#state & LAZY_T ? PINNED : LAZY_T | PINNED;
    this.#state |= PINNED;
    return out;
  }

  // ---- shape and conversion (shape.ts)
  reshape(...newShape: (number | number[])[]): NDArray {
    return shapeOps.reshape(this, newShape.flat());
  }
  flatten(): NDArray {
    return shapeOps.ravel(this);
  }
  ravel(): NDArray {
    return shapeOps.ravel(this);
  }
  squeeze(axis?: number | number[]): NDArray {
    return shapeOps.squeeze(this, axis);
  }
  expand_dims(axis: number | number[]): NDArray {
    return shapeOps.expand_dims(this, axis);
  }
  transpose(...axes: (number | number[])[]): NDArray {
    return axes.length === 0 && this.ndim === 2 ? this.T : shapeOps.transpose(this, axes.flat());
  }
  swapaxes(a: number, b: number): NDArray {
    return shapeOps.swapaxes(this, a, b);
  }
  copy(): NDArray {
    return new NDArray(this._values().slice(), this.shape, this.dtype);
  }
  /** a.astype(dtype): a converted copy (numpy's C casts; see castData in dtype.ts). */
  astype(dtype: DTypeLike): NDArray {
    return shapeOps.astype(this, dtype);
  }
  /** The one element of a size-1 array, or the element at a flat or n-d index. */
  item(...index: number[]): number | boolean {
    return indexing.item(this, index);
  }
  tolist(): NestedArray {
    return shapeOps.tolist(this);
  }

  // ---- element access and numpy-style indexing (indexing.ts)
  /** Element read: a.get(i, j) is numpy's a[i, j] on a 2-D array. Negative indices count from the end. */
  get(...index: number[]): number {
    return indexing.getElement(this, index);
  }
  /** Element write: a.set(i, j, value) is numpy's a[i, j] = value (one integer index per axis). */
  set(...indexAndValue: [...index: number[], value: number | boolean]): void {
    indexing.setElement(this, indexAndValue);
  }
  /** numpy's a[...] for slices, index arrays and masks: a.slice(":", [0, 2]) is a[:, [0, 2]]. Returns a copy. */
  slice(...index: Index[]): NDArray {
    return indexing.getItem(this, index);
  }
  /** numpy's a[i0, i1, ...] = value, in place, with value broadcast to the selection.
   *  The index is always a list, one entry per axis: a.assign([":", 0], 1) is a[:, 0] = 1. */
  assign(index: Index[], value: ArrayLike): this {
    indexing.setItem(this, index, value);
    return this;
  }
  /** np.putmask(a, mask, values): a[mask] = values, in place (e.g. dZ.putmask(Z.less_equal(0), 0)). */
  putmask(mask: ArrayLike, values: ArrayLike): this {
    indexing.putmask(this, mask, values);
    return this;
  }
  take(indices: ArrayLike, axis?: number): NDArray {
    return indexing.take(this, indices, axis);
  }

  // ---- arithmetic and comparison, numpy's operators as methods (ops.ts)
  add(b: ArrayLike): NDArray {
    return ops.add(this, b);
  }
  subtract(b: ArrayLike): NDArray {
    return ops.subtract(this, b);
  }
  multiply(b: ArrayLike): NDArray {
    return ops.multiply(this, b);
  }
  divide(b: ArrayLike): NDArray {
    return ops.divide(this, b);
  }
  power(b: ArrayLike): NDArray {
    return ops.power(this, b);
  }
  negative(): NDArray {
    return ops.negative(this);
  }
  maximum(b: ArrayLike): NDArray {
    return ops.maximum(this, b);
  }
  minimum(b: ArrayLike): NDArray {
    return ops.minimum(this, b);
  }
  clip(min: ArrayLike | null, max: ArrayLike | null): NDArray {
    return ops.clip(this, min, max);
  }
  round(decimals = 0): NDArray {
    return ops.round(this, decimals);
  }
  greater(b: ArrayLike): NDArray {
    return ops.greater(this, b);
  }
  greater_equal(b: ArrayLike): NDArray {
    return ops.greater_equal(this, b);
  }
  less(b: ArrayLike): NDArray {
    return ops.less(this, b);
  }
  less_equal(b: ArrayLike): NDArray {
    return ops.less_equal(this, b);
  }
  equal(b: ArrayLike): NDArray {
    return ops.equal(this, b);
  }
  not_equal(b: ArrayLike): NDArray {
    return ops.not_equal(this, b);
  }

  // ---- reductions (reduce.ts); no axis gives a number, as numpy gives a scalar
  sum(): number;
  sum(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  sum(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  sum(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.sum(this, axis as never, keepdims);
  }
  mean(): number;
  mean(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  mean(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  mean(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.mean(this, axis as never, keepdims);
  }
  max(): number;
  max(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  max(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  max(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.max(this, axis as never, keepdims);
  }
  min(): number;
  min(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  min(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  min(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.min(this, axis as never, keepdims);
  }
  std(): number;
  std(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  std(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  std(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.std(this, axis as never, keepdims);
  }
  var(): number;
  var(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  var(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  var(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.var_(this, axis as never, keepdims);
  }
  argmax(): number;
  argmax(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  argmax(axis: number | ReduceOptions, keepdims?: boolean): NDArray;
  argmax(axis?: number | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.argmax(this, axis as never, keepdims);
  }
  argmin(): number;
  argmin(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  argmin(axis: number | ReduceOptions, keepdims?: boolean): NDArray;
  argmin(axis?: number | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.argmin(this, axis as never, keepdims);
  }

  // ---- linear algebra (linalg.ts)
  dot(b: ArrayLike): NDArray {
    return linalg.dot(this, b);
  }
  matmul(b: ArrayLike): NDArray {
    return linalg.matmul(this, b);
  }

  // ---- printing (format.ts): String(a) is numpy's str(a); a.repr() is numpy's repr(a)
  toString(): string {
    return format.array_str(this);
  }
  repr(): string {
    return format.array_repr(this);
  }
  /** console.log(a) prints like numpy's print(a). */
  [inspect.custom](): string {
    return format.array_str(this);
  }
  /** A notebook shows a cell's last expression and display(a) the way IPython does: numpy's repr.
   *  (The Jupyter.display symbol is the convention nnlab's patched tslab and Deno's kernel honour.) */
  [Symbol.for("Jupyter.display")](): { "text/plain": string } {
    return { "text/plain": format.array_repr(this) };
  }
}
