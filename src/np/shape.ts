// Shape manipulation: reshape, transpose, joining, and conversion back to JS values.
// Every function returns a new array with its own storage (the NDArray contract), so a
// reshaped array never aliases its source as a numpy view would.
import { NDArray, shapeSize, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { asarray, astype as castTo } from "./convert";
import { promote, toDType, type DTypeLike } from "./dtype";
import { AxisError, ValueError } from "./errors";
import { transposed } from "./kernels/transpose";

/** numpy's compact tuple notation used in its ValueError texts: (4,2), (3,), (), (2,newaxis). */
export function shapeTuple(shape: readonly (number | string)[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** Python's `operator.index` check that numpy applies to every axis argument. */
function checkInteger(x: unknown): number {
  if (typeof x === "number" && Number.isInteger(x)) return x;
  const pyType = Array.isArray(x) ? "tuple" : typeof x === "number" ? "float" : typeof x;
  throw new TypeError(`'${pyType}' object cannot be interpreted as an integer`);
}

/** A possibly negative axis resolved against ndim, with numpy's AxisError text. */
export function normalizeAxis(axis: number, ndim: number, prefix = ""): number {
  checkInteger(axis);
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${prefix}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** An axis or list of axes resolved against ndim, in the order given; duplicates are an error
 *  (numpy words it differently per function, hence `duplicateMessage`). */
export function normalizeAxes(
  axis: number | readonly number[],
  ndim: number,
  duplicateMessage = "duplicate value in 'axis'",
): number[] {
  const out = (typeof axis === "number" ? [axis] : axis).map((x) => normalizeAxis(x, ndim));
  if (new Set(out).size !== out.length) throw new ValueError(duplicateMessage);
  return out;
}

// ---------------------------------------------------------------- shape queries

/**
 * The shape of an array: the length of each axis.
 *
 * Mirrors numpy.shape (and `a.shape`), with numpy's tuple as a list: (2, 3) is [2, 3], a 1-D array
 * of 5 values is [5], a 0-d array (or a number) is []. The list is a copy.
 *
 * @param a - an array, nested JS arrays, or a number
 * @returns the lengths of the axes, one number per axis
 * @example np.shape(np.zeros([2, 3])); // [2, 3]
 */
export function shape(a: ArrayLike): number[] {
  return [...asarray(a).shape];
}

/**
 * The number of axes (dimensions) of an array.
 *
 * Mirrors numpy.ndim (and `a.ndim`): 0 for a number or a 0-d array, 1 for a vector, 2 for a matrix.
 *
 * @param a - an array, nested JS arrays, or a number
 * @returns the number of axes
 * @example np.ndim([[1, 2, 3]]); // 2
 */
export function ndim(a: ArrayLike): number {
  return asarray(a).ndim;
}

/**
 * The number of elements of an array, or the length of one axis.
 *
 * Mirrors numpy.size: without an axis, the product of the shape (`a.size`); with an axis, the
 * length of that axis (`a.shape[axis]`, negative axes counting from the end). `m = np.size(X, 1)`
 * is the number of examples in the labs' layout.
 *
 * @param a - an array, nested JS arrays, or a number
 * @param axis - the axis whose length to return; default: none (count every element)
 * @returns the element count, or the length of `axis`
 * @example const m = np.size(X, 1); // number of examples, X of shape (n_x, m)
 */
export function size(a: ArrayLike, axis?: number): number {
  const arr = asarray(a);
  return axis === undefined ? arr.size : arr.shape[normalizeAxis(axis, arr.ndim)];
}

// ---------------------------------------------------------------- same data, new shape

/**
 * Gives an array a new shape with the same elements, in row-major (C) order.
 *
 * One dimension may be -1: it is inferred from the size (`np.reshape(a, [2, -1])`). The new shape
 * must hold exactly as many elements as `a`, else numpy's "cannot reshape array of size ..."
 * ValueError. The result is a copy, not a view (nnlab never aliases arrays). Mirrors numpy.reshape
 * (C order only); numpy's tuple `(2, 3)` is the list `[2, 3]`.
 *
 * @param a - the array (or nested JS arrays)
 * @param newShape - the new shape: a length, or a list of lengths with at most one -1
 * @returns a new array of shape `newShape`, same dtype and values
 * @example const X_flatten = np.reshape(np.arange(6), [2, -1]); // array([[0, 1, 2], [3, 4, 5]])
 */
export function reshape(a: ArrayLike, newShape: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const requested = typeof newShape === "number" ? [newShape] : [...newShape];
  requested.forEach(checkInteger);
  const unknown = requested.flatMap((d, i) => (d < 0 ? [i] : []));
  if (unknown.length > 1) throw new ValueError("can only specify one unknown dimension");
  const known = requested.reduce((p, d) => (d < 0 ? p : p * d), 1);
  const resolved = [...requested];
  if (unknown.length === 1 && known !== 0 && arr.size % known === 0) resolved[unknown[0]] = arr.size / known;
  if (resolved.some((d) => d < 0) || shapeSize(resolved) !== arr.size) {
    throw new ValueError(`cannot reshape array of size ${arr.size} into shape ${reshapeTuple(requested)}`);
  }
  return new NDArray(arr.data.slice(), resolved, arr.dtype);
}

/** numpy's convert_shape_to_string: leading unknowns are dropped, later ones print as "newaxis". */
function reshapeTuple(requested: number[]): string {
  const first = requested.findIndex((d) => d >= 0);
  if (first < 0) return "()";
  const parts = requested.slice(first).map((d) => (d < 0 ? "newaxis" : String(d)));
  return requested.length === 1 ? `(${parts[0]},)` : `(${parts.join(",")})`;
}

/**
 * Flattens an array to 1-D, in row-major (C) order.
 *
 * Mirrors numpy.ravel (and `a.ravel()`, `a.flatten()`); the result is always a copy here.
 *
 * @param a - the array (or nested JS arrays)
 * @returns a new 1-D array of `a.size` elements, same dtype
 * @example np.ravel(np.array([[1, 2], [3, 4]])); // array([1., 2., 3., 4.])
 */
export function ravel(a: ArrayLike): NDArray {
  const arr = asarray(a);
  return new NDArray(arr.data.slice(), [arr.size], arr.dtype);
}

/**
 * Removes axes of length 1 from an array.
 *
 * Without an axis every length-1 axis goes; with an axis (or a list of them) only those, each of
 * which must have length 1 (else numpy's ValueError). `np.squeeze(cost)` turns a (1, 1) cost into a
 * 0-d array, as the labs do. Mirrors numpy.squeeze; the result is a copy.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - the axis or axes to remove; default: all length-1 axes
 * @returns a new array with those axes removed, same dtype and values
 * @example np.squeeze(np.zeros([1, 3, 1])).shape; // [3]
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[] | null): NDArray {
  const arr = asarray(a);
  let drop: number[];
  if (axis === undefined || axis === null) {
    drop = arr.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  } else {
    drop = normalizeAxes(axis, arr.ndim);
    if (drop.some((i) => arr.shape[i] !== 1)) {
      throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
    }
  }
  return new NDArray(arr.data.slice(), arr.shape.filter((_, i) => !drop.includes(i)), arr.dtype);
}

/**
 * Inserts a new axis of length 1 at the given position.
 *
 * `axis` is the position of the new axis in the result (negative counts from the end), so
 * `np.expand_dims(x, 0)` of shape (3,) is (1, 3) and `np.expand_dims(x, 1)` is (3, 1). Mirrors
 * numpy.expand_dims (also with a list of axes); the result is a copy.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - where the new axis goes in the result, or a list of such positions
 * @returns a new array with one more axis per position, same dtype and values
 * @example np.expand_dims(np.array([1, 2, 3]), 1).shape; // [3, 1]
 */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const count = typeof axis === "number" ? 1 : axis.length;
  const outNdim = arr.ndim + count;
  const inserted = normalizeAxes(axis, outNdim, "repeated axis");
  const rest = arr.shape[Symbol.iterator]();
  const outShape = Array.from({ length: outNdim }, (_, i) => (inserted.includes(i) ? 1 : rest.next().value as number));
  return new NDArray(arr.data.slice(), outShape, arr.dtype);
}

/** At least 1-D / 2-D views used by hstack/vstack, following np.atleast_1d/np.atleast_2d. */
function atLeast(arr: NDArray, dims: 1 | 2): NDArray {
  if (arr.ndim >= dims) return arr;
  const shape2 = arr.ndim === 0 ? (dims === 1 ? [1] : [1, 1]) : [1, arr.shape[0]];
  return new NDArray(arr.data, shape2, arr.dtype);
}

// ---------------------------------------------------------------- axis permutations

/**
 * Permutes the axes of an array; by default reverses them (the matrix transpose for 2-D).
 *
 * Without `axes` an array of shape (n, m) becomes (m, n), and (a, b, c) becomes (c, b, a); with
 * `axes`, axis i of the result is axis `axes[i]` of `a`. Mirrors numpy.transpose (and `a.T`,
 * `a.transpose(...)`); the result is a copy, not a view.
 *
 * @param a - the array (or nested JS arrays)
 * @param axes - a permutation of [0, 1, ..., a.ndim - 1]; default: the axes reversed
 * @returns a new array with permuted axes, same dtype
 * @example np.transpose(np.zeros([2, 3])).shape; // [3, 2]
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  const arr = asarray(a);
  const nd = arr.ndim;
  let perm: number[];
  if (axes === undefined || axes === null) {
    perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
  } else {
    if (axes.length !== nd) throw new ValueError("axes don't match array");
    perm = normalizeAxes(axes, nd, "repeated axis in transpose");
  }
  return permuteAxes(arr, perm);
}

/**
 * Interchanges two axes of an array.
 *
 * Mirrors numpy.swapaxes (and `a.swapaxes(axis1, axis2)`); negative axes count from the end; the
 * result is a copy.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis1 - the first axis
 * @param axis2 - the second axis
 * @returns a new array with the two axes swapped, same dtype
 * @example np.swapaxes(np.zeros([2, 3, 4]), 0, 2).shape; // [4, 3, 2]
 */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = normalizeAxis(axis1, arr.ndim, "axis1: ");
  const j = normalizeAxis(axis2, arr.ndim, "axis2: ");
  const perm = arr.shape.map((_, k) => (k === i ? j : k === j ? i : k));
  return permuteAxes(arr, perm);
}

/** Materialises arr.transpose(perm) in C order. Output axis k reads source axis perm[k]. */
function permuteAxes(arr: NDArray, perm: number[]): NDArray {
  const outShape = perm.map((p) => arr.shape[p]);
  const srcStrides = arr.strides;
  if (arr.ndim === 2 && perm[0] === 1) return new NDArray(transposed(arr.data, arr.shape[0], arr.shape[1]), outShape, arr.dtype);
  const out = new Float64Array(arr.size);
  copyStrided(arr.data, 0, outShape, perm.map((p) => srcStrides[p]), out, 0);
  return new NDArray(out, outShape, arr.dtype);
}

/** Copies the strided block of `shape` that starts at src[srcOffset] into dst[dstOffset...] in
 *  C order; the innermost axis is a plain loop (or a block copy when its stride is 1). */
function copyStrided(
  src: Float64Array,
  srcOffset: number,
  shape: readonly number[],
  strides: readonly number[],
  dst: Float64Array,
  dstOffset: number,
): void {
  const nd = shape.length;
  const total = shapeSize(shape);
  if (total === 0) return;
  if (nd === 0) {
    dst[dstOffset] = src[srcOffset];
    return;
  }
  const inner = shape[nd - 1];
  const innerStride = strides[nd - 1];
  const idx = new Array<number>(nd - 1).fill(0);
  let s = srcOffset;
  for (let d = dstOffset, end = dstOffset + total; d < end; d += inner) {
    if (innerStride === 1) dst.set(src.subarray(s, s + inner), d);
    else for (let j = 0, p = s; j < inner; j++, p += innerStride) dst[d + j] = src[p];
    for (let k = nd - 2; k >= 0; k--) {
      s += strides[k];
      if (++idx[k] < shape[k]) break;
      s -= strides[k] * shape[k];
      idx[k] = 0;
    }
  }
}

// ---------------------------------------------------------------- joining

/**
 * Joins arrays along an existing axis.
 *
 * All arrays must have the same number of dimensions and the same lengths except along `axis`
 * (numpy's ValueError says which array and dimension differ). `axis = null` flattens every array
 * first. The dtype is the promotion of the inputs' dtypes. Mirrors numpy.concatenate; numpy's tuple
 * of arrays is a list here.
 *
 * @param arrays - the arrays to join, in order (NDArrays or nested JS arrays)
 * @param axis - the axis to join along, or null to join the flattened arrays; default 0
 * @returns a new array; its length along `axis` is the sum of the inputs'
 * @example np.concatenate([np.zeros([2, 3]), np.ones([1, 3])], 0).shape; // [3, 3]
 */
export function concatenate(arrays: readonly ArrayLike[], axis: number | null = 0): NDArray {
  if (arrays.length === 0) throw new ValueError("need at least one array to concatenate");
  let arrs = arrays.map((x) => asarray(x));
  if (axis === null) {
    arrs = arrs.map((x) => new NDArray(x.data, [x.size], x.dtype));
    axis = 0;
  }
  const first = arrs[0];
  if (first.ndim === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(axis, first.ndim);
  arrs.forEach((x, i) => {
    if (x.ndim !== first.ndim) {
      throw new ValueError(
        "all the input arrays must have same number of dimensions, but the array at index 0 has " +
          `${first.ndim} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    x.shape.forEach((d, k) => {
      if (k !== ax && d !== first.shape[k]) {
        throw new ValueError(
          "all the input array dimensions except for the concatenation axis must match exactly, but " +
            `along dimension ${k}, the array at index 0 has size ${first.shape[k]} and the array at ` +
            `index ${i} has size ${d}`,
        );
      }
    });
  });
  const outShape = [...first.shape];
  outShape[ax] = arrs.reduce((n, x) => n + x.shape[ax], 0);
  const dtype = arrs.map((x) => x.dtype).reduce(promote);
  const out = new Float64Array(shapeSize(outShape));
  // Each input contributes one contiguous block per index of the axes before `ax`.
  const outer = shapeSize(first.shape.slice(0, ax));
  const outRow = outer > 0 ? out.length / outer : 0;
  let colOffset = 0;
  for (const x of arrs) {
    const block = outer > 0 ? x.size / outer : 0;
    for (let o = 0; o < outer; o++) {
      out.set(x.data.subarray(o * block, (o + 1) * block), o * outRow + colOffset);
    }
    colOffset += block;
  }
  // Storage is already exact doubles for every dtype, so promotion needs no value conversion.
  return new NDArray(out, outShape, dtype);
}

/**
 * Joins arrays of the same shape along a new axis.
 *
 * Every array must have the same shape; the result has one more axis, of length `arrays.length`, at
 * position `axis`: stacking three (2,) vectors along 0 gives (3, 2), along 1 gives (2, 3). Mirrors
 * numpy.stack.
 *
 * @param arrays - the arrays to stack, all of the same shape
 * @param axis - the position of the new axis in the result; default 0
 * @returns a new array with one more axis than the inputs
 * @example np.stack([np.array([1, 2]), np.array([3, 4])], 1); // array([[1., 3.], [2., 4.]])
 */
export function stack(arrays: readonly ArrayLike[], axis = 0): NDArray {
  if (arrays.length === 0) throw new ValueError("need at least one array to stack");
  const arrs = arrays.map((x) => asarray(x));
  const base = arrs[0].shape;
  if (arrs.some((x) => x.ndim !== base.length || x.shape.some((d, k) => d !== base[k]))) {
    throw new ValueError("all input arrays must have the same shape");
  }
  const ax = normalizeAxis(axis, base.length + 1);
  const expanded = [...base.slice(0, ax), 1, ...base.slice(ax)];
  return concatenate(arrs.map((x) => new NDArray(x.data, expanded, x.dtype)), ax);
}

/**
 * Stacks arrays horizontally: along axis 1, or end to end for 1-D arrays.
 *
 * Mirrors numpy.hstack: 1-D inputs (and numbers) are joined into one longer 1-D array; anything
 * else is concatenated along its second axis (columns side by side).
 *
 * @param arrays - the arrays to join, in order
 * @returns a new array
 * @example np.hstack([np.array([1, 2]), np.array([3])]); // array([1., 2., 3.])
 */
export function hstack(arrays: readonly ArrayLike[]): NDArray {
  const arrs = arrays.map((x) => atLeast(asarray(x), 1));
  return concatenate(arrs, arrs.length > 0 && arrs[0].ndim === 1 ? 0 : 1);
}

/**
 * Stacks arrays vertically: along axis 0, with 1-D arrays as rows.
 *
 * Mirrors numpy.vstack: 1-D inputs of length n become rows of shape (1, n) first, then everything
 * is concatenated along the first axis.
 *
 * @param arrays - the arrays to join, in order
 * @returns a new array of at least 2 dimensions
 * @example np.vstack([np.array([1, 2]), np.array([3, 4])]); // array([[1., 2.], [3., 4.]])
 */
export function vstack(arrays: readonly ArrayLike[]): NDArray {
  return concatenate(arrays.map((x) => atLeast(asarray(x), 2)), 0);
}

// ---------------------------------------------------------------- conversion

/**
 * Converts an array to nested JS arrays of numbers (or booleans).
 *
 * Mirrors numpy's `a.tolist()`: one nesting level per axis, booleans for a bool array, and a bare
 * number (or boolean) for a 0-d array.
 *
 * @param a - the array (or nested JS arrays)
 * @returns nested JS arrays holding the values, or a single value for a 0-d array
 * @example np.tolist(np.array([[1, 2], [3, 4]])); // [[1, 2], [3, 4]]
 */
export function tolist(a: ArrayLike): NestedArray {
  const arr = asarray(a);
  const { data, shape: shp } = arr;
  const toValue = arr.dtype === "bool" ? (v: number) => v !== 0 : (v: number) => v;
  let pos = 0;
  const build = (depth: number): NestedArray => {
    if (depth === shp.length) return toValue(data[pos++]);
    const out: NestedArray[] = new Array(shp[depth]);
    for (let i = 0; i < shp[depth]; i++) out[i] = build(depth + 1);
    return out;
  };
  return build(0);
}

/** a.astype(dtype): always a copy, as numpy's default copy=True. */
export function astype(a: ArrayLike, dtype: DTypeLike): NDArray {
  return castTo(asarray(a), toDType(dtype), true);
}
