// Float64 matrix multiply C = op(A)·op(B): the one entry point (`gemm`) linalg.ts calls, the
// kernel table behind it, and the JS kernels.
//
// op(A) is m×k and op(B) is k×n. Without a transpose flag an operand is stored row-major as it
// is used (A m×k, B k×n); with the flag it is stored as its transpose (A k×m, B n×k), which is
// how `np.dot(dZ, A_prev.T)` reaches the kernels without copying A_prev (BLAS's transa/transb).
// C is row-major m×n and every kernel overwrites all of it.
//
// Summation order, the contract every kernel keeps so that results never depend on the kernel,
// the thread count or the size dispatch: k is cut into blocks of KC = 256; within a block each
// entry is summed left to right, starting from +0, with a separate multiply and add (no fused
// multiply-add); the block sums are added to the entry left to right, starting from +0. For
// k ≤ 256 that is the plain loop `s = 0; for p: s += a[i,p]·b[p,j]`.
//
// The table: "js" (always there), "wasm" (WebAssembly SIMD, kernels/wasm.ts, used when the
// engine has WebAssembly SIMD; with SharedArrayBuffer and worker_threads it also runs large
// products on two threads, kernels/threads.ts) and "native" (the Node addon native/gemm.c,
// kernels/native.ts: AVX2 where the CPU has it, its own threads, no copies; there when
// `npm run build` could compile it). By default `gemm` sends tiny products to the JS loops and
// the rest to native, or to wasm where native is not available (a browser, no compiler).
// NNLAB_GEMM=js|wasm|native forces one kernel for every product and NNLAB_THREADS=1|2 caps the
// threads; `setGemm` does the same at run time (tests use it to run suites under every kernel).
import { wasmAvailable, wasmGemm, wasmInfo, type WasmInfo } from "./wasm";
import { nativeAvailable, nativeGemm, nativeInfo, type NativeInfo } from "./native";
import { envVar } from "../env";

export type GemmKernel = (
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
  ta: boolean, tb: boolean, ownerA?: BufferOwner, ownerB?: BufferOwner,
) => void;

/** The owner of an operand's buffer (an NDArray), passed so a kernel may keep a copy of the
 *  operand in its own memory for later calls: `_pin()` returns true when the buffer is from now on
 *  guaranteed never to change (see NDArray._pin), so a copy keyed by the buffer cannot go stale.
 *  Kernels call it only when they decide to keep the operand. */
export interface BufferOwner {
  _pin(): boolean;
}

export type GemmName = "js" | "wasm" | "native";

export interface GemmEntry {
  name: GemmName;
  /** Capability check: can this kernel run here? */
  available(): boolean;
  run: GemmKernel;
}

/** The kernel table. */
export const GEMM_KERNELS: Record<GemmName, GemmEntry> = {
  js: { name: "js", available: () => true, run: gemmJs },
  wasm: {
    name: "wasm",
    available: wasmAvailable,
    run: (m, n, k, a, b, c, ta, tb, ownerA, ownerB) => wasmGemm(m, n, k, a, b, c, ta, tb, ownerA, ownerB, choice.threads, gemmJs),
  },
  native: {
    name: "native",
    available: nativeAvailable,
    run: (m, n, k, a, b, c, ta, tb, _ownerA, ownerB) => nativeGemm(m, n, k, a, b, c, ta, tb, choice.threads, ownerB),
  },
};

// Register block of the JS kernels: MR rows of A by NR columns of B. The loops below are written
// out for 4×4; the constants name the block in the index arithmetic.
const MR = 4;
const NR = 4;
/** The K block of the summation order (see the top of this file). */
export const KC = 256;

/** Products below this many multiply-adds stay on the JS loops by default: for them the call
 *  into WebAssembly or the addon (and wasm's copies) cost more than the SIMD saves. */
export const SIMD_MIN_MACS = 512;

interface Choice {
  forced: GemmName | null;
  threads: number;
}

