// numpy's dot, matmul, outer and linalg.norm. Every product is reduced to row-major
// (m×k)·(k×n) products computed by kernels/gemm, which picks the loop for the size.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { promote, wrapUint8 } from "./dtype";
import { ValueError } from "./errors";
import { gemm } from "./kernels/gemm";
import { emptyFloat64 } from "./empty";
import { normalizeAxis as resolveAxis, shapeTuple } from "./shape";

/** numpy's plain promotion of the two operands: unlike the ufuncs, dot does not cast a scalar
 *  operand by its value (np.dot(uint8 array, 3) is int64, as 3 is a Python int). */
function resultType(x: NDArray, y: NDArray): DType {
  return promote(x.dtype, y.dtype);
}

/** Wraps a product's values. Where numpy returns a scalar (1-D·1-D) this is a 0-d array, so
 *  `np.dot(W, X).add(b)` type-checks for every operand; `.item()` unwraps it.
 *  bool products are sums of 0/1 terms, so "any term true" (numpy's OR of ANDs) is "sum ≠ 0".
 *  uint8 products wrap modulo 256 as numpy's do: the exact integer sum (below 2^53) mod 256 is
 *  the wrapped sum of wrapped terms. */
function product(data: Float64Array, shape: number[], dtype: DType): NDArray {
  if (dtype === "bool") for (let i = 0; i < data.length; i++) data[i] = data[i] !== 0 ? 1 : 0;
  else if (dtype === "uint8") wrapUint8(data);
  return new NDArray(data, shape, dtype);
}

/** Array times 0-d array, the case where numpy's dot is multiply. */
function scale(x: NDArray, y: NDArray, dtype: DType): NDArray {
  const [arr, s] = x.ndim === 0 ? [y, x.data[0]] : [x, y.data[0]];
  const out = new Float64Array(arr.size);
  for (let i = 0; i < out.length; i++) out[i] = arr.data[i] * s;
  return product(out, arr.shape, dtype);
}

/**
 * Dot product of two arrays: the matrix product for 2-D arrays.
 *
 * The labs' `Z = np.dot(W, X) + b` is `np.dot(W, X).add(b)` (or `W.dot(X).add(b)`). The rules are
 * numpy's: 2-D by 2-D is the matrix product, (m, k) by (k, n) giving (m, n); 1-D by 1-D is the
 * inner product; a 2-D by a 1-D array sums over the last axes; a number (or 0-d array) multiplies
 * elementwise; in general the sum runs over the last axis of `a` and the second-to-last of `b`, and
 * the result has shape a.shape[:-1] + b.shape[:-2] + b.shape[-1:]. Mismatched inner dimensions
 * raise numpy's "shapes (m,k) and (j,n) not aligned" ValueError. Where numpy returns a scalar (1-D
 * by 1-D) the result is a 0-d array, so `np.dot(w.T, X).add(b)` type-checks whatever the shapes;
 * `.item()` unwraps it. The dtype is numpy's promotion (bool and int stay exact). With `out`, the
 * product is written into that array and `out` is returned, as numpy's `np.dot(a, b, out=c)`: no
 * new array, which in a loop over small products also spares the new memory (`out` may be `a` or
 * `b`: the product is then formed aside first). Mirrors numpy.dot.
 *
 * @param a - the left operand: an array, nested JS arrays, or a number
 * @param b - the right operand; its second-to-last axis (its only axis if 1-D) must match the last axis of `a`
 * @param out - optional: the array to write the product into (the product's shape and dtype); null or undefined for a new array, numpy's out=None
 * @returns a new array (0-d for two 1-D operands), or `out`
 * @example np.dot(np.array([[1, 2], [3, 4]]), np.array([[5], [6]])); // array([[17.], [39.]])
 */
