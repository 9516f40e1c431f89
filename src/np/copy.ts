// np.copy: a new array with its own storage.
import { type ArrayLike, type NDArray } from "./ndarray";
import { array } from "./convert";

/**
 * Returns an array copy of the given object.
 *
 * Mirrors numpy.copy (and `a.copy()`): the result has the same shape, dtype and values and its own
 * storage, so writing to it (`set`, `assign`, `putmask`) leaves the original alone, as the gradient
 * checking lab's `thetaplus = np.copy(parameters_values)` needs. Nested JS arrays become a new
 * float64 array, as np.array makes them.
 *
 * @param a - the array (or nested JS arrays) to copy
 * @returns a new array equal to `a`
 * @example const thetaplus = np.copy(parameters_values);
 */
export function copy(a: ArrayLike): NDArray {
  return array(a);
}
