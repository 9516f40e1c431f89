// "Initialization": the same 3-layer net (LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID)
// trained from zeros, from large random weights and with He initialisation, plus init_utils'
// helpers the lab's model uses. The forward cache is the lab's 12-tuple.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { relu, sigmoid } from "../nn/activations";
import { initialize_he, initialize_random, initialize_zeros, type Parameters } from "../nn/initializers";
import { cross_entropy } from "../nn/losses";
import { update_parameters_with_gd } from "../nn/optimizers";

export type { Parameters };

/** What the forward pass keeps, the lab's 12-tuple: (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3). */
export type Cache = [
  z1: NDArray, a1: NDArray, W1: NDArray, b1: NDArray,
  z2: NDArray, a2: NDArray, W2: NDArray, b2: NDArray,
  z3: NDArray, a3: NDArray, W3: NDArray, b3: NDArray,
];

/**
 * Zero initialisation: every `W<l>` and `b<l>` all zeros.
 *
 * The Initialization lab's first experiment: the hidden units of a layer all stay identical, so the network
 * does no better than a single unit per layer (a cost stuck at 0.693, half the points right).
 * Mirrors the Initialization lab's `initialize_parameters_zeros`.
 *
 * @param layers_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layers_dims[l], layers_dims[l-1]) and `b<l>` of shape (layers_dims[l], 1)
 * @example const parameters = initialization.initialize_parameters_zeros([3, 2, 1]);
 */
export function initialize_parameters_zeros(layers_dims: readonly number[]): Parameters {
  return initialize_zeros(layers_dims);
}

/**
 * Large random initialisation: `W<l> = np.random.randn(n_l, n_prev) * 10` after `np.random.seed(3)`, `b<l>` zeros.
 *
 * Deliberately too large: the sigmoid output saturates at 0 or 1, the first costs are huge and
 * learning is slow. Mirrors the Initialization lab's `initialize_parameters_random`.
 *
 * @param layers_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layers_dims[l], layers_dims[l-1]) and `b<l>` of shape (layers_dims[l], 1)
 * @example const parameters = initialization.initialize_parameters_random([3, 2, 1]);
 */
export function initialize_parameters_random(layers_dims: readonly number[]): Parameters {
  np.random.seed(3);
  return initialize_random(layers_dims, 10);
}

/**
 * He initialisation: `W<l> = np.random.randn(n_l, n_prev) * sqrt(2 / n_prev)` after `np.random.seed(3)`, `b<l>` zeros.
 *
 * The scale suited to ReLU layers, and the lab's winner. Mirrors the Initialization lab's `initialize_parameters_he`.
 *
 * @param layers_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layers_dims[l], layers_dims[l-1]) and `b<l>` of shape (layers_dims[l], 1)
 * @example const parameters = initialization.initialize_parameters_he([2, 4, 1]);
 */
export function initialize_parameters_he(layers_dims: readonly number[]): Parameters {
  np.random.seed(3);
  return initialize_he(layers_dims);
}

/**
 * The forward pass of the 3-layer network: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
 *
 * `z1 = W1 X + b1`, `a1 = relu(z1)`, `z2 = W2 a1 + b2`, `a2 = relu(z2)`, `z3 = W3 a2 + b3`,
 * `a3 = sigmoid(z3)`. Mirrors init_utils' `forward_propagation`, used by the Initialization lab.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param parameters - W1, b1, W2, b2, W3, b3, with `W<l>` of shape (n_l, n_prev) and `b<l>` of shape (n_l, 1)
 * @returns [a3, cache]: a3, the output probabilities, shape (1, m); cache, the 12-tuple (z1, a1, W1, b1, ..., z3, a3, W3, b3)
 * @example const [a3, cache] = initialization.forward_propagation(X, parameters);
 */
export function forward_propagation(X: NDArray, parameters: Parameters): [NDArray, Cache] {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const z1 = np.dot(W1, X).add(b1);
  const a1 = relu(z1);
  const z2 = np.dot(W2, a1).add(b2);
  const a2 = relu(z2);
  const z3 = np.dot(W3, a2).add(b3);
  const a3 = sigmoid(z3);
  return [a3, [z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3]];
}

/**
 * The backward pass of the 3-layer network: the gradients of the cost for every layer.
 *
 * `dz3 = (1/m) (a3 - Y)`, `dW3 = dz3 a2.T`, `db3 = sum(dz3, axis=1, keepdims=True)`,
 * `da2 = W3.T dz3`, `dz2 = da2 * (a2 > 0)`, and the same down to dW1, db1 (the 1/m is folded into
 * dz3). Mirrors init_utils' `backward_propagation`, used by the Initialization lab.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param cache - the 12-tuple from `forward_propagation`
 * @returns gradients {dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1, db1}, each shaped like its z, a, W or b
 * @example const grads = initialization.backward_propagation(X, Y, cache);
 */
export function backward_propagation(X: NDArray, Y: ArrayLike, cache: Cache): Parameters {
  const m = X.shape[1];
  const [, a1, , , , a2, W2, , , a3, W3] = cache;
  const dz3 = a3.subtract(Y).multiply(1 / m);
  const dW3 = np.dot(dz3, a2.T);
  const db3 = np.sum(dz3, 1, true);
  const da2 = np.dot(W3.T, dz3);
  const dz2 = da2.multiply(a2.greater(0));
  const dW2 = np.dot(dz2, a1.T);
  const db2 = np.sum(dz2, 1, true);
  const da1 = np.dot(W2.T, dz2);
  const dz1 = da1.multiply(a1.greater(0));
  const dW1 = np.dot(dz1, X.T);
  const db1 = np.sum(dz1, 1, true);
  return { dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1, db1 };
}

