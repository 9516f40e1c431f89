// Keras' losses, each the batch mean of a per-example loss, with its gradient with respect to the
// predictions. Probabilities are clipped to [1e-7, 1 - 1e-7] as Keras does (backend.epsilon());
// a clipped entry has gradient 0, as in Keras. After a softmax (sigmoid) output the model uses
// `logitsGradient` instead, (p - y) / m, which is what Keras computes through the logits.
import type { Tensor } from "./utils";

/** Keras' fuzz factor, backend.epsilon(). */
export const EPSILON = 1e-7;

/** A loss: its value (mean over the batch) and gradient with respect to y_pred. */
export interface Loss {
  readonly name: string;
  /**
   * The mean loss over the batch; `grad`, if given, receives dLoss/dy_pred.
   *
   * @param y_true - the targets (one-hot rows, labels, or values)
   * @param y_pred - the predictions, shape (m, units)
   * @param grad - filled with dLoss/dy_pred when given (same length as y_pred)
   * @returns the batch mean of the per-example loss
   * @example const loss = keras.losses.mean_squared_error.compute({ data: new Float64Array([1]), shape: [1, 1] }, { data: new Float64Array([0.5]), shape: [1, 1] }); // 0.25
   */
  compute(y_true: Tensor, y_pred: Tensor, grad?: Float64Array): number;
  /** The activation whose output this loss can differentiate through directly ("softmax" or "sigmoid"). */
  readonly fusesWith?: string;
  /** dLoss/dz where y_pred = activation(z), for the activation in `fusesWith`. */
  logitsGradient?(y_true: Tensor, y_pred: Tensor, grad: Float64Array): void;
}

function clip(p: number): number {
  return p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p;
}

function lastAxis(t: Tensor): number {
  return t.shape.length > 1 ? t.shape[t.shape.length - 1] : 1;
}

function checkSameSize(y_true: Tensor, y_pred: Tensor): void {
  if (y_true.data.length !== y_pred.data.length) {
    throw new Error(`Shapes (${y_true.shape.join(", ")}) and (${y_pred.shape.join(", ")}) are incompatible`);
  }
}

/** Keras' categorical_crossentropy: -Σ y log(p), p = y_pred / Σ y_pred clipped; y one-hot. */
export const categorical_crossentropy: Loss = {
  name: "categorical_crossentropy",
  fusesWith: "softmax",
  compute(y_true, y_pred, grad) {
    checkSameSize(y_true, y_pred);
    const k = lastAxis(y_pred), t = y_true.data, y = y_pred.data, m = y.length / k;
    let total = 0;
    for (let r = 0; r < y.length; r += k) {
      let s = 0;
      for (let j = r; j < r + k; j++) s += y[j];
      let gp = 0;
      for (let j = r; j < r + k; j++) {
        const raw = y[j] / s, p = clip(raw);
        total -= t[j] * Math.log(p);
        if (grad) {
          const g = raw === p ? -t[j] / p / m : 0; // dL/dp_j
          grad[j] = g;
          gp += g * raw;
        }
      }
      if (grad) for (let j = r; j < r + k; j++) grad[j] = (grad[j] - gp) / s; // through p = y / Σy
    }
    return total / m;
  },
  logitsGradient(y_true, y_pred, grad) {
    const k = lastAxis(y_pred), t = y_true.data, y = y_pred.data, m = y.length / k;
    for (let i = 0; i < y.length; i++) grad[i] = (y[i] - t[i]) / m;
  },
};

/** Keras' sparse_categorical_crossentropy: -log(p[label]); y_true holds integer labels (m,) or (m, 1). */
export const sparse_categorical_crossentropy: Loss = {
  name: "sparse_categorical_crossentropy",
  fusesWith: "softmax",
  compute(y_true, y_pred, grad) {
    const k = lastAxis(y_pred), t = y_true.data, y = y_pred.data, m = y.length / k;
    if (t.length !== m) throw new Error(`sparse_categorical_crossentropy: expected ${m} labels, got ${t.length}`);
    let total = 0;
    if (grad) grad.fill(0);
    for (let i = 0; i < m; i++) {
      const j = i * k + t[i];
      const raw = y[j], p = clip(raw);
      total -= Math.log(p);
      if (grad && raw === p) grad[j] = -1 / p / m;
    }
    return total / m;
  },
  logitsGradient(y_true, y_pred, grad) {
    const k = lastAxis(y_pred), t = y_true.data, y = y_pred.data, m = y.length / k;
    for (let i = 0; i < y.length; i++) grad[i] = y[i] / m;
    for (let i = 0; i < m; i++) grad[i * k + t[i]] -= 1 / m;
  },
};

/** Keras' binary_crossentropy: -(y log p + (1 - y) log(1 - p)), p clipped, averaged over the last axis. */
export const binary_crossentropy: Loss = {
  name: "binary_crossentropy",
  fusesWith: "sigmoid",
  compute(y_true, y_pred, grad) {
    checkSameSize(y_true, y_pred);
    const k = lastAxis(y_pred), t = y_true.data, y = y_pred.data, n = y.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const p = clip(y[i]);
      total -= t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p);
      if (grad) grad[i] = p === y[i] ? (-t[i] / p + (1 - t[i]) / (1 - p)) / n : 0;
    }
    void k;
    return total / n;
  },
  logitsGradient(y_true, y_pred, grad) {
    const t = y_true.data, y = y_pred.data, n = y.length;
    for (let i = 0; i < n; i++) grad[i] = (y[i] - t[i]) / n;
  },
};

/** Keras' mean_squared_error: mean over the last axis of (y - p)², then over the batch. */
export const mean_squared_error: Loss = {
  name: "mean_squared_error",
  compute(y_true, y_pred, grad) {
    checkSameSize(y_true, y_pred);
    const t = y_true.data, y = y_pred.data, n = y.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = y[i] - t[i];
      total += d * d;
      if (grad) grad[i] = (2 * d) / n;
    }
    return total / n;
  },
};

const TABLE: Record<string, Loss> = {
  categorical_crossentropy,
  sparse_categorical_crossentropy,
  binary_crossentropy,
  mean_squared_error,
  mse: mean_squared_error,
};

/** A loss name Keras accepts. */
export type LossName = "categorical_crossentropy" | "sparse_categorical_crossentropy" | "binary_crossentropy" | "mean_squared_error" | "mse";

/**
 * Looks up a loss by name, or passes a loss object through (keras.losses.get).
 *
 * @param loss - "categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy", "mean_squared_error" ("mse"), or a Loss
 * @returns the loss
 * @example const loss = keras.losses.get("categorical_crossentropy");
 */
export function get(loss: LossName | string | Loss): Loss {
  if (typeof loss !== "string") return loss;
  const l = TABLE[loss];
  if (!l) throw new Error(`Could not interpret loss identifier: ${loss}`);
  return l;
}
