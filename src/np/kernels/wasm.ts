// The WebAssembly SIMD kernel (gemm.wat) from JS: its memory, the copies in and out, a cache of
// operands kept resident between calls, and the split over two threads (kernels/threads.ts).
//
// One call: op(A) is copied into the module's memory (or found there), op(B) is packed into 4-column
// panels (or found packed), the module computes C in its memory and C is copied out. Each thread
// computes whole entries of C (a range of column panels, or of rows when C is too narrow), always
// in the summation order of kernels/gemm.ts, so the bits do not depend on the thread count.
//
// Resident operands. Training multiplies by the same data every iteration (L_layer_model's X, as
// B in W1·X and as Bᵀ in dZ1·Xᵀ). An operand whose buffer is met a third time in the same role
// is kept (packed B, or the plain copy of A) in the module's memory, keyed by the Float64Array,
// provided its owner can pin it (NDArray._pin: the array's buffer has never been handed out
// through `.data`, and from now on the array copies it before handing it out), so the kept copy
// can never go stale. Kept copies are freed when their buffer is garbage-collected, or least
// recently used first beyond CACHE_BYTES.
//
// This module is browser-safe: no Node module is loaded here; threads.ts is reached only when
// SharedArrayBuffer and Node's worker_threads exist.
import type { BufferOwner } from "./gemm";
import { GEMM_WASM, GEMM_WASM_SHARED } from "./generated/gemm-wasm";
import { startWorker, chunkRange, type GemmWorker, CTL_INTS, MAX_CHUNKS } from "./threads";
import { KEEP_MIN_BYTES, PACKED, PACKED_T, RAW, ResidentCache, type ResidentEntry } from "./resident";

export interface WasmInfo {
  /** WebAssembly with SIMD compiles here. */
  available: boolean;
  /** The module runs on a shared memory (SharedArrayBuffer, in Node): a worker thread can join. */
  threadsAvailable: boolean;
  /** The worker thread is running (it starts on the first product large enough to split). */
  workerRunning: boolean;
  /** Bytes of memory the module has, and bytes held by resident operands. */
  memoryBytes: number;
  residentBytes: number;
}

// The slice of the WebAssembly API used here (the project's TypeScript libs do not declare it).
interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
}
const WA = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  gemm(m: number, n: number, k: number, a: number, lda: number, ta: number, pb: number, c: number, ldc: number,
    i0: number, i1: number, q0: number, q1: number, mcmax: number, ncq: number, pa: number, edge: number, apk: number): void;
  pack_b(b: number, ldb: number, tb: number, k: number, n: number, q0: number, q1: number, dst: number): void;
  gemm_small(m: number, n: number, k: number, a: number, lda: number, ta: number, b: number, ldb: number, c: number): void;
}

// ---------------------------------------------------------------- memory layout
const PAGE = 65536;
/** Control block shared with the worker: threads.ts's CTL_INTS Int32 words at byte 0. */
const CTL_BYTES = 256;
/** Rows per packed A block (MC): MC·256 doubles = 256 KiB, a quarter of a core's L2 here. */
const MC = 128;
const PA_BYTES = MC * 256 * 8;
/** Column panels per N block (NC = 4·NCQ = 1024 columns, as the JS kernel's): the K block of B
 *  they hold (2 MiB) stays in L3 while every row block of A meets it. 1024³ runs 7 % faster with
 *  it than without N blocks; other shapes the same. */
const NCQ = 256;
/** Per thread t: its packed-A block at PA0 + t·THREAD_BYTES and its 16-double edge tile after it. */
const PA0 = 4096;
if (CTL_INTS * 4 > CTL_BYTES || CTL_BYTES > PA0) throw new Error("wasm.ts: memory layout");
const THREAD_BYTES = PA_BYTES + 256;
const threadScratch = (t: number): { pa: number; edge: number } => ({
  pa: PA0 + t * THREAD_BYTES, edge: PA0 + t * THREAD_BYTES + PA_BYTES,
});
/** Products whose operands fit here use this fixed area and skip the allocator. */
const SMALL0 = PA0 + 2 * THREAD_BYTES;
const SMALL_BYTES = 1 << 19;
const HEAP0 = SMALL0 + SMALL_BYTES;
/** 2 GiB: every byte address stays below 2^31, so it passes through i32 parameters unchanged. */
const MAX_PAGES = 32768;

/** Products of at least this many multiply-adds are split over two threads (waking the worker
 *  costs tens of microseconds: reference/numerics.md). */
