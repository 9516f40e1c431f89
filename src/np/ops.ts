// Elementwise math and comparisons (numpy ufuncs) with numpy 1.24's dtype rules.
// Every op is a small typed loop over Float64Arrays; broadcasting is handled by strides
// (broadcast.ts), never by materialised copies. Each loop is its own function literal so V8
// keeps it monomorphic and inlines the arithmetic.
//
// Where numpy would produce a dtype nnlab does not store, the nearest stored one is used:
// float16 (numpy's result for bool input to exp/log/tanh/sqrt/floor/ceil/round) becomes
// float64, int8 (bool ** bool, square of bool) becomes int64.
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { asarray } from "./convert";
import { promote, scalarKind } from "./dtype";
import { broadcastShapes, forEachRun } from "./broadcast";
import { ValueError } from "./errors";

/** n elements: out[o..o+n) from a[ia], a[ia+sa], ... and b[ib], b[ib+sb], ... */
type BinaryLoop = (
  out: Float64Array, o: number, n: number,
  a: Float64Array, ia: number, sa: number,
  b: Float64Array, ib: number, sb: number,
) => void;
/** out[i] = f(a[i]) over whole contiguous arrays. */
type UnaryLoop = (out: Float64Array, a: Float64Array) => void;

const BOOL_SUBTRACT =
  "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, " +
  "or the logical_xor function instead.";
const BOOL_NEGATIVE =
  "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not " +
  "function instead.";
const NEGATIVE_INT_POWER = "Integers to negative integer powers are not allowed.";

/** Operands as arrays; JS scalars skip np.asarray's nested-array walk (they are on hot paths). */
function toArray(x: ArrayLike): NDArray {
  if (x instanceof NDArray) return x;
  if (typeof x === "number" || typeof x === "boolean") return new NDArray(Float64Array.of(+x), [], scalarKind(x));
  return asarray(x);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Runs `loop` over the broadcast of A and B. Same shapes and size-1 operands (scalars) need no
 *  iterator at all; everything else, including the (n,m)+(n,1) bias add, goes by runs. */
function broadcastBinary(A: NDArray, B: NDArray, dtype: DType, loop: BinaryLoop): NDArray {
  const a = A.data;
  const b = B.data;
  let shape: readonly number[];
  let sa = 1;
  let sb = 1;
  if (sameShape(A.shape, B.shape)) {
    shape = A.shape;
  } else if (b.length === 1 && B.ndim <= A.ndim) {
    shape = A.shape;
    sb = 0;
  } else if (a.length === 1 && A.ndim <= B.ndim) {
    shape = B.shape;
    sa = 0;
  } else {
    const full = broadcastShapes(A.shape, B.shape);
    const out = new Float64Array(shapeSize(full));
    forEachRun(full, [A.shape, B.shape], (o, n, offs, steps) => loop(out, o, n, a, offs[0], steps[0], b, offs[1], steps[1]));
    return new NDArray(out, full, dtype);
  }
  const out = new Float64Array(shapeSize(shape));
  loop(out, 0, out.length, a, 0, sa, b, 0, sb);
  return new NDArray(out, shape, dtype);
}

/** Arithmetic whose result dtype is numpy's promotion of the operands. */
function arith(a: ArrayLike, b: ArrayLike, loop: BinaryLoop): NDArray {
  const A = toArray(a);
  const B = toArray(b);
  return broadcastBinary(A, B, promote(A.dtype, B.dtype), loop);
}

function toBool(a: ArrayLike, b: ArrayLike, loop: BinaryLoop): NDArray {
  return broadcastBinary(toArray(a), toArray(b), "bool", loop);
}

function unary(x: ArrayLike, dtype: DType | null, loop: UnaryLoop): NDArray {
  const A = toArray(x);
  const out = new Float64Array(A.size);
  loop(out, A.data);
  return new NDArray(out, A.shape, dtype ?? A.dtype);
}

// ---- binary loops

const addLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] + b[ib + i * sb];
};
const subtractLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] - b[ib + i * sb];
};
const multiplyLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb];
};
// Integers have no -0: adding +0 turns a product such as -2 * 0 into +0 and changes nothing else
// (it matters once the value is divided by or printed).
const intMultiplyLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] * b[ib + i * sb] + 0;
};
const divideLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] / b[ib + i * sb];
};
const powerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = cPow(a[ia + i * sa], b[ib + i * sb]);
};
const intPowerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = intPow(a[ia + i * sa], b[ib + i * sb]);
};
// numpy's maximum/minimum propagate NaN from either side and, on ties such as -0 vs 0,
// return the second operand (its SIMD max/min semantics, checked against 1.24).
const maximumLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    const x = a[ia + i * sa];
    const y = b[ib + i * sb];
    out[o + i] = x > y || x !== x ? x : y;
  }
};
const minimumLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    const x = a[ia + i * sa];
    const y = b[ib + i * sb];
    out[o + i] = x < y || x !== x ? x : y;
  }
};
const greaterLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] > b[ib + i * sb] ? 1 : 0;
};
const greaterEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] >= b[ib + i * sb] ? 1 : 0;
};
const lessLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] < b[ib + i * sb] ? 1 : 0;
};
const lessEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] <= b[ib + i * sb] ? 1 : 0;
};
const equalLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0;
};
const notEqualLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== b[ib + i * sb] ? 1 : 0;
};
// NaN is truthy for numpy (it is != 0), as `!== 0` treats it here.
const logicalAndLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== 0 && b[ib + i * sb] !== 0 ? 1 : 0;
};
const logicalOrLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== 0 || b[ib + i * sb] !== 0 ? 1 : 0;
};

