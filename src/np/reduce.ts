// Reductions with numpy's axis/keepdims rules and numpy's summation order, so that sums,
// means and variances agree with numpy 1.24 to the last bit. numpy's reduction iterator drops
// length-1 axes, merges neighbouring axes of the same kind (reduced or kept) and hands the
// innermost merged run to the add loop: a reduced run is summed pairwise (in buffers of 8192
// elements), while a kept run is accumulated row by row into the output.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { ValueError } from "./errors";
import { normalizeAxes, normalizeAxis } from "./shape";

export type ReduceOptions = { axis?: number | number[] | null; keepdims?: boolean; ddof?: number };

type AxisArg = number | number[] | ReduceOptions | null | undefined;

/** The free functions' overloads, mirroring NDArray.sum: no axis and no keepdims gives a number
 *  (numpy's scalar), anything else an NDArray. */
export interface Reduction {
  (a: ArrayLike): number;
  (a: ArrayLike, opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  (a: ArrayLike, axis: null | undefined, keepdims?: false): number;
  (a: ArrayLike, axis: null | undefined, keepdims: true): NDArray;
  (a: ArrayLike, axis: number | number[] | ReduceOptions, keepdims?: boolean): NDArray;
  /** Pass-through callers that do not know statically which case they are in. */
  (a: ArrayLike, axis?: number | number[] | ReduceOptions | null, keepdims?: boolean): number | NDArray;
}

/** argmax/argmin take a single axis, as numpy's do. */
export interface ArgReduction {
  (a: ArrayLike): number;
  (a: ArrayLike, opts: ReduceOptions & { axis?: null; keepdims?: false }): number;
  (a: ArrayLike, axis: null | undefined, keepdims?: false): number;
  (a: ArrayLike, axis: null | undefined, keepdims: true): NDArray;
  (a: ArrayLike, axis: number | ReduceOptions, keepdims?: boolean): NDArray;
  (a: ArrayLike, axis?: number | ReduceOptions | null, keepdims?: boolean): number | NDArray;
}

interface Args {
  axis: number | number[] | null;
  keepdims: boolean;
  ddof: number;
}

/** The second argument is either numpy's positional axis or a kwargs-like options object. */
function parseArgs(axisArg: AxisArg, keepdims: boolean | undefined): Args {
  if (axisArg !== null && typeof axisArg === "object" && !Array.isArray(axisArg)) {
    return { axis: axisArg.axis ?? null, keepdims: axisArg.keepdims ?? keepdims ?? false, ddof: axisArg.ddof ?? 0 };
  }
  return { axis: axisArg ?? null, keepdims: keepdims ?? false, ddof: 0 };
}

// ---------------------------------------------------------------- traversal layout

/** numpy's ufunc buffer size: the add loop sees at most this many elements per call. */
const BUFSIZE = 8192;
/** numpy's PW_BLOCKSIZE: below it the 8-accumulator loop runs, above it the range is halved. */
const PW_BLOCKSIZE = 128;

/** How a C-order array is walked for one reduction: `segOut.length` consecutive runs of `run`
 *  elements; run s either folds into out[segOut[s]] (runReduced) or adds elementwise onto
 *  out[segOut[s] ... segOut[s] + run). */
interface Layout {
  keptShape: number[]; // output shape without keepdims
  keepShape: number[]; // output shape with keepdims
  outSize: number;
  count: number; // input elements folded into each output element
  run: number;
  runReduced: boolean;
  segOut: Int32Array;
}

function layoutOf(shape: readonly number[], axes: readonly number[]): Layout {
  const isReduced = shape.map((_, i) => axes.includes(i));
  const keptShape = shape.filter((_, i) => !isReduced[i]);
  const keepShape = shape.map((d, i) => (isReduced[i] ? 1 : d));
  const count = shapeSize(shape.filter((_, i) => isReduced[i]));
  const groups: { len: number; reduced: boolean }[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const last = groups[groups.length - 1];
    if (last && last.reduced === isReduced[i]) last.len *= shape[i];
    else groups.push({ len: shape[i], reduced: isReduced[i] });
  }
  const inner = groups.pop() ?? { len: 1, reduced: true };
  // Output stride of each outer group: 0 for reduced groups, C-order over the kept ones.
  const strides = new Array<number>(groups.length);
  let acc = inner.reduced ? 1 : inner.len;
  for (let g = groups.length - 1; g >= 0; g--) {
    strides[g] = groups[g].reduced ? 0 : acc;
    if (!groups[g].reduced) acc *= groups[g].len;
  }
  const size = shapeSize(shape);
  const segOut = new Int32Array(size === 0 ? 0 : size / inner.len);
  const idx = new Array<number>(groups.length).fill(0);
  let o = 0;
  for (let s = 0; s < segOut.length; s++) {
    segOut[s] = o;
    for (let g = groups.length - 1; g >= 0; g--) {
      o += strides[g];
      if (++idx[g] < groups[g].len) break;
      o -= strides[g] * groups[g].len;
      idx[g] = 0;
    }
  }
  return { keptShape, keepShape, outSize: shapeSize(keptShape), count, run: inner.len, runReduced: inner.reduced, segOut };
}

// ---------------------------------------------------------------- kernels

/** numpy's pairwise_sum (loops_utils.h.src): 8 accumulators up to 128 elements, halving above. */
function pairwiseSum(d: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[start + i];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = d[start], r1 = d[start + 1], r2 = d[start + 2], r3 = d[start + 3];
    let r4 = d[start + 4], r5 = d[start + 5], r6 = d[start + 6], r7 = d[start + 7];
    const end8 = start + (n - (n % 8));
    let i = start + 8;
    for (; i < end8; i += 8) {
      r0 += d[i]; r1 += d[i + 1]; r2 += d[i + 2]; r3 += d[i + 3];
      r4 += d[i + 4]; r5 += d[i + 5]; r6 += d[i + 6]; r7 += d[i + 7];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (const end = start + n; i < end; i++) res += d[i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(d, start, n2) + pairwiseSum(d, start + n2, n - n2);
}

function sumKernel(data: Float64Array, L: Layout): Float64Array {
  const out = new Float64Array(L.outSize);
  const { run, segOut } = L;
  for (let s = 0, pos = 0; s < segOut.length; s++, pos += run) {
    const o = segOut[s];
    if (L.runReduced) {
      for (let c = 0; c < run; c += BUFSIZE) out[o] += pairwiseSum(data, pos + c, Math.min(BUFSIZE, run - c));
    } else {
      for (let j = 0; j < run; j++) out[o + j] += data[pos + j];
    }
  }
  return out;
}

/** max/min through Math.max/Math.min, which propagate NaN as numpy does and compile to
 *  branch-free code (data-dependent branches cost 2x on unsorted data). Only the sign of an
 *  all-zero tie may differ: numpy's max([0.0, -0.0]) is -0.0, Math.max gives 0. */
function extremumKernel(data: Float64Array, L: Layout, isMax: boolean): Float64Array {
  const out = new Float64Array(L.outSize).fill(isMax ? -Infinity : Infinity);
  const { run, segOut } = L;
  for (let s = 0, pos = 0; s < segOut.length; s++, pos += run) {
    const o = segOut[s];
    if (L.runReduced) {
      let acc = out[o];
      for (let j = 0; j < run; j++) acc = isMax ? Math.max(acc, data[pos + j]) : Math.min(acc, data[pos + j]);
      out[o] = acc;
    } else {
      for (let j = 0; j < run; j++) {
        out[o + j] = isMax ? Math.max(out[o + j], data[pos + j]) : Math.min(out[o + j], data[pos + j]);
      }
    }
  }
  return out;
}

/** (x - mean)**2 for every element, with mean indexed by the output element x folds into. */
function squaredDeviations(data: Float64Array, L: Layout, mean: Float64Array): Float64Array {
  const dev = new Float64Array(data.length);
  const { run, segOut } = L;
  for (let s = 0, pos = 0; s < segOut.length; s++, pos += run) {
    const o = segOut[s];
    for (let j = 0; j < run; j++) {
      const x = data[pos + j] - mean[L.runReduced ? o : o + j];
      dev[pos + j] = x * x;
    }
  }
  return dev;
}

// ---------------------------------------------------------------- drivers

type Kernel = (a: NDArray, L: Layout, args: Args) => { data: Float64Array; dtype: DType };

/** Resolves arguments, runs the kernel, and returns a number for a full reduction without
 *  keepdims (numpy's scalar) or an NDArray otherwise. */
function reduceWith(a: ArrayLike, axisArg: AxisArg, keepdims: boolean | undefined, kernel: Kernel): number | NDArray {
  const arr = asarray(a);
  const args = parseArgs(axisArg, keepdims);
  const axes = args.axis === null ? arr.shape.map((_, i) => i) : normalizeAxes(args.axis, arr.ndim);
  const L = layoutOf(arr.shape, axes);
  const { data, dtype } = kernel(arr, L, args);
  if (args.axis === null && !args.keepdims) return data[0];
  return new NDArray(data, args.keepdims ? L.keepShape : L.keptShape, dtype);
}

function requireNonEmpty(L: Layout, name: string): void {
  if (L.count === 0) throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
}

const sumOf: Kernel = (a, L) => ({ data: sumKernel(a.data, L), dtype: a.dtype === "float64" ? "float64" : "int64" });

/** numpy's _mean: the (float64) sum divided by the number of elements folded. */
const meanOf: Kernel = (a, L) => {
  const data = sumKernel(a.data, L);
  for (let i = 0; i < data.length; i++) data[i] /= L.count;
  return { data, dtype: "float64" };
};

/** numpy's _var: mean with keepdims, squared deviations, their sum over max(n - ddof, 0). */
const varOf: Kernel = (a, L, args) => {
  const mean = meanOf(a, L, args).data;
  const data = sumKernel(squaredDeviations(a.data, L, mean), L);
  const dof = Math.max(L.count - args.ddof, 0);
  for (let i = 0; i < data.length; i++) data[i] /= dof;
  return { data, dtype: "float64" };
};

const stdOf: Kernel = (a, L, args) => {
  const { data } = varOf(a, L, args);
  for (let i = 0; i < data.length; i++) data[i] = Math.sqrt(data[i]);
  return { data, dtype: "float64" };
};

const maxOf: Kernel = (a, L) => {
  requireNonEmpty(L, "maximum");
  return { data: extremumKernel(a.data, L, true), dtype: a.dtype };
};

const minOf: Kernel = (a, L) => {
  requireNonEmpty(L, "minimum");
  return { data: extremumKernel(a.data, L, false), dtype: a.dtype };
};

/**
 * Sum of array elements over the given axes.
 *
 * numpy's `np.sum(A, axis=1, keepdims=True)` is `np.sum(A, { axis: 1, keepdims: true })` or
 * `np.sum(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). Sums run in numpy's pairwise order, so they
 * match numpy's to the last bit. bool and integer arrays sum to int64 (True counts 1), float64
 * stays float64. The labs' cost `-np.sum(logprobs) / m` carries over as it is, since the full sum
 * is a JS number. Mirrors numpy.sum.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the sum: a number when every axis is reduced without keepdims, otherwise an array (int64 for bool and int input)
 * @example np.sum(np.array([[1, 2], [3, 4]]), { axis: 0 }); // array([4., 6.])
 */
export const sum: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, sumOf)) as Reduction;

/**
 * Arithmetic mean of array elements over the given axes.
 *
 * numpy's `np.mean(A, axis=1, keepdims=True)` is `np.mean(A, { axis: 1, keepdims: true })` or
 * `np.mean(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). The sum (in numpy's pairwise order) divided by
 * the number of elements reduced, so it matches numpy's to the last bit; the result is float64 for
 * every input dtype. Accuracy is `np.mean(np.equal(Y_prediction, Y)) * 100`. Mirrors numpy.mean.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the mean, float64: a number when every axis is reduced without keepdims, otherwise an array
 * @example np.mean(np.array([[1, 2], [3, 4]]), 1); // array([1.5, 3.5])
 */
export const mean: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, meanOf)) as Reduction;

