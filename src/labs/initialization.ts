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

export type Cache = [
  z1: NDArray, a1: NDArray, W1: NDArray, b1: NDArray,
  z2: NDArray, a2: NDArray, W2: NDArray, b2: NDArray,
  z3: NDArray, a3: NDArray, W3: NDArray, b3: NDArray,
];

/** Every W and b zeros. */
export function initialize_parameters_zeros(layers_dims: readonly number[]): Parameters {
  return initialize_zeros(layers_dims);
}

/** np.random.seed(3), W = randn(n, n_prev) * 10 (deliberately too large), b = zeros. */
export function initialize_parameters_random(layers_dims: readonly number[]): Parameters {
  np.random.seed(3);
  return initialize_random(layers_dims, 10);
}

/** np.random.seed(3), W = randn(n, n_prev) * sqrt(2 / n_prev), b = zeros. */
export function initialize_parameters_he(layers_dims: readonly number[]): Parameters {
  np.random.seed(3);
  return initialize_he(layers_dims);
}

/** [a3, cache] of the 3-layer net. */
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

/** init_utils' gradients: dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1, db1 (1/m is folded into dz3). */
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

export function update_parameters(parameters: Parameters, grads: Parameters, learning_rate: number): Parameters {
  return update_parameters_with_gd(parameters, grads, learning_rate);
}

/** The cross-entropy summed with np.nansum: a saturated output (a3 of exactly 0 or 1) on the
 *  matching label contributes nothing instead of NaN, as with "random" initialisation. */
export function compute_loss(a3: NDArray, Y: ArrayLike): number {
  return cross_entropy(a3, Y, { nansum: true });
}

/** Trains the 3-layer net ([n_x, 10, 5, 1]) with the chosen initialisation; print_cost prints the
 *  loss every 1000 iterations. Returns the parameters. */
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

/** p, a (1, m) int array of 0/1 predictions (a3 > 0.5); prints the accuracy against y. */
export function predict(X: NDArray, y: NDArray, parameters: Parameters): NDArray {
  const [a3] = forward_propagation(X, parameters);
  const p = a3.greater(0.5).astype("int64");
  console.log("Accuracy: " + np.str(np.mean(p.slice(0, ":").equal(y.slice(0, ":")))));
  return p;
}

/** a3 > 0.5 as booleans, for plotting decision boundaries. */
export function predict_dec(parameters: Parameters, X: NDArray): NDArray {
  const [a3] = forward_propagation(X, parameters);
  return a3.greater(0.5);
}
