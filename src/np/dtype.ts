// dtypes: their names and aliases, numpy 1.24's promotion (value-based casting included) and the
// two ways numpy converts a value to a dtype.
//
// nnlab stores four dtypes, all in a Float64Array of exact values: float64, int64, uint8 and bool.
// Promotion is computed over numpy's full integer lattice (int8 ... uint64) and the result mapped
// to the nearest stored dtype that holds every value: uint8 + 300 is uint16 in numpy and int64
// here, uint8 - 1 is int16 in numpy and int64 here. Such results do not wrap where numpy's 16-bit
// ones would (numpy's uint16 result of uint8 * 300 wraps at 65536).
//
// JS numbers passed as operands are Python scalars: an integral number behaves like a Python int,
// any other like a Python float, true/false like Python bools.
import { NDArray, type ArrayLike, type DType, type NestedArray } from "./ndarray";
import { OverflowError, TypeError, ValueError, pyTypeName } from "./errors";
import { array_repr, repr } from "./format";

// ---------------------------------------------------------------- names

/** numpy's spellings of the four stored dtypes that nnlab accepts wherever a dtype is asked for.
 *  Each resolves in numpy 1.24 on 64-bit Linux to the dtype it names here (the fixtures check it):
 *  "float", "int" and "bool" are Python's float, int and bool; "f8", "i8", "u1", "b1" and "?" are
 *  numpy's type codes. ("f", "i" and "uint" are float32, int32 and uint64 in numpy, not stored.) */
export type DTypeName =
  | DType
  | "float" | "double" | "float_" | "f8" | "d" | "<f8" | "=f8"
  | "int" | "int_" | "intp" | "long" | "longlong" | "i8" | "l" | "q" | "p" | "<i8" | "=i8"
  | "ubyte" | "u1" | "B" | "|u1" | "<u1" | "=u1"
  | "bool_" | "b1" | "?" | "|b1" | "<b1" | "=b1";

/** np.float64, np.int64, np.uint8, np.bool_: numpy's scalar types, also accepted as dtypes. */
export interface ScalarType<D extends DType = DType> {
  (x?: number | boolean | string | null): D extends "bool" ? boolean : number;
  (x: NDArray | NestedArray[]): NDArray;
  /** The dtype this scalar type stands for (np.dtype(np.float64).name in numpy). */
  readonly dtypeName: D;
}

/** Anything numpy accepts as a dtype argument and nnlab stores: a name or a scalar type. */
export type DTypeLike = DTypeName | ScalarType;

const NAMES: Record<string, DType> = {
  float64: "float64", float: "float64", double: "float64", float_: "float64", f8: "float64", d: "float64",
  "<f8": "float64", "=f8": "float64",
  int64: "int64", int: "int64", int_: "int64", intp: "int64", long: "int64", longlong: "int64", i8: "int64",
  l: "int64", q: "int64", p: "int64", "<i8": "int64", "=i8": "int64",
  uint8: "uint8", ubyte: "uint8", u1: "uint8", B: "uint8", "|u1": "uint8", "<u1": "uint8", "=u1": "uint8",
  bool: "bool", bool_: "bool", b1: "bool", "?": "bool", "|b1": "bool", "<b1": "bool", "=b1": "bool",
};

/** Names numpy understands for dtypes nnlab does not store: refused with a message saying so,
 *  rather than numpy's "not understood". */
const UNSTORED = new Set([
  "float16", "half", "f2", "e", "float32", "single", "f4", "f", "float128", "longdouble", "longfloat", "f16", "g",
  "int8", "byte", "i1", "b", "int16", "short", "i2", "h", "int32", "intc", "i4", "i",
  "uint16", "ushort", "u2", "H", "uint32", "uintc", "u4", "I", "uint64", "uint", "ulonglong", "uintp", "u8", "L", "Q", "P",
  "complex64", "csingle", "c8", "F", "complex128", "complex", "cdouble", "c16", "D", "complex256", "clongdouble", "G",
  "object", "object_", "O", "str", "str_", "unicode", "U", "bytes", "bytes_", "S", "a", "void", "V",
  "datetime64", "M", "timedelta64", "m",
]);

