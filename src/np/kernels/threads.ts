// The second thread of the WebAssembly kernel: a Node worker (worker_threads) running the same
// module on the same shared memory. kernels/wasm.ts starts it lazily, on the first product large
// enough to split, and hands it half of C's panels (or rows) per product through a control block
// of Int32 words at the start of the shared memory, with Atomics.wait/notify.
//
// This module has no static import of a Node module: it reaches worker_threads at run time through
// process.getBuiltinModule (or module.require), so a browser bundle of src/np loads it and finds
// no threads. The worker is unref'ed, so an idle worker never keeps the process alive.

/** Words of the control block (Int32, at byte 0 of the shared memory). */
const SEQ = 0, DONE = 1, READY = 2, ERR = 3, PACK = 4, PACK_ARGS = 5, GEMM_ARGS = 13;
export const CTL_INTS = 32;
/** How long the worker watches for the next job before sleeping in Atomics.wait: products often
 *  come in runs, and waking a sleeping thread costs tens of microseconds. (The calling thread
 *  sleeps at once when it waits: watching there measured no better.) */
const SPIN_MS = 0.2;

export interface GemmWorker {
  /** The worker has instantiated the module and waits for work. */
  ready(): boolean;
  /** Blocks up to `ms` for ready(); returns ready(). */
  waitReady(ms: number): boolean;
  /** Hands the worker rows i0..i1 and panels q0..q1 of the job (packing B's panels q0..q1 first
   *  when job.b ≥ 0); returns at once. */
  post(job: WorkerJob, i0: number, i1: number, q0: number, q1: number): void;
  /** Blocks until the posted job is done; throws if it failed (the worker is then retired). */
  wait(): void;
}

export interface WorkerJob {
  m: number; n: number; k: number;
  a: number; lda: number; ta: number;
  b: number; ldb: number; tb: number;
  pb: number; c: number;
  mc: number; ncq: number; pa: number; edge: number;
}

// The worker's program (CommonJS, run with `eval: true`, so it needs no file next to this one).
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
  try {
    const p = ${PACK_ARGS}, g = ${GEMM_ARGS};
    if (ctl[${PACK}]) ex.pack_b(ctl[p], ctl[p + 1], ctl[p + 2], ctl[p + 3], ctl[p + 4], ctl[p + 5], ctl[p + 6], ctl[p + 7]);
    ex.gemm(ctl[g], ctl[g + 1], ctl[g + 2], ctl[g + 3], ctl[g + 4], ctl[g + 5], ctl[g + 6], ctl[g + 7], ctl[g + 8],
      ctl[g + 9], ctl[g + 10], ctl[g + 11], ctl[g + 12], ctl[g + 13], ctl[g + 14], ctl[g + 15], ctl[g + 16]);
    Atomics.store(ctl, ${ERR}, 0);
  } catch (e) {
    Atomics.store(ctl, ${ERR}, 1);
  }
  Atomics.store(ctl, ${DONE}, seq);
  Atomics.notify(ctl, ${DONE});
}
`;

interface WorkerThreads {
  Worker: new (src: string, opts: { eval: boolean; workerData: unknown }) => { unref(): void; on(ev: string, f: () => void): void };
}

function loadWorkerThreads(): WorkerThreads | null {
  const g = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  try {
    if (typeof g.process?.getBuiltinModule === "function") return g.process.getBuiltinModule("node:worker_threads") as WorkerThreads;
    if (typeof module !== "undefined" && typeof module.require === "function") return module.require("node:worker_threads") as WorkerThreads;
  } catch {
    // not Node
  }
  return null;
}

/** Starts the worker on `memory` (shared) with `module` (compiled for a shared memory), or
 *  returns null where there are no worker threads. */
export function startWorker(module: unknown, memory: { readonly buffer: ArrayBufferLike }): GemmWorker | null {
  const wt = loadWorkerThreads();
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
  let failed = false;
  const ready = (): boolean => !failed && Atomics.load(ctl, READY) === 1;
  return {
    ready,
    waitReady(ms: number): boolean {
      if (Atomics.load(ctl, READY) === 0) Atomics.wait(ctl, READY, 0, ms);
      return ready();
    },
    post(j: WorkerJob, i0: number, i1: number, q0: number, q1: number): void {
      ctl[PACK] = j.b >= 0 ? 1 : 0;
      ctl.set([j.b, j.ldb, j.tb, j.k, j.n, q0, q1, j.pb], PACK_ARGS);
      ctl.set([j.m, j.n, j.k, j.a, j.lda, j.ta, j.pb, j.c, j.n, i0, i1, q0, q1, j.mc, j.ncq, j.pa, j.edge], GEMM_ARGS);
      seq = (seq + 1) | 0;
      Atomics.store(ctl, SEQ, seq);
      Atomics.notify(ctl, SEQ, 1);
    },
    wait(): void {
      for (;;) {
        const done = Atomics.load(ctl, DONE);
        if (done === seq) break;
        Atomics.wait(ctl, DONE, done);
      }
      if (Atomics.load(ctl, ERR) !== 0) {
        failed = true;
        throw new Error("nnlab: the gemm worker thread failed");
      }
    },
  };
}
