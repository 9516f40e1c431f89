// Activations and their backward helpers, in the labs' layout: Z is (units, examples) and a
// backward helper takes the upstream gradient dA and the cache the forward pass kept (Z).
// Each is one elementwise pass with the labs' own formula, so values agree with numpy's to
// rounding (1/(1+exp(-z)) overflows to exactly 0 or 1 in the tails, as numpy's does).
import * as np from "../np";
import { NDArray, type ArrayLike } from "../np/ndarray";
import * as elementary from "../np/elementary";
import { binaryBuffers, unaryBuffers } from "./elementwise";

/**
 * The logistic sigmoid, `A = 1 / (1 + exp(-Z))`, of a number or elementwise of an array.
 *
 * Squashes any real number into (0, 1), so an output unit's activation reads as the probability
 * of class 1. A number gives a number, as numpy gives a scalar for a scalar; an array gives an
 * array of the same shape. Mirrors the labs' `sigmoid(z)` helper, `1 / (1 + np.exp(-z))`.
 *
 * @param Z - the pre-activation: a number, or an array such as the labs' Z of shape (n_units, m)
 * @returns A, in [0, 1] (exactly 0 or 1 far out in the tails, as in numpy): a number for a number
 * @example nn.sigmoid(0); // 0.5
 */
export function sigmoid(Z: number): number;
/**
 * The logistic sigmoid, elementwise: `A = 1 / (1 + exp(-Z))`.
 *
 * Squashes every entry into (0, 1), so an output unit's activation reads as the probability of
 * class 1. Far out in the tails the result is exactly 0 or 1, as in numpy (exp(-Z) overflows to
 * infinity or vanishes next to 1). Mirrors the labs' `sigmoid(z)` helper, `1 / (1 + np.exp(-z))`.
 *
 * @param Z - the pre-activation, any shape; in the labs Z of shape (n_units, m), one column per example
 * @returns A, a float64 array of the same shape as Z
 * @example const A = nn.sigmoid(np.array([[-1, 0, 2]]));
 */
export function sigmoid(Z: ArrayLike): NDArray;
export function sigmoid(Z: ArrayLike): NDArray | number {
  if (typeof Z === "number") return 1 / (1 + elementary.exp(-Z));
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + elementary.exp(-z[i]));
  return new NDArray(out, shape);
}

/**
 * The hyperbolic tangent, elementwise: `A = tanh(Z) = (exp(Z) - exp(-Z)) / (exp(Z) + exp(-Z))`.
 *
 * Outputs lie in (-1, 1) and are centred on 0, which is why the Planar data classification lab
 * uses it for the hidden layer. The same function as `np.tanh`.
 *
 * @param Z - the pre-activation, any shape; in the labs (n_h, m)
 * @returns A, a float64 array of the same shape as Z
 * @example const A1 = nn.tanh(np.dot(W1, X).add(b1));
 */
export function tanh(Z: ArrayLike): NDArray {
  return np.tanh(np.asarray(Z));
}

/**
 * The rectified linear unit, elementwise: `A = max(0, Z)`.
 *
 * Negative entries become 0, positive ones pass unchanged (NaN stays NaN). Mirrors dnn_utils'
 * `relu` of the Deep Neural Network labs (`np.maximum(0, Z)`), without its cache; for the
 * `[A, cache]` pair use `deep.relu`. Keras calls it the `relu` activation.
 *
 * @param Z - the pre-activation, any shape; in the labs (n_l, m)
 * @returns A, a float64 array of the same shape as Z
 * @example const A = nn.relu(np.array([[-2, 0, 3]])); // [[0, 0, 3]]
 */
export function relu(Z: ArrayLike): NDArray {
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 || z[i] !== z[i] ? z[i] : 0;
  return new NDArray(out, shape);
}

/**
 * The leaky ReLU, elementwise: `A = Z` where Z > 0, else `alpha * Z`.
 *
 * Like ReLU, but negative inputs keep a small slope, so their units still get a gradient. The
 * numpy one-liner is `np.where(Z > 0, Z, alpha * Z)`; Keras' `LeakyReLU` layer computes the same
 * function (with its own default slope).
 *
 * @param Z - the pre-activation, any shape; in the labs (n_l, m)
 * @param alpha - the slope for negative inputs; default 0.01
 * @returns A, a float64 array of the same shape as Z
 * @example const A = nn.leaky_relu(Z, 0.01);
 */
