// Array creation: zeros/ones/full/empty and their *_like forms, arange, linspace, eye.
// arange and linspace use numpy's own formulas so the values agree bit for bit.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { castValue, operandDType, optionalDType, toDType, wrapUint8, type DTypeLike } from "./dtype";
import { broadcastInto } from "./broadcast";
import { ValueError, ZeroDivisionError } from "./errors";

/** A shape as numpy accepts it: one length, or a list of lengths. */
export type ShapeLike = number | readonly number[];

function toShape(shape: ShapeLike): number[] {
  if (typeof shape === "number" && !Number.isInteger(shape)) {
    throw new TypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  }
  const dims = typeof shape === "number" ? [shape] : [...shape];
  for (const d of dims) {
    if (!Number.isInteger(d)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return dims;
}

export function zeros(shape: ShapeLike, dtype?: DTypeLike | null): NDArray {
  const dt = toDType(dtype);
  const dims = toShape(shape);
  return new NDArray(new Float64Array(shapeSize(dims)), dims, dt);
}

/** np.empty: nnlab's "uninitialised" memory is zeros. */
export { zeros as empty };

export function ones(shape: ShapeLike, dtype?: DTypeLike | null): NDArray {
  return full(shape, 1, toDType(dtype));
}

/** np.full: the dtype defaults to the fill value's (full(3, 2) is int64, full(3, true) bool);
 *  an array fill value is broadcast to the shape, as numpy's copyto does. The fill value is cast
 *  as numpy casts arrays (full(2, NaN, "int64") holds -2**63, full(2, 300, "uint8") 44). */
export function full(shape: ShapeLike, fill_value: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  const dims = toShape(shape);
  const dt = given ?? operandDType(fill_value);
  if (typeof fill_value === "number" || typeof fill_value === "boolean") {
    const data = new Float64Array(shapeSize(dims)).fill(castValue(fill_value, dt));
    return new NDArray(data, dims, dt);
  }
  return broadcastInto(asarray(asarray(fill_value), dt), dims);
}

export function zeros_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 0, dtype);
}

export function ones_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 1, dtype);
}

/** np.empty_like: nnlab's "uninitialised" memory is zeros. */
export function empty_like(a: ArrayLike, dtype?: DTypeLike | null): NDArray {
  return full_like(a, 0, dtype);
}

/** np.full_like: shape and, unless given, dtype of `a` (full_like(intArray, 2.7) is all 2). */
export function full_like(a: ArrayLike, fill_value: ArrayLike, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  const A = asarray(a);
  return full(A.shape, fill_value, given ?? A.dtype);
}

/** np.arange(stop) or np.arange(start, stop, step). All-integer arguments give int64, others
 *  float64. Length and values follow numpy: len = ceil((stop - start) / step), the first two
 *  values are start and start + step in the result dtype, and the rest start + i * delta with
 *  delta the difference of those two (numpy's fill), not start + i * step. */
export function arange(start: number, stop?: number | null, step?: number | null, dtype?: DTypeLike | null): NDArray {
  const given = optionalDType(dtype);
  if (stop === undefined || stop === null) [start, stop] = [0, start];
  step ??= 1;
  const allInt = Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step);
  if (step === 0) throw new ZeroDivisionError(allInt ? "division by zero" : "float division by zero");
  const dt: DType = given ?? (allInt ? "int64" : "float64");
  const len = arangeLength(stop - start, step);
  if (dt === "bool" && len > 2) {
    throw new TypeError("arange() is only supported for booleans when the result has at most length 2.");
  }
  const out = new Float64Array(len);
  if (len > 0) {
    const first = castValue(start, dt);
    const next = castValue(start + step, dt);
    const delta = next - first;
    out[0] = first;
    if (len > 1) out[1] = next;
    for (let i = 2; i < len; i++) out[i] = first + i * delta;
  }
  // numpy fills in the dtype's own arithmetic: uint8 wraps (arange(250, 260, dtype=uint8) ends 0 ... 3).
  return new NDArray(dt === "uint8" ? wrapUint8(out) : out, [len], dt);
}

function arangeLength(delta: number, step: number): number {
  const q = delta / step;
  if (Number.isNaN(q)) throw new ValueError("arange: cannot compute length");
  // A quotient that underflowed (or a step of ±inf) still yields one element when it points
  // forward, as in numpy's _calc_length.
  if (q === 0 && delta !== 0) return Object.is(q, -0) ? 0 : 1;
  const len = Math.ceil(q);
  if (len > Number.MAX_SAFE_INTEGER) throw new ValueError("Maximum allowed size exceeded");
  return Math.max(len, 0);
}

/** np.linspace with numpy's formula: step = (stop - start) / div and values i * step + start
 *  (or (i / div) * delta + start when the step underflows to 0), the last one set to stop. */
export function linspace(start: number, stop: number, num = 50, endpoint = true): NDArray {
  if (!Number.isInteger(num)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  const out = new Float64Array(num);
  // div <= 0 (num 0, or 1 with endpoint) has no step; numpy then computes i * delta + start.
  if (div <= 0) for (let i = 0; i < num; i++) out[i] = i * delta + start;
  else if (step === 0) for (let i = 0; i < num; i++) out[i] = (i / div) * delta + start;
  else for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (endpoint && num > 1) out[num - 1] = stop;
  return new NDArray(out, [num], "float64");
}

/** np.eye: ones on the k-th diagonal (k > 0 above the main one) of an N x M array. */
export function eye(N: number, M?: number | null, k = 0, dtype?: DTypeLike | null): NDArray {
  const dt = toDType(dtype);
  const cols = M ?? N;
  const out = zeros([N, cols], dt);
  for (let i = Math.max(0, -k); i < N && i + k < cols; i++) out.data[i * cols + i + k] = 1;
  return out;
}