export function dot(a: ArrayLike, b: ArrayLike, out?: NDArray | null): NDArray {
  // The labs' case, 2-D·2-D float64, straight to gemm: for their tiny products (W1·X of the
  // planar lab, 4×2·2×400) the generic path's shape lists cost as much as the product.
  if (a instanceof NDArray && b instanceof NDArray && a.ndim === 2 && b.ndim === 2 && a.dtype === "float64" && b.dtype === "float64") {
    const m = a.shape[0], k = a.shape[1], n = b.shape[1];
    if (b.shape[0] === k) {
      if (out != null) checkOut(out, [m, n], "float64");
      // out's own buffer (a private copy first if it was shared or kept), or null
      const target = out != null ? out.data : null;
      // gemm writes every entry (zeros when k = 0); an out that is an operand gets the product aside first
      const c = target !== null && !overlaps(target, a._buf) && !overlaps(target, b._buf) ? target : emptyFloat64(m * n);
      gemm(m, n, k, a._buf, b._buf, c, a._transposed, b._transposed, a, b);
      if (target === null) return new NDArray(c, [m, n], "float64");
      if (c !== target) target.set(c);
      return out!;
    }
  }
  if (out != null) {
    const r = dot(a, b);
    checkOut(out, r.shape, r.dtype);
    out.data.set(r.data);
    return out;
  }
  const x = asarray(a), y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return scale(x, y, resultType(x, y));
  const k = x.shape[x.ndim - 1];
  const yk = Math.max(y.ndim - 2, 0);
  if (y.shape[yk] !== k) {
    throw new ValueError(
      `shapes ${shapeTuple(x.shape)} and ${shapeTuple(y.shape)} not aligned: ` +
        `${k} (dim ${x.ndim - 1}) != ${y.shape[yk]} (dim ${yk})`,
    );
  }
  const lead = x.shape.slice(0, -1);
  const tail = y.ndim === 1 ? [] : [...y.shape.slice(0, -2), y.shape[y.ndim - 1]];
  const m = shapeSize(lead), n = shapeSize(tail);
  const c = new Float64Array(m * n);
  // A 2-D operand goes in as its buffer, with a transpose flag when it is a lazy `.T`.
  if (y.ndim <= 2) gemm(m, n, k, x._buf, y._buf, c, x._transposed, y._transposed, x, y);
  else gemm(m, n, k, x._buf, sideBySide(y), c, x._transposed, false, x);
  return product(c, [...lead, ...tail], resultType(x, y));
}

/** numpy's checks of dot's `out`: an array with the product's dimensions and dtype. nnlab's arrays
 *  are all C-contiguous (a lazy `.T` behaves as a copy of its own), so that condition of numpy's
 *  always holds. */
function checkOut(out: unknown, shape: readonly number[], dtype: DType): asserts out is NDArray {
  if (!(out instanceof NDArray)) throw new TypeError("'out' must be an array");
  if (out.ndim !== shape.length || out.dtype !== dtype) {
    throw new ValueError("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)");
  }
  if (out.shape.some((d, i) => d !== shape[i])) throw new ValueError("output array has wrong dimensions");
}

/** Whether two arrays' bytes overlap (the same ArrayBuffer, intersecting ranges). */
function overlaps(p: Float64Array, q: Float64Array): boolean {
  return p.buffer === q.buffer && p.byteOffset < q.byteOffset + q.byteLength && q.byteOffset < p.byteOffset + p.byteLength;
}

/** A stack of k×n matrices (…, k, n) laid side by side as one k × (stack·n) matrix: row p holds
 *  row p of every matrix in turn, which is the layout of dot's result along b's axes. */
function sideBySide(y: NDArray): Float64Array {
  const k = y.shape[y.ndim - 2], n = y.shape[y.ndim - 1];
  const stack = shapeSize(y.shape.slice(0, -2));
  const out = new Float64Array(y.size);
  for (let s = 0; s < stack; s++) {
    for (let p = 0; p < k; p++) out.set(y.data.subarray((s * k + p) * n, (s * k + p + 1) * n), (p * stack + s) * n);
  }
  return out;
}

const MATMUL_SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

/**
 * Matrix product of two arrays: numpy's `a @ b`.
 *
 * For 2-D arrays the same as np.dot. Arrays of more dimensions are stacks of matrices in their last
 * two axes, and the leading (batch) axes broadcast; a 1-D operand is a row vector on the left or a
 * column vector on the right, and that axis is dropped from the result (1-D @ 1-D is a 0-d array).
 * Unlike np.dot, numbers are refused (use np.multiply). Mirrors numpy.matmul; `a.matmul(b)` is the
 * method form.
 *
 * @param a - the left operand, at least 1-D
 * @param b - the right operand, at least 1-D; its second-to-last axis must match the last axis of `a`
 * @returns a new array: (..., m, n) for (..., m, k) @ (..., k, n)
 * @example np.matmul(np.array([[1, 2], [3, 4]]), np.array([1, 1])); // array([3., 7.])
 */
