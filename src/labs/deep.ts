// "Building your Deep Neural Network: Step by Step" and the models of "Deep Neural Network
// Application": [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. A layer's cache is
// [linear_cache, activation_cache] = [[A_prev, W, b], Z], as the lab's tuples.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid as sigmoidOf, relu as reluOf, sigmoid_backward, relu_backward } from "../nn/activations";
import { initialize_random, initialize_xavier, numLayers, type Parameters } from "../nn/initializers";
import { cross_entropy, cross_entropy_backward } from "../nn/losses";
import { update_parameters_with_gd } from "../nn/optimizers";
import { linear, scaledDot, scaledRowSum } from "../nn/fused";

export { sigmoid_backward, relu_backward };
export type { Parameters };

/** What `linear_forward` keeps: [A_prev (n_prev, m), W (n_l, n_prev), b (n_l, 1)]. */
export type LinearCache = [A_prev: NDArray, W: NDArray, b: NDArray];
/** What an activation keeps: Z, shape (n_l, m). */
export type ActivationCache = NDArray;
/** What one layer's forward step keeps: [linear_cache, activation_cache] = [[A_prev, W, b], Z]. */
export type LayerCache = [LinearCache, ActivationCache];
/** A layer's activation, by the labs' names. */
export type Activation = "sigmoid" | "relu";

/**
 * The sigmoid with its cache: `A = 1 / (1 + exp(-Z))`, and Z kept for the backward pass.
 *
 * Mirrors dnn_utils' `sigmoid(Z)` of the Deep Neural Network labs, which returns `(A, cache)`;
 * for A alone use `nn.sigmoid`.
 *
 * @param Z - the pre-activation, shape (n_l, m)
 * @returns [A, cache]: A of the same shape as Z, and cache = Z
 * @example const [A, activation_cache] = deep.sigmoid(Z);
 */
export function sigmoid(Z: NDArray): [NDArray, ActivationCache] {
  return [sigmoidOf(Z), Z];
}

/**
 * The ReLU with its cache: `A = max(0, Z)`, and Z kept for the backward pass.
 *
 * Mirrors dnn_utils' `relu(Z)` of the Deep Neural Network labs, which returns `(A, cache)`;
 * for A alone use `nn.relu`.
 *
 * @param Z - the pre-activation, shape (n_l, m)
 * @returns [A, cache]: A of the same shape as Z, and cache = Z
 * @example const [A, activation_cache] = deep.relu(Z);
 */
export function relu(Z: NDArray): [NDArray, ActivationCache] {
  return [reluOf(Z), Z];
}

/**
 * Small random weights and zero biases for a 2-layer network (LINEAR -> RELU -> LINEAR -> SIGMOID).
 *
 * Seeds np.random with 1, then `W1 = np.random.randn(n_h, n_x) * 0.01`, `b1 = zeros((n_h, 1))`,
 * `W2 = np.random.randn(n_y, n_h) * 0.01`, `b2 = zeros((n_y, 1))`. Mirrors the Deep Neural Network Step by Step lab's
 * `initialize_parameters` (used by the Application lab's `two_layer_model`).
 *
 * @param n_x - the size of the input layer
 * @param n_h - the size of the hidden layer
 * @param n_y - the size of the output layer
 * @returns parameters {W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)}
 * @example const parameters = deep.initialize_parameters(3, 2, 1);
 */
export function initialize_parameters(n_x: number, n_h: number, n_y: number): Parameters {
  np.random.seed(1);
  return initialize_random([n_x, n_h, n_y], 0.01);
}

/** Which lab's version of `initialize_parameters_deep` to run. */
export interface DeepInitOptions {
  /** "step_by_step" (default): np.random.seed(3), W = randn * 0.01, as in the Step by Step lab.
   *  "application": np.random.seed(1), W = randn / sqrt(n_prev), as in the Application lab's
   *  dnn_app_utils, whose L_layer_model would barely learn with * 0.01. */
  variant?: "step_by_step" | "application";
}

/**
 * Random weights and zero biases for an L-layer network.
 *
 * `W<l> = np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01` after `np.random.seed(3)`, as
 * in the Deep Neural Network Step by Step lab's `initialize_parameters_deep`; with `{ variant: "application" }`, divided by
 * `sqrt(layer_dims[l-1])` instead, after `np.random.seed(1)`, as the Application lab's helper does.
 * Every `b<l>` is zeros of shape (layer_dims[l], 1).
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @param options - `{ variant: "step_by_step" | "application" }`; default the Step by Step version
 * @returns parameters W1, b1, ..., WL, bL, with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example const parameters = deep.initialize_parameters_deep([5, 4, 3]);
 */
export function initialize_parameters_deep(layer_dims: readonly number[], options: DeepInitOptions = {}): Parameters {
  if ((options.variant ?? "step_by_step") === "step_by_step") {
    np.random.seed(3);
    return initialize_random(layer_dims, 0.01);
  }
  np.random.seed(1);
  return initialize_xavier(layer_dims);
}

