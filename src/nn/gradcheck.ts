// Gradient checking as in the "Gradient Checking" lab, for any network: flatten the parameters
// (W1, b1, W2, b2, ... in that order), nudge each one by ±epsilon, and compare the two-sided
// difference quotients of the cost with the gradients backpropagation produced.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import { parameterKeys, type Parameters } from "./initializers";

function flatten(dict: Parameters, keys: readonly string[]): NDArray {
  return np.concatenate(keys.map((k) => dict[k].reshape(-1, 1)), 0);
}

/** [theta, keys]: the parameters as one (n, 1) column, and for each entry the name it came from. */
export function dictionary_to_vector(parameters: Parameters): [NDArray, string[]] {
  const keys = parameterKeys(parameters);
  const names = keys.flatMap((k) => new Array<string>(parameters[k].size).fill(k));
  return [flatten(parameters, keys), names];
}

/** The inverse of dictionary_to_vector: cuts theta back into arrays shaped like `like`'s. */
export function vector_to_dictionary(theta: NDArray, like: Parameters): Parameters {
  const out: Parameters = {};
  let offset = 0;
  for (const k of parameterKeys(like)) {
    const n = like[k].size;
    out[k] = theta.slice(`${offset}:${offset + n}`).reshape(like[k].shape);
    offset += n;
  }
  return out;
}

/** dW1, db1, dW2, db2, ... as one (n, 1) column (other entries such as dA1 are left out). */
export function gradients_to_vector(gradients: Parameters): NDArray {
  return flatten(gradients, parameterKeys(gradients, "d"));
}

/** ||grad - gradapprox|| / (||grad|| + ||gradapprox||), where gradapprox[i] is
 *  (J(theta + epsilon e_i) - J(theta - epsilon e_i)) / (2 epsilon) and J(parameters) is the cost.
 *  Below 2e-7 the backward pass is taken to be right; print_msg prints the lab's verdict. */
export function gradient_check_n(
  parameters: Parameters, gradients: Parameters, J: (parameters: Parameters) => number,
  epsilon = 1e-7, print_msg = false,
): number {
  const [parameters_values] = dictionary_to_vector(parameters);
  const grad = gradients_to_vector(gradients);
  const num_parameters = parameters_values.shape[0];
  const gradapprox = np.zeros([num_parameters, 1]);
  const costAt = (i: number, delta: number): number => {
    const theta = parameters_values.copy();
    theta.set(i, 0, theta.get(i, 0) + delta);
    return J(vector_to_dictionary(theta, parameters));
  };
  for (let i = 0; i < num_parameters; i++) {
    gradapprox.set(i, 0, (costAt(i, epsilon) - costAt(i, -epsilon)) / (2 * epsilon));
  }
  const { norm } = np.linalg;
  const difference = norm(grad.subtract(gradapprox)) / (norm(grad) + norm(gradapprox));
  if (print_msg) {
    console.log(
      difference > 2e-7
        ? `\x1b[93mThere is a mistake in the backward propagation! difference = ${np.str(difference)}\x1b[0m`
        : `\x1b[92mYour backward propagation works perfectly fine! difference = ${np.str(difference)}\x1b[0m`,
    );
  }
  return difference;
}
