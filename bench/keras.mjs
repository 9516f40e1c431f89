// keras: nnlab's keras against TensorFlow.js (tfjs 4.22 on its WebAssembly backend, XNNPACK, SIMD,
// float32; the CNN on tfjs's cpu backend, see TFJS_BACKEND) in the same run, on the shipped MNIST subset (30,000 train, the whole 10,000 test): the MLP
// (Flatten, Dense 128 relu, Dense 10 softmax) and the small CNN (Conv2D 16 3x3 relu, MaxPooling2D 2,
// Conv2D 32 3x3 relu, MaxPooling2D 2, Flatten, Dense 10 softmax), Adam, batch 64, categorical
// cross-entropy. Prints seconds per epoch (the median epoch), test accuracy and the ratios.
// The wasm binaries are loaded from node_modules: no network at run time.
//   node bench/keras.mjs [--epochs 5] [--only mlp|cnn]
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { loadDist } from "./harness.mjs";

const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { epochs: { type: "string", default: "5" }, only: { type: "string" }, "tfjs-cnn-full": { type: "boolean", default: false } } });
const EPOCHS = Number(values.epochs);
const BATCH = 64;

const { np, keras, datasets } = loadDist("index.js");
const [[xtr, ytr], [xte, yte]] = datasets.load_mnist({ train: 30000, test: 10000 });
const x_train = xtr.astype("float64").divide(255).reshape(-1, 28, 28, 1);
const x_test = xte.astype("float64").divide(255).reshape(-1, 28, 28, 1);
const y_train = keras.utils.to_categorical(ytr, 10);
const y_test = keras.utils.to_categorical(yte, 10);

function median(a) {
  const s = [...a].sort((p, q) => p - q);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function nnlabRun(kind) {
  const L = keras.layers;
  np.random.seed(0);
  const layers = kind === "mlp"
    ? [L.Flatten({ input_shape: [28, 28, 1] }), L.Dense(128, { activation: "relu" }), L.Dense(10, { activation: "softmax" })]
    : [L.Conv2D(16, 3, { activation: "relu", input_shape: [28, 28, 1] }), L.MaxPooling2D(2), L.Conv2D(32, 3, { activation: "relu" }), L.MaxPooling2D(2), L.Flatten(), L.Dense(10, { activation: "softmax" })];
  const model = keras.Sequential(layers);
  model.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
  const times = [];
  for (let e = 0; e < EPOCHS; e++) {
    const t0 = performance.now();
    await model.fit(x_train, y_train, { epochs: 1, batch_size: BATCH, verbose: 0 });
    times.push((performance.now() - t0) / 1000);
  }
  const [, acc] = model.evaluate(x_test, y_test, { verbose: 0 });
  return { perEpoch: median(times), times, acc, params: model.count_params() };
}

let tf;
async function tfjsSetup() {
  const origWarn = console.warn;
  console.warn = () => {}; // tfjs suggests its native Node backend once; not the point here
  tf = require("@tensorflow/tfjs");
  const wasm = require("@tensorflow/tfjs-backend-wasm");
  wasm.setWasmPaths(require.resolve("@tensorflow/tfjs-backend-wasm").replace(/[^/]*$/, ""));
  await tf.setBackend("wasm");
  await tf.ready();
  console.warn = origWarn;
  return { backend: tf.getBackend(), simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"), threads: tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT") };
}

// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel ("Kernel 'Conv2DBackpropFilter' not
// registered for backend 'wasm'"): it cannot train a CNN, so the CNN runs on tfjs's cpu backend
// (plain JS, float32), the only tfjs backend here that trains one without the native tfjs-node.
// That backend takes about 8 s per batch of 64 on this machine (about an hour an epoch on 30,000 images), so by
// default it is timed on CNN_BATCHES batches and its epoch time extrapolated; its accuracy is then
// not measured. --tfjs-cnn-full trains it for the full epochs.
const TFJS_BACKEND = { mlp: "wasm", cnn: "cpu" };
const CNN_BATCHES = 3;

