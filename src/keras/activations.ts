// Keras' activations, each a forward and a backward over flat Float64Arrays (tight loops: this is
// kernel code). Every backward is written in terms of the forward's output y, which is what a
// layer keeps: relu' = [y > 0], sigmoid' = y (1 - y), tanh' = 1 - y², softmax's Jacobian-vector
// product y ⊙ (dy - Σ dy ⊙ y) along the last axis.

/** A Keras activation: its name, the forward (in place) and the backward. */
export interface Activation {
  readonly name: string;
  /** Applies the activation to `x` in place; `last` is the length of the last axis (softmax). */
  forward(x: Float64Array, last: number): void;
  /** dL/dz from dL/dy and the forward's output y, written into `dy`. */
  backward(y: Float64Array, dy: Float64Array, last: number): void;
}

const linear: Activation = {
  name: "linear",
  forward() {},
  backward() {},
};

const relu: Activation = {
  name: "relu",
  forward(x) {
    for (let i = 0; i < x.length; i++) if (!(x[i] > 0)) x[i] = 0;
  },
  backward(y, dy) {
    for (let i = 0; i < y.length; i++) if (!(y[i] > 0)) dy[i] = 0;
  },
};

const sigmoid: Activation = {
  name: "sigmoid",
  forward(x) {
    for (let i = 0; i < x.length; i++) x[i] = 1 / (1 + Math.exp(-x[i]));
  },
  backward(y, dy) {
    for (let i = 0; i < y.length; i++) dy[i] *= y[i] * (1 - y[i]);
  },
};

const tanh: Activation = {
  name: "tanh",
  forward(x) {
    for (let i = 0; i < x.length; i++) x[i] = Math.tanh(x[i]);
  },
  backward(y, dy) {
    for (let i = 0; i < y.length; i++) dy[i] *= 1 - y[i] * y[i];
  },
};

const softmax: Activation = {
  name: "softmax",
  forward(x, last) {
    for (let r = 0; r < x.length; r += last) {
      let max = -Infinity;
      for (let j = r; j < r + last; j++) if (x[j] > max) max = x[j];
      let sum = 0;
      for (let j = r; j < r + last; j++) {
        const e = Math.exp(x[j] - max);
        x[j] = e;
        sum += e;
      }
      for (let j = r; j < r + last; j++) x[j] /= sum;
    }
  },
  backward(y, dy, last) {
    for (let r = 0; r < y.length; r += last) {
      let s = 0;
      for (let j = r; j < r + last; j++) s += dy[j] * y[j];
      for (let j = r; j < r + last; j++) dy[j] = y[j] * (dy[j] - s);
    }
  },
};

const TABLE: Record<string, Activation> = { linear, relu, sigmoid, tanh, softmax };

/** The activation names Keras and nnlab share. */
export type ActivationName = "linear" | "relu" | "sigmoid" | "tanh" | "softmax";

/**
 * Looks up a Keras activation by name (keras.activations.get).
 *
 * null or undefined gives "linear" (no activation), as Keras' default `activation=None` does.
 *
 * @param name - "relu", "sigmoid", "tanh", "softmax" or "linear" (or null/undefined)
 * @returns the activation, with its forward and backward
 * @example const act = keras.activations.get("relu");
 */
export function get(name: ActivationName | string | null | undefined): Activation {
  const a = TABLE[name ?? "linear"];
  if (!a) throw new Error(`Unknown activation function: '${name}'. Use one of ${Object.keys(TABLE).join(", ")}.`);
  return a;
}
