// A multilayer perceptron of any depth, in the labs' layout (X is (n_x, m), one column per
// example): [LINEAR -> g] x (L-1) -> LINEAR -> sigmoid or softmax, with g chosen among relu, tanh,
// sigmoid, leaky_relu and linear. The Deep Neural Network labs fix g = relu and a sigmoid output;
// the MLP lecture varies both. A layer's cache is [[A_prev, W, b], Z], as in the labs.
import * as np from "../np";
import { NDArray } from "../np/ndarray";
import {
  leaky_relu, leaky_relu_backward, relu, relu_backward, sigmoid, sigmoid_backward, softmax, tanh, tanh_backward,
} from "./activations";
import { initialize_he, initialize_xavier, numLayers, type Parameters } from "./initializers";
import { random_mini_batches } from "./minibatch";
import { initialize_adam, update_parameters_with_adam, update_parameters_with_gd } from "./optimizers";

/** A hidden layer's activation, by Keras' names. */
export type HiddenActivation = "relu" | "tanh" | "sigmoid" | "leaky_relu" | "linear";
/** The output layer: "sigmoid" for one unit and labels 0/1, "softmax" for one unit per class and one-hot labels. */
export type OutputActivation = "sigmoid" | "softmax";

/** The architecture choices every MLP function takes. */
export interface MLPOptions {
  /** The hidden layers' activation (Keras' `activation`). Default "relu". */
  activation?: HiddenActivation;
  /** The output layer's activation. Default "sigmoid". */
  output?: OutputActivation;
}

/** What one layer's forward step keeps: [[A_prev, W, b], Z]. */
export type MLPLayerCache = [linear_cache: [A_prev: NDArray, W: NDArray, b: NDArray], Z: NDArray];

/** The slope of leaky_relu's negative side in an MLP (nn.leaky_relu's default). */
const LEAKY_ALPHA = 0.01;
/** Probabilities are clipped to [EPSILON, 1 - EPSILON] in the cost, as Keras' losses do, so a
 *  saturated output gives a large finite cost instead of log(0). */
const EPSILON = 1e-7;

const HIDDEN: Record<HiddenActivation, [(Z: NDArray) => NDArray, (dA: NDArray, Z: NDArray) => NDArray]> = {
  relu: [relu, relu_backward],
  tanh: [tanh, tanh_backward],
  sigmoid: [sigmoid, sigmoid_backward],
  leaky_relu: [(Z) => leaky_relu(Z, LEAKY_ALPHA), (dA, Z) => leaky_relu_backward(dA, Z, LEAKY_ALPHA)],
  linear: [(Z) => Z, (dA) => dA],
};

function choices(opts: MLPOptions): [HiddenActivation, OutputActivation] {
  const activation = opts.activation ?? "relu";
  const output = opts.output ?? "sigmoid";
  if (!(activation in HIDDEN)) throw new Error(`unknown activation "${activation}"; expected one of ${Object.keys(HIDDEN).join(", ")}`);
  if (output !== "sigmoid" && output !== "softmax") throw new Error(`unknown output "${output}"; expected "sigmoid" or "softmax"`);
  return [activation, output];
}

/**
 * The forward pass of a multilayer perceptron: [LINEAR -> activation] x (L-1), then LINEAR -> sigmoid or softmax.
 *
 * For l = 1..L: `Z<l> = W<l> A<l-1> + b<l>` with `A<0> = X`; `A<l> = g(Z<l>)` for the hidden
 * layers and `AL = sigmoid(ZL)` or `softmax(ZL)` (over each column) for the output. With
 * `{ activation: "relu", output: "sigmoid" }` it is the Deep Neural Network lab's `L_model_forward`.
 *
 * @param X - the inputs, shape (n_x, m), one column per example
 * @param parameters - W1, b1, ..., WL, bL, with `W<l>` of shape (n_l, n_prev) and `b<l>` of shape (n_l, 1)
 * @param opts - { activation = "relu" (or "tanh", "sigmoid", "leaky_relu", "linear"), output = "sigmoid" (or "softmax") }; default {}
 * @returns [AL, caches]: AL, the output probabilities, shape (n_y, m); caches, one [[A_prev, W, b], Z] per layer
 * @example const [AL, caches] = nn.mlpForward(X, parameters, { activation: "tanh", output: "softmax" });
 */
export function mlpForward(X: NDArray, parameters: Parameters, opts: MLPOptions = {}): [NDArray, MLPLayerCache[]] {
  const [activation, output] = choices(opts);
  const L = numLayers(parameters);
  if (L === 0) throw new Error("parameters hold no W1: expected W1, b1, ..., WL, bL");
  const caches: MLPLayerCache[] = [];
  let A = X;
  for (let l = 1; l <= L; l++) {
    const W = parameters["W" + l];
    const b = parameters["b" + l];
    const Z = np.dot(W, A).add(b);
    caches.push([[A, W, b], Z]);
    A = l < L ? HIDDEN[activation][0](Z) : output === "sigmoid" ? sigmoid(Z) : softmax(Z, 0);
  }
  return [A, caches];
}