/** C's pow, which differs from Math.pow where IEEE 754 defines pow(1, y) = 1 and pow(-1, ±inf) = 1. */
function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

/** numpy's integer power: exact square-and-multiply (exact while results stay below 2^53). */
function intPow(x: number, y: number): number {
  if (y < 0) throw new ValueError(NEGATIVE_INT_POWER);
  let result = 1;
  for (let base = x, e = y; e > 0; e = Math.floor(e / 2), base *= base) if (e % 2 === 1) result *= base;
  return result;
}

// ---- arithmetic

export function add(a: ArrayLike, b: ArrayLike): NDArray {
  const A = toArray(a);
  const B = toArray(b);
  const dtype = promote(A.dtype, B.dtype);
  // bool + bool is logical or in numpy (True + True is True).
  return broadcastBinary(A, B, dtype, dtype === "bool" ? logicalOrLoop : addLoop);
}

export function subtract(a: ArrayLike, b: ArrayLike): NDArray {
  const A = toArray(a);
  const B = toArray(b);
  const dtype = promote(A.dtype, B.dtype);
  if (dtype === "bool") throw new TypeError(BOOL_SUBTRACT);
  return broadcastBinary(A, B, dtype, subtractLoop);
}

/** bool * bool is logical and, which the 0/1 product already is. */
export function multiply(a: ArrayLike, b: ArrayLike): NDArray {
  const A = toArray(a);
  const B = toArray(b);
  const dtype = promote(A.dtype, B.dtype);
  return broadcastBinary(A, B, dtype, dtype === "int64" ? intMultiplyLoop : multiplyLoop);
}

/** True division: always float64, so integer x/0 gives ±inf or nan as numpy does. */
export function divide(a: ArrayLike, b: ArrayLike): NDArray {
  return broadcastBinary(toArray(a), toArray(b), "float64", divideLoop);
}

/** Integer results (bool ** bool included, int8 in numpy) use exact integer powers and reject
 *  negative exponents as numpy does; anything involving a float uses C's pow. */
export function power(a: ArrayLike, b: ArrayLike): NDArray {
  const A = toArray(a);
  const B = toArray(b);
  const dtype = promote(A.dtype, B.dtype);
  if (dtype === "float64") return broadcastBinary(A, B, dtype, powerLoop);
  return broadcastBinary(A, B, "int64", intPowerLoop);
}

export function maximum(a: ArrayLike, b: ArrayLike): NDArray {
  return arith(a, b, maximumLoop);
}

