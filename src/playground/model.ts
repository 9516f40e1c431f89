// The playground's network and training step, written on nnlab's np, nn and datasets.
//
// The page's Web Worker runs this module, and "export as notebook" copies its source, after
// config.ts's, into the notebook (the import lines replaced by `import { np, nn, datasets } from
// "nnlab"`), so the page and the notebook run the same code on the same seed and print the same
// losses. Keep it to what tslab's TypeScript 5.0 compiles, and refer to np, nn and datasets by
// those names only.
import * as np from "../np";
import * as nn from "../nn";
import * as datasets from "../datasets/generators";
import { N_POINTS, type ActivationName, type FeatureName, type PlaygroundConfig } from "./config";

/** A data set: X (2, N) the points as columns, y (1, N) labels 0/1. */
export interface PlaygroundData {
  X: np.NDArray;
  y: np.NDArray;
}

/**
 * The points of the configured data set, drawn from `rng` with nnlab's generators, scaled to the
 * square [-6, 6]^2, one column per point; labels 0 and 1.
 *
 * @param config - the dataset and noise fields are used
 * @param rng - the run's RandomState (the first draws of the run)
 * @returns {X (2, 500), y (1, 500)}
 * @example const data = makeData(DEFAULT_CONFIG, new np.random.RandomState(1));
 */
export function makeData(config: PlaygroundConfig, rng: np.random.RandomState): PlaygroundData {
  const noise = config.noise / 100;
  let X: np.NDArray;
  let y: np.NDArray;
  if (config.dataset === "circle") {
    [X, y] = datasets.make_circles({ n_samples: N_POINTS, factor: 0.5, noise: noise * 0.5, random_state: rng });
    X = X.multiply(5);
  } else if (config.dataset === "xor") {
    [X, y] = datasets.make_xor({ n_samples: N_POINTS, random_state: rng });
    // the labels come from the clean points; the noise then blurs the quadrants' borders
    X = X.multiply(2).add(rng.normal(0, 3 * noise, [N_POINTS, 2]));
    y = y.add(1).divide(2);
  } else if (config.dataset === "gauss") {
    [X, y] = datasets.make_blobs({
      n_samples: N_POINTS, centers: [[2, 2], [-2, -2]], cluster_std: 0.8 + 3 * noise, random_state: rng,
    });
  } else {
    [X, y] = datasets.make_spiral({ n_points: N_POINTS / 2, n_classes: 2, noise: 0.1 + noise, random_state: rng });
    X = X.multiply(5);
  }
  return { X: X.T.copy(), y: y.reshape(1, N_POINTS).astype("float64") };
}

/**
 * The input features of points X (2, m): one row per configured feature (x1, x2, x1², ...).
 *
 * @param X - the points as columns, shape (2, m)
 * @param features - the feature names, in order
 * @returns the inputs, shape (features.length, m)
 * @example const A0 = featureRows(data.X, ["x1", "x2", "x1sq"]);
 */
export function featureRows(X: np.NDArray, features: FeatureName[]): np.NDArray {
  const x1 = X.slice("0:1", ":");
  const x2 = X.slice("1:2", ":");
  const rows = features.map((f) => {
    if (f === "x1") return x1;
    if (f === "x2") return x2;
    if (f === "x1sq") return x1.multiply(x1);
    if (f === "x2sq") return x2.multiply(x2);
    if (f === "x1x2") return x1.multiply(x2);
    if (f === "sinx1") return np.sin(x1);
    return np.sin(x2);
  });
  return np.concatenate(rows, 0);
}

/** A run: the data split, the network's parameters and the training state. */
export interface Playground {
  config: PlaygroundConfig;
  rng: np.random.RandomState;
  data: PlaygroundData;
  /** Inputs (features, m) and labels/targets (1, m) of the training and the test set. */
  Xtrain: np.NDArray;
  Ytrain: np.NDArray;
  Xtest: np.NDArray;
  Ytest: np.NDArray;
  /** The points (columns of data.X) in the training set. */
  trainIndex: number[];
  /** W[l] (n_l, n_{l-1}) and b[l] (n_l, 1) for the layers l = 0 .. L-1 (the last is the output unit). */
  W: np.NDArray[];
  b: np.NDArray[];
  /** Steps (epochs) done. */
  step: number;
}

/**
 * Builds a run: seeds one RandomState, draws the data, splits it, initializes the weights.
 *
 * Draw order: the data set, then the permutation that splits train from test, then each layer's
 * weights (Xavier: randn(n_l, n_{l-1}) * sqrt(1 / n_{l-1}); biases 0), then per step the batches.
 *
 * @param config - the run's configuration
 * @returns the run at step 0
 * @example const pg = createPlayground(DEFAULT_CONFIG);
 */
export function createPlayground(config: PlaygroundConfig): Playground {
  const rng = new np.random.RandomState(config.seed);
  const data = makeData(config, rng);
  const order = rng.permutation(N_POINTS);
  const nTrain = Math.round((N_POINTS * config.trainRatio) / 100);
  const trainCols = order.slice(`0:${nTrain}`);
  const testCols = order.slice(`${nTrain}:`);
  const inputs = featureRows(data.X, config.features);
  const targets = config.problem === "regression" ? data.y.multiply(2).subtract(1) : data.y;
  const dims = [config.features.length, ...config.hidden, 1];
  const W: np.NDArray[] = [];
  const b: np.NDArray[] = [];
  for (let l = 1; l < dims.length; l++) {
    W.push(rng.randn(dims[l], dims[l - 1]).multiply(Math.sqrt(1 / dims[l - 1])));
    b.push(np.zeros([dims[l], 1]));
  }
  return {
    config, rng, data, W, b, step: 0, trainIndex: Array.from(trainCols.data),
    Xtrain: inputs.slice(":", trainCols), Ytrain: targets.slice(":", trainCols),
    Xtest: inputs.slice(":", testCols), Ytest: targets.slice(":", testCols),
  };
}

