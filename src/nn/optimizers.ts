// Parameter updates from the "Optimization methods" lab (plus RMSprop), over the labs'
// dictionaries: parameters W1, b1, ..., gradients dW1, db1, ..., and per-parameter state
// (v, s) under the gradients' keys. Each returns new dictionaries, as the labs' dict.copy() then
// assignment does: same keys in the same order, other entries carried over; nothing is updated in place.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import { parameterKeys, type Parameters } from "./initializers";
import { descend } from "./fused";

/** A copy of the dictionary with f(key, dkey) for every parameter (key "W1", state key "dW1"). */
function eachParameter(parameters: Parameters, f: (key: string, dkey: string) => NDArray): Parameters {
  const out: Parameters = { ...parameters };
  for (const k of parameterKeys(parameters)) out[k] = f(k, "d" + k);
  return out;
}

/** The exponentially weighted average the optimisers keep: beta * average + (1 - beta) * value. */
function ewa(average: NDArray, value: NDArray, beta: number): NDArray {
  return average.multiply(beta).add(value.multiply(1 - beta));
}

/**
 * One step of gradient descent: `W<l> = W<l> - learning_rate * dW<l>`, and the same for each `b<l>`.
 *
 * Returns a new dictionary; the one passed in is left unchanged. Mirrors the Optimization
 * Methods lab's `update_parameters_with_gd`; Keras calls this optimiser `SGD`.
 *
 * @param parameters - W1, b1, ..., WL, bL, with `W<l>` of shape (n_l, n_prev) and `b<l>` of shape (n_l, 1)
 * @param grads - dW1, db1, ..., dWL, dbL, shaped like the parameters (other entries are ignored)
 * @param learning_rate - the step size alpha
 * @returns the updated parameters, same keys and shapes
 * @example parameters = nn.update_parameters_with_gd(parameters, grads, 0.01);
 */
export function update_parameters_with_gd(parameters: Parameters, grads: Parameters, learning_rate: number): Parameters {
  // W - learning_rate * dW in one pass (fused.ts: the same bits)
  return eachParameter(parameters, (k, dk) => descend(parameters[k], grads[dk], learning_rate));
}

/**
 * Momentum's velocity, all zeros: `v["dW<l>"]` shaped like `W<l>`, `v["db<l>"]` like `b<l>`.
 *
 * Mirrors the Optimization Methods lab's `initialize_velocity`.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @returns v, zeros under the gradients' keys dW1, db1, ..., dWL, dbL
 * @example const v = nn.initialize_velocity(parameters);
 */
export function initialize_velocity(parameters: Parameters): Parameters {
  const v: Parameters = {};
  for (const k of parameterKeys(parameters)) v["d" + k] = np.zeros(parameters[k].shape);
  return v;
}

/**
 * One step of gradient descent with momentum: `v = beta * v + (1 - beta) * dW`, then `W = W - learning_rate * v`.
 *
 * The velocity v is an exponentially weighted average of past gradients, which smooths the
 * steps' zigzag. Mirrors the Optimization Methods lab's `update_parameters_with_momentum`
 * (Keras' `SGD(momentum=...)` keeps an undamped velocity instead, so its numbers differ).
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @param grads - dW1, db1, ..., dWL, dbL, shaped like the parameters
 * @param v - the velocity from `initialize_velocity` or the previous step, under the gradients' keys
 * @param beta - the momentum, typically 0.9
 * @param learning_rate - the step size alpha
 * @returns [parameters, v]: the updated parameters and the new velocity
 * @example [parameters, v] = nn.update_parameters_with_momentum(parameters, grads, v, 0.9, 0.01);
 */
export function update_parameters_with_momentum(
  parameters: Parameters, grads: Parameters, v: Parameters, beta: number, learning_rate: number,
): [Parameters, Parameters] {
  const vNew: Parameters = { ...v };
  const updated = eachParameter(parameters, (k, dk) => {
    vNew[dk] = ewa(v[dk], grads[dk], beta);
    return parameters[k].subtract(vNew[dk].multiply(learning_rate));
  });
  return [updated, vNew];
}

/**
 * RMSprop's running mean of squared gradients, all zeros: `s["dW<l>"]` shaped like `W<l>`.
 *
 * The same function as `initialize_velocity`.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @returns s, zeros under the gradients' keys dW1, db1, ..., dWL, dbL
 * @example const s = nn.initialize_rmsprop(parameters);
 */
