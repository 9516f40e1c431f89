// np.dot throughput, nnlab against numpy in the same run, on the course's shapes, for each gemm
// kernel (src/np/kernels/gemm.ts):
//   node bench/matmul.mjs        (after `npm run build`; takes about a minute)
// nnlab is timed through its public np.dot on NDArrays, so the figures include the per-call work
// (checks, result allocation, copies into WebAssembly memory) a lab pays, as numpy's include
// Python's call overhead. Two nnlab columns per kernel:
// - "same operands": the same two arrays every call, as numpy is timed (and as a training loop
//   multiplies by its data): the wasm and native kernels keep B packed after the second call;
// - "nothing resident": the kernels' kept operands are dropped before every call, so B is packed
//   (and, for wasm, both operands copied in) every time, as for data seen once.
// numpy runs with its default BLAS threads; which BLAS and how many threads is printed.
import { cpus, loadavg } from "node:os";
import { loadDist, timeIt, meanPerCall, runPython, printTable, gemmKernels } from "./harness.mjs";

const { dot } = loadDist("np/linalg.js");
const { NDArray } = loadDist("np/ndarray.js");
const { setGemm, gemmInfo } = loadDist("np/kernels/gemm.js");
const { nativeInfo, clearNativeResident } = loadDist("np/kernels/native.js");
const { clearResident, startThreads, wasmInfo } = loadDist("np/kernels/wasm.js");

const SHAPES = [
  { name: "cat classifier W1·X", m: 20, k: 12288, n: 209 },
  { name: "MNIST layer", m: 128, k: 784, n: 1000 },
  { name: "deep-net layer", m: 7, k: 20, n: 209 },
  { name: "planar data", m: 4, k: 2, n: 400 },
];
const KERNELS = gemmKernels();
// Products above this many FLOP get the long time budget.
const BIG_FLOP = 1e7;
const MIN_SECONDS = { big: 1, small: 0.4 };

function randomMatrix(rows, cols) {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = Math.random();
  return new NDArray(data, [rows, cols]);
}

/** Spot-checks the product against directly computed entries, so a broken build cannot post figures. */
function check(a, b, c, { m, k, n }) {
  const av = a._values(), bv = b._values(), cv = c._values();
  for (let t = 0; t < 20; t++) {
    const i = Math.floor(Math.random() * m), j = Math.floor(Math.random() * n);
    let s = 0;
    for (let p = 0; p < k; p++) s += av[i * k + p] * bv[p * n + j];
    if (Math.abs(cv[i * n + j] - s) > 1e-12 * k) throw new Error(`wrong product for ${m}×${k}·${k}×${n} at (${i}, ${j})`);
  }
}

const gflop = ({ m, k, n }) => (2 * m * k * n) / 1e9;
const label = ({ m, k, n }) => `(${m}×${k})·(${k}×${n})`;
const time = (s) => (s >= 1e-3 ? `${(s * 1e3).toFixed(2)} ms` : `${(s * 1e6).toFixed(1)} µs`);

const load0 = loadavg();
startThreads();
// Shape by shape, nnlab under each kernel then numpy on the same shape, so that a change in the
// machine's load (other processes) affects both sides alike. The small products, timed in
// microseconds where a busy neighbour moves a median by half, go SMALL_ROUNDS rounds of both
// sides in turn; each figure is its best round's median, on both sides alike.
const SMALL_ROUNDS = 3;
const nnlab = KERNELS.map(() => []);
const py = { seconds: [], outSeconds: [], meanSeconds: [], oneThread: [] };
const best = (x, y) => (x == null ? y : y == null ? x : Math.min(x, y));
SHAPES.forEach((shape, s) => {
  const a = randomMatrix(shape.m, shape.k), b = randomMatrix(shape.k, shape.n);
  const big = 2 * shape.m * shape.k * shape.n >= BIG_FLOP;
  const minSeconds = big ? MIN_SECONDS.big : MIN_SECONDS.small;
  for (let round = 0; round < (big ? 1 : SMALL_ROUNDS); round++) {
    KERNELS.forEach(({ kernel, threads }, i) => {
      setGemm({ kernel, threads });
      check(a, b, dot(a, b), shape);
      const same = timeIt(() => dot(a, b), { minSeconds });
      const fresh = big ? timeIt(() => {
        clearResident();
        clearNativeResident();
        return dot(a, b);
      }, { minSeconds }) : null;
      // small products also into one preallocated out (np.dot(a, b, out)), as numpy is timed too
      const into = big ? null : (() => {
        const out = new NDArray(new Float64Array(shape.m * shape.n), [shape.m, shape.n]);
        check(a, b, dot(a, b, out), shape);
        return timeIt(() => dot(a, b, out), { minSeconds });
      })();
      const mean = big ? null : meanPerCall(() => dot(a, b), { minSeconds });
      const was = nnlab[i][s] ?? {};
      nnlab[i][s] = { same: best(was.same, same), fresh: best(was.fresh, fresh), into: best(was.into, into), mean: best(was.mean, mean) };
    });
    const r = runPython("numpy_matmul.py", {
      shapes: [[shape.m, shape.k, shape.n]],
      minSeconds: MIN_SECONDS,
      bigFlop: BIG_FLOP,
    });
    Object.assign(py, { numpy: r.numpy, blas: r.blas });
    py.seconds[s] = best(py.seconds[s], r.seconds[0]);
    py.outSeconds[s] = best(py.outSeconds[s], r.outSeconds[0]);
    py.meanSeconds[s] = best(py.meanSeconds[s], r.meanSeconds[0]);
  }
  // the large shapes once more with numpy on one BLAS thread, for the per-thread comparison below
  if (big) py.oneThread[s] = runPython("numpy_matmul.py", { shapes: [[shape.m, shape.k, shape.n]], minSeconds: MIN_SECONDS, bigFlop: BIG_FLOP },
    { OPENBLAS_NUM_THREADS: "1" }).seconds[0];
});
const load1 = loadavg();