/**
 * Variance of array elements over the given axes: the mean of `(x - x.mean())**2`.
 *
 * numpy's `np.var(A, axis=1, keepdims=True)` is `np.var(A, { axis: 1, keepdims: true })` or
 * `np.var(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). By default it divides by N (the population
 * variance); `{ ddof: 1 }` divides by N - 1. It follows numpy's algorithm (mean, squared
 * deviations, their pairwise sum), so it matches numpy's to the last bit; the result is float64.
 * Exported as `np.var` (`var` is reserved in JS). Mirrors numpy.var.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims } (and ddof, the delta degrees of freedom: the divisor is N - ddof, default 0)
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the variance, float64: a number when every axis is reduced without keepdims, otherwise an array
 * @example np.var(np.array([1, 2, 3, 4])); // 1.25
 */
export const var_: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, varOf)) as Reduction;

/**
 * Standard deviation of array elements over the given axes: the square root of np.var.
 *
 * numpy's `np.std(A, axis=1, keepdims=True)` is `np.std(A, { axis: 1, keepdims: true })` or
 * `np.std(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). By default it divides by N (the population
 * standard deviation); `{ ddof: 1 }` divides by N - 1. The result is float64. Standardizing
 * features: `np.divide(np.subtract(X, np.mean(X, 1, true)), np.std(X, 1, true))`. Mirrors
 * numpy.std.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims } (and ddof, the delta degrees of freedom: the divisor is N - ddof, default 0)
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the standard deviation, float64: a number when every axis is reduced without keepdims, otherwise an array
 * @example np.std(np.array([1, 2, 3, 4])); // 1.118033988749895
 */
