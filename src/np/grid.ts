// Coordinate grids and numpy's index-expression concatenators: np.meshgrid, and np.r_/np.c_,
// which Python spells with square brackets (np.c_[xx.ravel(), yy.ravel()]) and TypeScript cannot:
// here they are functions, np.c_(xx.ravel(), yy.ravel()). Their semantics are numpy 1.24's
// AxisConcatenator: items become arrays of at least `ndmin` dimensions (1-D items turned into
// columns for c_), slices become aranges, an optional first string sets axis/ndmin/trans1d.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { arange, linspace } from "./creation";
import { concatenate, swapaxes, transpose } from "./shape";
import { scalarKind } from "./dtype";
import { ValueError } from "./errors";

// ---------------------------------------------------------------- meshgrid

/** np.meshgrid's keyword arguments. */
export interface MeshgridOptions {
  /** "xy" (default, Cartesian: the first input varies along columns) or "ij" (matrix indexing). */
  indexing?: "xy" | "ij";
  /** Return each grid with length-1 axes everywhere but its own, instead of broadcast copies. */
  sparse?: boolean;
  /** Accepted for numpy compatibility; results are always new arrays here. */
  copy?: boolean;
}

function isOptions(x: unknown): x is MeshgridOptions {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray);
}

/**
 * Coordinate matrices from coordinate vectors: one N-d grid per input, for evaluating a function
 * on every point of a grid (the planar lab's decision boundary).
 *
 * Mirrors numpy.meshgrid: inputs are flattened; with the default indexing "xy" and two inputs of
 * lengths Nx and Ny both grids have shape (Ny, Nx), with "ij" (Nx, Ny); `sparse` keeps the length-1
 * axes instead of broadcasting. numpy returns a list; this returns a JS array of NDArrays, which
 * destructures the same way (`const [xx, yy] = np.meshgrid(x, y)`).
 *
 * @param xi - the 1-D coordinate vectors (other shapes are flattened), optionally followed by an
 *   options object { indexing: "xy" | "ij", sparse: boolean }
 * @returns one array per input, each of the grid's shape (or its sparse shape), with its input's dtype
 * @example const [xx, yy] = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h));
 */
export function meshgrid(...xi: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  const opts: MeshgridOptions = xi.length > 0 && isOptions(xi[xi.length - 1]) ? (xi.pop() as MeshgridOptions) : {};
  const indexing = opts.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const vectors = (xi as ArrayLike[]).map((x) => asarray(x));
  const nd = vectors.length;
  // Axis of the grid each input runs along: its own, except that "xy" swaps the first two.
  const axisOf = (i: number) => (indexing === "xy" && nd > 1 && i < 2 ? 1 - i : i);
  const lengths = new Array<number>(nd);
  vectors.forEach((v, i) => (lengths[axisOf(i)] = v.size));
  return vectors.map((v, i) => {
    const ax = axisOf(i);
    if (opts.sparse) {
      return new NDArray(v.data.slice(), lengths.map((n, k) => (k === ax ? n : 1)), v.dtype);
    }
    const out = new Float64Array(shapeSize(lengths));
    const inner = shapeSize(lengths.slice(ax + 1));
    const n = lengths[ax];
    // Element at flat index f takes v[(f / inner) % n].
    for (let f = 0, block = 0; f < out.length; f += inner, block++) out.fill(v.data[block % n], f, f + inner);
    return new NDArray(out, lengths, v.dtype);
  });
}

// ---------------------------------------------------------------- r_ and c_

/** One item of np.r_/np.c_: an array_like, a scalar, a slice string ("1:4", "0:1:5j") or, as the
 *  first item only, a directive string ("0,2", "-1", "0,2,0"). */
export type ConcatItem = ArrayLike | string;

/** Python's int() of a string: optional sign and surrounding whitespace, digits with single underscores. */
function pyInt(s: string): number | null {
  return /^\s*[+-]?\d+(_\d+)*\s*$/.test(s) ? Number(s.replace(/_/g, "")) : null;
}

/** Python's repr of a str, as numpy's "unknown special directive '0,x'" shows it. */
function pyStr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Python's slice bounds for a list of length n (step 1). */
function pySlice<T>(xs: readonly T[], start?: number, stop?: number): T[] {
  const n = xs.length;
  const norm = (i: number | undefined, dflt: number) =>
    i === undefined ? dflt : Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  return xs.slice(norm(start, 0), norm(stop, n));
}

/** A slice item "start:stop:step" as numpy's AxisConcatenator turns it into an array: arange, or
 *  linspace with an imaginary step ("0:1:5j" is 5 points from 0 to 1). */
function sliceItem(text: string): NDArray {
  const parts = text.split(":");
  if (parts.length > 3) throw new ValueError(`invalid slice '${text}': at most start:stop:step`);
  let isFloat = false;
  let complexStep: number | null = null;
  const nums = parts.map((p, i) => {
    const t = p.trim();
    if (t === "") return undefined;
    if (i === 2 && /j$/i.test(t)) {
      complexStep = Math.abs(Number(t.slice(0, -1)));
      if (Number.isNaN(complexStep)) throw new ValueError(`invalid slice '${text}'`);
      return undefined;
    }
    const v = Number(t);
    if (Number.isNaN(v)) throw new ValueError(`invalid slice '${text}'`);
    if (/[.e]|inf/i.test(t)) isFloat = true;
    return v;
  });
  const start = nums[0] ?? 0;
  const stop = nums[1];
  if (complexStep !== null) {
    if (stop === undefined) throw new ValueError(`invalid slice '${text}': a linspace slice needs a stop`);
    return linspace(start, stop, Math.trunc(complexStep));
  }
  const step = nums[2] ?? 1;
  return arange(start, stop ?? null, step, isFloat ? "float64" : undefined);
}