/** Scalar types registered by scalars.ts (np.float64, ...), so they work as dtype arguments. */
const SCALAR_TYPES = new Map<unknown, DType>();

export function registerScalarType(fn: unknown, dtype: DType): void {
  SCALAR_TYPES.set(fn, dtype);
}

/** A dtype argument resolved to the stored dtype, with numpy's TypeError for anything that is not
 *  a dtype. null/undefined give `dflt` (numpy's dtype=None). */
export function toDType(x: unknown, dflt: DType = "float64"): DType {
  if (x === undefined || x === null) return dflt;
  if (typeof x === "string") {
    if (Object.hasOwn(NAMES, x)) return NAMES[x];
    if (UNSTORED.has(x)) {
      throw new TypeError(`data type '${x}' is not stored by nnlab: its arrays are float64, int64, uint8 or bool`);
    }
    throw new TypeError(`data type ${repr(x)} not understood`);
  }
  const scalar = SCALAR_TYPES.get(x);
  if (scalar !== undefined) return scalar;
  throw new TypeError(`Cannot interpret '${pyRepr(x)}' as a data type`);
}

/** A dtype argument that may be left out (the function then picks the dtype itself). */
export function optionalDType(x: unknown): DType | undefined {
  return x === undefined || x === null ? undefined : toDType(x);
}

/** How Python's repr shows a JS value in numpy's messages (an integral number as an int). */
function pyRepr(x: unknown): string {
  if (typeof x === "number" && Number.isInteger(x)) return BigInt(x).toString();
  if (x instanceof NDArray) return array_repr(x);
  if (typeof x === "function") return `<function ${x.name || "<anonymous>"}>`;
  return repr(x);
}

// ---------------------------------------------------------------- promotion

/** numpy's dtypes as a kind and a size in bits, for promotion only. */
interface Full {
  kind: "b" | "u" | "i" | "f";
  bits: number;
}

const FULL: Record<DType, Full> = {
  bool: { kind: "b", bits: 8 },
  uint8: { kind: "u", bits: 8 },
  int64: { kind: "i", bits: 64 },
  float64: { kind: "f", bits: 64 },
};

/** numpy's "simplified kind ordering" used to decide value-based casting: bool < int (signed or
 *  unsigned) < float. */
const CATEGORY: Record<DType, number> = { bool: 0, uint8: 1, int64: 1, float64: 2 };

/** Plain promotion of the stored dtypes (np.promote_types): each holds the ones before it. */
const RANK: Record<DType, number> = { bool: 0, uint8: 1, int64: 2, float64: 3 };
const BY_RANK: DType[] = ["bool", "uint8", "int64", "float64"];

/** numpy's promote_types for two stored dtypes (no value-based casting: concatenate, ...). */
export function promote(a: DType, b: DType): DType {
  return BY_RANK[Math.max(RANK[a], RANK[b])];
}

const UINT: Record<number, Full> = {
  8: FULL.uint8, 16: { kind: "u", bits: 16 }, 32: { kind: "u", bits: 32 }, 64: { kind: "u", bits: 64 },
};
const INT: Record<number, Full> = {
  8: { kind: "i", bits: 8 }, 16: { kind: "i", bits: 16 }, 32: { kind: "i", bits: 32 }, 64: FULL.int64,
};

function promoteFull(a: Full, b: Full): Full {
  if (a.kind === "b") return b;
  if (b.kind === "b") return a;
  if (a.kind === "f" || b.kind === "f") return FULL.float64;
  if (a.kind === b.kind) return a.bits >= b.bits ? a : b;
  const [u, i] = a.kind === "u" ? [a, b] : [b, a];
  if (i.bits > u.bits) return i;
  // The smallest signed type holding both; none holds uint64 and a signed type.
  return u.bits < 64 ? INT[Math.max(2 * u.bits, i.bits)] : FULL.float64;
}

/** np.min_scalar_type of a 0-d operand's value (floats need no size: they only meet float arrays). */
function minScalarType(v: number, dtype: DType): Full {
  if (dtype === "bool") return FULL.bool;
  if (dtype === "float64") return FULL.float64;
  if (v >= 0) return UINT[v < 256 ? 8 : v < 65536 ? 16 : v < 2 ** 32 ? 32 : 64];
  return INT[v >= -128 ? 8 : v >= -32768 ? 16 : v >= -(2 ** 31) ? 32 : 64];
}

