// np.pad with numpy 1.24's semantics: pad_width and constant_values broadcast to one
// (before, after) pair per axis as numpy's _as_pairs does, the axes are padded one after the
// other (so a corner takes the value of the last axis padded), and reflect/symmetric/wrap fill
// wide pads iteratively, chunk by chunk, exactly as numpy 1.24 does (which for wrap is not simply
// periodic once a pad is wider than the axis and the two sides differ).
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { shapeTuple } from "./shape";
import { castValue, convertScalar } from "./dtype";
import { TypeError, ValueError } from "./errors";

/** The modes nnlab implements. numpy's statistic and ramp modes ("maximum", "mean", "median",
 *  "minimum", "linear_ramp") are refused with an error naming these. */
export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap" | "empty";

/** np.pad's keyword arguments. */
export interface PadOptions {
  /** constant mode's fill: a scalar, a (before, after) pair, or one pair per axis (default 0). */
  constant_values?: ArrayLike;
  /** reflect/symmetric: "even" (default) mirrors the values, "odd" reflects them through the edge value. */
  reflect_type?: "even" | "odd";
}

const SUPPORTED: readonly PadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap", "empty"];

/** numpy's allowed keyword arguments per mode (its own table; unknown modes are not in it). */
const ALLOWED_KWARGS: Record<string, readonly string[]> = {
  empty: [], edge: [], wrap: [],
  constant: ["constant_values"],
  linear_ramp: ["end_values"],
  maximum: ["stat_length"], mean: ["stat_length"], median: ["stat_length"], minimum: ["stat_length"],
  reflect: ["reflect_type"], symmetric: ["reflect_type"],
};

type Pair = [number, number];

/** The values of an array_like as doubles and its shape; `integral` tells whether numpy would give
 *  it an integer dtype (kind 'i'): an int64 NDArray, or JS numbers that are all integers. */
function valuesOf(x: ArrayLike): { a: NDArray; integral: boolean } {
  const a = asarray(x);
  if (x instanceof NDArray) return { a, integral: a.dtype === "int64" };
  // nnlab reads nested JS numbers as float64; numpy would read integral ones as int64. An empty
  // list is float64 in numpy too, and booleans are kind 'b'.
  const integral = a.dtype !== "bool" && a.size > 0 && a.data.every((v) => Number.isInteger(v));
  return { a, integral };
}

/** numpy's _as_pairs: x broadcast to (ndim, 2), with the shortcuts numpy takes for one value and
 *  for one (before, after) pair; `asIndex` also requires every value to be non-negative. */
function asPairs(x: NDArray, ndim: number, asIndex: boolean): Pair[] {
  const d = x.data;
  const negative = () => new ValueError("index can't contain negative values");
  if (x.ndim < 3) {
    if (x.size === 1) {
      if (asIndex && d[0] < 0) throw negative();
      return Array.from({ length: ndim }, (): Pair => [d[0], d[0]]);
    }
    if (x.size === 2 && !(x.ndim === 2 && x.shape[0] === 2 && x.shape[1] === 1)) {
      if (asIndex && (d[0] < 0 || d[1] < 0)) throw negative();
      return Array.from({ length: ndim }, (): Pair => [d[0], d[1]]);
    }
  }
  if (asIndex) {
    if (x.size === 0) throw new ValueError("zero-size array to reduction operation minimum which has no identity");
    if (d.some((v) => v < 0)) throw negative();
  }
  // np.broadcast_to(x, (ndim, 2)), with numpy's nditer messages (two spaces included).
  if (x.ndim > 2) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
  const target = [ndim, 2];
  const off = 2 - x.ndim;
  if (!x.shape.every((n, i) => n === 1 || n === target[off + i])) {
    throw new ValueError(
      "operands could not be broadcast together with remapped shapes [original->remapped]: " +
        `${shapeTuple(x.shape)}  and requested shape ${shapeTuple(target)}`,
    );
  }
  const rows = x.ndim === 2 && x.shape[0] !== 1;
  const cols = x.ndim >= 1 && x.shape[x.ndim - 1] !== 1;
  const at = (i: number, j: number): number => d[(rows ? i * x.shape[x.ndim - 1] : 0) + (cols ? j : 0)];
  return Array.from({ length: ndim }, (_, i): Pair => [at(i, 0), at(i, 1)]);
}

