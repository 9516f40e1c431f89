// Keras' default initializers, drawn from nnlab's seeded np.random so that np.random.seed(n)
// makes a model's initial weights (and so a whole run) reproducible.
import * as random from "../np/random";
import type { NDArray } from "../np/ndarray";

/**
 * Keras' glorot_uniform (Xavier uniform): U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)).
 *
 * For a Dense kernel (n_in, units) fan_in = n_in and fan_out = units; for a Conv2D kernel
 * (kh, kw, c_in, filters) fan_in = kh·kw·c_in and fan_out = kh·kw·filters. Drawn with
 * np.random.uniform. Mirrors keras.initializers.GlorotUniform.
 *
 * @param size - the number of values to draw
 * @param fan_in - the number of inputs of one unit
 * @param fan_out - the number of outputs of one input
 * @returns the values, float64, length `size`
 * @example const w = keras.initializers.glorot_uniform(784 * 128, 784, 128);
 */
export function glorot_uniform(size: number, fan_in: number, fan_out: number): Float64Array {
  const limit = Math.sqrt(6 / (fan_in + fan_out));
  const a = (random.uniform as (low: number, high: number, size: number) => NDArray)(-limit, limit, size);
  return Float64Array.from(a.data);
}
