// Activations and their backward helpers, in the labs' layout: Z is (units, examples) and a
// backward helper takes the upstream gradient dA and the cache the forward pass kept (Z).
// Each is one elementwise pass with the labs' own formula, so values agree with numpy's to
// rounding (1/(1+exp(-z)) overflows to exactly 0 or 1 in the tails, as numpy's does).
import * as np from "../np";
import { NDArray, type ArrayLike } from "../np/ndarray";
import { binaryBuffers, unaryBuffers } from "./elementwise";

/** 1 / (1 + exp(-Z)); a number gives a number, as numpy gives a scalar for a scalar. */
export function sigmoid(Z: number): number;
export function sigmoid(Z: ArrayLike): NDArray;
export function sigmoid(Z: ArrayLike): NDArray | number {
  if (typeof Z === "number") return 1 / (1 + Math.exp(-Z));
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-z[i]));
  return new NDArray(out, shape);
}

/** np.tanh */
export function tanh(Z: ArrayLike): NDArray {
  return np.tanh(Z);
}

/** np.maximum(0, Z) (NaN stays NaN). */
export function relu(Z: ArrayLike): NDArray {
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 || z[i] !== z[i] ? z[i] : 0;
  return new NDArray(out, shape);
}

/** np.where(Z > 0, Z, alpha * Z) */
export function leaky_relu(Z: ArrayLike, alpha = 0.01): NDArray {
  const [out, z, shape] = unaryBuffers(Z);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 ? z[i] : alpha * z[i];
  return new NDArray(out, shape);
}

/** Softmax along `axis` (0: each column is one example's scores), shifted by the maximum so
 *  large scores cannot overflow. */
export function softmax(Z: ArrayLike, axis = 0): NDArray {
  const e = np.exp(np.subtract(Z, np.max(Z, axis, true)));
  return np.divide(e, np.sum(e, axis, true));
}

/** dZ = dA * s * (1 - s) with s = sigmoid(Z). */
export function sigmoid_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) {
    const s = 1 / (1 + Math.exp(-z[i]));
    out[i] = da[i] * s * (1 - s);
  }
  return new NDArray(out, shape);
}

/** dZ = dA where Z > 0, else 0 (the lab's dZ[Z <= 0] = 0 on a copy of dA). */
export function relu_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) out[i] = z[i] <= 0 ? 0 : da[i];
  return new NDArray(out, shape);
}

/** dZ = dA * (1 - tanh(Z)^2). */
export function tanh_backward(dA: ArrayLike, cache: ArrayLike): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) {
    const t = Math.tanh(z[i]);
    out[i] = da[i] * (1 - t * t);
  }
  return new NDArray(out, shape);
}

/** dZ = dA where Z > 0, else alpha * dA. */
export function leaky_relu_backward(dA: ArrayLike, cache: ArrayLike, alpha = 0.01): NDArray {
  const [out, da, z, shape] = binaryBuffers(dA, cache);
  for (let i = 0; i < out.length; i++) out[i] = z[i] > 0 ? da[i] : alpha * da[i];
  return new NDArray(out, shape);
}