console.log(`np.dot, float64, median per call (small products: the best of ${SMALL_ROUNDS} rounds, both sides). Node ${process.version}; numpy ${py.numpy} with ` +
  `${py.blas.library} (${py.blas.threads} threads, kernel "${py.blas.core}").`);
if (!/openblas/i.test(py.blas.library)) console.log("WARNING: numpy is not on OpenBLAS here (bash scripts/setup.sh installs it): its figures are not what users see.");
console.log(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model}); load average ${load0[0].toFixed(2)} before, ` +
  `${load1[0].toFixed(2)} after. wasm kernel: ${wasmInfo().workerRunning ? "worker thread running" : "no worker"}; ` +
  `native kernel: ${nativeInfo().available ? nativeInfo().isa : `not available (${nativeInfo().reason})`}; ` +
  `default dispatch: ${gemmInfo().dispatch}.\n`);
const rows = [];
SHAPES.forEach((shape, s) => {
  const npG = gflop(shape) / py.seconds[s];
  rows.push([label(shape), shape.name, "numpy", npG.toFixed(2), time(py.seconds[s]), "1", "", ""]);
  KERNELS.forEach((k, i) => {
    const { same, fresh } = nnlab[i][s];
    rows.push([
      "", "", `nnlab ${k.label}`, (gflop(shape) / same).toFixed(2), time(same), (py.seconds[s] / same).toFixed(3),
      fresh ? (gflop(shape) / fresh).toFixed(2) : "-", fresh ? (py.seconds[s] / fresh).toFixed(3) : "-",
    ]);
  });
});
printTable(["shape", "case", "who", "GFLOP/s", "time", "speed / numpy", "nothing resident: GFLOP/s", "speed / numpy"], rows);
console.log("\nspeed / numpy: nnlab's GFLOP/s over numpy's, same run (above 1: nnlab faster). Targets (issue 10): " +
  "at least 0.5 on the two large shapes, at least 1 on the two small ones.");

// The small products back to back in a loop, mean per call on both sides: what a training loop
// pays, with the garbage collector's pauses and the page faults of fresh result memory that a
// per-call median leaves out.
const meanRows = [];
SHAPES.forEach((shape, s) => {
  if (py.meanSeconds[s] == null) return;
  meanRows.push([label(shape), shape.name, "numpy", time(py.meanSeconds[s]), "1"]);
  KERNELS.forEach((k, i) => {
    const t = nnlab[i][s].mean;
    meanRows.push(["", "", `nnlab ${k.label}`, time(t), (py.meanSeconds[s] / t).toFixed(3)]);
  });
});
console.log(`\nIn a loop (np.dot(a, b) back to back, mean per call; the best of ${SMALL_ROUNDS} rounds on both sides), the small products:`);
printTable(["shape", "case", "who", "mean time", "speed / numpy"], meanRows);

// The small products once more, each side writing into one array made beforehand (numpy's
// np.dot(a, b, out=c), nnlab's np.dot(a, b, out)): the product without the new result. A new
// result costs numpy little (its allocator hands back the block the last result freed, still in
// cache); nnlab's results come from memory the garbage collector frees only every few thousand
// calls, so each new one is written to memory out of cache.
const intoRows = [];
SHAPES.forEach((shape, s) => {
  if (py.outSeconds[s] == null) return;
  intoRows.push([label(shape), shape.name, "numpy", (gflop(shape) / py.outSeconds[s]).toFixed(2), time(py.outSeconds[s]), "1"]);
  KERNELS.forEach((k, i) => {
    const t = nnlab[i][s].into;
    intoRows.push(["", "", `nnlab ${k.label}`, (gflop(shape) / t).toFixed(2), time(t), (py.outSeconds[s] / t).toFixed(3)]);
  });
});
console.log("\nInto a given array (np.dot(a, b, out=c) on both sides), the small products:");
printTable(["shape", "case", "who", "GFLOP/s", "time", "speed / numpy"], intoRows);

// One thread against one thread: what each side's kernel does per core, which bounds what two
// threads can reach (numpy's OpenBLAS kernel, named above, uses fused multiply-adds; WebAssembly
// SIMD has 2 doubles a vector and, without relaxed SIMD, no fused multiply-add; the native kernel
// has AVX2's 4 or AVX-512's 8 doubles a vector, no fused multiply-add).
const perThread = [];
const oneThread = KERNELS.filter((k) => k.kernel !== null && k.kernel !== "js" && k.threads === 1);
SHAPES.forEach((shape, s) => {
  if (py.oneThread[s] === undefined) return;
  const row = [label(shape), shape.name, (gflop(shape) / py.oneThread[s]).toFixed(2)];
  for (const k of oneThread) {
    const t = nnlab[KERNELS.indexOf(k)][s].same;
    row.push(`${(gflop(shape) / t).toFixed(2)} (${(py.oneThread[s] / t).toFixed(3)})`);
  }
  perThread.push(row);
});
console.log("\nOne thread each (numpy with OPENBLAS_NUM_THREADS=1, nnlab's kernels on 1 thread): GFLOP/s (speed / numpy)");
printTable(["shape", "case", "numpy GFLOP/s", ...oneThread.map((k) => `nnlab ${k.kernel}`)], perThread);
