// Mini-batches as the "Optimization methods" lab makes them: seed np.random, shuffle the
// columns (examples) with one permutation, cut complete batches, then the smaller remainder.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";

/**
 * Shuffled mini-batches: one random permutation of the examples, cut into batches of mini_batch_size.
 *
 * Seeds the global np.random with `seed`, shuffles the columns of X and Y with one
 * `np.random.permutation(m)`, then cuts complete batches; the last batch holds the
 * m % mini_batch_size examples left over. Mirrors the Optimization Methods lab's
 * `random_mini_batches`.
 *
 * @param X - the inputs, shape (n_x, m), one column per example
 * @param Y - the labels, shape (n_y, m)
 * @param mini_batch_size - examples per batch; default 64 (powers of two are usual)
 * @param seed - the seed for np.random, so batches are reproducible; default 0
 * @returns the batches, an array of [mini_batch_X (n_x, size), mini_batch_Y (n_y, size)] pairs
 * @example const minibatches = nn.random_mini_batches(X, Y, 64, 0);
 */
export function random_mini_batches(X: NDArray, Y: NDArray, mini_batch_size = 64, seed = 0): [NDArray, NDArray][] {
  np.random.seed(seed);
  const m = X.shape[1];
  const permutation = np.random.permutation(m);
  const shuffled_X = X.slice(":", permutation);
  const shuffled_Y = Y.slice(":", permutation).reshape(Y.shape[0], m);
  const mini_batches: [NDArray, NDArray][] = [];
  for (let start = 0; start < m; start += mini_batch_size) {
    const cols = `${start}:${Math.min(start + mini_batch_size, m)}`;
    mini_batches.push([shuffled_X.slice(":", cols), shuffled_Y.slice(":", cols)]);
  }
  return mini_batches;
}