function activate(Z: np.NDArray, name: ActivationName): np.NDArray {
  if (name === "relu") return nn.relu(Z);
  if (name === "tanh") return nn.tanh(Z);
  if (name === "sigmoid") return nn.sigmoid(Z);
  return Z;
}

function activateBackward(dA: np.NDArray, Z: np.NDArray, name: ActivationName): np.NDArray {
  if (name === "relu") return nn.relu_backward(dA, Z);
  if (name === "tanh") return nn.tanh_backward(dA, Z);
  if (name === "sigmoid") return nn.sigmoid_backward(dA, Z);
  return dA;
}

/**
 * The forward pass: every layer's pre-activation Z and activation A (A[0] is the input).
 *
 * Hidden layers use the configured activation; the output unit is a sigmoid for classification
 * and linear for regression.
 *
 * @param pg - the run
 * @param X - inputs, shape (features, m)
 * @returns {Z: [Z1 .. ZL], A: [X, A1 .. AL]}, AL the output, shape (1, m)
 * @example const { A } = forward(pg, pg.Xtest);
 */
export function forward(pg: Playground, X: np.NDArray): { Z: np.NDArray[]; A: np.NDArray[] } {
  const Z: np.NDArray[] = [];
  const A: np.NDArray[] = [X];
  const L = pg.W.length;
  for (let l = 0; l < L; l++) {
    const z = np.dot(pg.W[l], A[l]).add(pg.b[l]);
    Z.push(z);
    const last = l === L - 1;
    A.push(last ? (pg.config.problem === "classification" ? nn.sigmoid(z) : z) : activate(z, pg.config.activation));
  }
  return { Z, A };
}

/**
 * The data loss of the network on inputs X with labels Y (no regularization term): mean binary
 * cross-entropy for classification (outputs clipped to [1e-12, 1 - 1e-12]), half the mean
 * squared error for regression.
 *
 * @param pg - the run
 * @param X - inputs, shape (features, m)
 * @param Y - labels 0/1 or targets -1/+1, shape (1, m)
 * @returns the loss, a number
 * @example const testLoss = loss(pg, pg.Xtest, pg.Ytest);
 */
export function loss(pg: Playground, X: np.NDArray, Y: np.NDArray): number {
  const { A } = forward(pg, X);
  const out = A[A.length - 1];
  if (pg.config.problem === "classification") return nn.cross_entropy(np.clip(out, 1e-12, 1 - 1e-12), Y);
  const d = out.subtract(Y);
  return np.sum(d.multiply(d)) / (2 * Y.shape[1]);
}

/**
 * One gradient-descent update on a mini-batch: backpropagation, the regularization's gradient
 * (L2: rate * W; L1: rate * sign(W); biases are not regularized), then W -= learningRate * dW.
 *
 * @param pg - the run (its W and b are replaced)
 * @param X - the batch's inputs, shape (features, m)
 * @param Y - the batch's labels or targets, shape (1, m)
 * @example update(pg, pg.Xtrain.slice(":", "0:10"), pg.Ytrain.slice(":", "0:10"));
 */
export function update(pg: Playground, X: np.NDArray, Y: np.NDArray): void {
  const { Z, A } = forward(pg, X);
  const m = X.shape[1];
  const L = pg.W.length;
  const { learningRate, regularization, regularizationRate } = pg.config;
  // sigmoid + cross-entropy and linear + half squared error share dZ = (A - Y) / m
  let dZ = A[L].subtract(Y).divide(m);
  for (let l = L - 1; l >= 0; l--) {
    let dW = np.dot(dZ, A[l].T);
    const db = np.sum(dZ, { axis: 1, keepdims: true });
    if (regularization === "L2") dW = dW.add(pg.W[l].multiply(regularizationRate));
    if (regularization === "L1") dW = dW.add(np.sign(pg.W[l]).multiply(regularizationRate));
    if (l > 0) dZ = activateBackward(np.dot(pg.W[l].T, dZ), Z[l - 1], pg.config.activation);
    pg.W[l] = pg.W[l].subtract(dW.multiply(learningRate));
    pg.b[l] = pg.b[l].subtract(db.multiply(learningRate));
  }
}

/**
 * One step: an epoch of mini-batch gradient descent (the training set in a fresh random order,
 * cut into batches of batchSize, the last one smaller), as TensorFlow Playground counts steps.
 *
 * @param pg - the run (its parameters and step count change)
 * @example for (let i = 0; i < 100; i++) trainStep(pg);
 */
export function trainStep(pg: Playground): void {
  const m = pg.Xtrain.shape[1];
  const order = pg.rng.permutation(m);
  for (let start = 0; start < m; start += pg.config.batchSize) {
    const cols = order.slice(`${start}:${Math.min(start + pg.config.batchSize, m)}`);
    update(pg, pg.Xtrain.slice(":", cols), pg.Ytrain.slice(":", cols));
  }
  pg.step += 1;
}

/**
 * The training and test losses now.
 *
 * @param pg - the run
 * @returns {train, test}
 * @example const { train, test } = losses(pg);
 */
export function losses(pg: Playground): { train: number; test: number } {
  return { train: loss(pg, pg.Xtrain, pg.Ytrain), test: loss(pg, pg.Xtest, pg.Ytest) };
}