function envChoice(): Choice {
  const g = envVar("NNLAB_GEMM"), t = envVar("NNLAB_THREADS");
  return {
    forced: g === "js" || g === "wasm" || g === "native" ? g : null,
    threads: t === "1" ? 1 : 2,
  };
}

let choice: Choice = envChoice();

/** Forces a kernel ("js", "wasm", "native") or restores size dispatch (null), and caps the threads the
 *  wasm and native kernels may use (1 or 2); what was not given keeps its value. Returns the previous
 *  setting. */
export function setGemm(opts: { kernel?: GemmName | null; threads?: number }): { kernel: GemmName | null; threads: number } {
  const before = { kernel: choice.forced, threads: choice.threads };
  if (opts.kernel !== undefined) choice = { ...choice, forced: opts.kernel };
  if (opts.threads !== undefined) choice = { ...choice, threads: opts.threads >= 2 ? 2 : 1 };
  return before;
}

/** What gemm uses here: the forced kernel (if any), the kernel size dispatch picks for products
 *  that are not tiny, the thread cap, and the wasm and native capabilities. */
export function gemmInfo(): { kernel: GemmName | null; dispatch: GemmName; threads: number; wasm: WasmInfo; native: NativeInfo } {
  return { kernel: choice.forced, dispatch: defaultKernel(), threads: choice.threads, wasm: wasmInfo(), native: nativeInfo() };
}

/** The kernel for products that are not tiny, unless one is forced: native, else wasm, else js. */
function defaultKernel(): GemmName {
  return nativeAvailable() ? "native" : wasmAvailable() ? "wasm" : "js";
}

/** C = op(A)·op(B); see the top of this file. */
export function gemm(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
  ta = false, tb = false, ownerA?: BufferOwner, ownerB?: BufferOwner,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    c.fill(0, 0, m * n);
    return;
  }
  const kernel = choice.forced ?? (m * n * k >= SIMD_MIN_MACS ? defaultKernel() : "js");
  if (kernel === "native" && !nativeAvailable()) {
    throw new Error(`NNLAB_GEMM=native, but the native kernel is not available here: ${nativeInfo().reason}`);
  }
  // a forced wasm kernel where WebAssembly SIMD is missing falls back to the JS loops (same bits)
  const entry = kernel === "wasm" && !wasmAvailable() ? GEMM_KERNELS.js : GEMM_KERNELS[kernel];
  entry.run(m, n, k, a, b, c, ta, tb, ownerA, ownerB);
}

// ---------------------------------------------------------------- the JS kernels

/** B operands of at least this many entries (512 KiB, a core's L2) go to the packed kernel:
 *  below it the unpacked kernel's strided reads of B hit cache and packing is pure overhead. */
const PACKED_MIN_B = 1 << 16;

/** The JS kernel: packed for large products, in place for small and thin ones. */
export function gemmJs(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta = false, tb = false,
): void {
  if (k === 0) c.fill(0, 0, m * n);
  else if (m === 0 || n === 0) return;
  else if (k * n >= PACKED_MIN_B && m >= 2 * MR && n >= NR) gemmPacked(m, n, k, a, b, c, ta, tb);
  else gemmSmall(m, n, k, a, b, c, ta, tb);
}

/** Strides of op(A)[i, p] = a[i·ai + p·ap] and op(B)[p, j] = b[p·bp + j·bj]. */
function strides(m: number, n: number, k: number, ta: boolean, tb: boolean): [number, number, number, number] {
  return [ta ? 1 : k, ta ? m : 1, tb ? 1 : n, tb ? k : 1];
}

/** Unpacked kernel for small and thin products: A and B are read in place.
 *  Edge blocks are shifted back to end at the last row/column, so they overlap the previous
 *  block and recompute a few entries (same summation order, same values) instead of needing a
 *  separate edge kernel. Products thinner than one block use plain row or dot loops. */