export function minimum(a: ArrayLike, b: ArrayLike): NDArray {
  return arith(a, b, minimumLoop);
}

/** np.clip. A bound that is null, or a scalar NaN (numpy's deprecated spelling of "no bound",
 *  which it replaces by ±inf), does not clip; array bounds containing NaN give NaN. */
export function clip(a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray {
  const A = toArray(a);
  const lo = a_min == null ? null : scalarNanToInf(toArray(a_min), -Infinity);
  const hi = a_max == null ? null : scalarNanToInf(toArray(a_max), Infinity);
  if (lo === null && hi === null) throw new ValueError("One of max or min must be given");
  const given = [A, ...(lo ? [lo] : []), ...(hi ? [hi] : [])];
  const shape = broadcastShapes(...given.map((x) => x.shape));
  const dtype = given.map((x) => x.dtype).reduce(promote);
  const L = lo ?? toArray(-Infinity);
  const H = hi ?? toArray(Infinity);
  const out = new Float64Array(shapeSize(shape));
  const [x, l, h] = [A.data, L.data, H.data];
  forEachRun(shape, [A.shape, L.shape, H.shape], (o, n, offs, steps) => {
    const ix = offs[0], il = offs[1], ih = offs[2];
    const sx = steps[0], sl = steps[1], sh = steps[2];
    for (let i = 0; i < n; i++) {
      const v = x[ix + i * sx];
      const low = l[il + i * sl];
      const high = h[ih + i * sh];
      const t = v > low || v !== v ? v : low;
      out[o + i] = t < high || t !== t ? t : high;
    }
  });
  return new NDArray(out, shape, dtype);
}

function scalarNanToInf(bound: NDArray, inf: number): NDArray {
  return bound.ndim === 0 && Number.isNaN(bound.data[0]) ? toArray(inf) : bound;
}

export function square(x: ArrayLike): NDArray {
  const A = toArray(x);
  return unary(A, A.dtype === "bool" ? "int64" : null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] * a[i];
  });
}

export function negative(x: ArrayLike): NDArray {
  const A = toArray(x);
  if (A.dtype === "bool") throw new TypeError(BOOL_NEGATIVE);
  if (A.dtype === "int64") {
    // 0 - x, not -x: an integer zero stays +0.
    return unary(A, null, (out, a) => {
      for (let i = 0; i < a.length; i++) out[i] = 0 - a[i];
    });
  }
  return unary(A, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = -a[i];
  });
}

export function abs(x: ArrayLike): NDArray {
  return unary(x, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i]);
  });
}

export function sign(x: ArrayLike): NDArray {
  const A = toArray(x);
  if (A.dtype === "bool") {
    throw new TypeError(
      "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None",
    );
  }
  return unary(A, null, (out, a) => {
    // sign(±0) is +0 and sign(nan) is nan in numpy; Math.sign would keep -0.
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      out[i] = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v;
    }
  });
}

// ---- float functions: bool and int inputs are computed in float64

export function exp(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.exp(a[i]);
  });
}

export function log(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log(a[i]);
  });
}

export function tanh(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.tanh(a[i]);
  });
}

export function sqrt(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sqrt(a[i]);
  });
}

export function floor(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.floor(a[i]);
  });
}

export function ceil(x: ArrayLike): NDArray {
  return unary(x, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.ceil(a[i]);
  });
}

/** Round half to even (C's rint in the default rounding mode). Math.round rounds halves up, so
 *  an exact half that landed on an odd integer is moved down by one. */
function rint(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy's power_of_ten in PyArray_Round: exact table to 1e8, then repeated multiplication. */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let r = 1e9;
  for (let i = 9; i < n; i++) r *= 10;
  return r;
}

/** np.round / np.around, as PyArray_Round computes it: rint(x * 10^d) / 10^d for d >= 0 and
 *  rint(x / 10^-d) * 10^-d for d < 0, so results match numpy's (e.g. round(0.285, 2) = 0.28).
 *  Integer arrays stay integer; bool arrays round to float64 only for decimals = 0, as numpy. */