const THREAD_MIN_MACS = 1 << 21;
/** Chunks of a split product (threads.ts): at most CHUNKS_MAX of at least PANELS_PER_CHUNK column
 *  panels, or at most CHUNKS_MAX of at least ROWS_PER_CHUNK rows. Split by columns, every chunk
 *  needs all of op(A) packed: when A has at least PREPACK_MIN_A entries it is packed once for all
 *  of them (the cat classifier's W1·X, 20 × 12,288 by 209 columns, packed A 4 times when each of 4
 *  chunks packed its own), else each chunk packs it. */
const PREPACK_MIN_A = 1 << 14;
const CHUNKS_MAX = MAX_CHUNKS;
/** A product split by rows whose C has at least this many entries (1 MiB) is copied out chunk by
 *  chunk while the worker computes the rest: this thread copies each of its own chunks while it is
 *  still in cache, and the worker's as they finish (dA_prev = Wᵀ·dZ of L_layer_model's first
 *  layer is 12288 × 209, 20 MB). */
const PIPELINE_MIN_ENTRIES = 1 << 17;
const PANELS_PER_CHUNK = 8;
const ROWS_PER_CHUNK = 64;

// ---------------------------------------------------------------- the module
interface Machine {
  memory: WasmMemory;
  ex: Exports;
  module: object;
  shared: boolean;
  f64: Float64Array;
  heap: Heap;
  worker: GemmWorker | null | undefined; // undefined: not tried yet; null: cannot start
}

let machine: Machine | null | undefined;