export function gemmSmall(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta = false, tb = false,
): void {
  const [ai, ap, bp, bj] = strides(m, n, k, ta, tb);
  if (m < MR) rowsTimesMatrix(m, n, k, a, b, c, ai, ap, bp, bj);
  else if (n < NR) matrixTimesColumns(m, n, k, a, b, c, ai, ap, bp, bj);
  else {
    for (let i0 = 0; i0 < m; i0 += MR) rowStrip4(n, k, a, b, c, Math.min(i0, m - MR), ai, ap, bp, bj);
  }
}

/** Rows i..i+3 of C, in 4×4 blocks, with A and B read in place, one K block at a time. */
function rowStrip4(
  n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, i: number,
  ai: number, ap: number, bp: number, bj: number,
): void {
  const r0 = i * ai, r1 = r0 + ai, r2 = r1 + ai, r3 = r2 + ai;
  const bj2 = 2 * bj, bj3 = 3 * bj;
  for (let j0 = 0; j0 < n; j0 += NR) {
    const j = Math.min(j0, n - NR);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const p1 = Math.min(p0 + KC, k);
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = p0, q = p0 * bp + j * bj, s = p0 * ap; p < p1; p++, q += bp, s += ap) {
        const b0 = b[q], b1 = b[q + bj], b2 = b[q + bj2], b3 = b[q + bj3];
        const a0 = a[r0 + s], a1 = a[r1 + s], a2 = a[r2 + s], a3 = a[r3 + s];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      let o = i * n + j;
      if (p0 === 0) {
        c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
        c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
        c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
        c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
      } else {
        c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += n;
        c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += n;
        c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += n;
        c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
      }
    }
  }
}

// Block sums of one row of C for rowsTimesMatrix when k spans several K blocks.
let rowScratch = new Float64Array(0);

/** Fewer than 4 rows (vector·matrix): i-k-j within each K block, streaming along rows of B and C. */
function rowsTimesMatrix(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
  ai: number, ap: number, bp: number, bj: number,
): void {
  if (k > KC && rowScratch.length < n) rowScratch = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p0 = 0; p0 < k; p0 += KC) {
      // the first block sums straight into C's row, later ones into the scratch row
      const acc = p0 === 0 ? c : rowScratch, o = p0 === 0 ? ci : 0;
      acc.fill(0, o, o + n);
      for (let p = p0, p1 = Math.min(p0 + KC, k); p < p1; p++) {
        const aip = a[i * ai + p * ap];
        for (let j = 0, q = p * bp; j < n; j++, q += bj) acc[o + j] += aip * b[q];
      }
      if (p0 > 0) for (let j = 0; j < n; j++) c[ci + j] += rowScratch[j];
    }
  }
}

/** Fewer than 4 columns (matrix·vector): one dot product per entry, a K block at a time. */
function matrixTimesColumns(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
  ai: number, ap: number, bp: number, bj: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let p0 = 0; p0 < k; p0 += KC) {
        let s = 0;
        for (let p = p0, p1 = Math.min(p0 + KC, k), x = i * ai + p0 * ap, q = p0 * bp + j * bj; p < p1; p++, x += ap, q += bp) {
          s += a[x] * b[q];
        }
        t += s;
      }
      c[i * n + j] = t;
    }
  }
}

// Cache blocking of the packed kernel: a KC-deep slice of one B panel (KC·NR doubles = 8 KiB)
// stays in L1 while it meets every A panel of an MC×KC block (128 KiB, in L2); NC bounds the
// packed B buffer (NC·KC doubles = 2 MiB).
const MC = 64;
const NC = 1024;

// Scratch for the packed operands, grown on demand and reused across calls.
const packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(0);
// The 16 sums of an edge block, spilled here so edge stores can loop over rows and columns.
const edge = new Float64Array(MR * NR);

/** Packed kernel for large products (GotoBLAS-style loops): op(B) is copied into 4-column panels
 *  and op(A) into 4-row panels, zero-padded to whole panels, so the micro-kernel reads both with
 *  unit stride and needs no edge cases; only the store of edge blocks is clipped. */
