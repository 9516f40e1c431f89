// Weight initialisers. Each W is drawn layer by layer from np.random's global stream (the caller
// seeds it, as each lab does), each b is zeros, so a seeded call gives numpy's exact values.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";

/** The labs' parameter dictionary: W1, b1, ..., WL, bL (and gradients dW1, db1, ...). */
export type Parameters = Record<string, NDArray>;

/**
 * L, the number of layers with weights: how many `W<l>` entries a parameter dictionary holds.
 *
 * The labs write this as `L = len(parameters) // 2`. With prefix "d" it counts the `dW<l>`
 * entries of a gradient dictionary instead, ignoring extra entries such as `dA1`.
 *
 * @param parameters - a dictionary W1, b1, ..., WL, bL (or dW1, db1, ... with prefix "d")
 * @param prefix - what precedes "W" in the names to count; default "" ("d" for gradients)
 * @returns L, a number
 * @example const L = nn.numLayers(parameters); // 2 for {W1, b1, W2, b2}
 */
export function numLayers(parameters: Parameters, prefix = ""): number {
  const name = new RegExp(`^${prefix}W\\d+$`);
  return Object.keys(parameters).filter((k) => name.test(k)).length;
}

/**
 * The parameter names in the labs' order: W1, b1, W2, b2, ..., WL, bL.
 *
 * With prefix "d", the gradient names dW1, db1, ..., dWL, dbL. The optimisers and gradient
 * checking walk the dictionaries in this order.
 *
 * @param parameters - a dictionary W1, b1, ..., WL, bL (or dW1, db1, ... with prefix "d")
 * @param prefix - what precedes "W" and "b" in the names; default "" ("d" for gradients)
 * @returns the names, an array of 2L strings
 * @example nn.parameterKeys(grads, "d"); // ["dW1", "db1", "dW2", "db2"]
 */
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

/**
 * Zero initialisation: every `W<l>` and `b<l>` all zeros.
 *
 * Every hidden unit of a layer then computes the same output and receives the same gradient, so
 * the units never become different ("symmetry is never broken") and the network learns no more
 * than one unit per layer could. Mirrors the Initialization lab's `initialize_parameters_zeros`;
 * Keras calls the initialiser `zeros`.
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example const parameters = nn.initialize_zeros([2, 4, 1]);
 */
export function initialize_zeros(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.zeros([n, nPrev]));
}

/**
 * Ones initialisation: every `W<l>` all ones, every `b<l>` zeros.
 *
 * As symmetric as zeros (all units of a layer stay identical), but with non-zero outputs, which
 * shows that the problem is the symmetry, not the value 0. Keras calls the initialiser `ones`.
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example const parameters = nn.initialize_ones([2, 4, 1]);
 */
export function initialize_ones(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.ones([n, nPrev]));
}

/**
 * Random initialisation: `W<l> = np.random.randn(n_l, n_prev) * scale`, `b<l>` zeros.
 *
 * Draws from the global np.random stream layer by layer, so call `np.random.seed(...)` first to
 * get the labs' numbers. The labs use scale 0.01; the Initialization lab's "random" uses 10 to
 * show what too large weights do. Keras' `RandomNormal(stddev=scale)` draws the same distribution.
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @param scale - the standard deviation of the weights; default 0.01
 * @returns parameters with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example np.random.seed(3); const parameters = nn.initialize_random([5, 4, 3], 0.01);
 */
export function initialize_random(layer_dims: readonly number[], scale = 0.01): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).multiply(scale));
}

/**
 * Xavier-style initialisation: `W<l> = np.random.randn(n_l, n_prev) / sqrt(n_prev)`, `b<l>` zeros.
 *
 * Scales the weights so that each unit's pre-activation has about the variance of its inputs,
 * whatever the layer's width. Written as the Deep Neural Network Application lab's
 * `initialize_parameters_deep` does (Keras' truncated-normal version of this scale is `lecun_normal`).
 * Draws from the global np.random stream: seed it first.
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example np.random.seed(1); const parameters = nn.initialize_xavier([12288, 20, 7, 5, 1]);
 */
export function initialize_xavier(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).divide(Math.sqrt(nPrev)));
}

/**
 * He initialisation: `W<l> = np.random.randn(n_l, n_prev) * sqrt(2 / n_prev)`, `b<l>` zeros.
 *
 * The scale suited to ReLU layers (He et al., 2015), which zero about half their inputs.
 * Mirrors the Initialization lab's `initialize_parameters_he` without its `np.random.seed(3)`:
 * seed the global stream first. Keras' truncated-normal version is `he_normal`.
 *
 * @param layer_dims - the size of each layer, input first: [n_x, n_h1, ..., n_y]
 * @returns parameters with `W<l>` of shape (layer_dims[l], layer_dims[l-1]) and `b<l>` of shape (layer_dims[l], 1)
 * @example np.random.seed(3); const parameters = nn.initialize_he([2, 4, 1]);
 */
export function initialize_he(layer_dims: readonly number[]): Parameters {
  return layers(layer_dims, (n, nPrev) => np.random.randn(n, nPrev).multiply(Math.sqrt(2 / nPrev)));
}

export type InitializerName = "zeros" | "ones" | "random" | "xavier" | "he";

/**
 * The initialisers by name: zeros, ones, random (scale 0.01), xavier, he.
 *
 * Each takes layer_dims, [n_x, n_h1, ..., n_y], and returns the parameter dictionary.
 *
 * @example const parameters = nn.initializers["he"]([2, 4, 1]);
 */
export const initializers: Record<InitializerName, (layer_dims: readonly number[]) => Parameters> = {
  zeros: initialize_zeros,
  ones: initialize_ones,
  random: (layer_dims) => initialize_random(layer_dims),
  xavier: initialize_xavier,
  he: initialize_he,
};
