// "Building your Deep Neural Network: Step by Step" and the models of "Deep Neural Network
// Application": [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. A layer's cache is
// [linear_cache, activation_cache] = [[A_prev, W, b], Z], as the lab's tuples.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid as sigmoidOf, relu as reluOf, sigmoid_backward, relu_backward } from "../nn/activations";
import { initialize_random, initialize_xavier, numLayers, type Parameters } from "../nn/initializers";
import { cross_entropy, cross_entropy_backward } from "../nn/losses";
import { update_parameters_with_gd } from "../nn/optimizers";

export { sigmoid_backward, relu_backward };
export type { Parameters };

export type LinearCache = [A_prev: NDArray, W: NDArray, b: NDArray];
export type ActivationCache = NDArray;
export type LayerCache = [LinearCache, ActivationCache];
export type Activation = "sigmoid" | "relu";

/** dnn_utils' sigmoid: [A, cache] with cache = Z. */
export function sigmoid(Z: NDArray): [NDArray, ActivationCache] {
  return [sigmoidOf(Z), Z];
}

/** dnn_utils' relu: [A, cache] with cache = Z. */
export function relu(Z: NDArray): [NDArray, ActivationCache] {
  return [reluOf(Z), Z];
}

/** 2-layer initialisation: np.random.seed(1), then W1 = randn(n_h, n_x) * 0.01, b1 = zeros,
 *  W2 = randn(n_y, n_h) * 0.01, b2 = zeros. */
export function initialize_parameters(n_x: number, n_h: number, n_y: number): Parameters {
  np.random.seed(1);
  return initialize_random([n_x, n_h, n_y], 0.01);
}

export interface DeepInitOptions {
  /** "step_by_step" (default): np.random.seed(3), W = randn * 0.01, as in the Step by Step lab.
   *  "application": np.random.seed(1), W = randn / sqrt(n_prev), as in the Application lab's
   *  dnn_app_utils, whose L_layer_model would barely learn with * 0.01. */
  variant?: "step_by_step" | "application";
}

/** W<l> = randn(layer_dims[l], layer_dims[l-1]) scaled per the variant, b<l> = zeros. */
export function initialize_parameters_deep(layer_dims: readonly number[], options: DeepInitOptions = {}): Parameters {
  if ((options.variant ?? "step_by_step") === "step_by_step") {
    np.random.seed(3);
    return initialize_random(layer_dims, 0.01);
  }
  np.random.seed(1);
  return initialize_xavier(layer_dims);
}

/** [Z, cache]: Z = W A + b, cache = [A, W, b]. */
export function linear_forward(A: NDArray, W: NDArray, b: NDArray): [NDArray, LinearCache] {
  return [np.dot(W, A).add(b), [A, W, b]];
}

/** [A, cache]: the linear step followed by the activation. */
export function linear_activation_forward(
  A_prev: NDArray, W: NDArray, b: NDArray, activation: Activation,
): [NDArray, LayerCache] {
  const [Z, linear_cache] = linear_forward(A_prev, W, b);
  const [A, activation_cache] = activation === "sigmoid" ? sigmoid(Z) : relu(Z);
  return [A, [linear_cache, activation_cache]];
}

/** [AL, caches]: L-1 RELU layers then a SIGMOID layer; caches holds one entry per layer. */
export function L_model_forward(X: NDArray, parameters: Parameters): [NDArray, LayerCache[]] {
  const caches: LayerCache[] = [];
  let A = X;
  const L = numLayers(parameters);
  for (let l = 1; l < L; l++) {
    let cache: LayerCache;
    [A, cache] = linear_activation_forward(A, parameters["W" + l], parameters["b" + l], "relu");
    caches.push(cache);
  }
  const [AL, cache] = linear_activation_forward(A, parameters["W" + L], parameters["b" + L], "sigmoid");
  caches.push(cache);
  return [AL, caches];
}

/** The cross-entropy cost -(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL)). */
export function compute_cost(AL: NDArray, Y: ArrayLike): number {
  return cross_entropy(AL, Y);
}

/** [dA_prev, dW, db] from dZ: dW = (1/m) dZ A_prev.T, db = (1/m) sum(dZ, axis 1), dA_prev = W.T dZ. */
export function linear_backward(dZ: NDArray, cache: LinearCache): [NDArray, NDArray, NDArray] {
  const [A_prev, W] = cache;
  const m = A_prev.shape[1];
  const dW = np.dot(dZ, A_prev.T).multiply(1 / m);
  const db = np.sum(dZ, 1, true).multiply(1 / m);
  const dA_prev = np.dot(W.T, dZ);
  return [dA_prev, dW, db];
}