/**
 * The cross-entropy cost of an MLP's output: binary for a sigmoid output, categorical for softmax.
 *
 * Sigmoid: `J = -(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL))`; softmax: `J = -(1/m) sum(Y log(AL))`
 * with one-hot Y. AL is first clipped to [1e-7, 1 - 1e-7], as Keras' `binary_crossentropy` and
 * `categorical_crossentropy` do, so a saturated output costs about 16 instead of infinity.
 *
 * @param AL - the output probabilities, shape (n_y, m)
 * @param Y - the labels: 0/1 of shape (1, m) for sigmoid, one-hot of shape (n_classes, m) for softmax
 * @param output - "sigmoid" or "softmax", as in the forward pass; default "sigmoid"
 * @returns J, a number
 * @example const cost = nn.mlpCost(AL, Y, "softmax");
 */
export function mlpCost(AL: NDArray, Y: NDArray, output: OutputActivation = "sigmoid"): number {
  if (AL.shape.join() !== Y.shape.join()) {
    throw new Error(`AL has shape (${AL.shape.join(", ")}) but Y has shape (${Y.shape.join(", ")}): reshape Y (or one-hot encode it for softmax)`);
  }
  const a = AL.data;
  const y = Y.data;
  const terms = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const p = Math.min(Math.max(a[i], EPSILON), 1 - EPSILON);
    terms[i] = output === "sigmoid" ? y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p) : y[i] * Math.log(p);
  }
  return -np.sum(new NDArray(terms, AL.shape)) / AL.shape[1];
}

/**
 * The backward pass of an MLP: the gradients of the cross-entropy cost for every layer.
 *
 * For a sigmoid output with binary cross-entropy, and for softmax with categorical cross-entropy,
 * the output layer's gradient simplifies to `dZL = AL - Y`. Then for l = L..1:
 * `dW<l> = (1/m) dZ<l> A<l-1>.T`, `db<l> = (1/m) sum(dZ<l>, axis=1, keepdims=True)`,
 * `dA<l-1> = W<l>.T dZ<l>` and `dZ<l-1> = dA<l-1> * g'(Z<l-1>)`.
 *
 * @param AL - the output probabilities from `mlpForward`, shape (n_y, m)
 * @param Y - the labels, shaped like AL (0/1 for sigmoid, one-hot for softmax)
 * @param caches - the caches from `mlpForward`
 * @param opts - the same { activation, output } as the forward pass; default {}
 * @returns grads with `dW<l>` and `db<l>` for l = 1..L, shaped like `W<l>` and `b<l>`
 * @example const grads = nn.mlpBackward(AL, Y, caches, { activation: "tanh" });
 */
export function mlpBackward(AL: NDArray, Y: NDArray, caches: MLPLayerCache[], opts: MLPOptions = {}): Parameters {
  const [activation] = choices(opts);
  const grads: Parameters = {};
  const L = caches.length;
  const m = AL.shape[1];
  let dZ = AL.subtract(Y.reshape(AL.shape));
  for (let l = L; l >= 1; l--) {
    const [[A_prev, W]] = caches[l - 1];
    grads["dW" + l] = np.dot(dZ, A_prev.T).multiply(1 / m);
    grads["db" + l] = np.sum(dZ, 1, true).multiply(1 / m);
    if (l > 1) dZ = HIDDEN[activation][1](np.dot(W.T, dZ), caches[l - 2][1]);
  }
  return grads;
}

/**
 * An MLP's predictions: class 1 where AL > 0.5 for a sigmoid output, the most probable class for softmax.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param parameters - the learnt W1, b1, ..., WL, bL
 * @param opts - the { activation, output } the network was trained with; default {}
 * @returns sigmoid: a float64 array of 0s and 1s, shape (1, m); softmax: the int64 class indices, shape (m,)
 * @example const p = nn.mlpPredict(X_test, parameters, { output: "softmax" });
 */
export function mlpPredict(X: NDArray, parameters: Parameters, opts: MLPOptions = {}): NDArray {
  const [AL] = mlpForward(X, parameters, opts);
  return (opts.output ?? "sigmoid") === "sigmoid" ? AL.greater(0.5).astype("float64") : np.argmax(AL, 0);
}

/**
 * One-hot encoding of class labels in the labs' layout: column j has a 1 in row y[j].
 *
 * Keras' `to_categorical(y, num_classes)` gives the transpose, (m, num_classes).
 *
 * @param y - the labels 0 .. n_classes - 1, m entries (any shape, read in order)
 * @param n_classes - the number of classes; default max(y) + 1
 * @returns Y, a float64 array of shape (n_classes, m)
 * @example const Y = nn.oneHot(np.array([2, 0, 1], "int64"), 3); // [[0, 1, 0], [0, 0, 1], [1, 0, 0]]
 */
export function oneHot(y: NDArray | readonly number[], n_classes?: number): NDArray {
  const labels = y instanceof NDArray ? Array.from(y.data) : [...y];
  const n = n_classes ?? (labels.length ? Math.max(...labels) + 1 : 0);
  const m = labels.length;
  const out = new Float64Array(n * m);
  labels.forEach((c, j) => {
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new Error(`label ${c} at ${j} is not a class index in 0..${n - 1}`);
    out[c * m + j] = 1;
  });
  return new NDArray(out, [n, m]);
}

