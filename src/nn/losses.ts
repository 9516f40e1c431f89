// Losses. Y and the predictions are (outputs, examples), so m = Y.shape[1]. The per-example
// terms are formed in one pass and summed by np.sum, which adds in numpy's pairwise order.
import * as np from "../np";
import { NDArray, type ArrayLike } from "../np/ndarray";
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

/** Binary cross-entropy: -(1/m) * sum(Y * log(AL) + (1 - Y) * log(1 - AL)). */
export function cross_entropy(AL: ArrayLike, Y: ArrayLike, options: CrossEntropyOptions = {}): number {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]);
  const terms = new NDArray(out, shape);
  return -np.sum(options.nansum ? nanToZero(terms) : terms) / examples(Y);
}

/** dL/dAL of the binary cross-entropy: -(Y / AL - (1 - Y) / (1 - AL)). */
export function cross_entropy_backward(AL: ArrayLike, Y: ArrayLike): NDArray {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = -(y[i] / a[i] - (1 - y[i]) / (1 - a[i]));
  return new NDArray(out, shape);
}

/** Softmax cross-entropy for one-hot Y: -(1/m) * sum(Y * log(AL)). */
export function softmax_cross_entropy(AL: ArrayLike, Y: ArrayLike): number {
  const [out, a, y, shape] = binaryBuffers(AL, Y);
  for (let i = 0; i < out.length; i++) out[i] = y[i] * Math.log(a[i]);
  return -np.sum(new NDArray(out, shape)) / examples(Y);
}

/** Sum of squared errors, halved (Adaline's cost): sum((y - output)^2) / 2. */
export function sum_squared_errors(y: ArrayLike, output: ArrayLike): number {
  return np.sum(np.square(np.subtract(y, output))) / 2;
}