/**
 * The linear part of a layer's forward step: `Z = W A + b` (np.dot(W, A) + b, b broadcast over the columns).
 *
 * Mirrors the Deep Neural Network Step by Step lab's `linear_forward`.
 *
 * @param A - the previous layer's activations (or the input X), shape (n_prev, m)
 * @param W - the weights, shape (n_l, n_prev)
 * @param b - the biases, shape (n_l, 1)
 * @returns [Z, cache]: Z of shape (n_l, m), and cache = [A, W, b] for the backward pass
 * @example const [Z, linear_cache] = deep.linear_forward(...testcases.deep.linear_forward_test_case());
 */
export function linear_forward(A: NDArray, W: NDArray, b: NDArray): [NDArray, LinearCache] {
  // np.dot(W, A) + b in one pass (nn/fused.ts: the same bits)
  return [linear(W, A, b), [A, W, b]];
}

/**
 * One layer's forward step, LINEAR -> ACTIVATION: `Z = W A_prev + b`, then `A = g(Z)` with g sigmoid or relu.
 *
 * Mirrors the Deep Neural Network Step by Step lab's `linear_activation_forward`.
 *
 * @param A_prev - the previous layer's activations (or X), shape (n_prev, m)
 * @param W - the weights, shape (n_l, n_prev)
 * @param b - the biases, shape (n_l, 1)
 * @param activation - "sigmoid" or "relu"
 * @returns [A, cache]: A of shape (n_l, m), and cache = [linear_cache, activation_cache] = [[A_prev, W, b], Z]
 * @example const [A, cache] = deep.linear_activation_forward(A_prev, W, b, "relu");
 */
export function linear_activation_forward(
  A_prev: NDArray, W: NDArray, b: NDArray, activation: Activation,
): [NDArray, LayerCache] {
  const [Z, linear_cache] = linear_forward(A_prev, W, b);
  const [A, activation_cache] = activation === "sigmoid" ? sigmoid(Z) : relu(Z);
  return [A, [linear_cache, activation_cache]];
}

/**
 * The forward pass of the L-layer network: [LINEAR -> RELU] x (L-1), then LINEAR -> SIGMOID.
 *
 * L is the number of `W<l>` entries in parameters. Mirrors the Deep Neural Network Step by Step lab's `L_model_forward`.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param parameters - W1, b1, ..., WL, bL, with `W<l>` of shape (n_l, n_prev) and `b<l>` of shape (n_l, 1)
 * @returns [AL, caches]: AL, the output probabilities, shape (1, m); caches, one `[[A_prev, W, b], Z]` per layer (L entries)
 * @example const [AL, caches] = deep.L_model_forward(...testcases.deep.L_model_forward_test_case_2hidden());
 */
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

/**
 * The cross-entropy cost: `J = -(1/m) * sum(Y * log(AL) + (1 - Y) * log(1 - AL))`.
 *
 * Mirrors the Deep Neural Network Step by Step lab's `compute_cost`.
 *
 * @param AL - the output probabilities, shape (1, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @returns J, a number
 * @example const [Y, AL] = testcases.deep.compute_cost_test_case(); deep.compute_cost(AL, Y);
 */
export function compute_cost(AL: NDArray, Y: ArrayLike): number {
  return cross_entropy(AL, Y);
}

/**
 * The linear part of a layer's backward step: from dZ to the gradients of A_prev, W and b.
 *
 * `dW = (1/m) dZ A_prev.T`, `db = (1/m) sum(dZ, axis=1, keepdims=True)`, `dA_prev = W.T dZ`.
 * Mirrors the Deep Neural Network Step by Step lab's `linear_backward`.
 *
 * @param dZ - the gradient of the cost with respect to Z, shape (n_l, m)
 * @param cache - [A_prev, W, b] from `linear_forward`
 * @returns [dA_prev, dW, db]: shapes (n_prev, m), (n_l, n_prev) and (n_l, 1), like A_prev, W and b
 * @example const [dA_prev, dW, db] = deep.linear_backward(...testcases.deep.linear_backward_test_case());
 */
export function linear_backward(dZ: NDArray, cache: LinearCache): [NDArray, NDArray, NDArray] {
  const [A_prev, W] = cache;
  const m = A_prev.shape[1];
  // np.dot(dZ, A_prev.T) / m and np.sum(dZ, axis=1, keepdims=True) / m, each finished in one pass
  const dW = scaledDot(dZ, A_prev.T, 1 / m);
  const db = scaledRowSum(dZ, 1 / m);
  const dA_prev = np.dot(W.T, dZ);
  return [dA_prev, dW, db];
}

/**
 * One layer's backward step, ACTIVATION -> LINEAR: `dZ = dA * g'(Z)`, then `linear_backward`.
 *
 * Mirrors the Deep Neural Network Step by Step lab's `linear_activation_backward`.
 *
 * @param dA - the gradient of the cost with respect to this layer's A, shape (n_l, m)
 * @param cache - [linear_cache, activation_cache] from `linear_activation_forward`
 * @param activation - "sigmoid" or "relu", as in the forward step
 * @returns [dA_prev, dW, db]: shapes (n_prev, m), (n_l, n_prev) and (n_l, 1)
 * @example const [dA_prev, dW, db] = deep.linear_activation_backward(dA, cache, "relu");
 */
