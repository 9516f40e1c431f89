// The bit-for-bit cases every gemm kernel is checked on (tests/np/kernels/*.test.ts): a reference
// loop written from the documented summation order (src/np/kernels/gemm.ts: K blocks of 256, each
// summed left to right from +0, block sums added left to right) and shapes covering the edges of
// every kernel's register and cache blocks.
import { expect } from "vitest";
import { KC } from "../../src/np/kernels/gemm";

/** Deterministic uniform doubles in [-1, 1) (mulberry32), so failures reproduce. */
export function randomFill(n: number, seed: number): Float64Array {
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

/** The summation order, spelled out: op(A)[i,p] = a[ta ? p·m + i : i·k + p], likewise B. */
export function reference(m: number, n: number, k: number, a: Float64Array, b: Float64Array, ta: boolean, tb: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let p0 = 0; p0 < k; p0 += KC) {
        let s = 0;
        for (let p = p0; p < Math.min(p0 + KC, k); p++) s += a[ta ? p * m + i : i * k + p] * b[tb ? j * k + p : p * n + j];
        total += s;
      }
      c[i * n + j] = total;
    }
  }
  return c;
}

export type Run = (m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: boolean, tb: boolean) => void;

/** Runs the kernel into a NaN-filled C (every entry must be overwritten); bit-equal to the reference. */
export function check(run: Run, m: number, n: number, k: number, ta: boolean, tb: boolean): void {
  const a = randomFill(m * k, m * 7919 + k * 104729 + n);
  const b = randomFill(k * n, n * 31337 + k);
  const c = new Float64Array(m * n).fill(NaN);
  run(m, n, k, a, b, c, ta, tb);
  const want = reference(m, n, k, a, b, ta, tb);
  for (let i = 0; i < m * n; i++) {
    if (!Object.is(c[i], want[i])) {
      expect.fail(`(${m}x${k})·(${k}x${n}) ta=${ta} tb=${tb} entry ${i}: got ${c[i]}, want ${want[i]}`);
    }
  }
}

/** Triples covering 1..37 in every dimension, plus random ones. */
export function oddTriples(): [number, number, number][] {
  const r = randomFill(600, 99).map((x) => 1 + Math.floor((x + 1) * 18.5));
  const out: [number, number, number][] = [];
  for (let d = 1; d <= 37; d++) out.push([d, r[3 * d], r[3 * d + 1]], [r[3 * d + 2], d, r[3 * d + 3]], [r[3 * d + 4], r[3 * d + 5], d]);
  for (let t = 120; t < 600; t += 3) out.push([r[t], r[t + 1], r[t + 2]]);
  return out;
}

/** Shapes at the kernels' blocks: K blocks (256), the JS kernel's MC 64 and NC 1024, the wasm
 *  kernel's MC 128, the direct small-product path (n ≥ 8), thin and single-row products. */
export const BLOCK_SHAPES: [number, number, number][] = [
  [63, 5, 7], [64, 6, 9], [65, 7, 3], [131, 5, 2], [127, 9, 5], [128, 8, 4], [129, 17, 3],
  [9, 6, 255], [9, 6, 256], [9, 6, 257], [5, 7, 513], [1, 9, 600], [2, 8, 1000], [1, 300, 300],
  [6, 1023, 3], [6, 1024, 2], [5, 1025, 3], [3, 2051, 2], [1, 17, 5], [1, 8, 1], [2, 7, 3],
  [67, 1030, 260], [130, 1030, 3], [20, 209, 400], [7, 209, 20], [4, 400, 2], [8, 300, 300], [33, 5, 1000],
];

export const FLAGS: [boolean, boolean][] = [[false, false], [true, false], [false, true], [true, true]];

export function checkAll(run: Run, shapes: [number, number, number][]): void {
  for (const [m, n, k] of shapes) for (const [ta, tb] of FLAGS) check(run, m, n, k, ta, tb);
}

