// Keras' accuracy metrics, as the number of correct predictions in a batch (the model averages
// them over the epoch). "accuracy" resolves to the one that fits the loss, as Keras does.
import type { Tensor } from "./utils";

/** A metric: how many of the batch's examples are counted correct (Keras' mean is correct / m). */
export interface Metric {
  readonly name: string;
  /**
   * How many of the batch's examples are predicted correctly.
   *
   * @param y_true - the targets
   * @param y_pred - the predictions, shape (m, units)
   * @returns the count (binary_accuracy: the mean over the last axis times m)
   * @example const c = keras.metrics.categorical_accuracy.correct(y_true, y_pred);
   */
  correct(y_true: Tensor, y_pred: Tensor): number;
}

function argmaxRow(y: Float64Array, r: number, k: number): number {
  let best = r;
  for (let j = r + 1; j < r + k; j++) if (y[j] > y[best]) best = j;
  return best - r;
}

/** Keras' categorical_accuracy: argmax(y_pred) == argmax(y_true). */
export const categorical_accuracy: Metric = {
  name: "categorical_accuracy",
  correct(y_true, y_pred) {
    const k = y_pred.shape[y_pred.shape.length - 1];
    let c = 0;
    for (let r = 0; r < y_pred.data.length; r += k) if (argmaxRow(y_pred.data, r, k) === argmaxRow(y_true.data, r, k)) c++;
    return c;
  },
};

/** Keras' sparse_categorical_accuracy: argmax(y_pred) == label. */
export const sparse_categorical_accuracy: Metric = {
  name: "sparse_categorical_accuracy",
  correct(y_true, y_pred) {
    const k = y_pred.shape[y_pred.shape.length - 1];
    let c = 0;
    for (let i = 0, r = 0; r < y_pred.data.length; i++, r += k) if (argmaxRow(y_pred.data, r, k) === y_true.data[i]) c++;
    return c;
  },
};

/** Keras' binary_accuracy: (y_pred > 0.5) == y_true, averaged over the last axis. */
export const binary_accuracy: Metric = {
  name: "binary_accuracy",
  correct(y_true, y_pred) {
    const n = y_pred.data.length, m = y_pred.shape[0];
    let c = 0;
    for (let i = 0; i < n; i++) if ((y_pred.data[i] > 0.5 ? 1 : 0) === y_true.data[i]) c++;
    return (c * m) / n;
  },
};

/**
 * The metric Keras uses for a name given in compile({ metrics }) with this loss.
 *
 * "accuracy" (or "acc") is binary_accuracy after binary_crossentropy or for a single output,
 * sparse_categorical_accuracy after sparse_categorical_crossentropy, categorical_accuracy otherwise;
 * the reported name stays "accuracy", as in Keras' history.
 *
 * @param name - "accuracy", "acc", "categorical_accuracy", "sparse_categorical_accuracy" or "binary_accuracy"
 * @param lossName - the compiled loss's name
 * @param outputUnits - the length of the model's last axis
 * @returns the metric, named as the user named it
 * @example const m = keras.metrics.get("accuracy", "categorical_crossentropy", 10);
 */
export function get(name: string, lossName: string, outputUnits: number): Metric {
  let base: Metric;
  if (name === "accuracy" || name === "acc") {
    if (lossName === "binary_crossentropy" || outputUnits === 1) base = binary_accuracy;
    else if (lossName === "sparse_categorical_crossentropy") base = sparse_categorical_accuracy;
    else base = categorical_accuracy;
  } else {
    const t: Record<string, Metric> = { categorical_accuracy, sparse_categorical_accuracy, binary_accuracy };
    if (!t[name]) throw new Error(`Unknown metric function: '${name}'`);
    base = t[name];
  }
  return { name, correct: base.correct };
}