/**
 * One step of gradient descent: `W<l> = W<l> - learning_rate * dW<l>`, `b<l> = b<l> - learning_rate * db<l>`.
 *
 * Mirrors init_utils' `update_parameters`, used by the Initialization lab.
 *
 * @param parameters - W1, b1, W2, b2, W3, b3
 * @param grads - the gradients from `backward_propagation` (only dW<l>, db<l> are read)
 * @param learning_rate - the step size alpha
 * @returns the updated parameters, same keys and shapes
 * @example parameters = initialization.update_parameters(parameters, grads, 0.01);
 */
export function update_parameters(parameters: Parameters, grads: Parameters, learning_rate: number): Parameters {
  return update_parameters_with_gd(parameters, grads, learning_rate);
}

/**
 * The cross-entropy loss, summed with np.nansum: `J = -(1/m) * nansum(Y * log(a3) + (1 - Y) * log(1 - a3))`.
 *
 * With "random" initialisation the output saturates at exactly 0 or 1; on the matching label the
 * term 0 * log(0) is NaN, which nansum counts as 0. Mirrors init_utils' `compute_loss`, used by the Initialization lab.
 *
 * @param a3 - the output probabilities, shape (1, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @returns J, a number
 * @example const cost = initialization.compute_loss(a3, Y);
 */
export function compute_loss(a3: NDArray, Y: ArrayLike): number {
  return cross_entropy(a3, Y, { nansum: true });
}

/**
 * Trains the 3-layer network, layers [n_x, 10, 5, 1], by gradient descent from the chosen initialisation.
 *
 * Initialises with `initialize_parameters_zeros`, `_random` or `_he`, then repeats
 * `forward_propagation`, `compute_loss`, `backward_propagation` and `update_parameters`.
 * Mirrors the Initialization lab's `model`.
 *
 * @param X - the inputs, shape (2, m) in the lab
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param learning_rate - the step size alpha; default 0.01
 * @param num_iterations - the number of gradient-descent steps; default 15000
 * @param print_cost - print "Cost after iteration i: ..." every 1000 iterations; default true
 * @param initialization - "zeros", "random" or "he"; default "he"
 * @returns the learnt parameters W1, b1, W2, b2, W3, b3
 * @example const parameters = initialization.model(train_X, train_Y, 0.01, 15000, true, "he");
 */
export function model(
  X: NDArray, Y: ArrayLike, learning_rate = 0.01, num_iterations = 15000, print_cost = true,
  initialization: "zeros" | "random" | "he" = "he",
): Parameters {
  const layers_dims = [X.shape[0], 10, 5, 1];
  const initialize = {
    zeros: initialize_parameters_zeros,
    random: initialize_parameters_random,
    he: initialize_parameters_he,
  }[initialization];
  let parameters = initialize(layers_dims);
  for (let i = 0; i < num_iterations; i++) {
    const [a3, cache] = forward_propagation(X, parameters);
    const cost = compute_loss(a3, Y);
    const grads = backward_propagation(X, Y, cache);
    parameters = update_parameters(parameters, grads, learning_rate);
    if (print_cost && i % 1000 === 0) console.log(`Cost after iteration ${i}: ${np.str(cost)}`);
  }
  return parameters;
}

/**
 * Predicts with the trained 3-layer network (1 where a3 > 0.5, else 0) and prints the accuracy against y.
 *
 * Prints "Accuracy: ..." as `mean(p[0, :] == y[0, :])`. Mirrors init_utils' `predict`, used by the Initialization lab.
 *
 * @param X - the inputs, shape (n_x, m)
 * @param y - the true labels, 0 or 1, shape (1, m)
 * @param parameters - the learnt W1, b1, W2, b2, W3, b3
 * @returns p, an int64 array of 0s and 1s, shape (1, m)
 * @example const predictions_train = initialization.predict(train_X, train_Y, parameters);
 */
export function predict(X: NDArray, y: NDArray, parameters: Parameters): NDArray {
  const [a3] = forward_propagation(X, parameters);
  const p = a3.greater(0.5).astype("int64");
  console.log("Accuracy: " + np.str(np.mean(p.slice(0, ":").equal(y.slice(0, ":")))));
  return p;
}

/**
 * The predicted class of each example, `a3 > 0.5`, for plotting decision boundaries.
 *
 * Mirrors init_utils' `predict_dec`, used by the Initialization lab with `plot_decision_boundary`.
 *
 * @param parameters - the learnt W1, b1, W2, b2, W3, b3
 * @param X - the inputs, shape (n_x, k)
 * @returns predictions, a bool array of shape (1, k)
 * @example plot.show(plot.decisionBoundary((G) => initialization.predict_dec(parameters, G), train_X, train_Y));
 */
export function predict_dec(parameters: Parameters, X: NDArray): NDArray {
  const [a3] = forward_propagation(X, parameters);
  return a3.greater(0.5);
}
