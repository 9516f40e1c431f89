// Keras' optimizers with Keras' defaults and update rules, applied in place to each trainable
// weight from its gradient. State (velocities, moments) is kept per weight.
import type { Weight } from "./layers/layer";
import { callable } from "./layers/layer";

/**
 * The base of the optimizers: apply_gradients updates every trainable weight from its `grad`.
 *
 * @param learning_rate - the step size
 * @example const opt: keras.optimizers.Optimizer = keras.optimizers.Adam();
 */
export abstract class Optimizer {
  learning_rate: number;
  /** The number of updates applied so far (Keras' optimizer.iterations). */
  iterations = 0;
  private slots = new Map<Weight, Float64Array[]>();

  constructor(learning_rate: number) {
    this.learning_rate = learning_rate;
  }

  /** The optimizer's name as Keras prints it. */
  abstract get name(): string;

  /** The number of state arrays per weight. */
  protected abstract get nSlots(): number;

  /** Updates one weight's values `w` from its gradient `g`, with its state arrays. */
  protected abstract update(w: Float64Array, g: Float64Array, slots: Float64Array[], t: number): void;

  /**
   * Applies one update to each trainable weight from its gradient (Keras' apply_gradients).
   *
   * @param weights - the weights; non-trainable ones are skipped
   * @example optimizer.apply_gradients(model.trainable_weights);
   */
  apply_gradients(weights: Weight[]): void {
    this.iterations++;
    for (const w of weights) {
      if (!w.trainable) continue;
      let s = this.slots.get(w);
      if (!s) {
        s = Array.from({ length: this.nSlots }, () => new Float64Array(w.value.length));
        this.slots.set(w, s);
      }
      this.update(w.value, w.grad, s, this.iterations);
    }
  }
}

/** Options of SGD. */
export interface SGDOptions {
  learning_rate?: number;
  momentum?: number;
  nesterov?: boolean;
}

/**
 * The SGD optimizer class: `keras.optimizers.SGD(...)` makes one, with or without `new`.
 *
 * @param opts - { learning_rate = 0.01, momentum = 0, nesterov = false }
 * @example const opt = new keras.optimizers.SGDOptimizer({ learning_rate: 0.1 });
 */
export class SGDOptimizer extends Optimizer {
  readonly momentum: number;
  readonly nesterov: boolean;
  constructor(opts: SGDOptions = {}) {
    super(opts.learning_rate ?? 0.01);
    this.momentum = opts.momentum ?? 0;
    this.nesterov = opts.nesterov ?? false;
  }
  get name(): string {
    return "SGD";
  }
  protected get nSlots(): number {
    return this.momentum > 0 ? 1 : 0;
  }
  protected update(w: Float64Array, g: Float64Array, s: Float64Array[]): void {
    const lr = this.learning_rate, mu = this.momentum;
    if (mu === 0) {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      return;
    }
    const v = s[0];
    for (let i = 0; i < w.length; i++) {
      v[i] = mu * v[i] - lr * g[i];
      w[i] += this.nesterov ? mu * v[i] - lr * g[i] : v[i];
    }
  }
}

/** Options of RMSprop. */
export interface RMSpropOptions {
  learning_rate?: number;
  rho?: number;
  epsilon?: number;
}

/**
 * The RMSprop optimizer class: `keras.optimizers.RMSprop(...)` makes one, with or without `new`.
 *
 * @param opts - { learning_rate = 0.001, rho = 0.9, epsilon = 1e-7 }
 * @example const opt = new keras.optimizers.RMSpropOptimizer({});
 */
export class RMSpropOptimizer extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;
  constructor(opts: RMSpropOptions = {}) {
    super(opts.learning_rate ?? 0.001);
    this.rho = opts.rho ?? 0.9;
    this.epsilon = opts.epsilon ?? 1e-7;
  }
  get name(): string {
    return "RMSprop";
  }
  protected get nSlots(): number {
    return 1;
  }
  protected update(w: Float64Array, g: Float64Array, s: Float64Array[]): void {
    const lr = this.learning_rate, rho = this.rho, eps = this.epsilon, v = s[0];
    for (let i = 0; i < w.length; i++) {
      v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
      w[i] -= (lr * g[i]) / Math.sqrt(v[i] + eps);
    }
  }
}

/** Options of Adam. */
export interface AdamOptions {
  learning_rate?: number;
  beta_1?: number;
  beta_2?: number;
  epsilon?: number;
}

/**
 * The Adam optimizer class: `keras.optimizers.Adam(...)` makes one, with or without `new`.
 *
 * @param opts - { learning_rate = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7 }
 * @example const opt = new keras.optimizers.AdamOptimizer({ learning_rate: 0.01 });
 */
export class AdamOptimizer extends Optimizer {
  readonly beta_1: number;
  readonly beta_2: number;
  readonly epsilon: number;
  constructor(opts: AdamOptions = {}) {
    super(opts.learning_rate ?? 0.001);
    this.beta_1 = opts.beta_1 ?? 0.9;
    this.beta_2 = opts.beta_2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-7;
  }
  get name(): string {
    return "Adam";
  }
  protected get nSlots(): number {
    return 2;
  }
  protected update(w: Float64Array, g: Float64Array, s: Float64Array[], t: number): void {
    const b1 = this.beta_1, b2 = this.beta_2, eps = this.epsilon;
    const alpha = (this.learning_rate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    const m = s[0], v = s[1];
    for (let i = 0; i < w.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - b1);
      v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
      w[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + eps);
    }
  }
}