function decode(base64: string): Uint8Array {
  const g = globalThis as { atob?: (s: string) => string; Buffer?: { from(s: string, e: string): Uint8Array } };
  if (g.Buffer) return g.Buffer.from(base64, "base64");
  const s = g.atob!(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function canShare(): boolean {
  const g = globalThis as { SharedArrayBuffer?: unknown; process?: { versions?: { node?: string } } };
  return typeof g.SharedArrayBuffer === "function" && typeof g.process?.versions?.node === "string";
}

/** The module on a shared memory where threads may follow (Node), else on a plain one; null
 *  where WebAssembly SIMD does not compile. */
function boot(): Machine | null {
  if (WA === undefined) return null;
  for (const shared of canShare() ? [true, false] : [false]) {
    try {
      const module = new WA.Module(decode(shared ? GEMM_WASM_SHARED : GEMM_WASM));
      const initial = Math.ceil(HEAP0 / PAGE) + 16;
      const memory = new WA.Memory({ initial, maximum: MAX_PAGES, ...(shared ? { shared: true } : {}) });
      const ex = new WA.Instance(module, { env: { memory } }).exports as Exports;
      return { memory, ex, module, shared, f64: new Float64Array(memory.buffer), heap: new Heap(HEAP0, initial * PAGE), worker: undefined };
    } catch {
      // try the next variant
    }
  }
  return null;
}

function getMachine(): Machine | null {
  if (machine === undefined) machine = boot();
  return machine;
}

/** Capability check: WebAssembly with SIMD runs here (the module compiled). */
export function wasmAvailable(): boolean {
  return (machine === undefined ? getMachine() : machine) !== null;
}

export function wasmInfo(): WasmInfo {
  const w = getMachine();
  return {
    available: w !== null,
    threadsAvailable: w !== null && w.shared,
    workerRunning: !!w?.worker?.ready(),
    memoryBytes: w ? w.memory.buffer.byteLength : 0,
    residentBytes: cache.bytes,
  };
}

/** Starts the worker now (normally it starts on the first large product) and waits up to
 *  `timeoutMs` for it to be ready; true if it is. Tests use this to be sure two threads ran. */
export function startThreads(timeoutMs = 5000): boolean {
  const w = getMachine();
  if (!w || !w.shared) return false;
  if (w.worker === undefined) w.worker = startWorker(w.module, w.memory);
  return !!w.worker && w.worker.waitReady(timeoutMs);
}

/** Drops every resident operand (tests; or to give the memory back to the cache's budget). */
export function clearResident(): void {
  cache.clear();
}

// ---------------------------------------------------------------- allocator
/** First-fit allocator over the module's memory above HEAP0, 64-byte granules, growing the memory
 *  when nothing fits. Free ranges are kept sorted by address and merged with their neighbours. */
class Heap {
  private starts: number[] = [];
  private ends: number[] = [];
  constructor(base: number, private top: number) {
    this.starts.push(base);
    this.ends.push(top);
  }

  alloc(bytes: number, grow: (pages: number) => boolean): number {
    const size = Math.ceil(Math.max(bytes, 1) / 64) * 64;
    for (let i = 0; i < this.starts.length; i++) {
      if (this.ends[i] - this.starts[i] >= size) {
        const off = this.starts[i];
        this.starts[i] += size;
        if (this.starts[i] === this.ends[i]) {
          this.starts.splice(i, 1);
          this.ends.splice(i, 1);
        }
        return off;
      }
    }
    // grow: the last free range (if it ends at the top) plus new pages must hold `size`
    const last = this.starts.length - 1;
    const tail = last >= 0 && this.ends[last] === this.top ? this.ends[last] - this.starts[last] : 0;
    const pages = Math.ceil((size - tail) / PAGE);
    if (!grow(pages)) return -1;
    this.release(this.top, pages * PAGE);
    this.top += pages * PAGE;
    return this.alloc(bytes, grow);
  }

  release(off: number, bytes: number): void {
    const size = Math.ceil(Math.max(bytes, 1) / 64) * 64;
    let i = 0;
    while (i < this.starts.length && this.starts[i] < off) i++;
    this.starts.splice(i, 0, off);
    this.ends.splice(i, 0, off + size);
    if (i + 1 < this.starts.length && this.ends[i] === this.starts[i + 1]) {
      this.ends[i] = this.ends[i + 1];
      this.starts.splice(i + 1, 1);
      this.ends.splice(i + 1, 1);
    }
    if (i > 0 && this.ends[i - 1] === this.starts[i]) {
      this.ends[i - 1] = this.ends[i];
      this.starts.splice(i, 1);
      this.ends.splice(i, 1);
    }
  }
}

function alloc(w: Machine, bytes: number): number {
  const grow = (pages: number): boolean => {
    if (w.memory.buffer.byteLength / PAGE + pages > MAX_PAGES) return false;
    try {
      w.memory.grow(pages);
    } catch {
      return false;
    }
    w.f64 = new Float64Array(w.memory.buffer);
    return true;
  };
  let off = w.heap.alloc(bytes, grow);
  if (off < 0 && cache.bytes > 0) {
    cache.clear();
    off = w.heap.alloc(bytes, grow);
  }
  return off;
}

// ---------------------------------------------------------------- resident operands
interface Entry extends ResidentEntry {
  off: number;
}

const cache = new ResidentCache<Entry>((e) => machine?.heap.release(e.off, e.bytes));

// ---------------------------------------------------------------- one product
/** Places `src` in the module's memory: a resident copy if there is one (or if it is now worth
 *  keeping), else a temporary one. Returns [byte offset, temporary bytes to free (0: none)]. */
function placeRaw(w: Machine, src: Float64Array, owner: BufferOwner | undefined, at: number): [number, number] {
  const bytes = src.length * 8;
  if (owner !== undefined && bytes >= KEEP_MIN_BYTES) {
    const hit = cache.find(src, RAW, 0, src.length);
    if (hit) {
      cache.inUse.add(hit);
      return [hit.off, 0];
    }
    if (cache.meet(src, RAW) && owner._pin()) {
      const off = alloc(w, bytes);
      if (off >= 0) {
        w.f64.set(src, off / 8);
        const e: Entry = { kind: RAW, off, bytes, k: 0, n: src.length, dead: false };
        cache.inUse.add(e);
        cache.add(src, e);
        return [off, 0];
      }
    }
  }
  const off = at >= 0 ? at : alloc(w, bytes);
  if (off < 0) return [-1, 0];
  w.f64.set(src, off / 8);
  return [off, at >= 0 ? 0 : bytes];
}

/** Products below this many multiply-adds (with B not transposed) skip packing (gemm_small). */
const DIRECT_MAX_MACS = 1 << 18;


/** C = op(A)·op(B) in the WebAssembly kernel, on up to `threads` threads. Falls back to the JS
 *  kernel (same bits) if the module's memory cannot hold the operands. */
export function wasmGemm(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array,
  ta: boolean, tb: boolean, ownerA: BufferOwner | undefined, ownerB: BufferOwner | undefined, threads: number,
  fallback: (m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: boolean, tb: boolean) => void,
): void {
  const w = getMachine();
  if (!w) throw new Error("WebAssembly SIMD is not available");
  if (m === 0 || n === 0 || k === 0) return fallback(m, n, k, a, b, c, ta, tb); // nothing to multiply
  const q = Math.ceil(n / 4);
  const aBytes = m * k * 8, bBytes = k * n * 8, pbBytes = k * q * 32, cBytes = m * n * 8;
  if (!tb && n >= 8 && m * n * k < DIRECT_MAX_MACS && 2 * (aBytes + cBytes) + bBytes <= SMALL_BYTES) {
    // small product: A and B read in place, no packing. gemm_small takes rows in pairs: a single
    // row goes in twice and the second copy of its result is dropped.
    const f64 = w.f64, rows = Math.max(m, 2);
    const aOff = SMALL0, bOff = SMALL0 + rows * k * 8, cOff = bOff + bBytes;
    f64.set(a, aOff / 8);
    if (m === 1) f64.set(a, aOff / 8 + k);
    f64.set(b, bOff / 8);
    w.ex.gemm_small(rows, n, k, aOff, ta && m > 1 ? m : k, ta && m > 1 ? 1 : 0, bOff, n, cOff);
    c.set(f64.subarray(cOff / 8, cOff / 8 + m * n));
    return;
  }
  const temps: [number, number][] = [];
  try {
    // small products (nothing worth keeping) use the fixed area
    const small = aBytes + bBytes + pbBytes + cBytes <= SMALL_BYTES && aBytes < KEEP_MIN_BYTES && pbBytes < KEEP_MIN_BYTES
      ? SMALL0 : -1;
    const [aOff, aTemp] = placeRaw(w, a, ownerA, small);
    if (aOff < 0) return fallback(m, n, k, a, b, c, ta, tb);
    if (aTemp) temps.push([aOff, aTemp]);

    // packed B: resident, or packed now (by the threads that use it)
    const kind = tb ? PACKED_T : PACKED;
    let pbOff = -1, bRaw = -1, keepPacked = false;
    const keepB = ownerB !== undefined && pbBytes >= KEEP_MIN_BYTES;
    if (keepB) {
      const hit = cache.find(b, kind, k, n);
      if (hit) {
        cache.inUse.add(hit);
        pbOff = hit.off;
      } else keepPacked = cache.meet(b, kind) && ownerB!._pin();
    }
    if (pbOff < 0) {
      const [off, temp] = placeRaw(w, b, keepB ? ownerB : undefined, small >= 0 ? small + aBytes : -1);
      if (off < 0) return fallback(m, n, k, a, b, c, ta, tb);
      if (temp) temps.push([off, temp]);
      bRaw = off;
      pbOff = small >= 0 ? small + aBytes + bBytes : alloc(w, pbBytes);
      if (pbOff < 0) return fallback(m, n, k, a, b, c, ta, tb);
      // kept only once packed (below); freed with the temporaries if the call fails
      if (small < 0) temps.push([pbOff, pbBytes]);
    }
    const cOff = small >= 0 ? small + aBytes + bBytes + pbBytes : alloc(w, cBytes);
    if (cOff < 0) return fallback(m, n, k, a, b, c, ta, tb);
    if (small < 0) temps.push([cOff, cBytes]);

    const job: Job = { m, n, k, a: aOff, lda: ta ? m : k, ta: ta ? 1 : 0, b: bRaw, ldb: tb ? k : n, tb: tb ? 1 : 0, pb: pbOff, c: cOff, q, apk: -1 };
    let copied = false;
    if (threads >= 2 && m * n * k >= THREAD_MIN_MACS && w.shared) copied = runSplit(w, job, c);
    else runRange(w, job, 0, 0, m, 0, q);
    if (!copied) c.set(w.f64.subarray(cOff / 8, cOff / 8 + m * n));
    if (keepPacked && small < 0) {
      temps.splice(temps.findIndex(([off]) => off === pbOff), 1);
      cache.add(b, { kind, off: pbOff, bytes: pbBytes, k, n, dead: false });
    }
  } finally {
    for (const [off, bytes] of temps) w.heap.release(off, bytes);
    cache.inUse.clear();
  }
}

interface Job {
  m: number; n: number; k: number;
  a: number; lda: number; ta: number;
  /** raw B's offset, or -1 when B is already packed at pb */
  b: number; ldb: number; tb: number;
  pb: number; c: number; q: number;
  /** op(A) packed whole at this offset for every chunk, or -1 (each packs its row blocks) */
  apk: number;
}

/** One thread's share on this thread: pack its B panels (if B needs packing), then its tiles. */
function runRange(w: Machine, j: Job, t: number, i0: number, i1: number, q0: number, q1: number): void {
  const s = threadScratch(t);
  if (j.b >= 0) w.ex.pack_b(j.b, j.ldb, j.tb, j.k, j.n, q0, q1, j.pb);
  w.ex.gemm(j.m, j.n, j.k, j.a, j.lda, j.ta, j.pb, j.c, j.n, i0, i1, q0, q1, MC, NCQ, s.pa, s.edge, j.apk);
}

/** Two threads: this one and the worker share out chunks of C, each claimed by whichever thread
 *  is free (threads.ts), so a worker that starts late costs nothing but the chunks it does not
 *  take. By column panels (each chunk packs its panels of B; op(A) is packed once beforehand for
 *  all chunks, or by each chunk when it is small), or by rows when packed B is smaller than A (B
 *  packed first, read by every chunk). Until the worker is up, this thread does it all: same bits
 *  either way.
 *  Returns true if C has been copied out to `out` already (a large C split by rows, see
 *  PIPELINE_MIN_ENTRIES). */
function runSplit(w: Machine, j: Job, out: Float64Array): boolean {
  if (w.worker === undefined) w.worker = startWorker(w.module, w.memory);
  const worker = w.worker;
  if (!worker || !worker.ready()) {
    runRange(w, j, 0, 0, j.m, 0, j.q);
    return false;
  }
  const byRows = j.q < 8 || 4 * j.q < j.m;
  let job = j, nchunks: number, csize: number, total: number;
  let prepacked: [number, number] | null = null;
  if (byRows) {
    if (j.b >= 0) w.ex.pack_b(j.b, j.ldb, j.tb, j.k, j.n, 0, j.q, j.pb);
    job = { ...j, b: -1 };
    nchunks = Math.max(2, Math.min(CHUNKS_MAX, Math.floor(j.m / ROWS_PER_CHUNK)));
    csize = Math.ceil(j.m / nchunks / 4) * 4;
    total = j.m;
  } else {
    if (j.m * j.k >= PREPACK_MIN_A) {
      // op(A) packed once, as pack_b packs op(A)ᵀ: flipped transpose flag, n = m
      const qa = Math.ceil(j.m / 4), bytes = j.k * qa * 32, off = alloc(w, bytes);
      if (off >= 0) {
        prepacked = [off, bytes];
        w.ex.pack_b(j.a, j.lda, j.ta ? 0 : 1, j.k, j.m, 0, qa, off);
        job = { ...j, apk: off };
      }
    }
    nchunks = Math.max(2, Math.min(CHUNKS_MAX, Math.floor(j.q / PANELS_PER_CHUNK)));
    csize = Math.ceil(j.q / nchunks);
    total = j.q;
  }
  nchunks = Math.ceil(total / csize);
  const pipelined = byRows && j.m * j.n >= PIPELINE_MIN_ENTRIES;
  const copiedChunk = new Uint8Array(nchunks);
  let ncopied = 0;
  const copyOut = (c: number): void => {
    const [s, e] = chunkRange(c, csize, total), base = j.c / 8;
    out.set(w.f64.subarray(base + s * j.n, base + e * j.n), s * j.n);
    copiedChunk[c] = 1;
    ncopied++;
  };
  const copyWorkers = (): void => {
    for (let c = 0; c < nchunks; c++) if (!copiedChunk[c] && worker.finishedByWorker(c)) copyOut(c);
  };
  worker.post({ ...job, mc: MC, ncq: NCQ, ...threadScratch(1) }, byRows, nchunks, csize, total);
  try {
    for (let c = worker.claim(); c >= 0; c = worker.claim()) {
      const [s, e] = chunkRange(c, csize, total);
      try {
        if (byRows) runRange(w, job, 0, s, e, 0, j.q);
        else runRange(w, job, 0, 0, j.m, s, e);
      } finally {
        worker.done();
      }
      if (pipelined) {
        copyOut(c);
        copyWorkers();
      }
    }
    if (pipelined) {
      for (let done = worker.waitProgress(-1, 0); ; done = worker.waitProgress(done, 1)) {
        copyWorkers();
        if (ncopied === nchunks) break;
      }
    }
  } finally {
    try {
      worker.finish();
    } catch (e) {
      w.worker = null;
      throw e;
    } finally {
      if (prepacked) w.heap.release(prepacked[0], prepacked[1]);
    }
  }
  return pipelined;
}