/** numpy's AxisConcatenator.__getitem__ with the given defaults (r_: 0, 1, -1; c_: -1, 2, 0). */
function axisConcatenate(items: readonly ConcatItem[], axis0: number, ndmin0: number, trans1d0: number): NDArray {
  let axis = axis0;
  let ndmin = ndmin0;
  let trans1d = trans1d0;
  const objs: NDArray[] = [];
  items.forEach((item, k) => {
    if (typeof item === "string" && item.includes(":")) {
      let obj = sliceItem(item);
      if (ndmin > 1) {
        obj = new NDArray(obj.data, [...new Array<number>(ndmin - 1).fill(1), obj.size], obj.dtype);
        if (trans1d !== -1) obj = swapaxes(obj, -1, trans1d);
      }
      objs.push(obj);
      return;
    }
    if (typeof item === "string") {
      if (k !== 0) throw new ValueError("special directives must be the first entry.");
      if (item === "r" || item === "c") {
        throw new ValueError("the matrix directives 'r' and 'c' are not supported: nnlab has no np.matrix");
      }
      if (item.includes(",")) {
        const vec = item.split(",");
        const a = pyInt(vec[0]);
        const m = pyInt(vec[1]);
        const t = vec.length === 3 ? pyInt(vec[2]) : 0;
        if (a === null || m === null || t === null) throw new ValueError(`unknown special directive ${pyStr(item)}`);
        [axis, ndmin] = [a, m];
        if (vec.length === 3) trans1d = t;
        return;
      }
      const a = pyInt(item);
      if (a === null) throw new ValueError("unknown special directive");
      axis = a;
      return;
    }
    if (typeof item === "number" || typeof item === "boolean") {
      // A Python scalar: its own dtype (an integral number is an int), at least ndmin-D.
      const dt: DType = scalarKind(item);
      objs.push(new NDArray(Float64Array.of(+item), new Array<number>(ndmin).fill(1), dt));
      return;
    }
    const a = asarray(item);
    let obj = a.ndim >= ndmin ? a : new NDArray(a.data, [...new Array<number>(ndmin - a.ndim).fill(1), ...a.shape], a.dtype);
    if (trans1d !== -1 && a.ndim < ndmin) {
      const k2 = ndmin - a.ndim;
      let k1 = trans1d;
      if (k1 < 0) k1 += k2 + 1;
      const defaxes = Array.from({ length: ndmin }, (_, i) => i);
      const axes = [...pySlice(defaxes, undefined, k1), ...pySlice(defaxes, k2), ...pySlice(defaxes, k1, k2)];
      obj = transpose(obj, axes);
    }
    objs.push(obj);
  });
  // numpy casts the scalars to find_common_type(array dtypes, scalar dtypes) before concatenating.
  // With bool < int64 < float64 that type is never below a scalar's own kind unless an array's is
  // higher, so concatenate's promotion of everything gives the same dtype and the same values.
  return concatenate(objs, axis);
}

/**
 * Concatenates arrays, scalars and ranges along the first axis: numpy's `np.r_[...]`, spelled as
 * a function call because TypeScript has no indexing syntax for it.
 *
 * Mirrors numpy.r_ (numpy 1.24's AxisConcatenator): scalars and arrays become at least 1-D and are
 * joined along axis 0; a string "start:stop:step" is np.arange(start, stop, step) ("0:1:5j" is
 * np.linspace(0, 1, 5)); a first string "axis", "axis,ndmin" or "axis,ndmin,trans1d" sets where
 * and how items are joined, as in `np.r_['0,2', a, b]`. The matrix directives 'r'/'c' are not
 * supported. JS numbers that are integers count as Python ints (np.r_(1, 2.5) is float64, np.r_(1, 2) int64).
 *
 * @param items - arrays, nested JS arrays, numbers/booleans, slice strings; optionally a directive string first
 * @returns the concatenation, a new array
 * @example const theta = np.r_(a.ravel(), b.ravel());
 */
export function r_(...items: ConcatItem[]): NDArray {
  return axisConcatenate(items, 0, 1, -1);
}

/**
 * Stacks 1-D arrays as columns (and joins 2-D arrays side by side): numpy's `np.c_[...]`, spelled
 * as a function call.
 *
 * Mirrors numpy.c_, which is `np.r_['-1,2,0', ...]`: every item becomes at least 2-D with 1-D
 * items (and slices) turned into columns, then all are joined along the last axis. The planar
 * lab's grid of points is `np.c_(xx.ravel(), yy.ravel())`, shape (n, 2). Scalars become (1, 1)
 * arrays, so they only fit beside one-row arrays, as in numpy.
 *
 * @param items - arrays, nested JS arrays, numbers/booleans, slice strings; optionally a directive string first
 * @returns the column-wise concatenation, a new array
 * @example const grid = np.c_(xx.ravel(), yy.ravel());
 */
export function c_(...items: ConcatItem[]): NDArray {
  return axisConcatenate(items, -1, 2, 0);
}
