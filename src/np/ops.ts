// Elementwise math and comparisons (numpy ufuncs) with numpy 1.24's dtype rules.
// Every op is a small typed loop over Float64Arrays; broadcasting is handled by strides
// (broadcast.ts), never by materialised copies. Each loop is its own function literal so V8
// keeps it monomorphic and inlines the arithmetic.
//
// Scalar results: when every operand is a JS number or boolean, the result is a JS number (a
// boolean where numpy's result dtype is bool), as numpy returns a scalar: np.sqrt(2 / n) is a
// number, np.greater(1, 0) is true. An NDArray operand (0-d included) or a JS list gives an NDArray.
//
// dtypes follow resultType (dtype.ts): numpy 1.24's promotion with value-based casting. uint8
// arithmetic wraps modulo 256 as numpy's does. Where numpy would produce a dtype nnlab does not
// store, the nearest stored one is used: float16 (numpy's result for bool and uint8 input to
// exp/log/sqrt/sin/..., floor, ceil and round) becomes float64; int8 (bool ** bool, square of
// bool), int16, uint16 and the other integer types become int64, which does not wrap at their
// bounds.
import { NDArray, shapeSize, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { asarray } from "./convert";
import { resultType, scalarKind, wrapUint8 } from "./dtype";
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

/** A JS scalar operand: numpy's Python scalar. */
type Scalar = number | boolean;
/** An operand that makes the result an array: an NDArray or a (nested) JS list. */
type ArrayOperand = NDArray | NestedArray[];

/** A unary ufunc whose result for a JS scalar is `S`. */
export interface Ufunc1<S extends Scalar = number> {
  (x: Scalar): S;
  (x: ArrayOperand): NDArray;
  (x: ArrayLike): S | NDArray;
}
/** A unary ufunc that keeps bool as bool (np.abs(true) is true). */
export interface Ufunc1Bool {
  (x: boolean): boolean;
  (x: Scalar): number;
  (x: ArrayOperand): NDArray;
  (x: ArrayLike): Scalar | NDArray;
}
/** A binary ufunc whose result for two JS scalars is `S`. */
export interface Ufunc2<S extends Scalar = number> {
  (a: Scalar, b: Scalar): S;
  (a: ArrayOperand, b: ArrayLike): NDArray;
  (a: ArrayLike, b: ArrayOperand): NDArray;
  (a: ArrayLike, b: ArrayLike): S | NDArray;
}
/** A binary ufunc that gives bool for two bools (np.add(true, true) is true, logical or). */
export interface Ufunc2Bool {
  (a: boolean, b: boolean): boolean;
  (a: Scalar, b: Scalar): number;
  (a: ArrayOperand, b: ArrayLike): NDArray;
  (a: ArrayLike, b: ArrayOperand): NDArray;
  (a: ArrayLike, b: ArrayLike): Scalar | NDArray;
}

const BOOL_SUBTRACT =
  "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, " +
  "or the logical_xor function instead.";
const BOOL_NEGATIVE =
  "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not " +
  "function instead.";
const NEGATIVE_INT_POWER = "Integers to negative integer powers are not allowed.";

function isScalar(x: unknown): x is Scalar {
  return typeof x === "number" || typeof x === "boolean";
}

/** A 0-d result as numpy's scalar: a boolean for bool, else a number. */
function unwrap(r: NDArray): Scalar {
  return r.dtype === "bool" ? r.data[0] !== 0 : r.data[0];
}

/** The ufunc over arrays, returning a scalar when every operand was a JS scalar. */
function ufunc1(impl: (A: NDArray) => NDArray): (x: ArrayLike) => Scalar | NDArray {
  return (x) => {
    const r = impl(toArray(x));
    return isScalar(x) ? unwrap(r) : r;
  };
}

function ufunc2(impl: (A: NDArray, B: NDArray) => NDArray): (a: ArrayLike, b: ArrayLike) => Scalar | NDArray {
  return (a, b) => {
    const r = impl(toArray(a), toArray(b));
    return isScalar(a) && isScalar(b) ? unwrap(r) : r;
  };
}

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

/** Arithmetic whose result dtype is numpy's promotion of the operands (no wrapping needed). */
function arith(A: NDArray, B: NDArray, loop: BinaryLoop): NDArray {
  return broadcastBinary(A, B, resultType([A, B]), loop);
}

function toBool(A: NDArray, B: NDArray, loop: BinaryLoop): NDArray {
  return broadcastBinary(A, B, "bool", loop);
}

function unary(A: NDArray, dtype: DType | null, loop: UnaryLoop): NDArray {
  const out = new Float64Array(A.size);
  loop(out, A.data);
  return new NDArray(out, A.shape, dtype ?? A.dtype);
}

/** A uint8 result wraps modulo 256; the doubles the loops computed are exact integers. */
function wrapped(r: NDArray): NDArray {
  if (r.dtype === "uint8") wrapUint8(r.data);
  return r;
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

/** uint8 power: square-and-multiply keeping the low 8 bits, as numpy's wrapping uint8 loop. */
const uint8PowerLoop: BinaryLoop = (out, o, n, a, ia, sa, b, ib, sb) => {
  for (let i = 0; i < n; i++) {
    let result = 1;
    for (let base = a[ia + i * sa] & 255, e = b[ib + i * sb]; e > 0; e = Math.floor(e / 2), base = (base * base) & 255) {
      if (e % 2 === 1) result = (result * base) & 255;
    }
    out[o + i] = result;
  }
};

// ---- arithmetic

/** np.add. bool + bool is logical or in numpy (True + True is True). */
export const add = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  return wrapped(broadcastBinary(A, B, dtype, dtype === "bool" ? logicalOrLoop : addLoop));
}) as Ufunc2Bool;

