// "Planar data classification with one hidden layer": 2-layer net, tanh hidden layer, sigmoid
// output. X is (n_x, m), Y (n_y, m); parameters {W1, b1, W2, b2}; cache {Z1, A1, Z2, A2}.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid, tanh } from "../nn/activations";
import { initialize_random, initializers, type InitializerName, type Parameters } from "../nn/initializers";
import { cross_entropy } from "../nn/losses";
import { update_parameters_with_gd } from "../nn/optimizers";
import { printCost } from "./printf";

export { sigmoid };
export type { Parameters };

export interface Cache {
  Z1: NDArray;
  A1: NDArray;
  Z2: NDArray;
  A2: NDArray;
}

/** [n_x, n_h, n_y]: input size, the lab's hidden size 4, output size. */
export function layer_sizes(X: NDArray, Y: NDArray): [number, number, number] {
  return [X.shape[0], 4, Y.shape[0]];
}

/** np.random.seed(2), then W1 = randn(n_h, n_x) * 0.01, b1 = zeros, W2 = randn(n_y, n_h) * 0.01, b2 = zeros. */
export function initialize_parameters(n_x: number, n_h: number, n_y: number): Parameters {
  np.random.seed(2);
  return initialize_random([n_x, n_h, n_y], 0.01);
}

/** [A2, cache]: Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2). */
export function forward_propagation(X: NDArray, parameters: Parameters): [NDArray, Cache] {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.dot(W1, X).add(b1);
  const A1 = tanh(Z1);
  const Z2 = np.dot(W2, A1).add(b2);
  const A2 = sigmoid(Z2);
  return [A2, { Z1, A1, Z2, A2 }];
}

/** The cross-entropy cost -(1/m) sum(log(A2) Y + log(1 - A2)(1 - Y)). `parameters` is accepted
 *  (and unused) as in the lab's older signature compute_cost(A2, Y, parameters). */
export function compute_cost(A2: NDArray, Y: ArrayLike, parameters?: Parameters): number {
  void parameters;
  return cross_entropy(A2, Y);
}

/** Gradients {dW1, db1, dW2, db2}: dZ2 = A2 - Y, dZ1 = W2.T dZ2 * (1 - A1^2). */
export function backward_propagation(parameters: Parameters, cache: Cache, X: NDArray, Y: ArrayLike): Parameters {
  const m = X.shape[1];
  const { W2 } = parameters;
  const { A1, A2 } = cache;
  const dZ2 = A2.subtract(Y);
  const dW2 = np.dot(dZ2, A1.T).multiply(1 / m);
  const db2 = np.sum(dZ2, 1, true).multiply(1 / m);
  const dZ1 = np.dot(W2.T, dZ2).multiply(np.subtract(1, np.square(A1)));
  const dW1 = np.dot(dZ1, X.T).multiply(1 / m);
  const db1 = np.sum(dZ1, 1, true).multiply(1 / m);
  return { dW1, db1, dW2, db2 };
}

/** One gradient-descent step, W = W - learning_rate * dW. */
export function update_parameters(parameters: Parameters, grads: Parameters, learning_rate = 1.2): Parameters {
  return update_parameters_with_gd(parameters, grads, learning_rate);
}

export interface NnModelOptions {
  /** "random" (default) is the lab's initialize_parameters; the other names are nnlab's
   *  initialisers drawing from the stream seeded by nn_model; a function gets (n_x, n_h, n_y). */
  initializer?: InitializerName | ((n_x: number, n_h: number, n_y: number) => Parameters);
  learning_rate?: number;
  /** Called after each update with the iteration, the new parameters and the cost before the update. */
  on_update?: (i: number, parameters: Parameters, cost: number) => void;
}

function initialParameters(n_x: number, n_h: number, n_y: number, initializer: NnModelOptions["initializer"]): Parameters {
  if (typeof initializer === "function") return initializer(n_x, n_h, n_y);
  if (initializer === undefined || initializer === "random") return initialize_parameters(n_x, n_h, n_y);
  return initializers[initializer]([n_x, n_h, n_y]);
}

/** np.random.seed(3), initialise, then num_iterations of forward, cost, backward, update;
 *  print_cost prints the cost every 1000 iterations. Returns the learnt parameters. */
export function nn_model(
  X: NDArray, Y: NDArray, n_h: number, num_iterations = 10000, print_cost = false, options: NnModelOptions = {},
): Parameters {
  np.random.seed(3);
  const [n_x, , n_y] = layer_sizes(X, Y);
  let parameters = initialParameters(n_x, n_h, n_y, options.initializer);
  for (let i = 0; i < num_iterations; i++) {
    const [A2, cache] = forward_propagation(X, parameters);
    const cost = compute_cost(A2, Y, parameters);
    const grads = backward_propagation(parameters, cache, X, Y);
    parameters = update_parameters(parameters, grads, options.learning_rate);
    options.on_update?.(i, parameters, cost);
    if (print_cost && i % 1000 === 0) printCost(i, cost);
  }
  return parameters;
}

/** A2 > 0.5, a boolean (1, m) array (True is the red class in the lab's plots). */
export function predict(parameters: Parameters, X: NDArray): NDArray {
  const [A2] = forward_propagation(X, parameters);
  return A2.greater(0.5);
}