export const std: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, stdOf)) as Reduction;

/**
 * Maximum of array elements over the given axes (the reduction, not the elementwise np.maximum).
 *
 * numpy's `np.max(A, axis=1, keepdims=True)` is `np.max(A, { axis: 1, keepdims: true })` or
 * `np.max(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). NaN propagates (a slice containing NaN has
 * maximum NaN; np.nanmax skips them); an empty slice raises numpy's ValueError. The dtype is the
 * array's. `np.amax` is the same function. Mirrors numpy.max.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the maximum: a number when every axis is reduced without keepdims, otherwise an array of the dtype of `a`
 * @example np.max(np.array([[1, 5], [3, 2]]), 1); // array([5., 3.])
 */
export const max: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, maxOf)) as Reduction;

/**
 * Minimum of array elements over the given axes (the reduction, not the elementwise np.minimum).
 *
 * numpy's `np.min(A, axis=1, keepdims=True)` is `np.min(A, { axis: 1, keepdims: true })` or
 * `np.min(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). NaN propagates (a slice containing NaN has
 * minimum NaN; np.nanmin skips them); an empty slice raises numpy's ValueError. The dtype is the
 * array's. `np.amin` is the same function. Mirrors numpy.min.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the minimum: a number when every axis is reduced without keepdims, otherwise an array of the dtype of `a`
 * @example np.min(np.array([[1, 5], [3, 2]]), { axis: 0, keepdims: true }); // array([[1., 2.]])
 */
