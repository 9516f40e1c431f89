// The labs' training loops, nnlab against numpy in the same run:
//   node bench/labs.mjs        (after `npm run build`; takes 3-4 minutes)
// - the planar lab's nn_model: n_h = 4, 10,000 iterations on the 400-point flower (median of 3 runs);
// - the Application lab's L_layer_model: layers [12288, 20, 7, 5, 1], 209 examples, 100 iterations
//   (median of 3 runs: on a shared machine one run can land in another tenant's burst; the JS
//   kernel, 10 s a run and far from the target, runs once). The cat images cannot be shipped, so
//   both sides draw the same seeded uniform pixels: np.random.seed(0); rand(12288, 209).
// numpy runs the labs as tests/fixtures/gen_labs.py writes them (bench/labs_numpy.py), on the same
// inputs; the final costs are printed side by side to show both ran the same computation.
// nnlab runs once per gemm kernel (src/np/kernels/gemm.ts); numpy before and after them, averaged.
import { cpus, loadavg } from "node:os";
import { loadDist, timeIt, runPython, printTable } from "./harness.mjs";

const np = loadDist("np/index.js");
const shallow = loadDist("labs/shallow.js");
const deep = loadDist("labs/deep.js");
const { load_planar_dataset } = loadDist("datasets/planar.js");
const { setGemm } = loadDist("np/kernels/gemm.js");
const { startThreads } = loadDist("np/kernels/wasm.js");

const KERNELS = [
  { label: "js", kernel: "js", threads: 1 },
  { label: "wasm, 1 thread", kernel: "wasm", threads: 1 },
  { label: "wasm, 2 threads", kernel: "wasm", threads: 2 },
  { label: "default dispatch", kernel: null, threads: 2 },
];

const PLANAR = { n_h: 4, iterations: 10000, runs: 3 };
const DEEP = { layers: [12288, 20, 7, 5, 1], m: 209, iterations: 100, learning_rate: 0.0075, runs: 3 };

/** Seconds for fn with console.log silenced (the labs print progress), after one warm-up call. */
function quietTime(fn, warm, runs) {
  const log = console.log;
  console.log = () => {};
  try {
    warm();
    return timeIt(fn, { minSeconds: 0, warmup: 0, minCalls: runs });
  } finally {
    console.log = log;
  }
}

const load0 = loadavg();
startThreads();
const [X, Y] = load_planar_dataset();
np.random.seed(0);
const Xcat = np.random.rand(12288, DEEP.m);
const Ycat = np.random.rand(1, DEEP.m).greater(0.65).astype("float64");

const numpyInput = () => ({ planar: { X: Array.from(X._values()), Y: Array.from(Y._values()), ...PLANAR }, deep: DEEP });
// numpy before and after nnlab, averaged, so that a change in the machine's load (other
// processes) during the run affects both sides alike
const pyBefore = runPython("labs_numpy.py", numpyInput());
const nnlab = KERNELS.map(({ kernel, threads }) => {
  setGemm({ kernel, threads });
  let planarParameters;
  const planarSeconds = quietTime(
    () => (planarParameters = shallow.nn_model(X, Y, PLANAR.n_h, PLANAR.iterations)),
    () => shallow.nn_model(X, Y, PLANAR.n_h, 100),
    PLANAR.runs,
  );
  const planarCost = shallow.compute_cost(shallow.forward_propagation(X, planarParameters)[0], Y);
  let deepParameters;
  const deepSeconds = quietTime(
    () => ([deepParameters] = deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, DEEP.iterations)),
    () => deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, 2),
    kernel === "js" ? 1 : DEEP.runs,
  );
  const deepCost = deep.compute_cost(deep.L_model_forward(Xcat, deepParameters)[0], Ycat);
  return { planarSeconds, planarCost, deepSeconds, deepCost };
});

const pyAfter = runPython("labs_numpy.py", numpyInput());
const py = { ...pyAfter };
for (const key of ["planar", "deep"]) py[key] = { ...pyAfter[key], seconds: (pyBefore[key].seconds + pyAfter[key].seconds) / 2 };

const load1 = loadavg();
console.log(`The labs' training loops, seconds per run. Node ${process.version}; numpy ${py.numpy} with ` +
  `${py.blas.library} (${py.blas.threads} threads, kernel "${py.blas.core}").`);
console.log("L_layer_model runs on seeded random 12288 x 209 data: the cat images cannot be shipped.");
console.log(`Machine: ${cpus().length} CPUs; load average ${load0[0].toFixed(2)} before, ${load1[0].toFixed(2)} after.\n`);
const rows = [];
const workloads = [
  [`nn_model, planar data, n_h=${PLANAR.n_h}, ${PLANAR.iterations} iterations`, "planar", 0.8],
  [`L_layer_model [${DEEP.layers}], m=${DEEP.m}, ${DEEP.iterations} iterations`, "deep", 1.5],
];
for (const [name, key, target] of workloads) {
  rows.push([name, "numpy", py[key].seconds.toFixed(3), "1", `${target}`, py[key].cost.toPrecision(10)]);
  rows.push(["", "  (before, after)", `${pyBefore[key].seconds.toFixed(3)}, ${pyAfter[key].seconds.toFixed(3)}`, "", "", ""]);
  KERNELS.forEach((k, i) => {
    const ours = nnlab[i][`${key}Seconds`];
    rows.push(["", `nnlab ${k.label}`, ours.toFixed(3), (ours / py[key].seconds).toFixed(2), "", nnlab[i][`${key}Cost`].toPrecision(10)]);
  });
}
printTable(["workload", "who", "seconds", "time / numpy", "target", "final cost"], rows);
console.log("\ntime / numpy: nnlab's time over numpy's, same run (below 1: nnlab faster); target: issue 10's acceptance.");