export const subtract = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  if (dtype === "bool") throw new TypeError(BOOL_SUBTRACT);
  return wrapped(broadcastBinary(A, B, dtype, subtractLoop));
}) as Ufunc2;

/** np.multiply. bool * bool is logical and, which the 0/1 product already is. */
export const multiply = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  return wrapped(broadcastBinary(A, B, dtype, dtype === "int64" ? intMultiplyLoop : multiplyLoop));
}) as Ufunc2Bool;

/** True division: always float64, so integer x/0 gives ±inf or nan as numpy does. */
export const divide = ufunc2((A, B) => broadcastBinary(A, B, "float64", divideLoop)) as Ufunc2;

/** Integer results (bool ** bool included, int8 in numpy) use exact integer powers and reject
 *  negative exponents as numpy does; uint8 ** uint8 wraps; anything involving a float uses C's pow. */
export const power = ufunc2((A, B) => {
  const dtype = resultType([A, B]);
  if (dtype === "float64") return broadcastBinary(A, B, dtype, powerLoop);
  if (dtype === "uint8") return broadcastBinary(A, B, dtype, uint8PowerLoop);
  return broadcastBinary(A, B, "int64", intPowerLoop);
}) as Ufunc2;

export const maximum = ufunc2((A, B) => arith(A, B, maximumLoop)) as Ufunc2Bool;

export const minimum = ufunc2((A, B) => arith(A, B, minimumLoop)) as Ufunc2Bool;

/** np.clip's overloads: JS scalars give a scalar, as numpy does. */
export interface ClipFn {
  (a: boolean, a_min: boolean | null, a_max: boolean | null): boolean;
  (a: Scalar, a_min: Scalar | null, a_max: Scalar | null): number;
  (a: ArrayOperand, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray;
  (a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): Scalar | NDArray;
}

/** np.clip. A bound that is null, or a scalar NaN (numpy's deprecated spelling of "no bound",
 *  which it replaces by ±inf), does not clip; array bounds containing NaN give NaN. */
export const clip = ((a: ArrayLike, a_min: ArrayLike | null, a_max: ArrayLike | null): Scalar | NDArray => {
  const r = clipArrays(toArray(a), a_min, a_max);
  return isScalar(a) && (a_min == null || isScalar(a_min)) && (a_max == null || isScalar(a_max)) ? unwrap(r) : r;
}) as ClipFn;

function clipArrays(A: NDArray, a_min: ArrayLike | null, a_max: ArrayLike | null): NDArray {
  const lo = a_min == null ? null : scalarNanToInf(toArray(a_min), -Infinity);
  const hi = a_max == null ? null : scalarNanToInf(toArray(a_max), Infinity);
  if (lo === null && hi === null) throw new ValueError("One of max or min must be given");
  const given = [A, ...(lo ? [lo] : []), ...(hi ? [hi] : [])];
  const shape = broadcastShapes(...given.map((x) => x.shape));
  const dtype = resultType(given);
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

export const square = ufunc1((A) =>
  wrapped(unary(A, A.dtype === "bool" ? "int64" : null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] * a[i];
  })),
) as Ufunc1;

