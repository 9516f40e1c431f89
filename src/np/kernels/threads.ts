// The second thread of the WebAssembly kernel: a Node worker (worker_threads) running the same
// module on the same shared memory. kernels/wasm.ts starts it lazily, on the first product large
// enough to split; per product the two threads share out chunks of C's panels (or rows) through a
// control block of Int32 words at the start of the shared memory (Atomics, wait/notify). The
// chunks are claimed as each thread becomes free, so a worker that the OS schedules late (a loaded
// machine) costs only the chunks it takes, never a wait for a fixed half.
//
// This module has no static import of a Node module: it reaches worker_threads at run time
// (env.ts's nodeBuiltin), so a browser bundle of src/np loads it and finds no threads. The worker
// is unref'ed, so an idle worker never keeps the process alive.
import { nodeBuiltin } from "../env";

/** Words of the control block (Int32, at byte 0 of the shared memory). A job is cut into chunks
 *  (ranges of C's column panels, or of its rows), which both threads claim until none is left:
 *  CLAIM holds the job's tag (its sequence number mod 2^15) in the high half and the number of
 *  unclaimed chunks in the low half, and a thread claims one by decrementing it (compare-exchange,
 *  only while the tag is the job's and chunks remain). DONEC counts finished chunks; the caller
 *  waits for all of them. A thread reads a job's arguments only after a successful claim, when the
 *  job cannot be over, so a worker that wakes late finds nothing to claim and never reads a newer
 *  job's arguments half-written. FLAGS + c holds the sequence number of the last job whose chunk
 *  c the worker finished, so the caller can copy finished chunks out while others still run. */
const SEQ = 0, READY = 2, ERR = 3, PACK = 4, PACK_ARGS = 5, GEMM_ARGS = 13; // gemm's 18 arguments
const CLAIM = 31, DONEC = 32, MODE = 33, NCHUNK = 34, CSIZE = 35, TOTAL = 36, FLAGS = 37;
/** The most chunks a job may have (one FLAGS word each). */
export const MAX_CHUNKS = 16;
export const CTL_INTS = FLAGS + MAX_CHUNKS;
/** How long the worker watches for the next job before sleeping in Atomics.wait: products often
 *  come in runs, and waking a sleeping thread costs tens of microseconds. */
const SPIN_MS = 0.2;

export interface GemmWorker {
  /** The worker has instantiated the module and waits for work. */
  ready(): boolean;
  /** Blocks up to `ms` for ready(); returns ready(). */
  waitReady(ms: number): boolean;
  /** Publishes a job of `nchunks` chunks (see `chunkRange`) and returns at once: the worker joins
   *  when it wakes. The caller then claims chunks itself with `claim` and calls `finish`. */
  post(job: WorkerJob, byRows: boolean, nchunks: number, csize: number, total: number): void;
  /** Claims the next chunk of the posted job: its index, or -1 when all are claimed. */
  claim(): number;
  /** Counts a chunk the caller finished. */
  done(): void;
  /** True once the worker has finished chunk c of the posted job. */
  finishedByWorker(c: number): boolean;
  /** Blocks until a chunk is finished (by either thread) after `done` of them were, or up to
   *  `ms`; returns how many are finished now. */
  waitProgress(done: number, ms: number): number;
  /** Blocks until every chunk of the posted job is finished; throws if the worker failed (it is
   *  then retired). */
  finish(): void;
}

/** Chunk c of `total` column panels (or rows) cut into chunks of `csize`: [start, end). */
export function chunkRange(c: number, csize: number, total: number): [number, number] {
  return [c * csize, Math.min((c + 1) * csize, total)];
}

export interface WorkerJob {
  m: number; n: number; k: number;
  a: number; lda: number; ta: number;
  b: number; ldb: number; tb: number;
  pb: number; c: number;
  mc: number; ncq: number; pa: number; edge: number;
  /** op(A) packed whole at this offset (-1: each chunk packs its own) */
  apk: number;
}

