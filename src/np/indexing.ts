// numpy indexing: element access, basic indexing (integers, slices, "...", np.newaxis) and
// advanced indexing (integer index arrays, boolean masks), for reading (always a copy) and for
// assignment in place. A selection compiles to a Plan of source offsets, so reading and writing
// share one description and the copy loops stay flat and typed.
import { NDArray, shapeSize, type ArrayLike, type DType, type Index } from "./ndarray";
import { asarray } from "./convert";
import { broadcastShapes, broadcastTo, forEachRun } from "./broadcast";
import { convertElement, resultType } from "./dtype";
import { normalizeAxis, shapeTuple } from "./shape";
import { IndexError, ValueError } from "./errors";

const ONLY_VALID =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

function outOfBounds(i: number, axis: number, n: number): IndexError {
  return new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
}

function tooManyIndices(ndim: number, count: number): IndexError {
  return new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${count} were indexed`);
}

/** One integer index resolved against an axis of length n (negative counts from the end). */
function resolveIndex(i: number, n: number, axis: number): number {
  if (!Number.isInteger(i)) throw new IndexError(ONLY_VALID);
  if (i < -n || i >= n) throw outOfBounds(i, axis, n);
  return i < 0 ? i + n : i;
}

function scalarOut(v: number, dtype: DType): number | boolean {
  return dtype === "bool" ? v !== 0 : v;
}

// ---------------------------------------------------------------- element access

function elementOffset(a: NDArray, index: readonly number[]): number {
  if (index.length > a.ndim) throw tooManyIndices(a.ndim, index.length);
  if (index.length < a.ndim) {
    throw new IndexError(
      `get/set take one integer index per axis (${a.ndim} for this array, ${index.length} given); use slice() for sub-arrays`,
    );
  }
  let off = 0;
  for (let k = 0; k < a.ndim; k++) off = off * a.shape[k] + resolveIndex(index[k], a.shape[k], k);
  return off;
}

/** a[i, j, ...] with exactly one integer per axis. */
export function getElement(a: NDArray, index: readonly number[]): number {
  return a.data[elementOffset(a, index)];
}

/** a[i, j, ...] = value; `indexAndValue` is the indices followed by the value, which is converted
 *  as numpy converts a Python value into one element (convertElement: a list raises "setting an
 *  array element with a sequence.", NaN into an integer array raises, uint8 wraps). */
export function setElement(a: NDArray, indexAndValue: readonly unknown[]): void {
  if (indexAndValue.length === 0) throw new TypeError("set needs the indices followed by the value");
  const value = indexAndValue[indexAndValue.length - 1];
  const offset = elementOffset(a, indexAndValue.slice(0, -1) as number[]);
  a.data[offset] = convertElement(value, a.dtype);
}

/** numpy's a.item(*args): no index needs a size-1 array, one index is flat, n indices are n-d. */
export function item(a: NDArray, index: readonly number[]): number | boolean {
  if (index.length === 0) {
    if (a.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    return scalarOut(a.data[0], a.dtype);
  }
  if (index.length === 1) {
    const i = index[0];
    if (!Number.isInteger(i)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (i < -a.size || i >= a.size) throw new IndexError(`index ${i} is out of bounds for size ${a.size}`);
    return scalarOut(a.data[i < 0 ? i + a.size : i], a.dtype);
  }
  if (index.length !== a.ndim) throw new ValueError("incorrect number of indices for array");
  return scalarOut(a.data[elementOffset(a, index)], a.dtype);
}

// ---------------------------------------------------------------- index parsing

type Entry =
  | { kind: "int"; axis: number; index: number }
  | { kind: "slice"; axis: number; start: number; step: number; len: number }
  | { kind: "newaxis" }
  | { kind: "array"; axis: number; indices: NDArray };

/** Python's slice.indices(n) for a "start:stop:step" string. */
function parseSlice(text: string, n: number, axis: number): Entry {
  const parts = text.split(":").map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p !== "" && !/^[+-]?\d+$/.test(p))) {
    throw new IndexError(ONLY_VALID);
  }
  const [startText, stopText, stepText = ""] = parts;
  const step = stepText === "" ? 1 : Number(stepText);
  if (step === 0) throw new ValueError("slice step cannot be zero");
  const clamp = (text: string, fallback: number): number => {
    if (text === "") return fallback;
    let v = Number(text);
    if (v < 0) v = Math.max(v + n, step < 0 ? -1 : 0);
    else if (v >= n) v = step < 0 ? n - 1 : n;
    return v;
  };
  const start = clamp(startText, step < 0 ? n - 1 : 0);
  const stop = clamp(stopText, step < 0 ? -1 : n);
  const len =
    step < 0
      ? stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0
      : start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return { kind: "slice", axis, start, step, len };
}

/** An index given as JS numbers or an NDArray, as an integer or boolean NDArray. */
function indexArray(x: number[] | NDArray): NDArray {
  const arr = asarray(x as ArrayLike);
  // An empty list is an (empty) integer index in numpy, not a mask.
  if (!(x instanceof NDArray) && arr.size === 0) return new NDArray(arr.data, arr.shape, "int64");
  if (arr.dtype === "float64") {
    // JS arrays arrive as float64: integral values are what numpy sees as an int list.
    if (!(x instanceof NDArray) && arr.data.every(Number.isInteger)) return new NDArray(arr.data, arr.shape, "int64");
    throw new IndexError(x instanceof NDArray ? "arrays used as indices must be of integer (or boolean) type" : ONLY_VALID);
  }
  return arr;
}

/** np.nonzero: one int64 array of coordinates per axis (a 0-d input counts as 1-d). */
function nonzero(a: NDArray): NDArray[] {
  const shp = a.ndim === 0 ? [1] : a.shape;
  const nd = shp.length;
  const data = a.data;
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) count++;
  const coords = shp.map(() => new Float64Array(count));
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0, c = 0; i < data.length; i++) {
    if (data[i] !== 0) {
      for (let k = 0; k < nd; k++) coords[k][c] = idx[k];
      c++;
    }
    for (let k = nd - 1; k >= 0 && ++idx[k] === shp[k]; k--) idx[k] = 0;
  }
  return coords.map((c) => new NDArray(c, [count], "int64"));
}

/** Expands "..." and missing trailing axes into full slices, splits boolean masks into their
 *  nonzero coordinates, and resolves every integer. */
function parseIndex(a: NDArray, index: readonly Index[]): Entry[] {
  const items = index.map((ix) => (Array.isArray(ix) || ix instanceof NDArray ? indexArray(ix) : ix));
  const consumed = items.reduce<number>((n, ix) => {
    if (ix === null || ix === "...") return n;
    if (ix instanceof NDArray && ix.dtype === "bool") return n + ix.ndim;
    return n + 1;
  }, 0);
  if (items.filter((ix) => ix === "...").length > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > a.ndim) throw tooManyIndices(a.ndim, consumed);
  const entries: Entry[] = [];
  let axis = 0;
  const fullSlices = (count: number): void => {
    for (let k = 0; k < count; k++, axis++) entries.push({ kind: "slice", axis, start: 0, step: 1, len: a.shape[axis] });
  };
  for (const ix of items) {
    if (ix === null) entries.push({ kind: "newaxis" });
    else if (ix === "...") fullSlices(a.ndim - consumed);
    else if (typeof ix === "string") entries.push(parseSlice(ix, a.shape[axis], axis++));
    else if (typeof ix === "number") entries.push({ kind: "int", axis, index: resolveIndex(ix, a.shape[axis], axis++) });
    else if (ix instanceof NDArray && ix.dtype === "bool") {
      if (ix.ndim === 0) throw new IndexError("0-d boolean indices are not supported");
      ix.shape.forEach((m, k) => {
        const n = a.shape[axis + k];
        if (m !== n) {
          throw new IndexError(
            `boolean index did not match indexed array along dimension ${axis + k}; dimension is ${n} ` +
              `but corresponding boolean dimension is ${m}`,
          );
        }
      });
      for (const coords of nonzero(ix)) entries.push({ kind: "array", axis: axis++, indices: coords });
    } else if (ix instanceof NDArray) {
      if (ix.ndim === 0) {
        entries.push({ kind: "int", axis, index: resolveIndex(ix.data[0], a.shape[axis], axis++) });
        continue;
      }
      const n = a.shape[axis];
      const data = new Float64Array(ix.size);
      for (let i = 0; i < data.length; i++) data[i] = resolveIndex(ix.data[i], n, axis);
      entries.push({ kind: "array", axis: axis++, indices: new NDArray(data, ix.shape, "int64") });
    } else throw new IndexError(ONLY_VALID);
  }
  fullSlices(a.ndim - axis);
  return entries;
}

// ---------------------------------------------------------------- selection plans

/** A compiled selection: element (o, i) of the result is the `run` contiguous source elements
 *  starting at outer[o] + inner[i], laid out in C order of `shape`. */
interface Plan {
  shape: number[];
  outer: Int32Array;
  inner: Int32Array;
  run: number;
  advanced: boolean;
}

/** One output block: its dims and each position's contribution to the source offset. */
interface Group {
  dims: number[];
  offsets: Int32Array;
  slice?: { axis: number; start: number; step: number; len: number };
}

function planOf(a: NDArray, index: readonly Index[]): Plan {
  const entries = parseIndex(a, index);
  const strides = a.strides;
  const advanced = entries.some((e) => e.kind === "array");
  // With any index array present, numpy treats integers as 0-d index arrays too.
  const arrays: { axis: number; indices: NDArray }[] = [];
  let base = 0;
  const groups: Group[] = [];
  let advancedAt = -1;
  let lastArrayEntry = -2;
  let adjacent = true;
  entries.forEach((e, pos) => {
    if (e.kind === "array" || (advanced && e.kind === "int")) {
      const indices = e.kind === "array" ? e.indices : new NDArray(new Float64Array([e.index]), [], "int64");
      arrays.push({ axis: e.axis, indices });
      if (advancedAt < 0) advancedAt = groups.length;
      else if (lastArrayEntry !== pos - 1) adjacent = false;
      lastArrayEntry = pos;
    } else if (e.kind === "int") {
      base += e.index * strides[e.axis];
    } else if (e.kind === "newaxis") {
      groups.push({ dims: [1], offsets: new Int32Array(1) });
    } else {
      const offsets = new Int32Array(e.len);
      for (let i = 0; i < e.len; i++) offsets[i] = (e.start + i * e.step) * strides[e.axis];
      groups.push({ dims: [e.len], offsets, slice: e });
    }
  });
  if (advanced) groups.splice(adjacent ? advancedAt : 0, 0, advancedGroup(arrays, strides));
  const shape = groups.flatMap((g) => g.dims);

  // Trailing step-1 slices over the last source axes are contiguous in memory: copy them as runs.
  let run = 1;
  for (let expect = a.ndim - 1; groups.length > 0; ) {
    const g = groups[groups.length - 1];
    if (!g.slice) {
      // A single position at offset 0 (np.newaxis, or an index array adding nothing) is skipped.
      if (g.offsets.length !== 1 || g.offsets[0] !== 0) break;
      groups.pop();
      continue;
    }
    const s = g.slice;
    if (s.axis !== expect || (s.step !== 1 && s.len > 1)) break;
    groups.pop();
    run *= s.len;
    base += s.start * strides[s.axis];
    if (s.start !== 0 || s.len !== a.shape[s.axis]) break;
    expect--;
  }
  const innerGroup = groups.pop();
  const inner = innerGroup ? innerGroup.offsets : new Int32Array(1);
  return { shape, outer: outerOffsets(groups, base), inner, run, advanced };
}

/** The broadcast block of all index arrays: shape and summed source offsets per position. */
function advancedGroup(arrays: { axis: number; indices: NDArray }[], strides: number[]): Group {
  let dims: number[];
  try {
    dims = broadcastShapes(...arrays.map((x) => x.indices.shape));
  } catch {
    throw new IndexError(
      "shape mismatch: indexing arrays could not be broadcast together with shapes " +
        `${arrays.map((x) => shapeTuple(x.indices.shape)).join(" ")} `,
    );
  }
  const offsets = new Int32Array(shapeSize(dims));
  for (const { axis, indices } of arrays) {
    const idx = broadcastTo(indices, dims).data;
    const stride = strides[axis];
    for (let i = 0; i < offsets.length; i++) offsets[i] += idx[i] * stride;
  }
  return { dims, offsets };
}

/** Every combination of the outer groups' offsets, in C order, plus the fixed base offset. */
function outerOffsets(groups: Group[], base: number): Int32Array {
  let acc = Int32Array.of(base);
  for (const g of groups) {
    const next = new Int32Array(acc.length * g.offsets.length);
    let p = 0;
    for (let i = 0; i < acc.length; i++) for (let j = 0; j < g.offsets.length; j++) next[p++] = acc[i] + g.offsets[j];
    acc = next;
  }
  return acc;
}

/** Runs at least this long are copied with subarray/set; shorter ones element by element. */
const BLOCK_COPY_MIN = 16;

function gather(src: Float64Array, plan: Plan): Float64Array {
  const { outer, inner, run } = plan;
  const out = new Float64Array(outer.length * inner.length * run);
  let p = 0;
  for (let o = 0; o < outer.length; o++) {
    const b = outer[o];
    if (run === 1) {
      for (let i = 0; i < inner.length; i++) out[p++] = src[b + inner[i]];
    } else {
      for (let i = 0; i < inner.length; i++, p += run) {
        const s = b + inner[i];
        if (run >= BLOCK_COPY_MIN) out.set(src.subarray(s, s + run), p);
        else for (let k = 0; k < run; k++) out[p + k] = src[s + k];
      }
    }
  }
  return out;
}

/** Writes the selection from `values` in C order, or fills it with one number. */
function scatter(dst: Float64Array, plan: Plan, values: Float64Array | number): void {
  const { outer, inner, run } = plan;
  let p = 0;
  for (let o = 0; o < outer.length; o++) {
    const b = outer[o];
    for (let i = 0; i < inner.length; i++, p += run) {
      const d = b + inner[i];
      if (typeof values === "number") {
        if (run === 1) dst[d] = values;
        else dst.fill(values, d, d + run);
      } else if (run >= BLOCK_COPY_MIN) dst.set(values.subarray(p, p + run), d);
      else for (let k = 0; k < run; k++) dst[d + k] = values[p + k];
    }
  }
}

/** numpy's a[index]: always a copy here. */
export function getItem(a: NDArray, index: readonly Index[]): NDArray {
  const plan = planOf(a, index);
  return new NDArray(gather(a.data, plan), plan.shape, a.dtype);
}

/** numpy's a[index] = value: value is cast to a's dtype and broadcast to the selection; with
 *  repeated indices the last write wins, as in numpy. */
export function setItem(a: NDArray, index: readonly Index[], value: ArrayLike): void {
  const plan = planOf(a, index);
  const v = asarray(value, a.dtype);
  // numpy drops surplus leading length-1 dims of the value before broadcasting.
  let vShape = v.shape;
  while (vShape.length > plan.shape.length && vShape[0] === 1) vShape = vShape.slice(1);
  const fits =
    vShape.length <= plan.shape.length &&
    vShape.every((d, k) => d === 1 || d === plan.shape[plan.shape.length - vShape.length + k]);
  if (!fits) {
    throw new ValueError(
      plan.advanced
        ? `shape mismatch: value array of shape ${shapeTuple(v.shape)} could not be broadcast to indexing result of shape ${shapeTuple(plan.shape)}`
        : `could not broadcast input array from shape ${shapeTuple(v.shape)} into shape ${shapeTuple(plan.shape)}`,
    );
  }
  // One value (the common `a[mask] = 0`) is written directly, without a broadcast copy.
  scatter(a.data, plan, v.size === 1 ? v.data[0] : broadcastTo(new NDArray(v.data, vShape, v.dtype), plan.shape).data);
}

/**
 * Sets elements of an array where a mask is true, in place: numpy's `a[mask] = values`.
 *
 * The labs' ReLU backward step `dZ[Z <= 0] = 0` is `dZ.putmask(Z.less_equal(0), 0)` or
 * `np.putmask(dZ, Z.less_equal(0), 0)`. The mask must have as many elements as `a` (it is read in
 * row-major order, not broadcast). `values` is cast to the dtype of `a`; with several values,
 * element n of `a` gets `values[n % values.size]` (numpy.putmask's rule, which differs from
 * `a[mask] = values` for arrays of values). Mirrors numpy.putmask.
 *
 * @param a - the array to modify, in place
 * @param mask - booleans (or 0/1) with as many elements as `a`; where true, `a` is overwritten
 * @param values - the value (usually one number) to write, or an array repeated cyclically
 * @example np.putmask(dZ, Z.less_equal(0), 0); // dZ[Z <= 0] = 0
 */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  const m = asarray(mask);
  if (m.size !== a.size) throw new ValueError("putmask: mask and data must be the same size");
  const v = asarray(values, a.dtype).data;
  if (v.length === 0) return;
  const md = m.data;
  const d = a.data;
  if (v.length === 1) {
    const x = v[0];
    for (let i = 0; i < d.length; i++) if (md[i] !== 0) d[i] = x;
  } else {
    for (let i = 0; i < d.length; i++) if (md[i] !== 0) d[i] = v[i % v.length];
  }
}

/**
 * Takes elements (or whole sub-arrays) at the given indices along an axis.
 *
 * Without an axis the array is flattened first, so `np.take(a, [0, 2])` picks flat elements 0 and
 * 2. With an axis, whole slices along it are taken: `np.take(X, perm, 1)` is `X[:, perm]`, the
 * column shuffle of random mini-batches. Negative indices count from the end; the result's shape is
 * `a.shape[:axis] + indices.shape + a.shape[axis + 1:]`. Mirrors numpy.take; the result is a copy.
 *
 * @param a - the array (or nested JS arrays)
 * @param indices - an integer or integers (a list or an integer array)
 * @param axis - the axis to index along; default: none (index the flattened array)
 * @returns a new array with the selected elements, dtype of `a`
 * @example const shuffled_X = np.take(X, permutation, 1); // X[:, permutation]
 */
export function take(a: ArrayLike, indices: ArrayLike, axis?: number | null): NDArray {
  const arr = asarray(a);
  const flat = axis === undefined || axis === null;
  const shp = flat ? [arr.size] : arr.shape;
  const ax = flat ? 0 : normalizeAxis(axis, arr.ndim);
  const ind = typeof indices === "number" ? new NDArray(Float64Array.of(indices), [], "int64") : takeIndices(indices);
  const n = shp[ax];
  const outer = shapeSize(shp.slice(0, ax));
  const inner = shapeSize(shp.slice(ax + 1));
  const resolved = ind.data.map((i) => resolveIndex(i, n, ax));
  const out = new Float64Array(outer * resolved.length * inner);
  const src = arr.data;
  let p = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < resolved.length; k++, p += inner) {
      const s = (o * n + resolved[k]) * inner;
      out.set(src.subarray(s, s + inner), p);
    }
  }
  return new NDArray(out, [...shp.slice(0, ax), ...ind.shape, ...shp.slice(ax + 1)], arr.dtype);
}

/** take's indices: integers (bools count as 0/1, numpy's safe cast); float arrays are refused. */
function takeIndices(indices: Exclude<ArrayLike, number>): NDArray {
  const ind = asarray(indices);
  if (ind.dtype !== "float64") return ind;
  if (!(indices instanceof NDArray) && ind.data.every(Number.isInteger)) return ind;
  throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
}

/**
 * With one argument: the indices where a condition is true; with three: `x` where true, else `y`.
 *
 * `np.where(condition)` is numpy.nonzero: one int64 index array per axis, listing the coordinates
 * of the true (non-zero) elements in row-major order. `np.where(condition, x, y)` chooses
 * elementwise, with the three operands broadcast together: `np.where(Z > 0, Z, 0.01 * Z)` is
 * `np.where(Z.greater(0), Z, Z.multiply(0.01))`; its dtype is the promotion of x and y. Mirrors
 * numpy.where.
 *
 * @param condition - booleans (or numbers, non-zero counting as true), any shape
 * @param x - the values where `condition` is true (three-argument form)
 * @param y - the values where `condition` is false (three-argument form)
 * @returns one argument: a list of int64 index arrays, one per axis; three: a new array of the broadcast shape
 * @example const [rows, cols] = np.where(np.array([[0, 1], [1, 0]])); // [array([0, 1]), array([1, 0])]
 */
export function where(condition: ArrayLike): NDArray[];

/**
 * Elementwise choice: `x` where the condition is true, else `y`, broadcast together.
 *
 * `np.where(Z > 0, Z, 0.01 * Z)` is `np.where(Z.greater(0), Z, Z.multiply(0.01))`. The dtype is the
 * promotion of x and y. Mirrors numpy.where; with only a condition it lists the true indices.
 *
 * @param condition - booleans (or numbers, non-zero counting as true)
 * @param x - the values where `condition` is true
 * @param y - the values where `condition` is false
 * @returns a new array of the broadcast shape of condition, x and y
 * @example const A = np.where(Z.greater(0), Z, Z.multiply(0.01)); // leaky ReLU
 */
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  const c = asarray(condition);
  if (x === undefined && y === undefined) return nonzero(c);
  if (x === undefined || y === undefined) throw new ValueError("either both or neither of x and y should be given");
  const xa = asarray(x);
  const ya = asarray(y);
  const shape = broadcastShapes(c.shape, xa.shape, ya.shape);
  const out = new Float64Array(shapeSize(shape));
  const cd = c.data;
  const xd = xa.data;
  const yd = ya.data;
  forEachRun(shape, [c.shape, xa.shape, ya.shape], (o, n, offs, steps) => {
    for (let i = 0, ci = offs[0], xi = offs[1], yi = offs[2]; i < n; i++, ci += steps[0], xi += steps[1], yi += steps[2]) {
      out[o + i] = cd[ci] !== 0 ? xd[xi] : yd[yi];
    }
  });
  // Promotion is safe (value-based casting never narrows a value), so the stored doubles need no conversion.
  return new NDArray(out, shape, resultType([xa, ya]));
}