export const min: Reduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  reduceWith(a, axis, keepdims, minOf)) as Reduction;

/**
 * Maximum of array elements over the given axes: another name for np.max.
 *
 * numpy's `np.amax(A, axis=1, keepdims=True)` is `np.amax(A, { axis: 1, keepdims: true })` or
 * `np.amax(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). NaN propagates; an empty slice raises numpy's
 * ValueError; the dtype is the array's. Mirrors numpy.amax.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the maximum: a number when every axis is reduced without keepdims, otherwise an array of the dtype of `a`
 * @example np.amax(np.array([1, 5, 3])); // 5
 */
export const amax = max;

/**
 * Minimum of array elements over the given axes: another name for np.min.
 *
 * numpy's `np.amin(A, axis=1, keepdims=True)` is `np.amin(A, { axis: 1, keepdims: true })` or
 * `np.amin(A, 1, true)`; without an axis (and without keepdims) every element is reduced and the
 * result is a JS number, as numpy returns a scalar; otherwise it is an array whose shape drops the
 * reduced axes (or keeps them as 1 with keepdims). NaN propagates; an empty slice raises numpy's
 * ValueError; the dtype is the array's. Mirrors numpy.amin.
 *
 * @param a - the array (or nested JS arrays, or a number)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis, or list of axes, to reduce; null or omitted: all of them
 * @param keepdims - keep each reduced axis with length 1, so the result broadcasts against `a`; default false
 * @returns the minimum: a number when every axis is reduced without keepdims, otherwise an array of the dtype of `a`
 * @example np.amin(np.array([1, 5, 3])); // 1
 */
export const amin = min;

// ---------------------------------------------------------------- argmax / argmin