// The worker's program (CommonJS, run with `eval: true`, so it needs no file next to this one).
// A chunk by columns packs its panels of B first (when B needs packing), then computes every row
// of those panels; a chunk by rows computes its rows over every panel (B packed beforehand).
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { module, memory } = workerData;
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(memory.buffer, 0, ${CTL_INTS});
// read the sequence number before saying ready: the first job can be posted right after
let seen = Atomics.load(ctl, ${SEQ});
Atomics.store(ctl, ${READY}, 1);
Atomics.notify(ctl, ${READY});
for (;;) {
  // products often come in runs: watch for the next one for a while before sleeping
  let seq = Atomics.load(ctl, ${SEQ});
  for (let i = 1, t0 = performance.now(); seq === seen; i++) {
    if ((i & 255) === 0 && performance.now() - t0 > ${SPIN_MS}) break;
    seq = Atomics.load(ctl, ${SEQ});
  }
  if (seq === seen) {
    Atomics.wait(ctl, ${SEQ}, seen);
    continue;
  }
  seen = seq;
  const tag = seq & 0x7fff;
  for (;;) {
    const v = Atomics.load(ctl, ${CLAIM});
    if ((v >>> 16) !== tag || (v & 0xffff) === 0) break;
    if (Atomics.compareExchange(ctl, ${CLAIM}, v, v - 1) !== v) continue;
    const c = ctl[${NCHUNK}] - (v & 0xffff);
    try {
      const csize = ctl[${CSIZE}], total = ctl[${TOTAL}];
      const s = c * csize, e = Math.min(s + csize, total);
      const p = ${PACK_ARGS}, g = ${GEMM_ARGS};
      let i0 = 0, i1 = ctl[g], q0 = 0, q1 = total;
      if (ctl[${MODE}]) { i0 = s; i1 = e; q1 = ctl[g + 12]; } else { q0 = s; q1 = e; }
      if (ctl[${PACK}]) ex.pack_b(ctl[p], ctl[p + 1], ctl[p + 2], ctl[p + 3], ctl[p + 4], q0, q1, ctl[p + 7]);
      ex.gemm(ctl[g], ctl[g + 1], ctl[g + 2], ctl[g + 3], ctl[g + 4], ctl[g + 5], ctl[g + 6], ctl[g + 7], ctl[g + 8],
        i0, i1, q0, q1, ctl[g + 13], ctl[g + 14], ctl[g + 15], ctl[g + 16], ctl[g + 17]);
    } catch (e) {
      Atomics.store(ctl, ${ERR}, 1);
    }
    Atomics.store(ctl, ${FLAGS} + c, seq);
    Atomics.add(ctl, ${DONEC}, 1);
    Atomics.notify(ctl, ${DONEC});
  }
}
`;

interface WorkerThreads {
  Worker: new (src: string, opts: { eval: boolean; workerData: unknown }) => { unref(): void; on(ev: string, f: () => void): void };
}

/** Starts the worker on `memory` (shared) with `module` (compiled for a shared memory), or
 *  returns null where there are no worker threads. */
export function startWorker(module: unknown, memory: { readonly buffer: ArrayBufferLike }): GemmWorker | null {
  const wt = nodeBuiltin<WorkerThreads>("node:worker_threads");
  if (!wt) return null;
  const ctl = new Int32Array(memory.buffer, 0, CTL_INTS);
  try {
    const worker = new wt.Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory } });
    worker.unref();
    worker.on("error", () => Atomics.store(ctl, READY, -1));
  } catch {
    return null;
  }
  let seq = Atomics.load(ctl, SEQ);
  let failed = false, nchunks = 0;
  const ready = (): boolean => !failed && Atomics.load(ctl, READY) === 1;
  return {
    ready,
    waitReady(ms: number): boolean {
      if (Atomics.load(ctl, READY) === 0) Atomics.wait(ctl, READY, 0, ms);
      return ready();
    },
    post(j: WorkerJob, byRows: boolean, chunks: number, csize: number, total: number): void {
      if (chunks < 1 || chunks > MAX_CHUNKS) throw new Error("threads.ts: chunk count");
      nchunks = chunks;
      ctl[PACK] = j.b >= 0 ? 1 : 0;
      // the worker computes q0, q1 (pack) and i0, i1, q0, q1 (gemm) of each chunk; q1 of a chunk
      // by rows is the job's panel count, at GEMM_ARGS + 12
      ctl.set([j.b, j.ldb, j.tb, j.k, j.n, 0, 0, j.pb], PACK_ARGS);
      ctl.set([j.m, j.n, j.k, j.a, j.lda, j.ta, j.pb, j.c, j.n, 0, j.m, 0, Math.ceil(j.n / 4), j.mc, j.ncq, j.pa, j.edge, j.apk], GEMM_ARGS);
      ctl[MODE] = byRows ? 1 : 0;
      ctl[NCHUNK] = chunks;
      ctl[CSIZE] = csize;
      ctl[TOTAL] = total;
      Atomics.store(ctl, ERR, 0);
      Atomics.store(ctl, DONEC, 0);
      seq = (seq + 1) | 0;
      Atomics.store(ctl, CLAIM, ((seq & 0x7fff) << 16) | chunks);
      Atomics.store(ctl, SEQ, seq);
      Atomics.notify(ctl, SEQ, 1);
    },
    claim(): number {
      const tag = seq & 0x7fff;
      for (;;) {
        const v = Atomics.load(ctl, CLAIM);
        if (v >>> 16 !== tag || (v & 0xffff) === 0) return -1;
        if (Atomics.compareExchange(ctl, CLAIM, v, v - 1) === v) return nchunks - (v & 0xffff);
      }
    },
    done(): void {
      Atomics.add(ctl, DONEC, 1);
    },
    finishedByWorker(c: number): boolean {
      return Atomics.load(ctl, FLAGS + c) === seq;
    },
    waitProgress(done: number, ms: number): number {
      if (Atomics.load(ctl, DONEC) === done) Atomics.wait(ctl, DONEC, done, ms);
      return Atomics.load(ctl, DONEC);
    },
    finish(): void {
      for (;;) {
        const done = Atomics.load(ctl, DONEC);
        if (done >= nchunks) break;
        Atomics.wait(ctl, DONEC, done);
      }
      if (Atomics.load(ctl, ERR) !== 0) {
        failed = true;
        throw new Error("nnlab: the gemm worker thread failed");
      }
    },
  };
}
