// Parameter updates from the "Optimization methods" lab (plus RMSprop), over the labs'
// dictionaries: parameters W1, b1, ..., gradients dW1, db1, ..., and per-parameter state
// (v, s) under the gradients' keys. Each returns new dictionaries, as the labs' dict.copy() then
// assignment does: same keys in the same order, other entries carried over; nothing is updated in place.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import { parameterKeys, type Parameters } from "./initializers";

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

/** Gradient descent: W = W - learning_rate * dW. */
export function update_parameters_with_gd(parameters: Parameters, grads: Parameters, learning_rate: number): Parameters {
  return eachParameter(parameters, (k, dk) => parameters[k].subtract(grads[dk].multiply(learning_rate)));
}

/** Zeros shaped like each parameter, under the gradients' keys (dW1, db1, ...). */
export function initialize_velocity(parameters: Parameters): Parameters {
  const v: Parameters = {};
  for (const k of parameterKeys(parameters)) v["d" + k] = np.zeros(parameters[k].shape);
  return v;
}

/** v = beta * v + (1 - beta) * dW; W = W - learning_rate * v. Returns [parameters, v]. */
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

/** RMSprop's running mean of squared gradients starts at zero. */
export const initialize_rmsprop = initialize_velocity;

/** s = beta * s + (1 - beta) * dW^2; W = W - learning_rate * dW / (sqrt(s) + epsilon). Returns [parameters, s]. */
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

/** Adam's first and second moment estimates, both zero: [v, s]. */
export function initialize_adam(parameters: Parameters): [Parameters, Parameters] {
  return [initialize_velocity(parameters), initialize_velocity(parameters)];
}

/** Adam at step t (counting from 1), with bias correction:
 *  v = beta1 v + (1 - beta1) dW, s = beta2 s + (1 - beta2) dW^2,
 *  W = W - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon).
 *  Returns [parameters, v, s, v_corrected, s_corrected], as the lab's update does. */
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