export function matmul(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a), y = asarray(b);
  [x, y].forEach((t, i) => {
    if (t.ndim === 0) {
      throw new ValueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${MATMUL_SIGNATURE} requires 1)`,
      );
    }
  });
  const xs = x.ndim === 1 ? [1, x.shape[0]] : x.shape;
  const ys = y.ndim === 1 ? [y.shape[0], 1] : y.shape;
  const m = xs[xs.length - 2], k = xs[xs.length - 1], n = ys[ys.length - 1];
  if (ys[ys.length - 2] !== k) {
    throw new ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${MATMUL_SIGNATURE} ` +
        `(size ${ys[ys.length - 2]} is different from ${k})`,
    );
  }
  const xBatch = xs.slice(0, -2), yBatch = ys.slice(0, -2);
  const batch = broadcastBatch(x.shape, xBatch, y.shape, yBatch, [m, n]);
  const outShape = [...batch, ...(x.ndim === 1 ? [] : [m]), ...(y.ndim === 1 ? [] : [n])];
  const out = new Float64Array(shapeSize(batch) * m * n);
  if (yBatch.length === 0) {
    // One right-hand matrix: a's stack is one tall (stack·m)×k matrix and a single product does it.
    gemm(shapeSize(xBatch) * m, n, k, x._buf, y._buf, out, x._transposed, y._transposed, x, y);
  } else {
    const xOff = batchOffsets(xBatch, batch, m * k), yOff = batchOffsets(yBatch, batch, k * n);
    for (let t = 0; t < xOff.length; t++) {
      gemm(
        m, n, k,
        x.data.subarray(xOff[t], xOff[t] + m * k),
        y.data.subarray(yOff[t], yOff[t] + k * n),
        out.subarray(t * m * n, (t + 1) * m * n),
      );
    }
  }
  return product(out, outShape, resultType(x, y));
}

/** Broadcast of matmul's batch axes, with numpy's gufunc message when they do not match. */
function broadcastBatch(
  xShape: number[], xBatch: number[], yShape: number[], yBatch: number[], core: number[],
): number[] {
  const len = Math.max(xBatch.length, yBatch.length);
  const out: number[] = [];
  for (let d = 0; d < len; d++) {
    const u = xBatch[d - len + xBatch.length] ?? 1, v = yBatch[d - len + yBatch.length] ?? 1;
    if (u !== v && u !== 1 && v !== 1) {
      const remap = (shape: number[], b: number[]) =>
        `${shapeTuple(shape)}->${shapeTuple([...b, ...Array<string>(shape.length - b.length).fill("newaxis")])}`;
      throw new ValueError(
        "operands could not be broadcast together with remapped shapes [original->remapped]: " +
          `${remap(xShape, xBatch)} ${remap(yShape, yBatch)}  and requested shape ${shapeTuple(core)}`,
      );
    }
    out.push(u === 1 ? v : u);
  }
  return out;
}

/** Start of the operand's matrix for each batch index of the broadcast result, in row-major
 *  order; axes the operand lacks or has as 1 repeat the same matrix (step 0). */
function batchOffsets(own: number[], batch: number[], matrixSize: number): number[] {
  const pad = batch.length - own.length;
  const steps = batch.map(() => 0);
  for (let d = batch.length - 1, stride = matrixSize; d >= pad; d--) {
    const size = own[d - pad];
    if (size !== 1) steps[d] = stride;
    stride *= size;
  }
  return gridOffsets(batch, steps);
}

/** Σ index[d]·steps[d] for every index of a grid of the given sizes, in row-major order. */
function gridOffsets(sizes: number[], steps: number[]): number[] {
  let offsets = [0];
  sizes.forEach((size, d) => {
    offsets = offsets.flatMap((o) => Array.from({ length: size }, (_, i) => o + i * steps[d]));
  });
  return offsets;
}