/** Options of Adadelta. */
export interface AdadeltaOptions {
  learning_rate?: number;
  rho?: number;
  epsilon?: number;
}

/**
 * The Adadelta optimizer class: `keras.optimizers.Adadelta(...)` makes one, with or without `new`.
 *
 * @param opts - { learning_rate = 0.001, rho = 0.95, epsilon = 1e-7 }
 * @example const opt = new keras.optimizers.AdadeltaOptimizer({ learning_rate: 1.0 });
 */
export class AdadeltaOptimizer extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;
  constructor(opts: AdadeltaOptions = {}) {
    super(opts.learning_rate ?? 0.001);
    this.rho = opts.rho ?? 0.95;
    this.epsilon = opts.epsilon ?? 1e-7;
  }
  get name(): string {
    return "Adadelta";
  }
  protected get nSlots(): number {
    return 2;
  }
  protected update(w: Float64Array, g: Float64Array, s: Float64Array[]): void {
    const rho = this.rho, eps = this.epsilon, lr = this.learning_rate;
    const ag = s[0], ad = s[1];
    for (let i = 0; i < w.length; i++) {
      ag[i] = rho * ag[i] + (1 - rho) * g[i] * g[i];
      const delta = (-Math.sqrt(ad[i] + eps) * g[i]) / Math.sqrt(ag[i] + eps);
      ad[i] = rho * ad[i] + (1 - rho) * delta * delta;
      w[i] += lr * delta;
    }
  }
}

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum.
 *
 * Mirrors keras.optimizers.SGD(learning_rate=0.01, momentum=0.0, nesterov=False):
 * without momentum w -= lr·g; with it v = momentum·v - lr·g, then w += v (Nesterov:
 * w += momentum·v - lr·g). Callable with or without `new`.
 *
 * @param opts - { learning_rate = 0.01, momentum = 0, nesterov = false }
 * @returns the optimizer
 * @example model.compile({ loss: "categorical_crossentropy", optimizer: keras.optimizers.SGD({ learning_rate: 0.1, momentum: 0.9 }) });
 */
export const SGD: { new (opts?: SGDOptions): SGDOptimizer; (opts?: SGDOptions): SGDOptimizer } = callable(SGDOptimizer);
export type SGD = SGDOptimizer;

/**
 * RMSprop: divides each step by a moving root mean square of the gradients.
 *
 * Mirrors keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07):
 * v = rho·v + (1 - rho)·g², w -= lr·g / sqrt(v + epsilon).
 *
 * @param opts - { learning_rate = 0.001, rho = 0.9, epsilon = 1e-7 }
 * @returns the optimizer
 * @example const opt = keras.optimizers.RMSprop({ learning_rate: 0.001 });
 */
export const RMSprop: { new (opts?: RMSpropOptions): RMSpropOptimizer; (opts?: RMSpropOptions): RMSpropOptimizer } = callable(RMSpropOptimizer);
export type RMSprop = RMSpropOptimizer;

/**
 * Adam: momentum and RMSprop with bias correction.
 *
 * Mirrors keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07):
 * m += (g - m)(1 - beta_1), v += (g² - v)(1 - beta_2), w -= alpha·m / (sqrt(v) + epsilon) with
 * alpha = lr·sqrt(1 - beta_2^t) / (1 - beta_1^t) at step t.
 *
 * @param opts - { learning_rate = 0.001, beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7 }
 * @returns the optimizer
 * @example const opt = keras.optimizers.Adam({ learning_rate: 0.001 });
 */
export const Adam: { new (opts?: AdamOptions): AdamOptimizer; (opts?: AdamOptions): AdamOptimizer } = callable(AdamOptimizer);
export type Adam = AdamOptimizer;

/**
 * Adadelta: steps scaled by the ratio of moving RMS of past updates and of gradients.
 *
 * Mirrors keras.optimizers.Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-07):
 * a = rho·a + (1 - rho)·g², delta = -sqrt(d + eps)/sqrt(a + eps)·g, d = rho·d + (1 - rho)·delta²,
 * w += lr·delta. Keras notes it tends to want a larger learning rate (1.0 is the original paper's).
 *
 * @param opts - { learning_rate = 0.001, rho = 0.95, epsilon = 1e-7 }
 * @returns the optimizer
 * @example const opt = keras.optimizers.Adadelta({ learning_rate: 1.0 });
 */
export const Adadelta: { new (opts?: AdadeltaOptions): AdadeltaOptimizer; (opts?: AdadeltaOptions): AdadeltaOptimizer } = callable(AdadeltaOptimizer);
export type Adadelta = AdadeltaOptimizer;

/** An optimizer name Keras accepts as a string. */
export type OptimizerName = "sgd" | "rmsprop" | "adam" | "adadelta";

/**
 * An optimizer from its Keras string name ("adam", "sgd", "rmsprop", "adadelta") with default
 * settings, or the optimizer itself (keras.optimizers.get).
 *
 * @param opt - a name (any case) or an optimizer
 * @returns the optimizer
 * @example const opt = keras.optimizers.get("adam");
 */
export function get(opt: OptimizerName | string | Optimizer): Optimizer {
  if (typeof opt !== "string") return opt;
  switch (opt.toLowerCase()) {
    case "sgd": return new SGDOptimizer();
    case "rmsprop": return new RMSpropOptimizer();
    case "adam": return new AdamOptimizer();
    case "adadelta": return new AdadeltaOptimizer();
    default: throw new Error(`Could not interpret optimizer identifier: ${opt}`);
  }
}
