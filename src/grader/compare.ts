// The one comparison routine of the grader: what a student's function returned against what the
// reference gives, as a list of problems a student can act on. The student self-check in the
// notebook and the batch grader both call it, so a case passes or fails the same way in both.
//
// It walks the expected value: NDArrays compare by type, shape, dtype kind and values within a
// tolerance (numpy's isclose: |got - want| <= atol + rtol * |want|); numbers likewise; tuples and
// objects element by element and key by key, naming the path (`parameters.W1`, `[1]`, `cache.A1`).
import { NDArray, shapeStr } from "../np/ndarray";

export interface Tolerance {
  /** Relative tolerance (numpy's default for assert_allclose is 1e-7; the labs print 8 digits). */
  rtol?: number;
  /** Absolute tolerance. */
  atol?: number;
}

export const DEFAULT_TOLERANCE: Required<Tolerance> = { rtol: 1e-7, atol: 1e-9 };

/** How many differing entries a report lists. */
const MAX_LISTED = 4;

/** A value in a message: numbers at numpy's repr precision, arrays by shape. */
function describe(v: unknown): string {
  if (v instanceof NDArray) return `an NDArray of shape ${shapeStr(v.shape)} (${v.dtype})`;
  if (v === null) return "null";
  if (v === undefined) return "undefined (did the function return anything?)";
  if (Array.isArray(v)) return `an array of ${v.length} element${v.length === 1 ? "" : "s"}`;
  if (typeof v === "number") return `the number ${formatNumber(v)}`;
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "function") return "a function";
  if (typeof v === "object") return `an object with keys {${Object.keys(v as object).join(", ")}}`;
  return typeof v;
}

function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(8)).toString();
}

function close(got: number, want: number, tol: Required<Tolerance>): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want;
  return Math.abs(got - want) <= tol.atol + tol.rtol * Math.abs(want);
}

/** The n-d index of flat position `k` in `shape`, as numpy prints it: (0, 3). */
function indexOf(k: number, shape: readonly number[]): string {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d];
    k = Math.floor(k / shape[d]);
  }
  return `(${idx.join(", ")})`;
}

function kind(dtype: string): string {
  return dtype === "bool" ? "bool" : dtype === "float64" ? "float" : "int";
}

function compareArrays(path: string, got: NDArray, want: NDArray, tol: Required<Tolerance>, out: string[]): void {
  if (got.shape.length !== want.shape.length || got.shape.some((d, i) => d !== want.shape[i])) {
    out.push(`${path}: wrong shape: expected ${shapeStr(want.shape)}, got ${shapeStr(got.shape)}`);
    return;
  }
  // A float result where integers or booleans are expected (or the other way) is a real mistake in
  // the labs (predictions must be 0/1); int64 vs float64 of whole numbers is not worth a point.
  if (kind(want.dtype) === "bool" && kind(got.dtype) === "float") {
    out.push(`${path}: wrong dtype: expected ${want.dtype} values, got ${got.dtype}`);
    return;
  }
  const g = got.data;
  const w = want.data;
  let bad = 0;
  let maxAbs = 0;
  let maxRel = 0;
  const listed: string[] = [];
  for (let k = 0; k < w.length; k++) {
    if (close(g[k], w[k], tol)) continue;
    bad++;
    const abs = Math.abs(g[k] - w[k]);
    if (Number.isFinite(abs)) {
      maxAbs = Math.max(maxAbs, abs);
      if (w[k] !== 0) maxRel = Math.max(maxRel, abs / Math.abs(w[k]));
    } else {
      maxAbs = Infinity;
    }
    if (listed.length < MAX_LISTED) listed.push(`${indexOf(k, want.shape)}: expected ${formatNumber(w[k])}, got ${formatNumber(g[k])}`);
  }
  if (bad === 0) return;
  const pct = ((100 * bad) / w.length).toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  const lines = [
    `${path}: ${bad} of ${w.length} entries differ (${pct}%); max absolute difference ${formatNumber(maxAbs)}` +
      (maxRel > 0 ? `, max relative difference ${formatNumber(maxRel)}` : "") +
      ` (tolerance rtol=${tol.rtol}, atol=${tol.atol})`,
    ...listed.map((l) => `    at ${l}`),
  ];
  if (bad > listed.length) lines.push(`    ... and ${bad - listed.length} more`);
  out.push(lines.join("\n"));
}

function walk(path: string, got: unknown, want: unknown, tol: Required<Tolerance>, out: string[]): void {
  if (want instanceof NDArray) {
    if (!(got instanceof NDArray)) {
      out.push(`${path}: wrong type: expected ${describe(want)}, got ${describe(got)}`);
      return;
    }
    compareArrays(path, got, want, tol, out);
    return;
  }
  if (typeof want === "number") {
    // numpy's 0-d results and 1x1 arrays count as numbers, as float(x) would accept them.
    const g = got instanceof NDArray && got.size === 1 ? got.data[0] : got;
    if (typeof g !== "number") {
      out.push(`${path}: wrong type: expected ${describe(want)}, got ${describe(got)}`);
      return;
    }
    if (!close(g, want, tol)) out.push(`${path}: expected ${formatNumber(want)}, got ${formatNumber(g)}`);
    return;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) {
      out.push(`${path}: wrong type: expected ${describe(want)}, got ${describe(got)}`);
      return;
    }
    if (got.length !== want.length) {
      out.push(`${path}: expected ${describe(want)}, got ${got.length}`);
      return;
    }
    want.forEach((w, i) => walk(`${path}[${i}]`, got[i], w, tol, out));
    return;
  }
  if (want !== null && typeof want === "object") {
    if (got === null || typeof got !== "object" || Array.isArray(got) || got instanceof NDArray) {
      out.push(`${path}: wrong type: expected ${describe(want)}, got ${describe(got)}`);
      return;
    }
    const missing = Object.keys(want).filter((k) => !(k in (got as object)));
    if (missing.length) out.push(`${path}: missing key${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    for (const [k, w] of Object.entries(want)) {
      if (k in (got as object)) walk(path ? `${path}.${k}` : k, (got as Record<string, unknown>)[k], w, tol, out);
    }
    return;
  }
  if (got !== want) out.push(`${path}: expected ${describe(want)}, got ${describe(got)}`);
}

/**
 * The problems with `got` against `want` (empty when they agree), each naming where: `name` is the
 * root ("the return value", "parameters"), extended with keys and indices.
 */
export function compareValues(got: unknown, want: unknown, tolerance: Tolerance = {}, name = "the return value"): string[] {
  const tol = { ...DEFAULT_TOLERANCE, ...tolerance };
  const out: string[] = [];
  walk(name, got, want, tol, out);
  return out;
}

/** A deep copy of test inputs (NDArrays, arrays, plain objects), so a function that writes to its
 *  arguments cannot change later cases, and so the grader can tell that it did. */
export function deepCopy<T>(v: T): T {
  if (v instanceof NDArray) return v.copy() as T;
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)])) as T;
  }
  return v;
}

/** Which arguments a call changed (exactly, bit for bit), e.g. ["parameters.W1"]. */
export function mutatedInputs(before: readonly unknown[], after: readonly unknown[], names: readonly string[]): string[] {
  const changed: string[] = [];
  before.forEach((b, i) => {
    const problems = compareValues(after[i], b, { rtol: 0, atol: 0 }, names[i] ?? `argument ${i + 1}`);
    if (problems.length) changed.push(...problems.map((p) => p.split(":")[0]));
  });
  return [...new Set(changed)];
}