/** The options of `trainMLP`. */
export interface TrainMLPOptions extends MLPOptions {
  /** The step size. Default 0.01. */
  learning_rate?: number;
  /** Passes over the training set (Keras' `epochs`). Default 100. */
  epochs?: number;
  /** Examples per mini-batch (Keras' `batch_size`); null for full-batch gradient descent. Default null. */
  batch_size?: number | null;
  /** "adam" (default) or "gd", plain gradient descent. */
  optimizer?: "adam" | "gd";
  /** How the weights start: "he" (randn * sqrt(2 / n_prev)) or "xavier" (randn / sqrt(n_prev)). Default "he" for relu and leaky_relu, else "xavier". */
  initializer?: "he" | "xavier";
  /** Seeds np.random before the weights are drawn; epoch e shuffles its mini-batches with seed + e + 1. Default 1. */
  seed?: number;
  /** Print "Cost after epoch e: J" every this many epochs (and at the last); 0 prints nothing. Default 0. */
  print_every?: number;
  /** Called after every epoch with its number (from 0), its cost and the parameters. */
  on_epoch?: (epoch: number, cost: number, parameters: Parameters) => void;
  /** Called after every update with its number (from 0, counting across epochs) and the cost of its mini-batch before the update. */
  on_batch?: (step: number, cost: number) => void;
}

/**
 * Trains a multilayer perceptron by gradient descent or Adam, full-batch or on shuffled mini-batches.
 *
 * Seeds np.random with `seed`, draws the weights (He or Xavier scale, zero biases), then for each
 * epoch cuts the examples into mini-batches (`random_mini_batches`, seed + epoch + 1) and on each
 * batch runs `mlpForward`, `mlpCost`, `mlpBackward` and one update. An epoch's cost is the mean
 * of its batches' costs, weighted by their sizes. The Optimization Methods lab's `model` does the
 * same with a fixed architecture.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the labels: (1, m) of 0/1 for a sigmoid output, one-hot (n_classes, m) for softmax
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @param opts - activation, output, learning_rate (0.01), epochs (100), batch_size (null), optimizer ("adam"), initializer, seed (1), print_every (0), on_epoch, on_batch; default {}
 * @returns {parameters, costs}: the learnt W1, b1, ..., WL, bL and the cost of every epoch
 * @example const { parameters, costs } = nn.trainMLP(X, Y, [2, 4, 1], { activation: "tanh", epochs: 500 });
 */
export function trainMLP(
  X: NDArray, Y: NDArray, layer_dims: readonly number[], opts: TrainMLPOptions = {},
): { parameters: Parameters; costs: number[] } {
  const [activation, output] = choices(opts);
  const arch = { activation, output };
  const m = X.shape[1];
  if (X.shape[0] !== layer_dims[0]) throw new Error(`X has ${X.shape[0]} rows but layer_dims[0] is ${layer_dims[0]}`);
  if (Y.shape.length !== 2 || Y.shape[0] !== layer_dims[layer_dims.length - 1] || Y.shape[1] !== m) {
    throw new Error(`Y has shape (${Y.shape.join(", ")}); expected (${layer_dims[layer_dims.length - 1]}, ${m})`);
  }
  const learning_rate = opts.learning_rate ?? 0.01;
  const epochs = opts.epochs ?? 100;
  const seed = opts.seed ?? 1;
  const print_every = opts.print_every ?? 0;
  const batch = opts.batch_size ?? null;
  const initializer = opts.initializer ?? (activation === "relu" || activation === "leaky_relu" ? "he" : "xavier");
  np.random.seed(seed);
  let parameters = initializer === "he" ? initialize_he(layer_dims) : initialize_xavier(layer_dims);
  let [v, s]: [Parameters, Parameters] = opts.optimizer === "gd" ? [{}, {}] : initialize_adam(parameters);
  let t = 0;
  let step = 0;
  const costs: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const batches: [NDArray, NDArray][] = batch === null || batch >= m ? [[X, Y]] : random_mini_batches(X, Y, batch, seed + epoch + 1);
    let total = 0;
    for (const [bX, bY] of batches) {
      const [AL, caches] = mlpForward(bX, parameters, arch);
      const batchCost = mlpCost(AL, bY, output);
      total += batchCost * bX.shape[1];
      const grads = mlpBackward(AL, bY, caches, arch);
      if (opts.optimizer === "gd") {
        parameters = update_parameters_with_gd(parameters, grads, learning_rate);
      } else {
        t += 1;
        [parameters, v, s] = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate);
      }
      opts.on_batch?.(step++, batchCost);
    }
    const cost = total / m;
    costs.push(cost);
    if (print_every > 0 && (epoch % print_every === 0 || epoch === epochs - 1)) {
      console.log(`Cost after epoch ${epoch}: ${np.str(cost)}`);
    }
    opts.on_epoch?.(epoch, cost, parameters);
  }
  return { parameters, costs };
}