/**
 * Outer product of two vectors: `out[i, j] = a[i] * b[j]`.
 *
 * Both inputs are flattened first, so the result is always 2-D, of shape (a.size, b.size). The
 * dtype is numpy's promotion of the two. Mirrors numpy.outer.
 *
 * @param a - the first vector (any shape, flattened)
 * @param b - the second vector (any shape, flattened)
 * @returns a new array of shape (a.size, b.size)
 * @example np.outer(np.array([1, 2]), np.array([1, 10, 100])); // array([[  1.,  10., 100.], [  2.,  20., 200.]])
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a), y = asarray(b);
  const out = new Float64Array(x.size * y.size);
  for (let i = 0; i < x.size; i++) {
    const xi = x.data[i];
    for (let j = 0, o = i * y.size; j < y.size; j++) out[o + j] = xi * y.data[j];
  }
  return product(out, [x.size, y.size], resultType(x, y));
}

// ---------------------------------------------------------------- np.linalg.norm

/** numpy's `ord`: a number (inf, -inf, 0, 1, 2, -1, -2, any p for vectors), "fro"/"f" or "nuc". */
export type NormOrder = number | "fro" | "f" | "nuc" | null;

/**
 * Matrix or vector norm; by default the 2-norm of all elements (Frobenius for a matrix).
 *
 * Without `axis`: with `ord` null, the square root of the sum of squares of every element; with
 * `ord`, the vector norm of a 1-D `x` or the matrix norm of a 2-D `x`. With one axis: vector norms
 * along it; with two axes: matrix norms over them. Vector orders: 2 (default), 1 (sum of absolute
 * values), Infinity (largest absolute value), -Infinity (smallest), 0 (number of non-zero values),
 * any other p (sum of |x|^p, to the power 1/p). Matrix orders: "fro" or "f" (default), "nuc" (sum
 * of singular values), 2 and -2 (largest and smallest singular value), 1 and -1 (largest and
 * smallest column sum of absolute values), Infinity and -Infinity (the same over rows). The
 * gradient check's `np.linalg.norm(grad - gradapprox)` is
 * `np.linalg.norm(np.subtract(grad, gradapprox))`. Mirrors numpy.linalg.norm; numpy's keywords are
 * positional here (ord, axis, keepdims).
 *
 * @param x - the array (or nested JS arrays)
 * @param ord - the order of the norm (see above); default null (2-norm, Frobenius for matrices)
 * @param axis - an axis (vector norms) or a pair of axes (matrix norms); default null (see above)
 * @param keepdims - keep the reduced axes with length 1; default false
 * @returns the norm: a number without an axis (and without keepdims), otherwise a float64 array
 * @example np.linalg.norm(np.array([3, 4])); // 5
 */
function norm(x: ArrayLike, ord?: NormOrder, axis?: null, keepdims?: false): number;
function norm(x: ArrayLike, ord: NormOrder | undefined, axis: number | number[], keepdims?: boolean): NDArray;
function norm(x: ArrayLike, ord: NormOrder | undefined, axis: null | undefined, keepdims: true): NDArray;
function norm(
  x: ArrayLike, ord: NormOrder = null, axis: number | number[] | null = null, keepdims = false,
): number | NDArray {
  // int and bool arrays already hold exact doubles: numpy's cast to float changes nothing here.
  const arr = asarray(x);
  const nd = arr.ndim;
  if (axis === null && (ord === null || (nd === 2 && (ord === "fro" || ord === "f")) || (nd === 1 && ord === 2))) {
    const r = Math.sqrt(sumOfSquares(arr.data));
    return keepdims ? new NDArray(Float64Array.of(r), Array<number>(nd).fill(1)) : r;
  }
  const axes = axis === null ? [...arr.shape.keys()] : typeof axis === "number" ? [axis] : axis;
  let out: NDArray;
  if (axes.length === 1) out = vectorNorm(arr, normalizeAxis(axes[0], nd), ord, keepdims);
  else if (axes.length === 2) out = matrixNorm(arr, normalizeAxis(axes[0], nd), normalizeAxis(axes[1], nd), ord, keepdims);
  else throw new ValueError("Improper number of dimensions to norm.");
  return axis === null && !keepdims ? out.data[0] : out;
}