export const initialize_rmsprop = initialize_velocity;

/**
 * One RMSprop step: `s = beta * s + (1 - beta) * dW^2`, then `W = W - learning_rate * dW / (sqrt(s) + epsilon)`.
 *
 * Divides each gradient entry by the root of its running mean square, so directions with large
 * gradients take smaller steps. Keras' `RMSprop` is the same method (its `rho` is this beta),
 * with other defaults.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @param grads - dW1, db1, ..., dWL, dbL, shaped like the parameters
 * @param s - the running mean of squared gradients, from `initialize_rmsprop` or the previous step
 * @param beta - the decay of the running mean; default 0.9
 * @param learning_rate - the step size alpha; default 0.01
 * @param epsilon - added to the denominator to avoid dividing by zero; default 1e-8
 * @returns [parameters, s]: the updated parameters and the new running mean
 * @example [parameters, s] = nn.update_parameters_with_rmsprop(parameters, grads, s);
 */
export function update_parameters_with_rmsprop(
  parameters: Parameters, grads: Parameters, s: Parameters, beta = 0.9, learning_rate = 0.01, epsilon = 1e-8,
): [Parameters, Parameters] {
  const sNew: Parameters = { ...s };
  const updated = eachParameter(parameters, (k, dk) => {
    sNew[dk] = ewa(s[dk], np.square(grads[dk]), beta);
    return parameters[k].subtract(grads[dk].multiply(learning_rate).divide(np.sqrt(sNew[dk]).add(epsilon)));
  });
  return [updated, sNew];
}

/**
 * Adam's two moment estimates, both all zeros, under the gradients' keys.
 *
 * Mirrors the Optimization Methods lab's `initialize_adam`.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @returns [v, s]: the first moment (mean of gradients) and second moment (mean of squared gradients), zeros shaped like the parameters
 * @example let [v, s] = nn.initialize_adam(parameters);
 */
export function initialize_adam(parameters: Parameters): [Parameters, Parameters] {
  return [initialize_velocity(parameters), initialize_velocity(parameters)];
}

/**
 * One Adam step, with bias correction.
 *
 * `v = beta1 * v + (1 - beta1) * dW`, `s = beta2 * s + (1 - beta2) * dW^2`,
 * `v_corrected = v / (1 - beta1^t)`, `s_corrected = s / (1 - beta2^t)`,
 * `W = W - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon)`.
 * Momentum and RMSprop together. Mirrors the Optimization Methods lab's
 * `update_parameters_with_adam`; Keras calls the optimiser `Adam`.
 *
 * @param parameters - W1, b1, ..., WL, bL
 * @param grads - dW1, db1, ..., dWL, dbL, shaped like the parameters
 * @param v - the first moment, from `initialize_adam` or the previous step
 * @param s - the second moment, from `initialize_adam` or the previous step
 * @param t - the step number, counting from 1 (the bias correction depends on it)
 * @param learning_rate - the step size alpha; default 0.01
 * @param beta1 - the decay of the first moment; default 0.9
 * @param beta2 - the decay of the second moment; default 0.999
 * @param epsilon - added to the denominator to avoid dividing by zero; default 1e-8
 * @returns [parameters, v, s, v_corrected, s_corrected], as the lab's function returns them
 * @example [parameters, v, s] = nn.update_parameters_with_adam(parameters, grads, v, s, t);
 */
export function update_parameters_with_adam(
  parameters: Parameters, grads: Parameters, v: Parameters, s: Parameters, t: number,
  learning_rate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8,
): [Parameters, Parameters, Parameters, Parameters, Parameters] {
  const vNew: Parameters = { ...v };
  const sNew: Parameters = { ...s };
  const vCorrected: Parameters = {};
  const sCorrected: Parameters = {};
  const updated = eachParameter(parameters, (k, dk) => {
    vNew[dk] = ewa(v[dk], grads[dk], beta1);
    vCorrected[dk] = vNew[dk].divide(1 - beta1 ** t);
    sNew[dk] = ewa(s[dk], np.square(grads[dk]), beta2);
    sCorrected[dk] = sNew[dk].divide(1 - beta2 ** t);
    return parameters[k].subtract(vCorrected[dk].multiply(learning_rate).divide(np.sqrt(sCorrected[dk]).add(epsilon)));
  });
  return [updated, vNew, sNew, vCorrected, sCorrected];
}
