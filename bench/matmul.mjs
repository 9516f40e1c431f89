// np.dot throughput, nnlab against numpy in the same run, on the course's shapes:
//   node bench/matmul.mjs        (after `npm run build`; takes about 10 s)
// nnlab is timed through its public np.dot on NDArrays, so the figures include the per-call work
// (checks, result allocation) a lab pays, as numpy's include Python's call overhead.
import { loadDist, timeIt, runPython, printTable } from "./harness.mjs";

const { dot } = loadDist("np/linalg.js");
const { NDArray } = loadDist("np/ndarray.js");

const SHAPES = [
  { name: "cat classifier W1·X", m: 20, k: 12288, n: 209 },
  { name: "MNIST layer", m: 128, k: 784, n: 1000 },
  { name: "deep-net layer", m: 7, k: 20, n: 209 },
  { name: "planar data", m: 4, k: 2, n: 400 },
];
// Products above this many FLOP get the long time budget.
const BIG_FLOP = 1e7;
const MIN_SECONDS = { big: 1.5, small: 0.5 };

function randomMatrix(rows, cols) {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = Math.random();
  return new NDArray(data, [rows, cols]);
}

/** Spot-checks the product against directly computed entries, so a broken build cannot post figures. */
function check(a, b, c, { m, k, n }) {
  for (let t = 0; t < 20; t++) {
    const i = Math.floor(Math.random() * m), j = Math.floor(Math.random() * n);
    let s = 0;
    for (let p = 0; p < k; p++) s += a.data[i * k + p] * b.data[p * n + j];
    if (Math.abs(c.data[i * n + j] - s) > 1e-12 * k) throw new Error(`wrong product for ${m}×${k}·${k}×${n} at (${i}, ${j})`);
  }
}

const gflop = ({ m, k, n }) => (2 * m * k * n) / 1e9;
const label = ({ m, k, n }) => `(${m}×${k})·(${k}×${n})`;

const nnlabSeconds = SHAPES.map((shape) => {
  const a = randomMatrix(shape.m, shape.k), b = randomMatrix(shape.k, shape.n);
  check(a, b, dot(a, b), shape);
  const big = 2 * shape.m * shape.k * shape.n >= BIG_FLOP;
  return timeIt(() => dot(a, b), { minSeconds: big ? MIN_SECONDS.big : MIN_SECONDS.small });
});

const py = runPython("numpy_matmul.py", {
  shapes: SHAPES.map(({ m, k, n }) => [m, k, n]),
  minSeconds: MIN_SECONDS,
  bigFlop: BIG_FLOP,
});

const time = (s) => (s >= 1e-3 ? `${(s * 1e3).toFixed(2)} ms` : `${(s * 1e6).toFixed(1)} µs`);
console.log(`np.dot, float64, median per call. Node ${process.version}; numpy ${py.numpy} with ` +
  `${py.blas.library} (${py.blas.threads} threads, kernel "${py.blas.core}").\n`);
printTable(
  ["shape", "case", "nnlab GFLOP/s", "nnlab time", "numpy GFLOP/s", "numpy time", "nnlab/numpy"],
  SHAPES.map((shape, i) => [
    label(shape),
    shape.name,
    (gflop(shape) / nnlabSeconds[i]).toFixed(2),
    time(nnlabSeconds[i]),
    (gflop(shape) / py.seconds[i]).toFixed(2),
    time(py.seconds[i]),
    (py.seconds[i] / nnlabSeconds[i]).toFixed(3),
  ]),
);
