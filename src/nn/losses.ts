// Losses. Y and the predictions are (outputs, examples), so m = Y.shape[1]. The per-example
// terms are formed in one pass and summed by np.sum, which adds in numpy's pairwise order.
import * as np from "../np";
import { NDArray, type ArrayLike } from "../np/ndarray";
import * as elementary from "../np/elementary";
import { binaryBuffers } from "./elementwise";

function examples(Y: ArrayLike): number {
  const shape = np.shape(Y);
  return shape.length < 2 ? shape[0] ?? 1 : shape[1];
}

/** numpy's nansum: NaN terms count as zero. */
function nanToZero(a: NDArray): NDArray {
  return a.putmask(np.isnan(a), 0);
}

export interface CrossEntropyOptions {
  /** Sum with np.nansum, as the Initialization lab's compute_loss does: 0 * log(0) terms drop out. */
  nansum?: boolean;
}

/**
 * The binary cross-entropy cost: `J = -(1/m) * sum(Y * log(AL) + (1 - Y) * log(1 - AL))`.
 *
 * The labs' `compute_cost`: the average, over the m examples, of how surprised the network is by
 * each true label. m is Y.shape[1] (the length of Y when it is 1-D). Keras' `BinaryCrossentropy`
 * computes the same mean, after clipping AL away from 0 and 1.
 *
 * @param AL - the predicted probabilities, shape (1, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @param options - `{ nansum: true }` sums with np.nansum as the Initialization lab does, so 0 * log(0) terms count as 0; default {}
 * @returns J, a number
 * @example const cost = nn.cross_entropy(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 1]]));
 */
export function cross_entropy(AL: ArrayLike, Y: ArrayLike, options: CrossEntropyOptions = {}): number {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = y[i] * elementary.log(a[i]) + (1 - y[i]) * elementary.log(1 - a[i]);
  const terms = new NDArray(out, shape);
  return -np.sum(options.nansum ? nanToZero(terms) : terms) / examples(Y);
}

/**
 * The gradient of the binary cross-entropy with respect to AL: `dAL = -(Y / AL - (1 - Y) / (1 - AL))`.
 *
 * The first step of backpropagation, the Deep Neural Network Step by Step lab's
 * `dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))` (without the 1/m, which the labs apply
 * in `linear_backward`).
 *
 * @param AL - the predicted probabilities, shape (1, m)
 * @param Y - the true labels, 0 or 1, shape (1, m)
 * @returns dAL, shape (1, m)
 * @example const dAL = nn.cross_entropy_backward(AL, Y);
 */
export function cross_entropy_backward(AL: ArrayLike, Y: ArrayLike): NDArray {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = -(y[i] / a[i] - (1 - y[i]) / (1 - a[i]));
  return new NDArray(out, shape);
}

/**
 * The categorical cross-entropy cost for one-hot labels: `J = -(1/m) * sum(Y * log(AL))`.
 *
 * The cost for a softmax output layer: only each example's true class contributes, with
 * -log(its probability). Keras calls it `categorical_crossentropy`.
 *
 * @param AL - the softmax probabilities, shape (n_classes, m)
 * @param Y - the one-hot labels, shape (n_classes, m)
 * @returns J, a number
 * @example const cost = nn.softmax_cross_entropy(nn.softmax(Z), Y);
 */
export function softmax_cross_entropy(AL: ArrayLike, Y: ArrayLike): number {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = y[i] * elementary.log(a[i]);
  return -np.sum(new NDArray(out, shape)) / examples(Y);
}

/**
 * Half the sum of squared errors: `J = sum((y - output)^2) / 2`.
 *
 * Adaline's cost in Raschka's single-layer networks chapter (`cost = (errors**2).sum() / 2.0`);
 * the 1/2 makes its gradient simply -(y - output) times the input.
 *
 * @param y - the targets, any shape (Adaline: (n_samples,) of -1/1)
 * @param output - the outputs, the same shape as y
 * @returns J, a number
 * @example const cost = nn.sum_squared_errors([1, -1], [0.5, -0.5]); // 0.25
 */
export function sum_squared_errors(y: ArrayLike, output: ArrayLike): number {
  return np.sum(np.square(np.subtract(y, output))) / 2;
}