export function leaky_relu(Z: ArrayLike, alpha = 0.01): NDArray {
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 ? z[i] : alpha * z[i];
  return new NDArray(out, shape);
}

/**
 * Softmax along an axis: `A[i, j] = exp(Z[i, j]) / sum_k exp(Z[k, j])` for axis 0.
 *
 * Turns each example's scores into probabilities that are positive and sum to 1. The maximum is
 * subtracted first, `exp(Z - max(Z))`, which gives the same result without overflowing for large
 * scores. The same function as `scipy.special.softmax(Z, axis=axis)` and Keras' `softmax` activation.
 *
 * @param Z - the scores; in the labs (n_classes, m), one column per example
 * @param axis - the axis to normalise along; default 0 (each column is one example)
 * @returns A, a float64 array of the same shape as Z whose slices along `axis` sum to 1
 * @example const A = nn.softmax(np.array([[1, 2], [3, 4], [0, 0]]));
 */
export function softmax(Z: ArrayLike, axis = 0): NDArray {
  const e = np.exp(np.subtract(Z, np.max(Z, axis, true)));
  return np.divide(e, np.sum(e, axis, true));
}

/**
 * The sigmoid's backward step: `dZ = dA * s * (1 - s)` with `s = 1 / (1 + exp(-Z))`.
 *
 * Chains the upstream gradient dA = dL/dA through A = sigmoid(Z), using the Z the forward pass
 * kept in its cache. Mirrors dnn_utils' `sigmoid_backward(dA, cache)` of the Deep Neural Network
 * Step by Step lab.
 *
 * @param dA - the gradient of the cost with respect to A, shape (n_l, m)
 * @param cache - Z, the pre-activation the forward pass kept, same shape as dA
 * @returns dZ, the gradient with respect to Z, shape (n_l, m)
 * @example const dZ = nn.sigmoid_backward(dA, Z);
 */
export function sigmoid_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) {
    const s = 1 / (1 + elementary.exp(-z[i]));
    out[i] = da[i] * s * (1 - s);
  }
  return new NDArray(out, shape);
}

/**
 * The ReLU's backward step: `dZ = dA` where Z > 0, else 0.
 *
 * The gradient passes through the units that were active in the forward pass and stops at the
 * others. Mirrors dnn_utils' `relu_backward(dA, cache)` of the Deep Neural Network Step by Step
 * lab (`dZ = np.array(dA, copy=True); dZ[Z <= 0] = 0`).
 *
 * @param dA - the gradient of the cost with respect to A, shape (n_l, m)
 * @param cache - Z, the pre-activation the forward pass kept, same shape as dA
 * @returns dZ, the gradient with respect to Z, shape (n_l, m)
 * @example const dZ = nn.relu_backward(dA, Z);
 */
export function relu_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) out[i] = z[i] <= 0 ? 0 : da[i];
  return new NDArray(out, shape);
}

/**
 * The tanh's backward step: `dZ = dA * (1 - tanh(Z)^2)`.
 *
 * The Planar data classification lab writes the same factor inline as `(1 - np.power(A1, 2))`,
 * since A1 = tanh(Z1).
 *
 * @param dA - the gradient of the cost with respect to A, shape (n_h, m)
 * @param cache - Z, the pre-activation the forward pass kept, same shape as dA
 * @returns dZ, the gradient with respect to Z, shape (n_h, m)
 * @example const dZ1 = nn.tanh_backward(dA1, Z1);
 */
export function tanh_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) {
    const t = elementary.tanh(z[i]);
    out[i] = da[i] * (1 - t * t);
  }
  return new NDArray(out, shape);
}

/**
 * The leaky ReLU's backward step: `dZ = dA` where Z > 0, else `alpha * dA`.
 *
 * @param dA - the gradient of the cost with respect to A, shape (n_l, m)
 * @param cache - Z, the pre-activation the forward pass kept, same shape as dA
 * @param alpha - the slope for negative inputs, as given to `leaky_relu`; default 0.01
 * @returns dZ, the gradient with respect to Z, shape (n_l, m)
 * @example const dZ = nn.leaky_relu_backward(dA, Z, 0.01);
 */
export function leaky_relu_backward(dA: ArrayLike, cache: ArrayLike, alpha = 0.01): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 ? da[i] : alpha * da[i];
  return new NDArray(out, shape);
}
