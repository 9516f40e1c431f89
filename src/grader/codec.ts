// Values as data between the grader and a kernel (and in released check files): JSON, with NDArrays
// as their shape, dtype and the exact bits of their float64 storage in base64, and the numbers
// JSON cannot write (NaN, ±Infinity, -0) tagged. Round trips are exact.
//
// This module also runs inside a student's kernel (the grading harness), after the student's code
// has had a chance to replace globals: it uses only functions it captured when it was loaded,
// before any student code ran, and plain loops instead of prototype methods.
import { NDArray, type DType } from "../np/ndarray";

const isArray = Array.isArray;
const keysOf = Object.keys;
const isView = ArrayBuffer.isView;
const bufferFrom = Buffer.from.bind(Buffer);
const isNaNNumber = Number.isNaN;
const objectIs = Object.is;
const defineProperty = Object.defineProperty;
const toBase64 = (b: Buffer): string => Buffer.prototype.toString.call(b, "base64");

export type Encoded =
  | null
  | boolean
  | string
  | number
  | { $nd: number[]; dtype: DType; b64: string }
  | { $num: "NaN" | "Infinity" | "-Infinity" | "-0" }
  | { $undefined: true }
  | { $fn: string }
  | Encoded[]
  | { [key: string]: Encoded };

function encodeNumber(x: number): Encoded {
  if (isNaNNumber(x)) return { $num: "NaN" };
  if (x === Infinity) return { $num: "Infinity" };
  if (x === -Infinity) return { $num: "-Infinity" };
  if (objectIs(x, -0)) return { $num: "-0" };
  return x;
}

function bytesOf(a: Float64Array): string {
  return toBase64(bufferFrom(a.buffer, a.byteOffset, a.byteLength));
}

/** Encodes NDArrays, numbers, strings, booleans, null/undefined, arrays and plain objects; functions
 *  become their name (a student's function may return one by mistake); cycles are an error. */
export function encode(v: unknown, seen: Set<object> = new Set()): Encoded {
  if (v instanceof NDArray) return { $nd: [...v.shape], dtype: v.dtype, b64: bytesOf(v.data) };
  if (typeof v === "number") return encodeNumber(v);
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (v === undefined) return { $undefined: true };
  if (typeof v === "function") return { $fn: v.name || "anonymous" };
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "object") {
    if (seen.has(v)) throw new TypeError("cannot encode a value that contains itself");
    seen.add(v);
    try {
      if (isArray(v) || isView(v)) {
        const list = v as ArrayLike<unknown>;
        const out: Encoded[] = [];
        for (let i = 0; i < list.length; i++) out[i] = encode(list[i], seen);
        return out;
      }
      const out: { [key: string]: Encoded } = {};
      const keys = keysOf(v);
      for (let i = 0; i < keys.length; i++) out[keys[i]] = encode((v as Record<string, unknown>)[keys[i]], seen);
      return out;
    } finally {
      seen.delete(v);
    }
  }
  return String(v);
}

const NUMS: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/** The value an Encoded stands for. */
export function decode(e: Encoded): unknown {
  if (e === null || typeof e !== "object") return e;
  if (isArray(e)) {
    const out: unknown[] = [];
    for (let i = 0; i < e.length; i++) out[i] = decode(e[i]);
    return out;
  }
  if ("$nd" in e && isArray(e.$nd)) {
    const buf = bufferFrom(String(e.b64), "base64");
    const data = new Float64Array(buf.byteLength / 8);
    new Uint8Array(data.buffer).set(buf);
    return new NDArray(data, e.$nd as number[], e.dtype as DType);
  }
  if ("$num" in e && typeof e.$num === "string") return NUMS[e.$num];
  if ("$undefined" in e) return undefined;
  if ("$fn" in e && typeof e.$fn === "string") {
    const name = e.$fn;
    return defineProperty(() => undefined, "name", { value: name });
  }
  const out: { [key: string]: unknown } = {};
  const keys = keysOf(e);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = decode((e as Record<string, Encoded>)[keys[i]]);
  return out;
}