/** np.linalg: the subset of numpy.linalg nnlab provides (norm). */
export const linalg = {
  /**
   * Matrix or vector norm; by default the 2-norm of all elements (Frobenius for a matrix).
   *
   * Without `axis`: with `ord` null, the square root of the sum of squares of every element; with
   * `ord`, the vector norm of a 1-D `x` or the matrix norm of a 2-D `x`. With one axis: vector
   * norms along it; with two axes: matrix norms over them. Vector orders: 2 (default), 1 (sum of
   * absolute values), Infinity (largest absolute value), -Infinity (smallest), 0 (number of
   * non-zero values), any other p (sum of |x|^p, to the power 1/p). Matrix orders: "fro" or "f"
   * (default), "nuc" (sum of singular values), 2 and -2 (largest and smallest singular value), 1
   * and -1 (largest and smallest column sum of absolute values), Infinity and -Infinity (the same
   * over rows). The gradient check's `np.linalg.norm(grad - gradapprox)` is
   * `np.linalg.norm(np.subtract(grad, gradapprox))`. Mirrors numpy.linalg.norm; numpy's keywords
   * are positional here (ord, axis, keepdims).
   *
   * @param x - the array (or nested JS arrays)
   * @param ord - the order of the norm (see above); default null (2-norm, Frobenius for matrices)
   * @param axis - an axis (vector norms) or a pair of axes (matrix norms); default null (see above)
   * @param keepdims - keep the reduced axes with length 1; default false
   * @returns the norm: a number without an axis (and without keepdims), otherwise a float64 array
   * @example np.linalg.norm(np.array([3, 4])); // 5
   */
  norm
};

/** shape.ts's normalizeAxis, with the TypeError text np.linalg.norm gives for a non-integer axis. */
function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError("'axis' must be None, an integer or a tuple of integers");
  return resolveAxis(axis, ndim);
}

/** Flat offset of the first element of every lane left when `reduced` axes are taken out,
 *  in row-major order of the remaining axes. */
function laneStarts(arr: NDArray, reduced: number[]): number[] {
  const kept = [...arr.shape.keys()].filter((d) => !reduced.includes(d));
  const strides = arr.strides;
  return gridOffsets(kept.map((d) => arr.shape[d]), kept.map((d) => strides[d]));
}

/** Result shape of a reduction: reduced axes dropped, or kept as 1 with keepdims. */
function reducedShape(shape: number[], reduced: number[], keepdims: boolean): number[] {
  return keepdims ? shape.map((d, i) => (reduced.includes(i) ? 1 : d)) : shape.filter((_, i) => !reduced.includes(i));
}

function sumOfSquares(data: Float64Array, start = 0, stride = 1, len = data.length): number {
  let s = 0;
  for (let i = 0, o = start; i < len; i++, o += stride) s += data[o] * data[o];
  return s;
}

function noIdentity(op: "maximum" | "minimum"): ValueError {
  return new ValueError(`zero-size array to reduction operation ${op} which has no identity`);
}

/** max (or min) that propagates NaN, as numpy's does, and refuses empty input as numpy does. */
function extreme(values: Float64Array, largest: boolean): number {
  if (values.length === 0) throw noIdentity(largest ? "maximum" : "minimum");
  let r = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (largest ? v > r : v < r)) r = v;
    if (r !== r) break;
  }
  return r;
}

function vectorNorm(arr: NDArray, axis: number, ord: NormOrder, keepdims: boolean): NDArray {
  if (typeof ord === "string") throw new ValueError(`Invalid norm order '${ord}' for vectors`);
  const len = arr.shape[axis], stride = arr.strides[axis];
  const starts = laneStarts(arr, [axis]);
  const out = new Float64Array(starts.length);
  const lane = new Float64Array(len);
  starts.forEach((start, t) => {
    for (let i = 0; i < len; i++) lane[i] = Math.abs(arr.data[start + i * stride]);
    out[t] = laneNorm(lane, ord);
  });
  return new NDArray(out, reducedShape(arr.shape, [axis], keepdims));
}