/** [dA_prev, dW, db]: the activation's backward step, then the linear one. */
export function linear_activation_backward(
  dA: NDArray, cache: LayerCache, activation: Activation,
): [NDArray, NDArray, NDArray] {
  const [linear_cache, activation_cache] = cache;
  const dZ = activation === "relu" ? relu_backward(dA, activation_cache) : sigmoid_backward(dA, activation_cache);
  return linear_backward(dZ, linear_cache);
}

/** Gradients dA<l-1>, dW<l>, db<l> for every layer, from dAL = -(Y/AL - (1-Y)/(1-AL)). */
export function L_model_backward(AL: NDArray, Y: NDArray, caches: LayerCache[]): Parameters {
  const grads: Parameters = {};
  const L = caches.length;
  const dAL = cross_entropy_backward(AL, Y.reshape(AL.shape));
  [grads["dA" + (L - 1)], grads["dW" + L], grads["db" + L]] = linear_activation_backward(dAL, caches[L - 1], "sigmoid");
  for (let l = L - 2; l >= 0; l--) {
    [grads["dA" + l], grads["dW" + (l + 1)], grads["db" + (l + 1)]] =
      linear_activation_backward(grads["dA" + (l + 1)], caches[l], "relu");
  }
  return grads;
}

/** One gradient-descent step on every W<l>, b<l>. */
export function update_parameters(params: Parameters, grads: Parameters, learning_rate: number): Parameters {
  return update_parameters_with_gd(params, grads, learning_rate);
}

/** The models' bookkeeping: print every 100 iterations and at the last when print_cost
 *  (the lab's condition lacks the parentheses and prints the last one regardless); record every 100. */
function logCost(print_cost: boolean, i: number, num_iterations: number, cost: number, costs: number[]): void {
  if (print_cost && (i % 100 === 0 || i === num_iterations - 1)) {
    console.log(`Cost after iteration ${i}: ${np.str(cost)}`);
  }
  if (i % 100 === 0) costs.push(cost);
}

/** LINEAR -> RELU -> LINEAR -> SIGMOID with np.random.seed(1) and initialize_parameters.
 *  Returns [parameters, costs]. */
export function two_layer_model(
  X: NDArray, Y: NDArray, layers_dims: readonly number[],
  learning_rate = 0.0075, num_iterations = 3000, print_cost = false,
): [Parameters, number[]] {
  np.random.seed(1);
  const costs: number[] = [];
  const [n_x, n_h, n_y] = layers_dims;
  let parameters = initialize_parameters(n_x, n_h, n_y);
  for (let i = 0; i < num_iterations; i++) {
    const { W1, b1, W2, b2 } = parameters;
    const [A1, cache1] = linear_activation_forward(X, W1, b1, "relu");
    const [A2, cache2] = linear_activation_forward(A1, W2, b2, "sigmoid");
    const cost = compute_cost(A2, Y);
    const dA2 = cross_entropy_backward(A2, Y);
    const [dA1, dW2, db2] = linear_activation_backward(dA2, cache2, "sigmoid");
    const [, dW1, db1] = linear_activation_backward(dA1, cache1, "relu");
    parameters = update_parameters(parameters, { dW1, db1, dW2, db2 }, learning_rate);
    logCost(print_cost, i, num_iterations, cost, costs);
  }
  return [parameters, costs];
}

export interface LLayerOptions {
  /** Which initialize_parameters_deep: "application" (default, the Application lab's) or "step_by_step". */
  initialization?: DeepInitOptions["variant"];
}

/** [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID with np.random.seed(1). Returns [parameters, costs]. */
export function L_layer_model(
  X: NDArray, Y: NDArray, layers_dims: readonly number[],
  learning_rate = 0.0075, num_iterations = 3000, print_cost = false, options: LLayerOptions = {},
): [Parameters, number[]] {
  np.random.seed(1);
  const costs: number[] = [];
  let parameters = initialize_parameters_deep(layers_dims, { variant: options.initialization ?? "application" });
  for (let i = 0; i < num_iterations; i++) {
    const [AL, caches] = L_model_forward(X, parameters);
    const cost = compute_cost(AL, Y);
    const grads = L_model_backward(AL, Y, caches);
    parameters = update_parameters(parameters, grads, learning_rate);
    logCost(print_cost, i, num_iterations, cost, costs);
  }
  return [parameters, costs];
}

/** p, a (1, m) float array of 0/1 predictions (probability > 0.5); prints the accuracy against y. */
export function predict(X: NDArray, y: ArrayLike, parameters: Parameters): NDArray {
  const m = X.shape[1];
  const [probas] = L_model_forward(X, parameters);
  const p = probas.greater(0.5).astype("float64");
  console.log("Accuracy: " + np.str(np.sum(p.equal(y).divide(m))));
  return p;
}
