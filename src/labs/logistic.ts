// "Logistic Regression with a Neural Network mindset": one sigmoid unit trained by gradient
// descent. w is (n_x, 1), b a number, X (n_x, m), Y (1, m).
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid } from "../nn/activations";
import { cross_entropy } from "../nn/losses";
import { printCost } from "./printf";

export { sigmoid };

/** [w, b]: a (dim, 1) column of zeros and b = 0. */
export function initialize_with_zeros(dim: number): [NDArray, number] {
  return [np.zeros([dim, 1]), 0];
}

export interface Grads {
  dw: NDArray;
  db: number;
}

/** Forward and backward pass: [grads, cost] with A = sigmoid(w.T X + b), the cross-entropy cost,
 *  dw = (1/m) X (A - Y).T and db = (1/m) sum(A - Y). */
export function propagate(w: NDArray, b: number, X: NDArray, Y: ArrayLike): [Grads, number] {
  const m = X.shape[1];
  const A = sigmoid(np.dot(w.T, X).add(b));
  const cost = cross_entropy(A, Y);
  const dZ = A.subtract(Y);
  const dw = np.dot(X, dZ.T).multiply(1 / m);
  const db = (1 / m) * np.sum(dZ);
  return [{ dw, db }, cost];
}

/** num_iterations steps of gradient descent. Returns [params {w, b}, grads {dw, db} of the last
 *  step, costs recorded every 100 iterations]; print_cost prints those costs. */
export function optimize(
  w: NDArray, b: number, X: NDArray, Y: ArrayLike, num_iterations = 100, learning_rate = 0.009, print_cost = false,
): [{ w: NDArray; b: number }, Grads, number[]] {
  if (num_iterations < 1) throw new np.ValueError("optimize needs num_iterations >= 1 to return the last gradients");
  const costs: number[] = [];
  let grads!: Grads;
  for (let i = 0; i < num_iterations; i++) {
    let cost: number;
    [grads, cost] = propagate(w, b, X, Y);
    w = w.subtract(grads.dw.multiply(learning_rate));
    b = b - learning_rate * grads.db;
    if (i % 100 === 0) {
      costs.push(cost);
      if (print_cost) printCost(i, cost);
    }
  }
  return [{ w, b }, grads, costs];
}

/** Y_prediction, a (1, m) float array: 1 where sigmoid(w.T X + b) > 0.5, else 0. */
export function predict(w: NDArray, b: number, X: NDArray): NDArray {
  const A = sigmoid(np.dot(w.reshape(X.shape[0], 1).T, X).add(b));
  return A.greater(0.5).astype("float64");
}

export interface Model {
  costs: number[];
  Y_prediction_test: NDArray;
  Y_prediction_train: NDArray;
  w: NDArray;
  b: number;
  learning_rate: number;
  num_iterations: number;
}

function accuracy(Y_prediction: NDArray, Y: ArrayLike): number {
  return 100 - np.mean(np.abs(Y_prediction.subtract(Y))) * 100;
}

/** Trains from zeros on the training set and predicts both sets. Returns the lab's dictionary d;
 *  print_cost also prints the costs and the train/test accuracies. */
export function model(
  X_train: NDArray, Y_train: ArrayLike, X_test: NDArray, Y_test: ArrayLike,
  num_iterations = 2000, learning_rate = 0.5, print_cost = false,
): Model {
  const [w0, b0] = initialize_with_zeros(X_train.shape[0]);
  const [parameters, , costs] = optimize(w0, b0, X_train, Y_train, num_iterations, learning_rate, print_cost);
  const { w, b } = parameters;
  const Y_prediction_test = predict(w, b, X_test);
  const Y_prediction_train = predict(w, b, X_train);
  if (print_cost) {
    console.log(`train accuracy: ${np.str(accuracy(Y_prediction_train, Y_train))} %`);
    console.log(`test accuracy: ${np.str(accuracy(Y_prediction_test, Y_test))} %`);
  }
  return { costs, Y_prediction_test, Y_prediction_train, w, b, learning_rate, num_iterations };
}
