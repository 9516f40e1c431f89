// "Logistic Regression with a Neural Network mindset": one sigmoid unit trained by gradient
// descent. w is (n_x, 1), b a number, X (n_x, m), Y (1, m).
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sigmoid } from "../nn/activations";
import { cross_entropy } from "../nn/losses";
import { printCost } from "./printf";

export { sigmoid };

/**
 * Zero weights and bias for logistic regression: w a (dim, 1) column of zeros, b = 0.
 *
 * Zeros are fine here: with a single unit there is no symmetry to break. Mirrors the Logistic
 * Regression lab's `initialize_with_zeros`.
 *
 * @param dim - the number of input features n_x (the length of w)
 * @returns [w, b]: w of shape (dim, 1), b the number 0
 * @example const [w, b] = logistic.initialize_with_zeros(2);
 */
export function initialize_with_zeros(dim: number): [NDArray, number] {
  return [np.zeros([dim, 1]), 0];
}

/** The gradients of the cost: dw of shape (n_x, 1) and db, a number. */
export interface Grads {
  dw: NDArray;
  db: number;
}

/**
 * One forward and backward pass of logistic regression: the cost and its gradients.
 *
 * Forward: `A = sigmoid(w.T X + b)`, `cost = -(1/m) * sum(Y * log(A) + (1 - Y) * log(1 - A))`.
 * Backward: `dw = (1/m) * X (A - Y).T`, `db = (1/m) * sum(A - Y)`. Mirrors the Logistic
 * Regression lab's `propagate`.
 *
 * @param w - the weights, shape (n_x, 1)
 * @param b - the bias, a number
 * @param X - the inputs, shape (n_x, m), one column per example
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @returns [grads, cost]: grads {dw of shape (n_x, 1), db a number}, and the cost, a number
 * @example const [grads, cost] = logistic.propagate(...testcases.logistic.propagate_test_case());
 */
export function propagate(w: NDArray, b: number, X: NDArray, Y: ArrayLike): [Grads, number] {
  const m = X.shape[1];
  const A = sigmoid(np.dot(w.T, X).add(b));
  const cost = cross_entropy(A, Y);
  const dZ = A.subtract(Y);
  const dw = np.dot(X, dZ.T).multiply(1 / m);
  const db = (1 / m) * np.sum(dZ);
  return [{ dw, db }, cost];
}

/**
 * Learns w and b by gradient descent: num_iterations of `propagate`, then `w = w - learning_rate * dw`, `b = b - learning_rate * db`.
 *
 * Records the cost every 100 iterations (and prints it when print_cost). Mirrors the Logistic
 * Regression lab's `optimize`.
 *
 * @param w - the initial weights, shape (n_x, 1)
 * @param b - the initial bias, a number
 * @param X - the inputs, shape (n_x, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param num_iterations - the number of gradient-descent steps, at least 1; default 100
 * @param learning_rate - the step size alpha; default 0.009
 * @param print_cost - print "Cost after iteration i: ..." every 100 iterations; default false
 * @returns [params, grads, costs]: params {w (n_x, 1), b}, the grads {dw, db} of the last step, and the costs recorded every 100 iterations
 * @example const [params, grads, costs] = logistic.optimize(w, b, X, Y, 100, 0.009, false);
 */
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

/**
 * Predicted labels: 1 where `sigmoid(w.T X + b) > 0.5`, else 0.
 *
 * Mirrors the Logistic Regression lab's `predict`.
 *
 * @param w - the learnt weights, n_x entries (reshaped to (n_x, 1))
 * @param b - the learnt bias, a number
 * @param X - the inputs, shape (n_x, m)
 * @returns Y_prediction, a float64 array of 0s and 1s, shape (1, m)
 * @example const Y_prediction = logistic.predict(...testcases.logistic.predict_test_case());
 */
export function predict(w: NDArray, b: number, X: NDArray): NDArray {
  const A = sigmoid(np.dot(w.reshape(X.shape[0], 1).T, X).add(b));
  return A.greater(0.5).astype("float64");
}

/** What `logistic.model` returns, the lab's dictionary d. */
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

/**
 * The whole logistic-regression model: initialise with zeros, optimise on the training set, predict both sets.
 *
 * With print_cost it also prints the costs and the train and test accuracies
 * (`100 - mean(|Y_prediction - Y|) * 100` percent). Mirrors the Logistic Regression lab's `model`.
 *
 * @param X_train - the training inputs, shape (n_x, m_train) (flattened, scaled images)
 * @param Y_train - the training labels, 0 or 1, shape (1, m_train)
 * @param X_test - the test inputs, shape (n_x, m_test)
 * @param Y_test - the test labels, 0 or 1, shape (1, m_test)
 * @param num_iterations - the number of gradient-descent steps; default 2000
 * @param learning_rate - the step size alpha; default 0.5
 * @param print_cost - print the cost every 100 iterations and the accuracies; default false
 * @returns d: {costs, Y_prediction_test (1, m_test), Y_prediction_train (1, m_train), w (n_x, 1), b, learning_rate, num_iterations}
 * @example const d = logistic.model(train_set_x, train_set_y, test_set_x, test_set_y, 2000, 0.005, true);
 */
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
