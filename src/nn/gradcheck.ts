// Gradient checking as in the "Gradient Checking" lab, for any network: flatten the parameters
// (W1, b1, W2, b2, ... in that order), nudge each one by ±epsilon, and compare the two-sided
// difference quotients of the cost with the gradients backpropagation produced.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import { parameterKeys, type Parameters } from "./initializers";

function flatten(dict: Parameters, keys: readonly string[]): NDArray {
  return np.concatenate(keys.map((k) => dict[k].reshape(-1, 1)), 0);
}

/**
 * All the parameters as one column vector theta, in the order W1, b1, W2, b2, ...
 *
 * Each array is flattened in row-major order. Mirrors the Gradient Checking lab's
 * `dictionary_to_vector`.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @returns [theta, keys]: theta of shape (n, 1), n the total number of entries, and for each row of theta the name it came from ("W1", ...)
 * @example const [theta, keys] = nn.dictionary_to_vector(parameters);
 */
export function dictionary_to_vector(parameters: Parameters): [NDArray, string[]] {
  const keys = parameterKeys(parameters);
  const names = keys.flatMap((k) => new Array<string>(parameters[k].size).fill(k));
  return [flatten(parameters, keys), names];
}

/**
 * The inverse of `dictionary_to_vector`: cuts the column theta back into W1, b1, W2, b2, ...
 *
 * The names and shapes come from `like`, so it works for any network (the Gradient Checking
 * lab's `vector_to_dictionary` hard-codes its 3-layer shapes).
 *
 * @param theta - the parameters as one column, shape (n, 1)
 * @param like - a dictionary with the wanted names and shapes (its values are not read)
 * @returns the parameters, shaped like `like`'s W1, b1, ..., WL, bL
 * @example const parameters = nn.vector_to_dictionary(theta, like);
 */
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

/**
 * The gradients dW1, db1, dW2, db2, ... as one column vector, in the order of `dictionary_to_vector`.
 *
 * Other entries, such as dA1, are left out. Mirrors the Gradient Checking lab's `gradients_to_vector`.
 *
 * @param gradients - dW1, db1, ..., dWL, dbL (and possibly other entries)
 * @returns grad, shape (n, 1)
 * @example const grad = nn.gradients_to_vector(grads);
 */
export function gradients_to_vector(gradients: Parameters): NDArray {
  return flatten(gradients, parameterKeys(gradients, "d"));
}

/**
 * Gradient checking: compares backpropagation's gradients with difference quotients of the cost.
 *
 * For each parameter entry i, `gradapprox[i] = (J(theta + epsilon e_i) - J(theta - epsilon e_i)) / (2 epsilon)`;
 * the result is `difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||)`. Below 2e-7 the
 * backward pass is taken to be right. Mirrors the Gradient Checking lab's `gradient_check_n`, with
 * the cost given as a function of the parameters instead of X and Y.
 *
 * @param parameters - W1, b1, ..., WL, bL, the point at which to check
 * @param gradients - dW1, db1, ..., dWL, dbL from backpropagation at that point
 * @param J - the cost as a function of a parameter dictionary (close over X and Y)
 * @param epsilon - the nudge applied to each entry; default 1e-7
 * @param print_msg - print the lab's verdict, in colour; default false
 * @returns difference, a number: below 2e-7 when the gradients agree
 * @example const difference = nn.gradient_check_n(parameters, grads, (p) => deep.compute_cost(deep.L_model_forward(X, p)[0], Y));
 */
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
