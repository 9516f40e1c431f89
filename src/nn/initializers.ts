// Weight initialisers. Each W is drawn layer by layer from np.random's global stream (the caller
// seeds it, as each lab does), each b is zeros, so a seeded call gives numpy's exact values.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";

/** The labs' parameter dictionary: W1, b1, ..., WL, bL (and gradients dW1, db1, ...). */
export type Parameters = Record<string, NDArray>;

/** L, the number of layers with weights: how many "W<l>" entries the dictionary holds
 *  ("dW<l>" entries for a gradient dictionary, with prefix "d"). */
export function numLayers(parameters: Parameters, prefix = ""): number {
  const name = new RegExp(`^${prefix}W\\d+$`);
  return Object.keys(parameters).filter((k) => name.test(k)).length;
}

/** The names in the labs' order: W1, b1, W2, b2, ... (dW1, db1, ... with prefix "d"). */
export function parameterKeys(parameters: Parameters, prefix = ""): string[] {
  const keys: string[] = [];
  for (let l = 1; l <= numLayers(parameters, prefix); l++) keys.push(`${prefix}W${l}`, `${prefix}b${l}`);
  return keys;
}

function layers(layer_dims: readonly number[], makeW: (n: number, nPrev: number) => NDArray): Parameters {
  const parameters: Parameters = {};
  for (let l = 1; l < layer_dims.length; l++) {
    parameters["W" + l] = makeW(layer_dims[l], layer_dims[l - 1]);
    parameters["b" + l] = np.zeros([layer_dims[l], 1]);
  }
  return parameters;
}

/** All zeros: every hidden unit computes the same thing, so symmetry is never broken. */
export function initialize_zeros(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.zeros([n, nPrev]));
}

/** W all ones (b zeros): as symmetric as zeros, with non-zero outputs. */
export function initialize_ones(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.ones([n, nPrev]));
}

/** randn(n, n_prev) * scale: 0.01 in the labs, 10 in the Initialization lab's "random". */
export function initialize_random(layer_dims: readonly number[], scale = 0.01): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).multiply(scale));
}

/** Xavier: randn(n, n_prev) / sqrt(n_prev), written as the Deep Neural Network Application lab does. */
export function initialize_xavier(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).divide(Math.sqrt(nPrev)));
}

/** He: randn(n, n_prev) * sqrt(2 / n_prev), as in the Initialization lab. */
export function initialize_he(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).multiply(Math.sqrt(2 / nPrev)));
}

export type InitializerName = "zeros" | "ones" | "random" | "xavier" | "he";

/** The initialisers by name (random uses its default scale, 0.01). */
export const initializers: Record<InitializerName, (layer_dims: readonly number[]) => Parameters> = {
  zeros: initialize_zeros,
  ones: initialize_ones,
  random: (layer_dims) => initialize_random(layer_dims),
  xavier: initialize_xavier,
  he: initialize_he,
};
