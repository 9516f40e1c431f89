// Mini-batches as the "Optimization methods" lab makes them: seed np.random, shuffle the
// columns (examples) with one permutation, cut complete batches, then the smaller remainder.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";

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