export function round(a: ArrayLike, decimals = 0): NDArray {
  const A = toArray(a);
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (A.dtype === "int64" && decimals >= 0) return A.copy();
  if (A.dtype === "bool" && decimals !== 0) {
    throw new TypeError(
      `Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to ` +
        "dtype('bool') with casting rule 'same_kind'",
    );
  }
  const dtype = A.dtype === "int64" ? "int64" : "float64";
  if (decimals === 0) {
    return unary(A, dtype, (out, x) => {
      for (let i = 0; i < x.length; i++) out[i] = rint(x[i]);
    });
  }
  const f = powerOfTen(Math.abs(decimals));
  if (decimals > 0) {
    return unary(A, dtype, (out, x) => {
      for (let i = 0; i < x.length; i++) out[i] = rint(x[i] * f) / f;
    });
  }
  // Only float64 and int64 arrays get here. For int64, + 0 turns a -0 (rint(-0.2) * 10) into 0;
  // for float64, + -0 leaves every value as it is, -0 included.
  const zero = dtype === "int64" ? 0 : -0;
  return unary(A, dtype, (out, x) => {
    for (let i = 0; i < x.length; i++) out[i] = rint(x[i] / f) * f + zero;
  });
}

export { round as around };

// ---- comparisons and logic (always bool)

export function greater(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, greaterLoop);
}
export function greater_equal(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, greaterEqualLoop);
}
export function less(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, lessLoop);
}
export function less_equal(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, lessEqualLoop);
}
export function equal(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, equalLoop);
}
export function not_equal(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, notEqualLoop);
}
export function logical_and(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, logicalAndLoop);
}
export function logical_or(a: ArrayLike, b: ArrayLike): NDArray {
  return toBool(a, b, logicalOrLoop);
}

export function logical_not(x: ArrayLike): NDArray {
  return unary(x, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === 0 ? 1 : 0;
  });
}

export function isnan(x: ArrayLike): NDArray {
  return unary(x, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] !== a[i] ? 1 : 0;
  });
}

export function isinf(x: ArrayLike): NDArray {
  return unary(x, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === Infinity || a[i] === -Infinity ? 1 : 0;
  });
}

export function isfinite(x: ArrayLike): NDArray {
  return unary(x, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Number.isFinite(a[i]) ? 1 : 0;
  });
}

/** np.isclose: |a - b| <= atol + rtol * |b| for finite pairs (asymmetric in b, like numpy);
 *  non-finite pairs are close only when equal, or both NaN with equal_nan. */
export function isclose(a: ArrayLike, b: ArrayLike, rtol = 1e-5, atol = 1e-8, equal_nan = false): NDArray {
  return toBool(a, b, (out, o, n, x, ix, sx, y, iy, sy) => {
    for (let i = 0; i < n; i++) {
      const u = x[ix + i * sx];
      const v = y[iy + i * sy];
      const close = Number.isFinite(u) && Number.isFinite(v)
        ? Math.abs(u - v) <= atol + rtol * Math.abs(v)
        : u === v || (equal_nan && u !== u && v !== v);
      out[o + i] = close ? 1 : 0;
    }
  });
}

export function allclose(a: ArrayLike, b: ArrayLike, rtol = 1e-5, atol = 1e-8, equal_nan = false): boolean {
  return isclose(a, b, rtol, atol, equal_nan).data.every((v) => v === 1);
}

/** np.array_equal: same shape and equal elements (NaN equal to NaN only with equal_nan).
 *  Operands that are not arrays at all (ragged lists) are simply not equal, as in numpy. */
export function array_equal(a: ArrayLike, b: ArrayLike, equal_nan = false): boolean {
  let A: NDArray;
  let B: NDArray;
  try {
    A = toArray(a);
    B = toArray(b);
  } catch {
    return false;
  }
  if (!sameShape(A.shape, B.shape)) return false;
  const x = A.data;
  const y = B.data;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i] && !(equal_nan && x[i] !== x[i] && y[i] !== y[i])) return false;
  }
  return true;
}