async function tfjsRun(kind) {
  await tf.setBackend(TFJS_BACKEND[kind]);
  await tf.ready();
  const xs = tf.tensor4d(Float32Array.from(x_train.data), [x_train.shape[0], 28, 28, 1]);
  const ys = tf.tensor2d(Float32Array.from(y_train.data), [y_train.shape[0], 10]);
  const xv = tf.tensor4d(Float32Array.from(x_test.data), [x_test.shape[0], 28, 28, 1]);
  const yv = tf.tensor2d(Float32Array.from(y_test.data), [y_test.shape[0], 10]);
  const model = tf.sequential();
  if (kind === "mlp") {
    model.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
    model.add(tf.layers.dense({ units: 128, activation: "relu" }));
  } else {
    model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: "relu", inputShape: [28, 28, 1] }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: "relu" }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.flatten());
  }
  model.add(tf.layers.dense({ units: 10, activation: "softmax" }));
  model.compile({ optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const times = [];
  let t0 = 0;
  if (kind === "cnn" && !values["tfjs-cnn-full"]) {
    const n = CNN_BATCHES * BATCH;
    const xb = xs.slice([0, 0, 0, 0], [n, 28, 28, 1]), yb = ys.slice([0, 0], [n, 10]);
    await model.fit(xb.slice([0, 0, 0, 0], [BATCH, 28, 28, 1]), yb.slice([0, 0], [BATCH, 10]), { epochs: 1, batchSize: BATCH, verbose: 0 }); // warm-up
    t0 = performance.now();
    await model.fit(xb, yb, { epochs: 1, batchSize: BATCH, verbose: 0 });
    const perBatch = (performance.now() - t0) / 1000 / CNN_BATCHES;
    const params = model.countParams();
    tf.dispose([xs, ys, xv, yv, xb, yb]);
    model.dispose();
    return { perEpoch: perBatch * Math.ceil(x_train.shape[0] / BATCH), times: [], acc: NaN, params, backend: `${tf.getBackend()}*` };
  }
  await model.fit(xs, ys, {
    epochs: EPOCHS, batchSize: BATCH, shuffle: true, verbose: 0,
    callbacks: { onEpochBegin: async () => { t0 = performance.now(); }, onEpochEnd: async () => { times.push((performance.now() - t0) / 1000); } },
  });
  const [, accT] = model.evaluate(xv, yv, { batchSize: 32 });
  const acc = (await accT.data())[0];
  const params = model.countParams();
  tf.dispose([xs, ys, xv, yv]);
  model.dispose();
  return { perEpoch: median(times), times, acc, params, backend: tf.getBackend() };
}

const info = await tfjsSetup();
console.log(`keras: MNIST subset ${x_train.shape[0]}/${x_test.shape[0]}, ${EPOCHS} epochs, batch ${BATCH}, Adam; tfjs ${tf.version.tfjs} backend ${info.backend} (simd ${info.simd}, threads ${info.threads}); nnlab gemm ${JSON.stringify(loadDist("np/kernels/gemm.js").gemmInfo().kernel ?? "auto")}`);
console.log("");
const rows = [];
for (const kind of values.only ? [values.only] : ["mlp", "cnn"]) {
  const a = await nnlabRun(kind);
  const b = await tfjsRun(kind);
  rows.push([kind, a, b]);
  console.log(`${kind}: nnlab epochs ${a.times.map((t) => t.toFixed(2)).join(" ")} s; tfjs epochs ${b.times.length ? b.times.map((t) => t.toFixed(2)).join(" ") + " s" : `not run (timed on ${CNN_BATCHES} batches)`}`);
}
console.log("");
if (rows.some(([, , b]) => Number.isNaN(b.acc))) console.log(`* tfjs cpu: seconds per epoch extrapolated from ${CNN_BATCHES} batches (wasm cannot train a CNN); accuracy not measured (--tfjs-cnn-full)`);
console.log("model  params  tfjs backend   nnlab s/epoch  tfjs s/epoch  ratio   nnlab acc  tfjs acc  diff (points)");
for (const [kind, a, b] of rows) {
  if (Number.isNaN(b.acc)) {
    console.log(`${kind.padEnd(5)}  ${String(a.params).padStart(6)}  ${b.backend.padEnd(12)}  ${a.perEpoch.toFixed(3).padStart(13)}  ${b.perEpoch.toFixed(1).padStart(12)}  ${(a.perEpoch / b.perEpoch).toFixed(3).padStart(5)}x  ${(100 * a.acc).toFixed(2).padStart(8)} %       n/a`);
    continue;
  }
  console.log(
    `${kind.padEnd(5)}  ${String(a.params).padStart(6)}  ${b.backend.padEnd(12)}  ${a.perEpoch.toFixed(3).padStart(13)}  ${b.perEpoch.toFixed(3).padStart(12)}  ${(a.perEpoch / b.perEpoch).toFixed(2).padStart(5)}x  ${(100 * a.acc).toFixed(2).padStart(8)} %  ${(100 * b.acc).toFixed(2).padStart(6)} %  ${(100 * (a.acc - b.acc)).toFixed(2).padStart(6)}`,
  );
}
