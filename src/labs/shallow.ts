// "Planar data classification with one hidden layer": 2-layer net, tanh hidden layer, sigmoid
// output. X is (n_x, m), Y (n_y, m); parameters {W1, b1, W2, b2}; cache {Z1, A1, Z2, A2}.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid, tanh } from "../nn/activations";
import { initialize_random, initializers, type InitializerName, type Parameters } from "../nn/initializers";
import { cross_entropy } from "../nn/losses";
import { update_parameters_with_gd } from "../nn/optimizers";
import { linear, scaledDot, scaledRowSum, tanhBackward } from "../nn/fused";
import { printCost } from "./printf";

export { sigmoid };
export type { Parameters };

/** What `forward_propagation` keeps for the backward pass: Z1, A1 of shape (n_h, m), Z2, A2 of shape (n_y, m). */
export interface Cache {
  Z1: NDArray;
  A1: NDArray;
  Z2: NDArray;
  A2: NDArray;
}

/**
 * The layer sizes of the 2-layer network: n_x from X, the hidden size n_h = 4, n_y from Y.
 *
 * Mirrors the Planar data classification lab's `layer_sizes`.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the labels, shape (n_y, m)
 * @returns [n_x, n_h, n_y]: the input size X.shape[0], 4, and the output size Y.shape[0]
 * @example const [n_x, n_h, n_y] = shallow.layer_sizes(...testcases.shallow.layer_sizes_test_case());
 */
export function layer_sizes(X: NDArray, Y: NDArray): [number, number, number] {
  return [X.shape[0], 4, Y.shape[0]];
}

/**
 * Small random weights and zero biases for the 2-layer network.
 *
 * Seeds np.random with 2, then `W1 = np.random.randn(n_h, n_x) * 0.01`, `b1 = zeros((n_h, 1))`,
 * `W2 = np.random.randn(n_y, n_h) * 0.01`, `b2 = zeros((n_y, 1))`. The random weights break the
 * symmetry between hidden units; keeping them small keeps tanh out of its flat tails. Mirrors
 * the Planar data classification lab's `initialize_parameters`.
 *
 * @param n_x - the size of the input layer
 * @param n_h - the size of the hidden layer
 * @param n_y - the size of the output layer
 * @returns parameters {W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)}
 * @example const parameters = shallow.initialize_parameters(2, 4, 1);
 */
export function initialize_parameters(n_x: number, n_h: number, n_y: number): Parameters {
  np.random.seed(2);
  return initialize_random([n_x, n_h, n_y], 0.01);
}

/**
 * The forward pass of the 2-layer network: `Z1 = W1 X + b1`, `A1 = tanh(Z1)`, `Z2 = W2 A1 + b2`, `A2 = sigmoid(Z2)`.
 *
 * Mirrors the Planar data classification lab's `forward_propagation`.
 *
 * @param X - the inputs, shape (n_x, m), one column per example
 * @param parameters - {W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)}
 * @returns [A2, cache]: A2, the output probabilities, shape (n_y, m); cache {Z1, A1, Z2, A2} for the backward pass
 * @example const [A2, cache] = shallow.forward_propagation(X, parameters);
 */
export function forward_propagation(X: NDArray, parameters: Parameters): [NDArray, Cache] {
  const { W1, b1, W2, b2 } = parameters;
  // np.dot(W1, X) + b1 and np.dot(W2, A1) + b2, each in one pass (nn/fused.ts: the same bits)
  const Z1 = linear(W1, X, b1);
  const A1 = tanh(Z1);
  const Z2 = linear(W2, A1, b2);
  const A2 = sigmoid(Z2);
  return [A2, { Z1, A1, Z2, A2 }];
}

/**
 * The cross-entropy cost: `J = -(1/m) * sum(Y * log(A2) + (1 - Y) * log(1 - A2))`.
 *
 * Mirrors the Planar data classification lab's `compute_cost`. `parameters` is accepted, and unused, as in the lab's older
 * signature `compute_cost(A2, Y, parameters)`.
 *
 * @param A2 - the output probabilities, shape (1, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param parameters - ignored; optional
 * @returns J, a number
 * @example const cost = shallow.compute_cost(A2, Y);
 */
export function compute_cost(A2: NDArray, Y: ArrayLike, parameters?: Parameters): number {
  void parameters;
  return cross_entropy(A2, Y);
}