/** A constant as numpy 1.24 assigns it into the padded array: into int64 as Python's int() (NaN
 *  raises ValueError, inf OverflowError), into uint8 by the array cast (wrapping; NaN and inf give 0),
 *  into bool as `!= 0`. */
function constantOf(v: number, dtype: DType): number {
  return dtype === "uint8" ? castValue(v, "uint8") : convertScalar(v, dtype);
}

/** An odd reflection `2 * edge - v`, computed in doubles, as numpy's arithmetic leaves it in the
 *  array's dtype: uint8 arithmetic wraps modulo 256, and bool (computed in int64) is `!= 0`. */
function castComputed(v: number, dtype: DType): number {
  if (dtype === "bool") return v !== 0 ? 1 : 0;
  return dtype === "uint8" ? ((v % 256) + 256) % 256 : v;
}

/** Calls visit(base) for every line along `axis` of the padded array that numpy's _view_roi
 *  covers: axes before `axis` over their padded length, axes after it over the original area. */
function forEachLine(
  outShape: readonly number[],
  pairs: readonly Pair[],
  inShape: readonly number[],
  axis: number,
  visit: (base: number) => void,
): void {
  const nd = outShape.length;
  const strides = new Array<number>(nd);
  for (let k = nd - 1, acc = 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= outShape[k];
  }
  const others: { start: number; len: number; stride: number }[] = [];
  for (let k = 0; k < nd; k++) {
    if (k === axis) continue;
    others.push(k < axis
      ? { start: 0, len: outShape[k], stride: strides[k] }
      : { start: pairs[k][0], len: inShape[k], stride: strides[k] });
  }
  if (others.some((o) => o.len === 0)) return;
  const idx = new Array<number>(others.length).fill(0);
  let base = others.reduce((s, o) => s + o.start * o.stride, 0);
  for (;;) {
    visit(base);
    let k = others.length - 1;
    for (; k >= 0; k--) {
      base += others[k].stride;
      if (++idx[k] < others[k].len) break;
      base -= others[k].stride * others[k].len;
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

/** numpy's _set_reflect_both, repeated until both pads are filled, on one line. */
function reflectLine(
  d: Float64Array, base: number, stride: number, P: number, L: number, R: number,
  odd: boolean, includeEdge: boolean, dtype: DType,
): void {
  const at = (i: number) => base + i * stride;
  const eo = includeEdge ? 1 : 0;
  let left = L;
  let right = R;
  while (left > 0 || right > 0) {
    const oldLength = P - right - left - (includeEdge ? 0 : 1);
    if (left > 0) {
      const chunk = Math.min(oldLength, left);
      const edge = d[at(left)];
      for (let j = 0; j < chunk; j++) {
        const v = d[at(left - eo + chunk - j)];
        d[at(left - chunk + j)] = odd ? castComputed(2 * edge - v, dtype) : v;
      }
      left -= chunk;
    }
    if (right > 0) {
      const chunk = Math.min(oldLength, right);
      const edge = d[at(P - right - 1)];
      for (let j = 0; j < chunk; j++) {
        const v = d[at(P - right + eo - 2 - j)];
        d[at(P - right + j)] = odd ? castComputed(2 * edge - v, dtype) : v;
      }
      right -= chunk;
    }
  }
}

/** numpy's _set_wrap_both, repeated until both pads are filled, on one line. */
function wrapLine(d: Float64Array, base: number, stride: number, P: number, L: number, R: number): void {
  const at = (i: number) => base + i * stride;
  let left = L;
  let right = R;
  while (left > 0 || right > 0) {
    const period = P - right - left;
    let newLeft = 0;
    let newRight = 0;
    if (left > 0) {
      const m = Math.min(period, left);
      const from = P - right - m; // the last m values of the valid area
      const to = left > period ? left - period : 0;
      if (left > period) newLeft = left - period;
      for (let j = 0; j < m; j++) d[at(to + j)] = d[at(from + j)];
    }
    if (right > 0) {
      const m = Math.min(period, right);
      const to = P - right; // the first m values of the valid area go after it
      if (right > period) newRight = right - period;
      for (let j = 0; j < m; j++) d[at(to + j)] = d[at(left + j)];
    }
    left = newLeft;
    right = newRight;
  }
}

/** Python's repr of a set of keyword names, as numpy's message prints it: {'constant_values'}. */
function pySet(names: readonly string[]): string {
  return "{" + names.map((n) => `'${n}'`).join(", ") + "}";
}

/**
 * Pads an array: widens each axis by `pad_width` values before and after, filled as `mode` says.
 *
 * Mirrors numpy.pad (numpy 1.24), including how pad_width and constant_values broadcast, the order
 * the axes are padded in (a corner takes the value of the last axis padded), numpy's errors and
 * dtype preservation (constants are cast to the array's dtype: 2.7 becomes 2 in an int array).
 * The CNN lab's `zero_pad` is `np.pad(X, [[0, 0], [pad, pad], [pad, pad], [0, 0]], "constant",
 * { constant_values: [0, 0] })`. Modes: "constant" (default), "edge", "reflect", "symmetric",
 * "wrap" and "empty" (zeros here; numpy leaves the pad uninitialised); numpy's "linear_ramp",
 * "maximum", "mean", "median" and "minimum" are not implemented and raise a ValueError naming the
 * supported modes.
 *
 * @param array - the array to pad, any shape and dtype
 * @param pad_width - an int (same on every side), [n], [before, after] (same for every axis), or
 *   one [before, after] pair per axis; non-negative integers
 * @param mode - how to fill the pad: "constant" (default), "edge", "reflect", "symmetric", "wrap",
 *   "empty"; or the options object directly, for constant mode
 * @param options - numpy's keyword arguments: constant_values (constant mode; scalar, pair or
 *   pairs, default 0) and reflect_type ("even" or "odd", for reflect and symmetric)
 * @returns a new array of shape `array.shape[i] + before_i + after_i` and the same dtype
 * @example const X_pad = np.pad(X, [[0, 0], [2, 2], [2, 2], [0, 0]], "constant", { constant_values: [0, 0] });
 */
export function pad(
  array: ArrayLike,
  pad_width: ArrayLike,
  mode: PadMode | PadOptions = "constant",
  options: PadOptions = {},
): NDArray {
  if (typeof mode === "object" && mode !== null) [mode, options] = ["constant", mode];
  const arr = asarray(array);
  const widths = valuesOf(pad_width);
  if (!widths.integral) throw new TypeError("`pad_width` must be of integral type.");
  const pairs = asPairs(widths.a, arr.ndim, true);

  const given = Object.keys(options).filter((k) => (options as Record<string, unknown>)[k] !== undefined);
  const allowed = Object.hasOwn(ALLOWED_KWARGS, mode) ? ALLOWED_KWARGS[mode] : undefined;
  if (allowed === undefined) throw new ValueError(`mode '${String(mode)}' is not supported`);
  const unsupported = given.filter((k) => !allowed.includes(k));
  if (unsupported.length > 0) {
    throw new ValueError(`unsupported keyword arguments for mode '${mode}': ${pySet(unsupported)}`);
  }
  if (!SUPPORTED.includes(mode)) {
    throw new ValueError(
      `mode '${mode}' is not implemented in nnlab's np.pad; the supported modes are ` +
        SUPPORTED.map((m) => `'${m}'`).join(", "),
    );
  }

  const inShape = arr.shape;
  const outShape = inShape.map((n, k) => n + pairs[k][0] + pairs[k][1]);
  const out = new Float64Array(shapeSize(outShape));
  const dtype = arr.dtype;
  const nd = arr.ndim;

  // Constant values are converted as numpy assigns them (constantOf), for every side of every
  // axis: numpy assigns each one even to an empty pad area, so a NaN for an int array always raises.
  let constants: Pair[] = [];
  if (mode === "constant") {
    constants = asPairs(asarray(options.constant_values ?? 0), nd, false).map(
      ([b, a]): Pair => [constantOf(b, dtype), constantOf(a, dtype)],
    );
  }

  copyInto(arr, out, outShape, pairs);
  if (nd === 0 || mode === "empty") return new NDArray(out, outShape, dtype);
  if (mode !== "constant" && arr.size === 0) {
    inShape.forEach((n, k) => {
      if (n === 0 && (pairs[k][0] > 0 || pairs[k][1] > 0)) {
        throw new ValueError(`can't extend empty axis ${k} using modes other than 'constant' or 'empty'`);
      }
    });
    return new NDArray(out, outShape, dtype);
  }

  const stride = (k: number) => shapeSize(outShape.slice(k + 1));
  for (let k = 0; k < nd; k++) {
    const [L, R] = pairs[k];
    if (L === 0 && R === 0 && mode !== "constant") continue;
    const P = outShape[k];
    const s = stride(k);
    const at = (base: number, i: number) => base + i * s;
    if (mode === "constant") {
      const [before, after] = constants[k];
      forEachLine(outShape, pairs, inShape, k, (base) => {
        for (let i = 0; i < L; i++) out[at(base, i)] = before;
        for (let i = P - R; i < P; i++) out[at(base, i)] = after;
      });
    } else if (mode === "edge" || ((mode === "reflect" || mode === "symmetric") && inShape[k] === 1)) {
      // numpy extends a length-1 axis by its edge value in reflect and symmetric modes too.
      forEachLine(outShape, pairs, inShape, k, (base) => {
        const first = out[at(base, L)];
        const last = out[at(base, P - R - 1)];
        for (let i = 0; i < L; i++) out[at(base, i)] = first;
        for (let i = P - R; i < P; i++) out[at(base, i)] = last;
      });
    } else if (mode === "reflect" || mode === "symmetric") {
      const odd = options.reflect_type === "odd";
      forEachLine(outShape, pairs, inShape, k, (base) =>
        reflectLine(out, base, s, P, L, R, odd, mode === "symmetric", dtype));
    } else {
      forEachLine(outShape, pairs, inShape, k, (base) => wrapLine(out, base, s, P, L, R));
    }
  }
  return new NDArray(out, outShape, dtype);
}

/** Writes `arr` into the original area of the padded buffer, one innermost run at a time. */
function copyInto(arr: NDArray, out: Float64Array, outShape: readonly number[], pairs: readonly Pair[]): void {
  const nd = arr.ndim;
  if (arr.size === 0) return;
  if (nd === 0) {
    out[0] = arr.data[0];
    return;
  }
  const outStrides = outShape.map((_, k) => shapeSize(outShape.slice(k + 1)));
  const run = arr.shape[nd - 1];
  const idx = new Array<number>(nd - 1).fill(0);
  let o = pairs.reduce((s, [before], k) => s + before * outStrides[k], 0);
  for (let src = 0; src < arr.size; src += run) {
    out.set(arr.data.subarray(src, src + run), o);
    for (let k = nd - 2; k >= 0; k--) {
      o += outStrides[k];
      if (++idx[k] < arr.shape[k]) break;
      o -= outStrides[k] * arr.shape[k];
      idx[k] = 0;
    }
  }
}
