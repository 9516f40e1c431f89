// np.dot / np.matmul / np.outer / np.linalg.norm against numpy 1.24 (fixtures from
// tests/fixtures/gen_linalg.py), and the gemm kernels against a naive triple loop.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import { dot, matmul, outer, linalg, type NormOrder } from "../../src/np/linalg";
import { gemm, gemmPacked, gemmSmall, type GemmKernel } from "../../src/np/kernels/gemm";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

interface Encoded {
  shape: number[];
  dtype: DType;
  data: number[];
}
type Operand = Encoded | { scalar: number | boolean };
interface Case {
  name: string;
  fn: "dot" | "matmul" | "outer" | "norm";
  args: unknown[];
  result?: Encoded;
  error?: NumpyError;
}

const cases: Case[] = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "linalg", "cases.json"), "utf8"));

function decode(e: Encoded): NDArray {
  return new NDArray(Float64Array.from(e.data), e.shape, e.dtype);
}

function operand(o: Operand): NDArray | number | boolean {
  return "scalar" in o ? o.scalar : decode(o);
}

function order(o: unknown): NormOrder | undefined {
  return o === "inf" ? Infinity : o === "-inf" ? -Infinity : (o as NormOrder | undefined);
}

function run(c: Case): NDArray | number {
  if (c.fn === "norm") {
    const [x, ord, axis, keepdims] = c.args;
    const norm = linalg.norm as (...args: unknown[]) => NDArray | number;
    return norm(decode(x as Encoded), order(ord), axis, keepdims);
  }
  const [a, b] = (c.args as Operand[]).map(operand);
  return { dot, matmul, outer }[c.fn](a, b);
}

/** Same shape and dtype, ints and bools exactly, doubles to 1e-12 relative. */
function expectClose(got: NDArray, want: NDArray): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  if (want.dtype !== "float64") {
    expect(Array.from(got.data)).toEqual(Array.from(want.data));
    return;
  }
  want.data.forEach((w, i) => {
    const g = got.data[i];
    if (Math.abs(g - w) > 1e-12 * Math.abs(w)) expect.fail(`entry ${i}: got ${g}, numpy ${w}`);
  });
}

describe("numpy fixtures", () => {
  for (const c of cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        expectNumpyError(() => run(c), c.error, c.name);
        return;
      }
      const got = run(c);
      const want = decode(c.result!);
      // norm gives a number exactly when numpy gives a scalar for a whole-array norm: no axis, no keepdims.
      const [, , axis, keepdims] = c.args;
      if (c.fn === "norm" && axis == null && !keepdims) {
        expect(typeof got).toBe("number");
        expectClose(new NDArray(Float64Array.of(got as number), []), want);
      } else {
        expect(got).toBeInstanceOf(NDArray);
        expectClose(got as NDArray, want);
      }
    });
  }

  it("covers every entry point", () => {
    expect(new Set(cases.map((c) => c.fn))).toEqual(new Set(["dot", "matmul", "outer", "norm"]));
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(20);
  });
});

describe("products of nested JS arrays", () => {
  it("accepts array_like operands", () => {
    const r = dot([[1, 2], [3, 4]], [[5], [6]]);
    expect(r.shape).toEqual([2, 1]);
    expect(Array.from(r.data)).toEqual([17, 39]);
    expect(matmul([1, 2, 3], [4, 5, 6]).item()).toBe(32);
    expect(outer([1, 2], 3).tolist()).toEqual([[3], [6]]);
  });
  it("returns a new array even when the product is a plain copy", () => {
    const a = new NDArray(Float64Array.of(1, 2), [2]);
    const r = dot(a, 1);
    expect(r.data).not.toBe(a.data);
  });
});

// ---------------------------------------------------------------- kernels

/** Deterministic uniform doubles in [-1, 1) (mulberry32), so failures reproduce. */
function randomFill(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

function naive(m: number, n: number, k: number, a: Float64Array, b: Float64Array): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      c[i * n + j] = s;
    }
  }
  return c;
}

/** Runs the kernel into a NaN-filled C (every entry must be overwritten) and compares with the
 *  triple loop: exactly where the kernel adds in the same order, else to 1e-12 relative to the
 *  sum of |terms| (the natural scale of a rounding difference). */
function checkKernel(kernel: GemmKernel, m: number, n: number, k: number, exact: boolean): void {
  const a = randomFill(m * k, m * 7919 + k * 104729 + n);
  const b = randomFill(k * n, n * 31337 + k);
  const c = new Float64Array(m * n).fill(NaN);
  kernel(m, n, k, a, b, c);
  const want = naive(m, n, k, a, b);
  const scale = naive(m, n, k, a.map(Math.abs), b.map(Math.abs));
  for (let i = 0; i < m * n; i++) {
    const ok = exact ? c[i] === want[i] : Math.abs(c[i] - want[i]) <= 1e-12 * scale[i];
    if (!ok) expect.fail(`(${m}x${k})·(${k}x${n}) entry ${i}: got ${c[i]}, want ${want[i]}`);
  }
}

/** Triples covering 1..37 in every dimension, plus random ones. */
function oddTriples(): [number, number, number][] {
  const r = randomFill(600, 99).map((x) => 1 + Math.floor((x + 1) * 18.5));
  const out: [number, number, number][] = [];
  for (let d = 1; d <= 37; d++) out.push([d, r[3 * d], r[3 * d + 1]], [r[3 * d + 2], d, r[3 * d + 3]], [r[3 * d + 4], r[3 * d + 5], d]);
  for (let t = 120; t < 600; t += 3) out.push([r[t], r[t + 1], r[t + 2]]);
  return out;
}

describe("gemm kernels against a naive triple loop", () => {
  // The small kernel and the packed kernel within one K block add in the loop's own order.
  it("gemmSmall on all sizes 1..37: bit-identical", () => {
    for (const [m, n, k] of oddTriples()) checkKernel(gemmSmall, m, n, k, true);
  });
  it("gemmPacked on all sizes 1..37: bit-identical", () => {
    for (const [m, n, k] of oddTriples()) checkKernel(gemmPacked, m, n, k, true);
  });
  it("gemmPacked across its block sizes (MC 64, KC 256, NC 1024)", () => {
    const sizes: [number, number, number][] = [
      [63, 5, 7], [64, 6, 9], [65, 7, 3], [131, 5, 2], // row blocks
      [9, 6, 255], [9, 6, 256], [9, 6, 257], [5, 7, 513], // K blocks: several partial sums per entry
      [6, 1023, 3], [6, 1024, 2], [5, 1025, 3], [3, 2051, 2], // column blocks
      [67, 1030, 260], // all three at once
    ];
    for (const [m, n, k] of sizes) checkKernel(gemmPacked, m, n, k, k <= 256);
  });
  it("gemmSmall with long inner products", () => {
    for (const [m, n, k] of [[4, 4, 1000], [7, 5, 3001], [2, 9, 777], [9, 2, 777]] as const) {
      checkKernel(gemmSmall, m, n, k, true);
    }
  });
  it("gemm dispatch on shapes of both kernels, and empty products", () => {
    for (const [m, n, k] of [[20, 209, 400], [7, 209, 20], [4, 400, 2], [8, 300, 300], [1, 300, 300], [0, 5, 5], [5, 0, 5], [5, 5, 0]] as const) {
      checkKernel(gemm, m, n, k, k <= 256);
    }
  });
});