export const negative = ufunc1((A) => {
  if (A.dtype === "bool") throw new TypeError(BOOL_NEGATIVE);
  if (A.dtype !== "float64") {
    // 0 - x, not -x: an integer zero stays +0; uint8 wraps (-3 is 253).
    return wrapped(unary(A, null, (out, a) => {
      for (let i = 0; i < a.length; i++) out[i] = 0 - a[i];
    }));
  }
  return unary(A, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = -a[i];
  });
}) as Ufunc1;

export const abs = ufunc1((A) =>
  unary(A, null, (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i]);
  }),
) as Ufunc1Bool;

export { abs as absolute };

export const sign = ufunc1((A) => {
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
}) as Ufunc1;

// ---- float functions: bool, uint8 and int inputs are computed in float64. A JS scalar takes the
// shortcut straight to Math (the result is the same number the array loop computes).

/** A float ufunc: `scalar` for JS scalars, `impl` for arrays (the same function, as a loop). */
function floatUfunc(scalar: (x: number) => number, impl: (A: NDArray) => NDArray): Ufunc1 {
  return ((x: ArrayLike) => (isScalar(x) ? scalar(+x) : impl(toArray(x)))) as Ufunc1;
}

export const exp = floatUfunc(Math.exp, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.exp(a[i]);
  }),
);

export const log = floatUfunc(Math.log, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log(a[i]);
  }),
);

export const tanh = floatUfunc(Math.tanh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.tanh(a[i]);
  }),
);

export const sqrt = floatUfunc(Math.sqrt, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sqrt(a[i]);
  }),
);

export const sin = floatUfunc(Math.sin, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sin(a[i]);
  }),
);

export const cos = floatUfunc(Math.cos, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.cos(a[i]);
  }),
);

export const tan = floatUfunc(Math.tan, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.tan(a[i]);
  }),
);

export const arcsin = floatUfunc(Math.asin, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.asin(a[i]);
  }),
);

export const arccos = floatUfunc(Math.acos, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.acos(a[i]);
  }),
);

export const arctan = floatUfunc(Math.atan, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.atan(a[i]);
  }),
);

export const sinh = floatUfunc(Math.sinh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.sinh(a[i]);
  }),
);

export const cosh = floatUfunc(Math.cosh, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.cosh(a[i]);
  }),
);

export const log1p = floatUfunc(Math.log1p, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log1p(a[i]);
  }),
);

export const expm1 = floatUfunc(Math.expm1, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.expm1(a[i]);
  }),
);

export const log2 = floatUfunc(Math.log2, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log2(a[i]);
  }),
);

export const log10 = floatUfunc(Math.log10, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.log10(a[i]);
  }),
);

export const floor = floatUfunc(Math.floor, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.floor(a[i]);
  }),
);

export const ceil = floatUfunc(Math.ceil, (A) =>
  unary(A, "float64", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Math.ceil(a[i]);
  }),
);

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

/** np.round's overloads: a JS scalar gives a number, as numpy's float64 scalar. */
export interface RoundFn {
  (a: Scalar, decimals?: number): number;
  (a: ArrayOperand, decimals?: number): NDArray;
  (a: ArrayLike, decimals?: number): number | NDArray;
}

/** np.round / np.around, as PyArray_Round computes it: rint(x * 10^d) / 10^d for d >= 0 and
 *  rint(x / 10^-d) * 10^-d for d < 0, so results match numpy's (e.g. round(0.285, 2) = 0.28).
 *  Integer arrays stay integer (uint8 wraps: round(255, -1) is 260, stored as 4); bool arrays
 *  round to float64 only for decimals = 0, as numpy. */