/** The stored dtype for one of numpy's: integers other than uint8 become int64. */
function stored(f: Full): DType {
  if (f.kind === "b") return "bool";
  if (f.kind === "f") return "float64";
  return f.kind === "u" && f.bits === 8 ? "uint8" : "int64";
}

/**
 * numpy 1.24's result_type of ufunc operands, value-based casting included: when the arrays
 * (ndim > 0) are of the same or a higher kind than the 0-d operands (JS scalars become 0-d arrays),
 * each 0-d operand counts with its value's smallest dtype, so uint8 array + 3 stays uint8,
 * uint8 array + 300 is uint16 (int64 here), int64 array + 0.5 is float64. With only 0-d operands
 * the plain promotion applies.
 */
export function resultType(operands: readonly NDArray[]): DType {
  const first = operands[0].dtype;
  let same = true;
  let anyFloat = first === "float64";
  for (let k = 1; k < operands.length; k++) {
    const d = operands[k].dtype;
    if (d !== first) same = false;
    if (d === "float64") anyFloat = true;
  }
  // The common cases: one dtype throughout, or a float64 operand, which nothing else outranks.
  if (same) return first;
  if (anyFloat) return "float64";
  let maxArray = -1;
  let maxScalar = -1;
  for (const a of operands) {
    const c = CATEGORY[a.dtype];
    if (a.ndim === 0) maxScalar = Math.max(maxScalar, c);
    else maxArray = Math.max(maxArray, c);
  }
  const valueBased = maxArray >= 0 && maxArray >= maxScalar;
  let r: Full | null = null;
  for (const a of operands) {
    const f = valueBased && a.ndim === 0 ? minScalarType(a.data[0], a.dtype) : FULL[a.dtype];
    r = r === null ? f : promoteFull(r, f);
  }
  return stored(r as Full);
}

/** The dtype numpy gives a JS scalar (a Python scalar). */
export function scalarKind(x: number | boolean): DType {
  if (typeof x === "boolean") return "bool";
  return Number.isInteger(x) ? "int64" : "float64";
}

/** The dtype of any operand: an NDArray's own, a scalar's kind, nested arrays' widest element. */
export function operandDType(x: ArrayLike): DType {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === "number" || typeof x === "boolean") return scalarKind(x);
  // Nested JS arrays become float64 arrays (np.array's default here) unless all booleans.
  return nestedAllBool(x) ? "bool" : "float64";
}

function nestedAllBool(x: ArrayLike): boolean {
  if (Array.isArray(x)) return x.every(nestedAllBool);
  return typeof x === "boolean";
}

// ---------------------------------------------------------------- conversions

const TWO_63 = 2 ** 63;
const TWO_31 = 2 ** 31;

/**
 * numpy's array cast (astype, np.full's fill, a float array assigned into an int array): C's
 * conversion as numpy 1.24 on x86-64 performs it. To int64: truncation; NaN, ±inf and values
 * outside int64 give -2**63 (the CPU's "integer indefinite"). To uint8: truncation through a
 * 32-bit integer, then the low 8 bits, so -1.5 gives 255 and 300.7 gives 44, while NaN, ±inf and
 * values outside int32 give 0. Integers to uint8 wrap modulo 256. To bool: != 0 (NaN is true).
 */
export function castData(src: Float64Array, from: DType, to: DType): Float64Array {
  const n = src.length;
  const out = new Float64Array(n);
  if (to === "bool") {
    for (let i = 0; i < n; i++) out[i] = src[i] !== 0 ? 1 : 0;
  } else if (to === "float64" || from === "bool" || from === to || (to === "int64" && from === "uint8")) {
    out.set(src);
  } else if (to === "int64") {
    for (let i = 0; i < n; i++) {
      const t = Math.trunc(src[i]);
      out[i] = t >= -TWO_63 && t < TWO_63 ? t + 0 : -TWO_63; // + 0: int64 has no -0
    }
  } else if (from === "int64") {
    for (let i = 0; i < n; i++) out[i] = src[i] & 255;
  } else {
    for (let i = 0; i < n; i++) {
      const t = Math.trunc(src[i]);
      out[i] = t >= -TWO_31 && t < TWO_31 ? t & 255 : 0;
    }
  }
  return out;
}