export function gemmPacked(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta = false, tb = false,
): void {
  const [ai, ap, bp, bj] = strides(m, n, k, ta, tb);
  c.fill(0, 0, m * n);
  const bNeed = Math.ceil(Math.min(NC, n) / NR) * NR * Math.min(KC, k);
  if (packedB.length < bNeed) packedB = new Float64Array(bNeed);
  const pa = packedA, pb = packedB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bp, bj, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, ai, ap, ic, mc, pc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const bOff = (jr / NR) * kc * NR;
          for (let ir = 0; ir < mc; ir += MR) {
            const h = Math.min(MR, mc - ir), w = Math.min(NR, nc - jr);
            microKernel(kc, pa, (ir / MR) * kc * MR, pb, bOff, c, n, ic + ir, jc + jr, h, w);
          }
        }
      }
    }
  }
}

/** op(B)[pc:pc+kc, jc:jc+nc] → panels of NR columns, row after row: pb[panel·kc·NR + p·NR + col]. */
function packB(
  b: Float64Array, bp: number, bj: number, pc: number, kc: number, jc: number, nc: number, pb: Float64Array,
): void {
  let o = 0;
  for (let j = jc; j < jc + nc; j += NR) {
    const w = Math.min(NR, jc + nc - j);
    for (let p = 0, s = pc * bp + j * bj; p < kc; p++, s += bp, o += NR) {
      if (w === NR) {
        pb[o] = b[s]; pb[o + 1] = b[s + bj]; pb[o + 2] = b[s + 2 * bj]; pb[o + 3] = b[s + 3 * bj];
      } else {
        for (let t = 0; t < NR; t++) pb[o + t] = t < w ? b[s + t * bj] : 0;
      }
    }
  }
}

/** op(A)[ic:ic+mc, pc:pc+kc] → panels of MR rows, column after column: pa[panel·kc·MR + p·MR + row]. */
function packA(
  a: Float64Array, ai: number, ap: number, ic: number, mc: number, pc: number, kc: number, pa: Float64Array,
): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const o = (ir / MR) * kc * MR;
    for (let r = 0; r < MR; r++) {
      if (ir + r < mc) {
        for (let p = 0, s = (ic + ir + r) * ai + pc * ap; p < kc; p++, s += ap) pa[o + p * MR + r] = a[s];
      } else {
        for (let p = 0; p < kc; p++) pa[o + p * MR + r] = 0;
      }
    }
  }
}

/** C[i:i+h, j:j+w] += (A panel)·(B panel) over kc steps; h, w < 4 only at the edges of C. */
function microKernel(
  kc: number, pa: Float64Array, aOff: number, pb: Float64Array, bOff: number,
  c: Float64Array, n: number, i: number, j: number, h: number, w: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = aOff, q = bOff, end = aOff + kc * MR; p < end; p += MR, q += NR) {
    const a0 = pa[p], a1 = pa[p + 1], a2 = pa[p + 2], a3 = pa[p + 3];
    const b0 = pb[q], b1 = pb[q + 1], b2 = pb[q + 2], b3 = pb[q + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (h === MR && w === NR) {
    let o = i * n + j;
    c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03; o += n;
    c[o] += c10; c[o + 1] += c11; c[o + 2] += c12; c[o + 3] += c13; o += n;
    c[o] += c20; c[o + 1] += c21; c[o + 2] += c22; c[o + 3] += c23; o += n;
    c[o] += c30; c[o + 1] += c31; c[o + 2] += c32; c[o + 3] += c33;
    return;
  }
  edge[0] = c00; edge[1] = c01; edge[2] = c02; edge[3] = c03;
  edge[4] = c10; edge[5] = c11; edge[6] = c12; edge[7] = c13;
  edge[8] = c20; edge[9] = c21; edge[10] = c22; edge[11] = c23;
  edge[12] = c30; edge[13] = c31; edge[14] = c32; edge[15] = c33;
  for (let r = 0; r < h; r++) {
    for (let t = 0; t < w; t++) c[(i + r) * n + j + t] += edge[r * NR + t];
  }
}
