// The n-dimensional array. Storage is always a contiguous, row-major (C-order) Float64Array:
// int64, uint8 and bool values live in it as exact doubles, which keeps every kernel monomorphic.
// Operations return new arrays; the methods below are thin delegates to the free functions
// (np.add, np.sum, ...) so `W.dot(X).add(b)` and `np.add(np.dot(W, X), b)` share one code path.
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
import { emptyFloat64 } from "./empty";

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

/**
 * An n-dimensional array of numbers: numpy's ndarray.
 *
 * The values are stored contiguous, in row-major (C) order, in a Float64Array, with a shape and a
 * dtype: "float64", "int64", "uint8" or "bool" (integers and booleans are stored as exact doubles).
 * Make arrays with np.array, np.zeros, np.arange, np.random.randn, ...; the constructor wraps an
 * existing buffer. Operations return new arrays (copies, never views); write in place with `set`,
 * `assign` and `putmask`. TypeScript has no operators on arrays, so numpy's operators are methods:
 * `A + B` is `A.add(B)`, `A > 0` is `A.greater(0)`, `A[:, 0]` is `A.slice(":", 0)`. `String(A)` and
 * `console.log(A)` print as numpy's print(A), `A.repr()` as repr(A). Mirrors numpy.ndarray.
 *
 * @param data - the values in row-major order; its length must be the product of `shape` (the array keeps this buffer: no copy)
 * @param shape - the length of each axis ([] for a 0-d array)
 * @param dtype - "float64" (default), "int64", "uint8" or "bool"; the values must already be valid for it
 * @example const A = new np.NDArray(new Float64Array([1, 2, 3, 4]), [2, 2]); // array([[1., 2.], [3., 4.]])
 */
export class NDArray {
  /** @internal The storage: the values in row-major order, except for a lazy transpose (see
   *  `_transposed`). Outside np, use `data`. */
  _buf: Float64Array;
  #state = 0;
  /**
   * The length of each axis: numpy's `a.shape`, with the tuple as a list ((2, 3) is [2, 3], a 0-d
   * array []). Do not modify it; use reshape.
   */
  readonly shape: Shape;
  /**
   * The type of the elements: "float64", "int64", "uint8" or "bool" (numpy's `a.dtype.name`).
   */
  readonly dtype: DType;

  /**
   * Wraps a row-major Float64Array as an array of the given shape and dtype (no copy).
   *
   * Most code makes arrays with np.array, np.zeros, ... instead. A buffer whose length is not the
   * product of `shape` raises a ValueError.
   *
   * @param data - the values in row-major order; its length must be the product of `shape`
   * @param shape - the length of each axis ([] for a 0-d array)
   * @param dtype - "float64" (default), "int64", "uint8" or "bool"
   * @example const A = new np.NDArray(new Float64Array([1, 2, 3, 4]), [2, 2]);
   */
  constructor(data: Float64Array, shape: readonly number[], dtype: DType = "float64") {
    if (data.length !== shapeSize(shape)) {
      throw new ValueError(`cannot create array of shape ${shapeStr(shape)} from ${data.length} values`);
    }
    this._buf = data;
    this.shape = [...shape];
    this.dtype = dtype;
  }

  /** The values in row-major (C) order; writing to them writes to the array. The array owns the
   *  buffer it was constructed with: write to it only through the array. A small result's values
   *  may be a view into a larger shared ArrayBuffer (np/empty.ts): read `.buffer` with
   *  `byteOffset` and `byteLength`, as for Node's pooled Buffers. `X.T` is lazy: its values
   *  are transposed on the first `data`, and a product (`np.dot(dZ, A_prev.T)`) reads A_prev's
   *  buffer with a transpose flag instead; an array whose buffer is shared that way (or kept by a
   *  matmul kernel) gets a private copy on its next `data`, so copies stay copies. */
  get data(): Float64Array {
    return this.#state === EXPOSED ? this._buf : this.#expose();
  }

