// Float64 matrix multiply, C = A·B, for contiguous row-major A (m×k), B (k×n) and C (m×n).
//
// `gemm` is the one entry point linalg.ts calls; it picks a kernel by size. Every kernel has the
// `GemmKernel` signature and overwrites all of C, so a WebAssembly kernel can be added as one more
// branch of `gemm` without touching the callers.
//
// Both JS kernels keep a 4×4 block of C in 16 local variables while they run over k: each step
// loads 4 values of A and 4 of B for 16 multiply-adds, where a plain loop loads 2 values per
// multiply-add. V8 neither vectorises nor hoists typed-array loads, so loads are what the
// kernels save (reference/numerics.md B: about 1 GFLOP/s for i-k-j loops, about 3 for 4×4 blocks).

export type GemmKernel = (
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
) => void;

// Register block of both micro-kernels: MR rows of A by NR columns of B. The loops below are
// written out for 4×4; the constants name the block in the index arithmetic.
const MR = 4;
const NR = 4;

/** B operands of at least this many entries (512 KiB, a core's L2 here) go to the packed kernel:
 *  below it the unpacked kernel's strided reads of B hit cache and packing is pure overhead. */
const PACKED_MIN_B = 1 << 16;

export function gemm(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
): void {
  // The packed kernel pays off once B is out of cache and reused by at least two row strips.
  if (k * n >= PACKED_MIN_B && m >= 2 * MR && n >= NR) gemmPacked(m, n, k, a, b, c);
  else gemmSmall(m, n, k, a, b, c);
}

/** Unpacked kernel for small and thin products: A and B are read in place.
 *  Edge blocks are shifted back to end at the last row/column, so they overlap the previous
 *  block and recompute a few entries (same summation order, same values) instead of needing a
 *  separate edge kernel. Products thinner than one block use plain row or dot loops. */
export function gemmSmall(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
): void {
  if (m < MR) rowsTimesMatrix(m, n, k, a, b, c);
  else if (n < NR) matrixTimesColumns(m, n, k, a, b, c);
  else {
    for (let i0 = 0; i0 < m; i0 += MR) rowStrip4(n, k, a, b, c, Math.min(i0, m - MR));
  }
}

/** Rows i..i+3 of C, in 4×4 blocks, with A and B read in place. */
function rowStrip4(n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, i: number): void {
  const r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
  for (let j0 = 0; j0 < n; j0 += NR) {
    const j = Math.min(j0, n - NR);
    let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (let p = 0, q = j; p < k; p++, q += n) {
      const b0 = b[q], b1 = b[q + 1], b2 = b[q + 2], b3 = b[q + 3];
      const a0 = a[r0 + p], a1 = a[r1 + p], a2 = a[r2 + p], a3 = a[r3 + p];
      c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
      c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
      c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
      c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    }
    let o = i * n + j;
    c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03; o += n;
    c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13; o += n;
    c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23; o += n;
    c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
  }
}

/** Fewer than 4 rows (vector·matrix): i-k-j, streaming along rows of B and C. */
function rowsTimesMatrix(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
): void {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      for (let j = 0, q = p * n; j < n; j++, q++) c[ci + j] += aip * b[q];
    }
  }
}

/** Fewer than 4 columns (matrix·vector): one dot product per entry, along rows of A. */
function matrixTimesColumns(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, ai = i * k, q = j; p < k; p++, q += n) s += a[ai + p] * b[q];
      c[i * n + j] = s;
    }
  }
}

// Cache blocking of the packed kernel: a KC-deep slice of one B panel (KC·NR doubles = 8 KiB)
// stays in L1 while it meets every A panel of an MC×KC block (128 KiB, in L2); NC bounds the
// packed B buffer (NC·KC doubles = 2 MiB).
const KC = 256;
const MC = 64;
const NC = 1024;

// Scratch for the packed operands, grown on demand and reused across calls.
const packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(0);
// The 16 sums of an edge block, spilled here so edge stores can loop over rows and columns.
const edge = new Float64Array(MR * NR);

/** Packed kernel for large products (GotoBLAS-style loops): B is copied into 4-column panels and
 *  A into 4-row panels, zero-padded to whole panels, so the micro-kernel reads both with unit
 *  stride and needs no edge cases; only the store of edge blocks is clipped. */
export function gemmPacked(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
): void {
  c.fill(0, 0, m * n);
  const bNeed = Math.ceil(Math.min(NC, n) / NR) * NR * Math.min(KC, k);
  if (packedB.length < bNeed) packedB = new Float64Array(bNeed);
  const pa = packedA, pb = packedB;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, n, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, k, ic, mc, pc, kc, pa);
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

/** B[pc:pc+kc, jc:jc+nc] → panels of NR columns, row after row: pb[panel·kc·NR + p·NR + col]. */
function packB(b: Float64Array, n: number, pc: number, kc: number, jc: number, nc: number, pb: Float64Array): void {
  let o = 0;
  for (let j = jc; j < jc + nc; j += NR) {
    const w = Math.min(NR, jc + nc - j);
    for (let p = 0, s = pc * n + j; p < kc; p++, s += n, o += NR) {
      if (w === NR) {
        pb[o] = b[s]; pb[o + 1] = b[s + 1]; pb[o + 2] = b[s + 2]; pb[o + 3] = b[s + 3];
      } else {
        for (let t = 0; t < NR; t++) pb[o + t] = t < w ? b[s + t] : 0;
      }
    }
  }
}

/** A[ic:ic+mc, pc:pc+kc] → panels of MR rows, column after column: pa[panel·kc·MR + p·MR + row]. */
function packA(a: Float64Array, k: number, ic: number, mc: number, pc: number, kc: number, pa: Float64Array): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const o = (ir / MR) * kc * MR;
    for (let r = 0; r < MR; r++) {
      if (ir + r < mc) {
        for (let p = 0, s = (ic + ir + r) * k + pc; p < kc; p++) pa[o + p * MR + r] = a[s + p];
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
