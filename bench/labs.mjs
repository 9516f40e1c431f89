// The labs' training loops, nnlab against numpy in the same run:
//   node bench/labs.mjs        (after `npm run build`; takes 1-2 minutes)
// - the planar lab's nn_model: n_h = 4, 10,000 iterations on the 400-point flower (median of 3 runs);
// - the Application lab's L_layer_model: layers [12288, 20, 7, 5, 1], 209 examples, 100 iterations
//   (one run; it is itself 100 iterations of the same work). The cat images cannot be shipped, so
//   both sides draw the same seeded uniform pixels: np.random.seed(0); rand(12288, 209).
// numpy runs the labs as tests/fixtures/gen_labs.py writes them (bench/labs_numpy.py), on the same
// inputs; the final costs are printed side by side to show both ran the same computation.
import { loadDist, timeIt, runPython, printTable } from "./harness.mjs";

const np = loadDist("np/index.js");
const shallow = loadDist("labs/shallow.js");
const deep = loadDist("labs/deep.js");
const { load_planar_dataset } = loadDist("datasets/planar.js");

const PLANAR = { n_h: 4, iterations: 10000, runs: 3 };
const DEEP = { layers: [12288, 20, 7, 5, 1], m: 209, iterations: 100, learning_rate: 0.0075 };

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

const [X, Y] = load_planar_dataset();
let planarParameters;
const planarSeconds = quietTime(
  () => (planarParameters = shallow.nn_model(X, Y, PLANAR.n_h, PLANAR.iterations)),
  () => shallow.nn_model(X, Y, PLANAR.n_h, 100),
  PLANAR.runs,
);
const planarCost = shallow.compute_cost(shallow.forward_propagation(X, planarParameters)[0], Y);

np.random.seed(0);
const Xcat = np.random.rand(12288, DEEP.m);
const Ycat = np.random.rand(1, DEEP.m).greater(0.65).astype("float64");
let deepParameters;
const deepSeconds = quietTime(
  () => ([deepParameters] = deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, DEEP.iterations)),
  () => deep.L_layer_model(Xcat, Ycat, DEEP.layers, DEEP.learning_rate, 2),
  1,
);
const deepCost = deep.compute_cost(deep.L_model_forward(Xcat, deepParameters)[0], Ycat);

const py = runPython("labs_numpy.py", {
  planar: { X: Array.from(X.data), Y: Array.from(Y.data), ...PLANAR },
  deep: DEEP,
});

console.log(`The labs' training loops, seconds per run. Node ${process.version}; numpy ${py.numpy}.`);
console.log("L_layer_model runs on seeded random 12288 x 209 data: the cat images cannot be shipped.\n");
printTable(
  ["workload", "nnlab s", "numpy s", "numpy s / nnlab s", "final cost nnlab", "final cost numpy"],
  [
    [`nn_model, planar data, n_h=${PLANAR.n_h}, ${PLANAR.iterations} iterations`, planarSeconds, py.planar.seconds, planarCost, py.planar.cost],
    [`L_layer_model [${DEEP.layers}], m=${DEEP.m}, ${DEEP.iterations} iterations`, deepSeconds, py.deep.seconds, deepCost, py.deep.cost],
  ].map(([name, ours, theirs, a, b]) => [name, ours.toFixed(3), theirs.toFixed(3), (theirs / ours).toFixed(2), a.toPrecision(10), b.toPrecision(10)]),
);
console.log("\nnumpy s / nnlab s: nnlab's speed relative to numpy's (below 1: nnlab slower), as in bench/matmul.mjs.");