export function linear_activation_backward(
  dA: NDArray, cache: LayerCache, activation: Activation,
): [NDArray, NDArray, NDArray] {
  const [linear_cache, activation_cache] = cache;
  const dZ = activation === "relu" ? relu_backward(dA, activation_cache) : sigmoid_backward(dA, activation_cache);
  return linear_backward(dZ, linear_cache);
}

/**
 * The backward pass of the L-layer network: the gradients of every layer, from the output back.
 *
 * Starts from `dAL = -(Y / AL - (1 - Y) / (1 - AL))`, goes through the SIGMOID layer, then the
 * L-1 RELU layers. Mirrors the Deep Neural Network Step by Step lab's `L_model_backward`.
 *
 * @param AL - the output probabilities from `L_model_forward`, shape (1, m)
 * @param Y - the true labels, 0 or 1, reshaped to AL's shape
 * @param caches - the L caches from `L_model_forward`
 * @returns grads with `dA<l-1>`, `dW<l>`, `db<l>` for l = 1..L, each shaped like `A<l-1>`, `W<l>`, `b<l>`
 * @example const grads = deep.L_model_backward(...testcases.deep.L_model_backward_test_case());
 */
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

/**
 * One step of gradient descent on every layer: `W<l> = W<l> - learning_rate * dW<l>`, `b<l> = b<l> - learning_rate * db<l>`.
 *
 * Mirrors the Deep Neural Network Step by Step lab's `update_parameters`.
 *
 * @param params - W1, b1, ..., WL, bL
 * @param grads - dW1, db1, ..., dWL, dbL from `L_model_backward`
 * @param learning_rate - the step size alpha
 * @returns the updated parameters, same keys and shapes
 * @example parameters = deep.update_parameters(parameters, grads, 0.1);
 */
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

/**
 * Trains a 2-layer network, LINEAR -> RELU -> LINEAR -> SIGMOID, by gradient descent.
 *
 * Seeds np.random with 1, initialises with `initialize_parameters`, then repeats the forward
 * pass, cost, backward pass and update num_iterations times. Mirrors the Deep Neural Network Application lab's `two_layer_model`.
 *
 * @param X - the inputs, shape (n_x, m) (flattened, scaled images)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param layers_dims - [n_x, n_h, n_y]
 * @param learning_rate - the step size alpha; default 0.0075
 * @param num_iterations - the number of gradient-descent steps; default 3000
 * @param print_cost - print "Cost after iteration i: ..." every 100 iterations and at the last; default false
 * @returns [parameters, costs]: the learnt W1, b1, W2, b2, and the cost every 100 iterations
 * @example const [parameters, costs] = deep.two_layer_model(train_x, train_y, [784, 7, 1], 0.0075, 2500, true);
 */
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

/** nnlab's additions to `L_layer_model`. */
export interface LLayerOptions {
  /** Which initialize_parameters_deep: "application" (default, the Application lab's) or "step_by_step". */
  initialization?: DeepInitOptions["variant"];
}

/**
 * Trains an L-layer network, [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, by gradient descent.
 *
 * Seeds np.random with 1, initialises with `initialize_parameters_deep` (the Application lab's
 * version unless options say otherwise), then repeats `L_model_forward`, `compute_cost`,
 * `L_model_backward` and `update_parameters` num_iterations times. Mirrors the Deep Neural Network Application lab's `L_layer_model`.
 *
 * @param X - the inputs, shape (n_x, m) (flattened, scaled images)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param layers_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @param learning_rate - the step size alpha; default 0.0075
 * @param num_iterations - the number of gradient-descent steps; default 3000
 * @param print_cost - print "Cost after iteration i: ..." every 100 iterations and at the last; default false
 * @param options - `{ initialization: "application" | "step_by_step" }`; default {} (the Application lab's)
 * @returns [parameters, costs]: the learnt W1, b1, ..., WL, bL, and the cost every 100 iterations
 * @example const [parameters, costs] = deep.L_layer_model(train_x, train_y, [784, 20, 7, 5, 1], 0.0075, 2500, true);
 */
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

/**
 * Predicts with a trained L-layer network (1 where AL > 0.5, else 0) and prints the accuracy against y.
 *
 * Prints "Accuracy: ..." as `sum(p == y) / m`. Mirrors the Deep Neural Network Application lab's `predict`.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param y - the true labels, 0 or 1, shape (1, m)
 * @param parameters - the learnt W1, b1, ..., WL, bL
 * @returns p, a float64 array of 0s and 1s, shape (1, m)
 * @example const pred_train = deep.predict(train_x, train_y, parameters);
 */
export function predict(X: NDArray, y: ArrayLike, parameters: Parameters): NDArray {
  const m = X.shape[1];
  const [probas] = L_model_forward(X, parameters);
  const p = probas.greater(0.5).astype("float64");
  console.log("Accuracy: " + np.str(np.sum(p.equal(y).divide(m))));
  return p;
}