/** A JS scalar through castData's rules, its source dtype being its Python kind (so an integral
 *  number wraps into uint8 modulo 256 and a fractional one goes through int32). */
export function castValue(v: number | boolean, to: DType): number {
  return castData(Float64Array.of(+v), scalarKind(v), to)[0];
}

/**
 * numpy's conversion of a Python scalar into an array element (np.array(list, dtype), a[i] = v,
 * np.int64(v)): Python's int() first, so NaN raises ValueError and ±inf OverflowError, an integer
 * beyond int64 raises OverflowError, and uint8 keeps the value modulo 256 (numpy 1.24 warns and
 * wraps, -1 becomes 255).
 */
export function convertScalar(v: number | boolean, to: DType): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (to === "float64") return v;
  if (to === "bool") return v !== 0 ? 1 : 0;
  if (v !== v) throw new ValueError("cannot convert float NaN to integer");
  if (v === Infinity || v === -Infinity) throw new OverflowError("cannot convert float infinity to integer");
  const t = Math.trunc(v);
  if (t < -TWO_63 || t >= TWO_63) throw new OverflowError("Python int too large to convert to C long");
  return to === "int64" ? t + 0 : ((t % 256) + 256) % 256;
}

const SEQUENCE = "setting an array element with a sequence.";
const PY_FLOAT = /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const PY_FLOAT_WORD = /^([+-]?)(inf|infinity|nan)$/i;
const PY_INT = /^[+-]?\d+(?:_\d+)*$/;

/**
 * numpy's conversion of any value into one element of `to` (a[i, j] = v, np.array(list, dtype)):
 * numbers and booleans as convertScalar; a size-1 NDArray by its value; a sequence raises
 * "setting an array element with a sequence."; a string is parsed as Python's float() or int()
 * parses it ("1.5" into float64 is 1.5, "1.5" into int64 raises); null is NaN in float64. A bool
 * element takes Python's truth value of whatever it is given.
 */
export function convertElement(v: unknown, to: DType): number {
  if (typeof v === "number" || typeof v === "boolean") return convertScalar(v, to);
  if (v instanceof NDArray) {
    if (v.size !== 1) throw new ValueError(SEQUENCE);
    return to === "bool" ? (v.data[0] !== 0 ? 1 : 0) : convertScalar(v.data[0], to);
  }
  if (to === "bool") return truthy(v) ? 1 : 0;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) throw new ValueError(SEQUENCE);
  if (typeof v === "bigint") return convertScalar(Number(v), to);
  if (typeof v === "string") return to === "float64" ? pyFloat(v) : convertScalar(pyInt(v), to);
  if (to === "float64") {
    if (v === null || v === undefined) return NaN;
    throw new TypeError(`float() argument must be a string or a real number, not '${pyTypeName(v)}'`);
  }
  throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(v)}'`);
}

/** Python's bool(x) for the values convertElement meets. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v) || typeof v === "string") return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return Boolean(v);
}

/** Python's float(str). */
function pyFloat(s: string): number {
  const t = s.trim();
  if (PY_FLOAT.test(t)) return Number(t.replace(/_/g, ""));
  const word = PY_FLOAT_WORD.exec(t);
  if (word) return word[2].toLowerCase() === "nan" ? NaN : word[1] === "-" ? -Infinity : Infinity;
  throw new ValueError(`could not convert string to float: ${repr(s)}`);
}

/** Python's int(str) (base 10). */
function pyInt(s: string): number {
  const t = s.trim();
  if (PY_INT.test(t)) return Number(t.replace(/_/g, ""));
  throw new ValueError(`invalid literal for int() with base 10: ${repr(s)}`);
}

/** Keeps the low 8 bits of every (integer) value: uint8 arithmetic wraps modulo 256. */
export function wrapUint8(data: Float64Array): Float64Array {
  for (let i = 0; i < data.length; i++) data[i] = data[i] & 255;
  return data;
}
