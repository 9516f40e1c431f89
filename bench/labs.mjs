// The labs' training loops, nnlab against numpy in the same run:
//   node bench/labs.mjs        (after `npm run build`; takes about a minute)
// - the planar lab's nn_model: n_h = 4, 10,000 iterations on the 400-point flower;
// - the Application lab's L_layer_model: layers [12288, 20, 7, 5, 1], 209 examples, 100 iterations.
//   The cat images cannot be shipped, so both sides draw the same seeded uniform pixels:
//   np.random.seed(0); rand(12288, 209).
// numpy runs the labs as tests/fixtures/gen_labs.py writes them (bench/labs_numpy.py, one process
// for the whole bench), on the same inputs; the final costs are printed side by side to show both
// ran the same computation.
// Paired runs: for each gemm kernel (src/np/kernels/gemm.ts) and workload, PAIRS times a numpy run
// and then an nnlab run; the ratio printed is the median of the pairs' ratios. On a shared machine
// the speed drifts by tens of percent within minutes (numpy's own L_layer_model time has changed
// by half within one run), and a numpy run taken seconds before each nnlab run is the fairest
// yardstick for it. The JS kernel, about 10 s an L_layer_model run and far from any target, gets
// one pair there.
import { cpus, loadavg } from "node:os";
import { loadDist, timeIt, pythonServer, median, printTable, gemmKernels } from "./harness.mjs";

const np = loadDist("np/index.js");
const shallow = loadDist("labs/shallow.js");
const deep = loadDist("labs/deep.js");
const { load_planar_dataset } = loadDist("datasets/planar.js");
const { setGemm } = loadDist("np/kernels/gemm.js");
const { startThreads } = loadDist("np/kernels/wasm.js");

const KERNELS = gemmKernels();

const PLANAR = { n_h: 4, iterations: 10000 };
const DEEP = { layers: [12288, 20, 7, 5, 1], m: 209, iterations: 100, learning_rate: 0.0075 };
const PAIRS = 3;

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

const py = await pythonServer("labs_numpy.py", {
  planar: { X: Array.from(X._values()), Y: Array.from(Y._values()), ...PLANAR },
  deep: DEEP,
});

/** PAIRS (or `pairs`) numpy-then-nnlab runs of one workload: each side's seconds, their ratios,
 *  and both sides' final costs. */
async function paired(workload, pairs, runNnlab) {
  const numpy = [], nnlab = [], ratios = [];
  let numpyCost = NaN, nnlabCost = NaN;
  for (let i = 0; i < pairs; i++) {
    const r = await py.ask({ workload, runs: 1 });
    const ours = runNnlab();
    numpy.push(r.seconds);
    nnlab.push(ours.seconds);
    ratios.push(ours.seconds / r.seconds);
    numpyCost = r.cost;
    nnlabCost = ours.cost;
  }
  return { numpy, nnlab, ratios, numpyCost, nnlabCost };
}

const results = [];
for (const { kernel, threads } of KERNELS) {
  setGemm({ kernel, threads });
  const planar = await paired("planar", PAIRS, () => {
    let parameters;
    const seconds = quietTime(
      () => (parameters = shallow.nn_model(X, Y, PLANAR.n_h, PLANAR.iterations)),
      () => shallow.nn_model(X, Y, PLANAR.n_h, 100),
      1,
    );
    return { seconds, cost: shallow.compute_cost(shallow.forward_propagation(X, parameters)[0], Y) };
  });
  const deepRuns = await paired("deep", kernel === "js" ? 1 : PAIRS, () => {
    let parameters;
    const seconds = quietTime(
      () => ([parameters] = deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, DEEP.iterations)),
      () => deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, 2),
      1,
    );
    return { seconds, cost: deep.compute_cost(deep.L_model_forward(Xcat, parameters)[0], Ycat) };
  });
  results.push({ planar, deep: deepRuns });
}
py.close();

const load1 = loadavg();
const { numpy: numpyVersion, blas } = py.info;
console.log(`The labs' training loops, seconds per run. Node ${process.version}; numpy ${numpyVersion} with ` +
  `${blas.library} (${blas.threads} threads, kernel "${blas.core}").`);
console.log("L_layer_model runs on seeded random 12288 x 209 data: the cat images cannot be shipped.");
console.log(`Machine: ${cpus().length} CPUs; load average ${load0[0].toFixed(2)} before, ${load1[0].toFixed(2)} after.\n`);
const rows = [];
const workloads = [
  [`nn_model, planar data, n_h=${PLANAR.n_h}, ${PLANAR.iterations} iterations`, "planar", 0.8],
  [`L_layer_model [${DEEP.layers}], m=${DEEP.m}, ${DEEP.iterations} iterations`, "deep", 1.5],
];
const span = (xs) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;
for (const [name, key, target] of workloads) {
  const allNumpy = results.flatMap((r) => r[key].numpy);
  rows.push([name, "numpy (every run)", median(allNumpy).toFixed(3), "1", `${target}`, results[0][key].numpyCost.toPrecision(10), span(allNumpy)]);
  KERNELS.forEach((k, i) => {
    const r = results[i][key];
    rows.push(["", `nnlab ${k.label}`, median(r.nnlab).toFixed(3), median(r.ratios).toFixed(2), "", r.nnlabCost.toPrecision(10),
      r.ratios.map((x) => x.toFixed(2)).join(", ")]);
  });
}
printTable(["workload", "who", "seconds", "time / numpy", "target", "final cost", "numpy's range / the pairs' ratios"], rows);
console.log("\nseconds: the median run. time / numpy: the median over the pairs of nnlab's run over the numpy run just before it (below 1: nnlab faster);\n" +
  "target: issue 10's acceptance.");