export const round = ((a: ArrayLike, decimals = 0): number | NDArray => {
  const r = roundArray(toArray(a), decimals);
  return isScalar(a) ? r.data[0] : r;
}) as RoundFn;

function roundArray(A: NDArray, decimals: number): NDArray {
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const integer = A.dtype === "int64" || A.dtype === "uint8";
  if (integer && decimals >= 0) return A.copy();
  if (A.dtype === "bool" && decimals !== 0) {
    throw new TypeError(
      `Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to ` +
        "dtype('bool') with casting rule 'same_kind'",
    );
  }
  const dtype = integer ? A.dtype : "float64";
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
  // Only float64 and integer arrays get here. For integers, + 0 turns a -0 (rint(-0.2) * 10)
  // into 0; for float64, + -0 leaves every value as it is, -0 included.
  const zero = integer ? 0 : -0;
  return wrapped(unary(A, dtype, (out, x) => {
    for (let i = 0; i < x.length; i++) out[i] = rint(x[i] / f) * f + zero;
  }));
}

export { round as around };

// ---- comparisons and logic (always bool)

export const greater = ufunc2((A, B) => toBool(A, B, greaterLoop)) as Ufunc2<boolean>;
export const greater_equal = ufunc2((A, B) => toBool(A, B, greaterEqualLoop)) as Ufunc2<boolean>;
export const less = ufunc2((A, B) => toBool(A, B, lessLoop)) as Ufunc2<boolean>;
export const less_equal = ufunc2((A, B) => toBool(A, B, lessEqualLoop)) as Ufunc2<boolean>;
export const equal = ufunc2((A, B) => toBool(A, B, equalLoop)) as Ufunc2<boolean>;
export const not_equal = ufunc2((A, B) => toBool(A, B, notEqualLoop)) as Ufunc2<boolean>;
export const logical_and = ufunc2((A, B) => toBool(A, B, logicalAndLoop)) as Ufunc2<boolean>;
export const logical_or = ufunc2((A, B) => toBool(A, B, logicalOrLoop)) as Ufunc2<boolean>;

export const logical_not = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === 0 ? 1 : 0;
  }),
) as Ufunc1<boolean>;

export const isnan = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] !== a[i] ? 1 : 0;
  }),
) as Ufunc1<boolean>;

export const isinf = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = a[i] === Infinity || a[i] === -Infinity ? 1 : 0;
  }),
) as Ufunc1<boolean>;

export const isfinite = ufunc1((A) =>
  unary(A, "bool", (out, a) => {
    for (let i = 0; i < a.length; i++) out[i] = Number.isFinite(a[i]) ? 1 : 0;
  }),
) as Ufunc1<boolean>;

/** np.isclose's overloads: two JS scalars give a boolean. */
export interface IscloseFn {
  (a: Scalar, b: Scalar, rtol?: number, atol?: number, equal_nan?: boolean): boolean;
  (a: ArrayOperand, b: ArrayLike, rtol?: number, atol?: number, equal_nan?: boolean): NDArray;
  (a: ArrayLike, b: ArrayOperand, rtol?: number, atol?: number, equal_nan?: boolean): NDArray;
  (a: ArrayLike, b: ArrayLike, rtol?: number, atol?: number, equal_nan?: boolean): boolean | NDArray;
}

/** np.isclose: |a - b| <= atol + rtol * |b| for finite pairs (asymmetric in b, like numpy);
 *  non-finite pairs are close only when equal, or both NaN with equal_nan. */
export const isclose = ((a: ArrayLike, b: ArrayLike, rtol = 1e-5, atol = 1e-8, equal_nan = false): boolean | NDArray => {
  const r = iscloseArrays(toArray(a), toArray(b), rtol, atol, equal_nan);
  return isScalar(a) && isScalar(b) ? r.data[0] !== 0 : r;
}) as IscloseFn;

function iscloseArrays(A: NDArray, B: NDArray, rtol: number, atol: number, equal_nan: boolean): NDArray {
  return toBool(A, B, (out, o, n, x, ix, sx, y, iy, sy) => {
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
  return iscloseArrays(toArray(a), toArray(b), rtol, atol, equal_nan).data.every((v) => v === 1);
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