/** The ord-norm of one vector of absolute values. */
function laneNorm(v: Float64Array, ord: number | null): number {
  if (ord === Infinity || ord === -Infinity) return extreme(v, ord > 0);
  let s = 0;
  if (ord === 0) for (const x of v) s += x !== 0 ? 1 : 0;
  else if (ord === 1) for (const x of v) s += x;
  else if (ord === null || ord === 2) return Math.sqrt(sumOfSquares(v));
  else {
    for (const x of v) s += x ** ord;
    return s ** (1 / ord);
  }
  return s;
}

function matrixNorm(arr: NDArray, rowAxis: number, colAxis: number, ord: NormOrder, keepdims: boolean): NDArray {
  if (rowAxis === colAxis) throw new ValueError("Duplicate axes given.");
  const f = matrixNormOf(ord);
  const rows = arr.shape[rowAxis], cols = arr.shape[colAxis];
  const rs = arr.strides[rowAxis], cs = arr.strides[colAxis];
  const starts = laneStarts(arr, [rowAxis, colAxis]);
  const out = new Float64Array(starts.length);
  const mat = new Float64Array(rows * cols);
  starts.forEach((start, t) => {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mat[r * cols + c] = arr.data[start + r * rs + c * cs];
    out[t] = f(mat, rows, cols);
  });
  return new NDArray(out, reducedShape(arr.shape, [rowAxis, colAxis], keepdims));
}

type MatrixNorm = (mat: Float64Array, rows: number, cols: number) => number;

function matrixNormOf(ord: NormOrder): MatrixNorm {
  switch (ord) {
    case 2: return (mat, r, c) => extreme(singularValues(mat, r, c), true);
    case -2: return (mat, r, c) => extreme(singularValues(mat, r, c), false);
    case 1: return (mat, r, c) => extreme(absLineSums(mat, r, c, false), true);
    case -1: return (mat, r, c) => extreme(absLineSums(mat, r, c, false), false);
    case Infinity: return (mat, r, c) => extreme(absLineSums(mat, r, c, true), true);
    case -Infinity: return (mat, r, c) => extreme(absLineSums(mat, r, c, true), false);
    case null: case "fro": case "f": return (mat) => Math.sqrt(sumOfSquares(mat));
    case "nuc": return (mat, r, c) => singularValues(mat, r, c).reduce((s, v) => s + v, 0);
    default: throw new ValueError("Invalid norm order for matrices.");
  }
}

/** Sums of absolute values along each row (byRow) or each column of a rows×cols matrix. */
function absLineSums(mat: Float64Array, rows: number, cols: number, byRow: boolean): Float64Array {
  const sums = new Float64Array(byRow ? rows : cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sums[byRow ? r : c] += Math.abs(mat[r * cols + c]);
  return sums;
}

/**
 * Singular values by one-sided Jacobi (Hestenes): plane rotations make the columns pairwise
 * orthogonal, and the column lengths are then the singular values. It keeps small singular values
 * accurate to working precision, unlike eigenvalues of AᵀA. Works on whichever of A and Aᵀ has
 * fewer columns, stored column by column.
 */
function singularValues(mat: Float64Array, rows: number, cols: number): Float64Array {
  const tall = rows >= cols;
  const nv = tall ? cols : rows, len = tall ? rows : cols;
  const u = new Float64Array(nv * len);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) u[tall ? c * len + r : r * len + c] = mat[r * cols + c];
  }
  const eps = Number.EPSILON;
  for (let sweep = 0, rotated = true; rotated && sweep < 100; sweep++) {
    rotated = false;
    for (let p = 0; p < nv - 1; p++) {
      for (let q = p + 1; q < nv; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0, op = p * len, oq = q * len; i < len; i++) {
          const x = u[op + i], y = u[oq + i];
          alpha += x * x; beta += y * y; gamma += x * y;
        }
        if (Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cos = 1 / Math.sqrt(1 + t * t), sin = cos * t;
        for (let i = 0, op = p * len, oq = q * len; i < len; i++) {
          const x = u[op + i], y = u[oq + i];
          u[op + i] = cos * x - sin * y;
          u[oq + i] = sin * x + cos * y;
        }
      }
    }
  }
  const sv = new Float64Array(nv);
  for (let j = 0; j < nv; j++) sv[j] = Math.sqrt(sumOfSquares(u, j * len, 1, len));
  return sv;
}