/** numpy's argmax loop: the first strict improvement wins, and the first NaN ends the search. */
function argExtremum(a: ArrayLike, axisArg: AxisArg, keepdims: boolean | undefined, isMax: boolean): number | NDArray {
  const arr = asarray(a);
  const args = parseArgs(axisArg, keepdims);
  if (Array.isArray(args.axis)) throw new TypeError("'tuple' object cannot be interpreted as an integer");
  const name = isMax ? "argmax" : "argmin";
  // axis=None searches the flattened array: one row of `size` elements.
  const ax = args.axis === null ? 0 : normalizeAxis(args.axis, arr.ndim);
  const shp = args.axis === null ? [arr.size] : arr.shape;
  const n = shp[ax] ?? 1;
  const outer = shapeSize(shp.slice(0, ax));
  const inner = shapeSize(shp.slice(ax + 1));
  if (n === 0 && outer * inner > 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const data = arr.data;
  const best = new Float64Array(outer * inner);
  const where = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let i = 0; i < inner; i++) best[o * inner + i] = data[base + i];
    for (let j = 1; j < n; j++) {
      const row = base + j * inner;
      for (let i = 0; i < inner; i++) {
        const b = best[o * inner + i];
        const v = data[row + i];
        // `b === b` skips slots already holding a NaN; !(v <= b) is true for NaN and for v > b.
        if (b === b && (isMax ? !(v <= b) : !(v >= b))) {
          best[o * inner + i] = v;
          where[o * inner + i] = j;
        }
      }
    }
  }
  if (args.axis === null) {
    if (!args.keepdims) return where[0];
    return new NDArray(where, arr.shape.map(() => 1), "int64");
  }
  const outShape = arr.shape.map((d, i) => (i === ax ? 1 : d));
  return new NDArray(where, args.keepdims ? outShape : outShape.filter((_, i) => i !== ax), "int64");
}

/**
 * Indices of the maximum values along an axis.
 *
 * Without an axis the array is searched flattened and the result is a JS number, the flat index (as
 * numpy returns a scalar); with an axis the result is an int64 array with that axis removed (kept
 * as 1 with keepdims). Ties go to the first occurrence; a NaN counts as the maximum (its first
 * position is returned), as in numpy. Only one axis, as in numpy. The predicted class of each
 * column of probabilities is `np.argmax(A, 0)`. Mirrors numpy.argmax; numpy's `axis=`/`keepdims=`
 * are `{ axis, keepdims }` or positional.
 *
 * @param a - the array (or nested JS arrays)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis to search along; null or omitted: the flattened array
 * @param keepdims - keep the searched axis with length 1; default false
 * @returns the index: a number without an axis (and without keepdims), otherwise an int64 array
 * @example np.argmax(np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]), 1); // array([1, 0])
 */
export const argmax: ArgReduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  argExtremum(a, axis, keepdims, true)) as ArgReduction;

/**
 * Indices of the minimum values along an axis.
 *
 * Without an axis the array is searched flattened and the result is a JS number, the flat index (as
 * numpy returns a scalar); with an axis the result is an int64 array with that axis removed (kept
 * as 1 with keepdims). Ties go to the first occurrence; a NaN counts as the minimum (its first
 * position is returned), as in numpy. Only one axis, as in numpy. Mirrors numpy.argmin; numpy's
 * `axis=`/`keepdims=` are `{ axis, keepdims }` or positional.
 *
 * @param a - the array (or nested JS arrays)
 * @param opts - numpy's keyword arguments as an object, in place of `axis`: { axis, keepdims }
 * @param axis - the axis to search along; null or omitted: the flattened array
 * @param keepdims - keep the searched axis with length 1; default false
 * @returns the index: a number without an axis (and without keepdims), otherwise an int64 array
 * @example np.argmin(np.array([3, 1, 2])); // 1
 */
export const argmin: ArgReduction = ((a: ArrayLike, axis?: AxisArg, keepdims?: boolean) =>
  argExtremum(a, axis, keepdims, false)) as ArgReduction;

// ---------------------------------------------------------------- cumsum

/**
 * Cumulative sum of the elements along an axis: element i is the sum of elements 0 to i.
 *
 * Without an axis the array is flattened first (a 1-D result); with an axis the shape is kept. bool
 * and integer arrays accumulate as int64, float64 stays float64. Mirrors numpy.cumsum.
 *
 * @param a - the array (or nested JS arrays)
 * @param axis - the axis to accumulate along; null or omitted: the flattened array
 * @returns a new array of running sums: 1-D of `a.size` elements without an axis, else the shape of `a`
 * @example np.cumsum(np.array([1, 2, 3])); // array([1., 3., 6.])
 */
export function cumsum(a: ArrayLike, axis?: number | null): NDArray {
  const arr = asarray(a);
  const flat = axis === undefined || axis === null;
  const shp = flat ? [arr.size] : arr.shape;
  const ax = flat ? 0 : normalizeAxis(axis, arr.ndim);
  const n = shp[ax];
  const inner = shapeSize(shp.slice(ax + 1));
  const out = arr.data.slice();
  for (let base = 0; base < out.length; base += n * inner) {
    for (let j = 1; j < n; j++) {
      const row = base + j * inner;
      for (let i = 0; i < inner; i++) out[row + i] += out[row - inner + i];
    }
  }
  return new NDArray(out, shp, arr.dtype === "float64" ? "float64" : "int64");
}