  #expose(): Float64Array {
    if (this.#state & LAZY_T) this._buf = transposed(this._buf, this.shape[1], this.shape[0]);
    else if (this.#state & PINNED) {
      const own = emptyFloat64(this._buf.length);
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

  /**
   * The number of axes: numpy's `a.ndim` (0 for a 0-d array, 2 for a matrix).
   */
  get ndim(): number {
    return this.shape.length;
  }
  /**
   * The number of elements, the product of the shape: numpy's `a.size`.
   */
  get size(): number {
    return this._buf.length;
  }
  /**
   * Row-major strides in elements: how far apart consecutive indices of each axis are in `data`.
   * numpy's `a.strides` counts bytes, 8 times these for float64.
   */
  get strides(): number[] {
    const s = new Array<number>(this.shape.length);
    let acc = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= this.shape[i];
    }
    return s;
  }
  /**
   * The transposed array: numpy's `a.T`, with the axes reversed ((n, m) becomes (m, n)).
   *
   * Same as np.transpose(a). The labs' `dW1 = np.dot(dZ1, X.T) / m` is
   * `np.dot(dZ1, X.T).multiply(1 / m)`. It behaves as a copy (writing to it never changes `a`). For
   * a 2-D array it is lazy: it shares this array's buffer (pinned, see `data`) and is transposed on
   * first use of its `data`; dot and matmul read it with a transpose flag, so
   * `np.dot(dZ, A_prev.T)` moves no data. Mirrors numpy.ndarray.T.
   *
   * @returns the transpose, same dtype
   * @example const dW1 = np.dot(dZ1, X.T).multiply(1 / m);
   */
  get T(): NDArray {
    if (this.ndim !== 2 || this.#state === EXPOSED) return shapeOps.transpose(this);
    const out = new NDArray(this._buf, [this.shape[1], this.shape[0]], this.dtype);
    // the transpose of a lazy transpose is the source's layout: shared, not lazy
    out.#state = this.#state & LAZY_T ? PINNED : LAZY_T | PINNED;
    this.#state |= PINNED;
    return out;
  }

  // ---- shape and conversion (shape.ts)
  /**
   * A copy of this array with a new shape and the same elements, in row-major order.
   *
   * Same as np.reshape(a, newShape). The lengths may be separate arguments or one list, as numpy's
   * `a.reshape(2, 3)` and `a.reshape((2, 3))`; one of them may be -1, inferred from the size. The
   * labs' `X.reshape(X.shape[0], -1).T` flattens images into columns. Mirrors numpy.ndarray.reshape
   * (a copy here, not a view).
   *
   * @param newShape - the new lengths, as separate numbers or one list; at most one -1
   * @returns a new array of the new shape, same dtype and values
   * @example const X_flatten = X.reshape(X.shape[0], -1).T; // (m, h, w, c) to (h*w*c, m)
   */
  reshape(...newShape: (number | number[])[]): NDArray {
    return shapeOps.reshape(this, newShape.flat());
  }
  /**
   * A copy of this array flattened to 1-D, in row-major order.
   *
   * Same as np.ravel(a). Mirrors numpy.ndarray.flatten.
   *
   * @returns a new 1-D array of `size` elements, same dtype
   * @example np.array([[1, 2], [3, 4]]).flatten(); // array([1., 2., 3., 4.])
   */
  flatten(): NDArray {
    return shapeOps.ravel(this);
  }
  /**
   * This array flattened to 1-D, in row-major order (a copy here).
   *
   * Same as np.ravel(a). Mirrors numpy.ndarray.ravel.
   *
   * @returns a new 1-D array of `size` elements, same dtype
   * @example np.array([[1, 2], [3, 4]]).ravel(); // array([1., 2., 3., 4.])
   */
  ravel(): NDArray {
    return shapeOps.ravel(this);
  }
  /**
   * A copy of this array without its length-1 axes (or only the given ones).
   *
   * Same as np.squeeze(a, axis). Mirrors numpy.ndarray.squeeze.
   *
   * @param axis - the axis or axes to remove, each of length 1; default: every length-1 axis
   * @returns a new array with those axes removed
   * @example np.zeros([1, 3, 1]).squeeze().shape; // [3]
   */
  squeeze(axis?: number | number[]): NDArray {
    return shapeOps.squeeze(this, axis);
  }
  /**
   * A copy of this array with a new axis of length 1 at the given position.
   *
   * Same as np.expand_dims(a, axis) (numpy has no method of this name).
   *
   * @param axis - where the new axis goes in the result, or a list of such positions
   * @returns a new array with one more axis per position
   * @example np.array([1, 2, 3]).expand_dims(0).shape; // [1, 3]
   */
  expand_dims(axis: number | number[]): NDArray {
    return shapeOps.expand_dims(this, axis);
  }
  /**
   * This array with its axes permuted; without arguments, reversed (the matrix transpose for 2-D).
   *
   * Same as np.transpose(a, axes), and `a.T` without arguments. The axes may be separate arguments
   * or one list, as numpy's `a.transpose(1, 0, 2)` and `a.transpose((1, 0, 2))`. Mirrors
   * numpy.ndarray.transpose (never a view you can write through).
   *
   * @param axes - a permutation of the axes, as separate numbers or one list; none: reverse them
   * @returns the transposed array
   * @example np.zeros([2, 3, 4]).transpose(1, 0, 2).shape; // [3, 2, 4]
   */
  transpose(...axes: (number | number[])[]): NDArray {
    return axes.length === 0 && this.ndim === 2 ? this.T : shapeOps.transpose(this, axes.flat());
  }
  /**
   * A copy of this array with two axes interchanged.
   *
   * Same as np.swapaxes(a, axis1, axis2). Mirrors numpy.ndarray.swapaxes.
   *
   * @param a - the first axis
   * @param b - the second axis
   * @returns a new array with the two axes swapped
   * @example np.zeros([2, 3, 4]).swapaxes(0, 2).shape; // [4, 3, 2]
   */
  swapaxes(a: number, b: number): NDArray {
    return shapeOps.swapaxes(this, a, b);
  }
  /**
   * A copy of this array with its own storage: writing to it leaves this array alone.
   *
   * Same as np.copy(a). Mirrors numpy.ndarray.copy.
   *
   * @returns a new array, same shape, dtype and values
   * @example const dZ = dA.copy(); // as np.array(dA, copy=True)
   */
  copy(): NDArray {
    return new NDArray(this._values().slice(), this.shape, this.dtype);
  }
  /**
   * A copy of this array converted to another dtype.
   *
   * numpy's C casts: float to int truncates toward zero (NaN and inf become -2**63), int to uint8
   * wraps modulo 256, anything to bool is `!= 0`, bool to number is 0/1. Always a copy, as numpy's
   * default copy=True. Mirrors numpy.ndarray.astype.
   *
   * @param dtype - the new dtype: "float64", "int64", "uint8", "bool", numpy's aliases ("float", "int", "f8", ...), or np.float64, np.int64, np.uint8, np.bool_
   * @returns a new array of that dtype, same shape
   * @example np.array([1.7, -1.7, 0]).astype("int64"); // array([ 1, -1,  0])
   */
  astype(dtype: DTypeLike): NDArray {
    return shapeOps.astype(this, dtype);
  }
  /**
   * One element as a JS number (a boolean for a bool array).
   *
   * Without an index the array must have exactly one element (the way to unwrap a 0-d result such
   * as np.dot of two vectors, or a (1, 1) cost); one index counts in the flattened array; one index
   * per axis picks that element. Mirrors numpy.ndarray.item.
   *
   * @param index - nothing, one flat index, or one integer per axis (negative counts from the end)
   * @returns the element: a number, or a boolean for a bool array
   * @example const cost = np.dot(w, w).item(); // the 0-d result as a number
   */
  item(...index: number[]): number | boolean {
    return indexing.item(this, index);
  }
  /**
   * The values as nested JS arrays (numbers, or booleans for a bool array).
   *
   * Same as np.tolist(a); a 0-d array gives a bare value. Mirrors numpy.ndarray.tolist.
   *
   * @returns nested JS arrays, one level per axis, or a single value for a 0-d array
   * @example np.array([[1, 2], [3, 4]]).tolist(); // [[1, 2], [3, 4]]
   */
  tolist(): NestedArray {
    return shapeOps.tolist(this);
  }

  // ---- element access and numpy-style indexing (indexing.ts)
  /**
   * Reads one element: `A.get(i, j)` is numpy's `A[i, j]` on a 2-D array.
   *
   * Takes exactly one integer per axis; negative indices count from the end, out-of-range ones
   * raise numpy's IndexError. For sub-arrays (`A[i]`, `A[:, j]`) use `slice`. The value is a JS
   * number (0 or 1 for a bool array; `item` gives a boolean).
   *
   * @param index - one integer per axis, e.g. (i, j) for a 2-D array
   * @returns the element, as a number
   * @example const w = W1.get(0, 1); // W1[0, 1]
   */
  get(...index: number[]): number {
    return indexing.getElement(this, index);
  }
  /**
   * Writes one element, in place: `A.set(i, j, v)` is numpy's `A[i, j] = v`.
   *
   * Takes one integer per axis and then the value, which is converted to the array's dtype as numpy
   * converts a Python value (truncated for int64, wrapped for uint8, NaN into an integer array
   * raises). For slices, masks and index arrays use `assign` or `putmask`.
   *
   * @param indexAndValue - one integer per axis (negative counts from the end), then the value
   * @example W1.set(0, 1, 0.5); // W1[0, 1] = 0.5
   */
  set(...indexAndValue: [...index: number[], value: number | boolean]): void {
    indexing.setElement(this, indexAndValue);
  }
  /**
   * numpy's indexing `A[...]`: slices, integers, index arrays and boolean masks. Returns a copy.
   *
   * One entry per axis (missing trailing ones mean ":"): an integer picks one position and drops
   * the axis; a string is a slice ("1:3", ":", "::-1", "-2:"); a list of integers or an integer
   * array picks those positions (advanced indexing, `X[:, perm]` is `X.slice(":", perm)`); a bool
   * array of the same shape is a mask (`A[A > 0]` is `A.slice(A.greater(0))`, 1-D); "..." stands
   * for the axes not written; null inserts a new axis (np.newaxis). numpy's rules and errors,
   * including how advanced indices combine. The result is always a copy (numpy's basic slices are
   * views): write back with `assign`.
   *
   * @param index - one index per axis: number, slice string, integer list/array, bool mask, "..." or null
   * @returns a new array with the selected elements
   * @example const first_two = X.slice(":", "0:2"); // X[:, 0:2]
   */
  slice(...index: Index[]): NDArray {
    return indexing.getItem(this, index);
  }
  /**
   * numpy's indexed assignment `A[...] = value`, in place.
   *
   * The index is one list, with the same entries as `slice` ("1:3", integers, index arrays, masks,
   * "...", null): `A.assign([":", 0], 1)` is `A[:, 0] = 1`. The value is cast to the array's dtype
   * and broadcast to the selected shape; with repeated indices the last write wins, as in numpy.
   * Returns this array, so calls chain.
   *
   * @param index - the index, as a list of entries (one per axis, as for `slice`)
   * @param value - the value(s) to write: a number, or an array broadcastable to the selection
   * @returns this array, modified
   * @example parameters["W1"].assign([0, ":"], 0); // W1[0, :] = 0
   */
  assign(index: Index[], value: ArrayLike): this {
    indexing.setItem(this, index, value);
    return this;
  }
  /**
   * Sets the elements where a mask is true, in place: numpy's `A[mask] = values`.
   *
   * Same as np.putmask(a, mask, values): the ReLU backward step `dZ[Z <= 0] = 0` is
   * `dZ.putmask(Z.less_equal(0), 0)`. The mask must have as many elements as the array; several
   * values repeat cyclically (numpy.putmask's rule). Returns this array, so calls chain.
   *
   * @param mask - booleans (or 0/1) with as many elements as this array
   * @param values - the value to write (usually one number), or values repeated cyclically
   * @returns this array, modified
   * @example dZ.putmask(Z.less_equal(0), 0); // dZ[Z <= 0] = 0
   */
  putmask(mask: ArrayLike, values: ArrayLike): this {
    indexing.putmask(this, mask, values);
    return this;
  }
  /**
   * Takes elements, or whole slices along an axis, at the given indices.
   *
   * Same as np.take(a, indices, axis): `X.take(perm, 1)` is `X[:, perm]`. Mirrors
   * numpy.ndarray.take.
   *
   * @param indices - an integer or integers (a list or an integer array)
   * @param axis - the axis to index along; default: the flattened array
   * @returns a new array with the selected elements
   * @example const shuffled_X = X.take(permutation, 1);
   */
  take(indices: ArrayLike, axis?: number): NDArray {
    return indexing.take(this, indices, axis);
  }

  // ---- arithmetic and comparison, numpy's operators as methods (ops.ts)
  /**
   * Elementwise sum with broadcasting: `A.add(B)` is numpy's `A + B`.
   *
   * Same as np.add(a, b), with this array as `a`. Mirrors numpy's `a + b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the sums, of the broadcast shape
   * @example const Z = W.dot(X).add(b); // np.dot(W, X) + b
   */
  add(b: ArrayLike): NDArray {
    return ops.add(this, b);
  }
  /**
   * Elementwise difference with broadcasting: `A.subtract(B)` is numpy's `A - B`.
   *
   * Same as np.subtract(a, b), with this array as `a`. Mirrors numpy's `a - b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the differences, of the broadcast shape
   * @example const dZ2 = A2.subtract(Y); // A2 - Y
   */
  subtract(b: ArrayLike): NDArray {
    return ops.subtract(this, b);
  }
  /**
   * Elementwise product with broadcasting: `A.multiply(B)` is numpy's `A * B` (not `dot`).
   *
   * Same as np.multiply(a, b), with this array as `a`. Mirrors numpy's `a * b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the products, of the broadcast shape
   * @example const W1 = np.random.randn(4, 2).multiply(0.01); // np.random.randn(4, 2) * 0.01
   */
  multiply(b: ArrayLike): NDArray {
    return ops.multiply(this, b);
  }
  /**
   * Elementwise true division with broadcasting: `A.divide(B)` is numpy's `A / B`.
   *
   * Same as np.divide(a, b), with this array as `a`. Mirrors numpy's `a / b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the quotients, float64, of the broadcast shape
   * @example const A1 = A1_dropped.divide(keep_prob); // A1 / keep_prob
   */
  divide(b: ArrayLike): NDArray {
    return ops.divide(this, b);
  }
  /**
   * Elementwise power with broadcasting: `A.power(2)` is numpy's `A ** 2`.
   *
   * Same as np.power(a, b), with this array as `a`. Mirrors numpy's `a ** b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the powers, of the broadcast shape
   * @example const g = A1.power(2); // A1 ** 2
   */
  power(b: ArrayLike): NDArray {
    return ops.power(this, b);
  }
  /**
   * Elementwise negation: `A.negative()` is numpy's `-A`.
   *
   * Same as np.negative(a); TypeScript's `-A` does not negate an array. Mirrors numpy's `-a`.
   *
   * @returns -a, same shape and dtype
   * @example const A = np.exp(Z.negative()); // np.exp(-Z)
   */
  negative(): NDArray {
    return ops.negative(this);
  }
  /**
   * Elementwise maximum with broadcasting (not the reduction `max`).
   *
   * Same as np.maximum(a, b), with this array as `a`. Mirrors numpy's `np.maximum(a, b)`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the larger of each pair, of the broadcast shape
   * @example const A = Z.maximum(0); // ReLU, np.maximum(Z, 0)
   */
  maximum(b: ArrayLike): NDArray {
    return ops.maximum(this, b);
  }
  /**
   * Elementwise minimum with broadcasting (not the reduction `min`).
   *
   * Same as np.minimum(a, b), with this array as `a`. Mirrors numpy's `np.minimum(a, b)`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns the smaller of each pair, of the broadcast shape
   * @example const capped = A.minimum(1); // np.minimum(A, 1)
   */
  minimum(b: ArrayLike): NDArray {
    return ops.minimum(this, b);
  }
  /**
   * This array with its values limited to [min, max].
   *
   * Same as np.clip(a, min, max); either bound may be null (no bound). Mirrors numpy.ndarray.clip.
   *
   * @param min - the lower bound (a number or an array), or null for none
   * @param max - the upper bound (a number or an array), or null for none
   * @returns the clipped values
   * @example const A2_safe = A2.clip(1e-15, 1 - 1e-15);
   */
  clip(min: ArrayLike | null, max: ArrayLike | null): NDArray {
    return ops.clip(this, min, max);
  }
  /**
   * This array rounded to the given number of decimals, halves to even.
   *
   * Same as np.round(a, decimals). Mirrors numpy.ndarray.round.
   *
   * @param decimals - the number of decimals to keep (negative: digits left of the point); default 0
   * @returns the rounded values, same shape
   * @example np.array([0.5, 1.5, 2.25]).round(1); // array([0.5, 1.5, 2.2])
   */
  round(decimals = 0): NDArray {
    return ops.round(this, decimals);
  }
  /**
   * Elementwise `A > b`, as a bool array.
   *
   * Same as np.greater(a, b), with this array as `a`. Mirrors numpy's `a > b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example const Y_prediction = A2.greater(0.5); // A2 > 0.5
   */
  greater(b: ArrayLike): NDArray {
    return ops.greater(this, b);
  }
  /**
   * Elementwise `A >= b`, as a bool array.
   *
   * Same as np.greater_equal(a, b), with this array as `a`. Mirrors numpy's `a >= b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example const kept = A.greater_equal(0);
   */
  greater_equal(b: ArrayLike): NDArray {
    return ops.greater_equal(this, b);
  }
  /**
   * Elementwise `A < b`, as a bool array.
   *
   * Same as np.less(a, b), with this array as `a`. Mirrors numpy's `a < b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example const D1 = np.random.rand(4, 3).less(keep_prob); // np.random.rand(4, 3) < keep_prob
   */
  less(b: ArrayLike): NDArray {
    return ops.less(this, b);
  }
  /**
   * Elementwise `A <= b`, as a bool array.
   *
   * Same as np.less_equal(a, b), with this array as `a`. Mirrors numpy's `a <= b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example dZ.putmask(Z.less_equal(0), 0); // dZ[Z <= 0] = 0
   */
  less_equal(b: ArrayLike): NDArray {
    return ops.less_equal(this, b);
  }
  /**
   * Elementwise `A == b`, as a bool array.
   *
   * Same as np.equal(a, b), with this array as `a`. Mirrors numpy's `a == b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example const accuracy = np.mean(Y_prediction.equal(Y)); // np.mean(Y_prediction == Y)
   */
  equal(b: ArrayLike): NDArray {
    return ops.equal(this, b);
  }
  /**
   * Elementwise `A != b`, as a bool array.
   *
   * Same as np.not_equal(a, b), with this array as `a`. Mirrors numpy's `a != b`.
   *
   * @param b - the other operand: an array, nested JS arrays, a number or a boolean, broadcast against this array
   * @returns a bool array of the broadcast shape
   * @example const errors = Y_prediction.not_equal(Y);
   */
  not_equal(b: ArrayLike): NDArray {
    return ops.not_equal(this, b);
  }

  // ---- reductions (reduce.ts); no axis gives a number, as numpy gives a scalar
  /**
   * Sum of the elements, in total or over the given axes.
   *
   * Same as np.sum(a, axis, keepdims), with this array as `a`: `A.sum(1, true)` or
   * `A.sum({ axis: 1, keepdims: true })` is numpy's `A.sum(axis=1, keepdims=True)`. Without an axis
   * (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.sum.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the sum: a number without an axis (and without keepdims), otherwise an array
   * @example const db = dZ.sum(1, true).multiply(1 / m); // np.sum(dZ, axis=1, keepdims=True) / m
   */
  sum(): number;
  sum(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  sum(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  sum(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.sum(this, axis as never, keepdims);
  }
  /**
   * Arithmetic mean of the elements, in total or over the given axes.
   *
   * Same as np.mean(a, axis, keepdims), with this array as `a`: `A.mean(1, true)` or
   * `A.mean({ axis: 1, keepdims: true })` is numpy's `A.mean(axis=1, keepdims=True)`. Without an
   * axis (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.mean.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the mean, float64: a number without an axis (and without keepdims), otherwise an array
   * @example np.array([[1, 2], [3, 4]]).mean(0); // array([2., 3.])
   */
  mean(): number;
  mean(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  mean(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  mean(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.mean(this, axis as never, keepdims);
  }
  /**
   * Maximum of the elements, in total or over the given axes.
   *
   * Same as np.max(a, axis, keepdims), with this array as `a`: `A.max(1, true)` or
   * `A.max({ axis: 1, keepdims: true })` is numpy's `A.max(axis=1, keepdims=True)`. Without an axis
   * (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.max.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the maximum: a number without an axis (and without keepdims), otherwise an array
   * @example np.array([[1, 5], [3, 2]]).max(); // 5
   */
  max(): number;
  max(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  max(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  max(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.max(this, axis as never, keepdims);
  }
  /**
   * Minimum of the elements, in total or over the given axes.
   *
   * Same as np.min(a, axis, keepdims), with this array as `a`: `A.min(1, true)` or
   * `A.min({ axis: 1, keepdims: true })` is numpy's `A.min(axis=1, keepdims=True)`. Without an axis
   * (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.min.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the minimum: a number without an axis (and without keepdims), otherwise an array
   * @example np.array([[1, 5], [3, 2]]).min(1); // array([1., 2.])
   */
  min(): number;
  min(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  min(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  min(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.min(this, axis as never, keepdims);
  }
  /**
   * Standard deviation of the elements, in total or over the given axes.
   *
   * Same as np.std(a, axis, keepdims), with this array as `a`: `A.std(1, true)` or
   * `A.std({ axis: 1, keepdims: true })` is numpy's `A.std(axis=1, keepdims=True)`. Without an axis
   * (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.std.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims } (and ddof: the divisor is N - ddof, default 0)
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the standard deviation, float64: a number without an axis (and without keepdims), otherwise an array
   * @example np.array([1, 2, 3, 4]).std({ ddof: 1 }); // 1.2909944487358056
   */
  std(): number;
  std(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  std(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  std(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.std(this, axis as never, keepdims);
  }
  /**
   * Variance of the elements, in total or over the given axes.
   *
   * Same as np.var(a, axis, keepdims), with this array as `a`: `A.var(1, true)` or
   * `A.var({ axis: 1, keepdims: true })` is numpy's `A.var(axis=1, keepdims=True)`. Without an axis
   * (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.var.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims } (and ddof: the divisor is N - ddof, default 0)
   * @param axis - the axis, or list of axes, to reduce; omitted or null: all of them
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns the variance, float64: a number without an axis (and without keepdims), otherwise an array
   * @example np.array([1, 2, 3, 4]).var(); // 1.25
   */
  var(): number;
  var(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  var(axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  var(axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.var_(this, axis as never, keepdims);
  }
  /**
   * Index of the maximum, in the flattened array or along one axis.
   *
   * Same as np.argmax(a, axis, keepdims), with this array as `a`: `A.argmax(1, true)` or
   * `A.argmax({ axis: 1, keepdims: true })` is numpy's `A.argmax(axis=1, keepdims=True)`. Without
   * an axis (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.argmax.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis to search along; omitted or null: the flattened array
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns a number (the flat index) without an axis, otherwise an int64 array of indices
   * @example const predictions = A.argmax(0); // the most probable class of each column
   */
  argmax(): number;
  argmax(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  argmax(axis: number | ReduceOptions, keepdims?: boolean): NDArray;
  argmax(axis?: number | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.argmax(this, axis as never, keepdims);
  }
  /**
   * Index of the minimum, in the flattened array or along one axis.
   *
   * Same as np.argmin(a, axis, keepdims), with this array as `a`: `A.argmin(1, true)` or
   * `A.argmin({ axis: 1, keepdims: true })` is numpy's `A.argmin(axis=1, keepdims=True)`. Without
   * an axis (and without keepdims) the result is a JS number, as numpy returns a scalar. Mirrors
   * numpy.ndarray.argmin.
   *
   * @param opts - numpy's keyword arguments as an object: { axis, keepdims }
   * @param axis - the axis to search along; omitted or null: the flattened array
   * @param keepdims - keep each reduced axis with length 1; default false
   * @returns a number (the flat index) without an axis, otherwise an int64 array of indices
   * @example np.array([3, 1, 2]).argmin(); // 1
   */
  argmin(): number;
  argmin(opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  argmin(axis: number | ReduceOptions, keepdims?: boolean): NDArray;
  argmin(axis?: number | ReduceOptions | null, keepdims?: boolean): number | NDArray {
    return reduce.argmin(this, axis as never, keepdims);
  }

  // ---- linear algebra (linalg.ts)
  /**
   * Dot product with another array: the matrix product for 2-D arrays.
   *
   * Same as np.dot(a, b, out), with this array as `a`: `W.dot(X)` is numpy's `np.dot(W, X)` (or
   * `W @ X` for 2-D). Mirrors numpy.ndarray.dot.
   *
   * @param b - the right operand; its second-to-last axis (its only axis if 1-D) must match this array's last axis
   * @param out - optional: the array to write the product into (the product's shape and dtype)
   * @returns a new array (0-d for two 1-D arrays: `.item()` unwraps it), or `out`
   * @example const Z1 = W1.dot(X).add(b1); // np.dot(W1, X) + b1
   */
  dot(b: ArrayLike, out?: NDArray | null): NDArray {
    return linalg.dot(this, b, out);
  }
  /**
   * Matrix product with another array: numpy's `a @ b`.
   *
   * Same as np.matmul(a, b), with this array as `a`; stacks of matrices broadcast. Mirrors numpy's
   * `@`.
   *
   * @param b - the right operand, at least 1-D
   * @returns a new array
   * @example const Z = W.matmul(X); // W @ X
   */
  matmul(b: ArrayLike): NDArray {
    return linalg.matmul(this, b);
  }

  // ---- printing (format.ts): String(a) is numpy's str(a); a.repr() is numpy's repr(a)
  /**
   * The text numpy's print(a) shows; `String(A)`, template strings and `"" + A` use it.
   *
   * Same as np.array_str(a). Mirrors numpy's str(a).
   *
   * @returns the values in brackets, numpy's layout and digits
   * @example String(np.array([[1, 2], [3, 4]])); // '[[1. 2.]\n [3. 4.]]'
   */
  toString(): string {
    return format.array_str(this);
  }
  /**
   * The text numpy's repr(a) gives, `array([...])`: what a notebook shows for an array.
   *
   * Same as np.array_repr(a). Mirrors numpy's repr(a).
   *
   * @returns `array([...])`, with `, dtype=...` where numpy adds it
   * @example np.array([1, 2, 3], "int64").repr(); // 'array([1, 2, 3])'
   */
  repr(): string {
    return format.array_repr(this);
  }
  /** An array used as a number (`-z`, `+A`, `Math.exp(A)` through `any`) would be NaN, which
   *  TypeScript lets through for unary minus: `1 / (1 + np.exp(-z))` compiles and gives all NaN.
   *  Fail loudly instead; in strings (`${A}`, "A = " + A) an array is its numpy str. */
  [Symbol.toPrimitive](hint: "number" | "string" | "default"): string {
    if (hint === "number") {
      throw new TypeError(
        "an NDArray was used as a number (e.g. -z or +z): NDArrays have no operators in TypeScript; " +
          "write z.negative() or np.negative(z) for -z, and np.add, np.multiply, ... (or the methods) for arithmetic",
      );
    }
    return format.array_str(this);
  }
  /** console.log(a) prints like numpy's print(a). (Node's util.inspect.custom, by its registered
   *  symbol: no import of node:util, so np also loads in a browser.) */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return format.array_str(this);
  }
  /** A notebook shows a cell's last expression and display(a) the way IPython does: numpy's repr.
   *  (The Jupyter.display symbol is the convention nnlab's patched tslab and Deno's kernel honour.) */
  [Symbol.for("Jupyter.display")](): { "text/plain": string } {
    return { "text/plain": format.array_repr(this) };
  }
}