/**
 * The backward pass of the 2-layer network: the gradients of the cost with respect to W1, b1, W2, b2.
 *
 * `dZ2 = A2 - Y`, `dW2 = (1/m) dZ2 A1.T`, `db2 = (1/m) sum(dZ2, axis=1, keepdims=True)`,
 * `dZ1 = W2.T dZ2 * (1 - A1^2)` (the derivative of tanh), `dW1 = (1/m) dZ1 X.T`,
 * `db1 = (1/m) sum(dZ1, axis=1, keepdims=True)`. Mirrors the Planar data classification lab's `backward_propagation`.
 *
 * @param parameters - {W1, b1, W2, b2} (only W2 is read)
 * @param cache - {Z1, A1, Z2, A2} from `forward_propagation`
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the true labels, 0 or 1, shape (n_y, m)
 * @returns grads {dW1 (n_h, n_x), db1 (n_h, 1), dW2 (n_y, n_h), db2 (n_y, 1)}
 * @example const grads = shallow.backward_propagation(parameters, cache, X, Y);
 */
export function backward_propagation(parameters: Parameters, cache: Cache, X: NDArray, Y: ArrayLike): Parameters {
  const m = X.shape[1];
  const { W2 } = parameters;
  const { A1, A2 } = cache;
  const dZ2 = A2.subtract(Y);
  // the lab's formulas, each finished in one pass (nn/fused.ts, the same bits):
  // dW2 = np.dot(dZ2, A1.T) / m, db2 = np.sum(dZ2, axis=1, keepdims=True) / m,
  // dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2)), dW1 = np.dot(dZ1, X.T) / m, db1 likewise
  const dW2 = scaledDot(dZ2, A1.T, 1 / m);
  const db2 = scaledRowSum(dZ2, 1 / m);
  const dZ1 = tanhBackward(W2.T, dZ2, A1);
  const dW1 = scaledDot(dZ1, X.T, 1 / m);
  const db1 = scaledRowSum(dZ1, 1 / m);
  return { dW1, db1, dW2, db2 };
}

/**
 * One step of gradient descent: `W = W - learning_rate * dW` and `b = b - learning_rate * db` for both layers.
 *
 * Mirrors the Planar data classification lab's `update_parameters`.
 *
 * @param parameters - {W1, b1, W2, b2}
 * @param grads - {dW1, db1, dW2, db2} from `backward_propagation`
 * @param learning_rate - the step size alpha; default 1.2, the lab's
 * @returns the updated parameters {W1, b1, W2, b2}, same shapes
 * @example parameters = shallow.update_parameters(parameters, grads, 1.2);
 */
export function update_parameters(parameters: Parameters, grads: Parameters, learning_rate = 1.2): Parameters {
  return update_parameters_with_gd(parameters, grads, learning_rate);
}

/** nnlab's additions to `nn_model`, for experiments beyond the lab. */
export interface NnModelOptions {
  /** "random" (default) is the lab's initialize_parameters; the other names are nnlab's
   *  initialisers drawing from the stream seeded by nn_model; a function gets (n_x, n_h, n_y). */
  initializer?: InitializerName | ((n_x: number, n_h: number, n_y: number) => Parameters);
  /** The step size given to `update_parameters`; default 1.2, its default. */
  learning_rate?: number;
  /** Called after each update with the iteration, the new parameters and the cost before the update. */
  on_update?: (i: number, parameters: Parameters, cost: number) => void;
}

function initialParameters(n_x: number, n_h: number, n_y: number, initializer: NnModelOptions["initializer"]): Parameters {
  if (typeof initializer === "function") return initializer(n_x, n_h, n_y);
  if (initializer === undefined || initializer === "random") return initialize_parameters(n_x, n_h, n_y);
  return initializers[initializer]([n_x, n_h, n_y]);
}

/**
 * Trains the 2-layer network (tanh hidden layer of n_h units, sigmoid output) by gradient descent.
 *
 * Seeds np.random with 3, initialises with `initialize_parameters`, then repeats
 * `forward_propagation`, `compute_cost`, `backward_propagation`, `update_parameters`
 * num_iterations times. Mirrors the Planar data classification lab's `nn_model`.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the true labels, 0 or 1, shape (n_y, m)
 * @param n_h - the size of the hidden layer
 * @param num_iterations - the number of gradient-descent steps; default 10000
 * @param print_cost - print "Cost after iteration i: ..." every 1000 iterations; default false
 * @param options - nnlab's extras: `initializer`, `learning_rate` (default 1.2), `on_update` callback; default {}
 * @returns the learnt parameters {W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)}
 * @example const parameters = shallow.nn_model(X, Y, 4, 10000, true);
 */
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

/**
 * The predicted class of each example: `A2 > 0.5` after a forward pass.
 *
 * Mirrors the Planar data classification lab's `predict`, which returns booleans (True for class 1).
 *
 * @param parameters - the learnt {W1, b1, W2, b2}
 * @param X - the inputs, shape (n_x, m)
 * @returns predictions, a bool array of shape (1, m)
 * @example const predictions = shallow.predict(parameters, X);
 */
export function predict(parameters: Parameters, X: NDArray): NDArray {
  const [A2] = forward_propagation(X, parameters);
  return A2.greater(0.5);
}
