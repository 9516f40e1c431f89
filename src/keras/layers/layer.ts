// The base class of every layer: a name, the per-example input and output shapes, the weights
// with their gradients, and the forward/backward pair each layer implements side by side.
import { NDArray } from "../../np/ndarray";
import type { Tensor } from "../utils";

/** One weight of a layer (a kernel, a bias, a moving mean, ...) with its gradient. */
export interface Weight {
  /** Keras' name: "kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance". */
  readonly name: string;
  readonly shape: number[];
  /** The values, row-major; optimizers update them in place. */
  readonly value: Float64Array;
  /** dLoss/dvalue after the last backward (zeros for non-trainable weights). */
  readonly grad: Float64Array;
  readonly trainable: boolean;
}

/** Options every layer accepts (Keras' base-layer keyword arguments). */
export interface LayerOptions {
  /** The shape of one example, without the batch axis, e.g. [28, 28, 1]; only the first layer needs it. */
  input_shape?: number[];
  /** The layer's name; default the class name in snake case with a counter ("dense_1"). */
  name?: string;
}

const counters = new Map<string, number>();

/** Keras' unique default names: "dense", "dense_1", "dense_2", ... */
export function uniqueName(base: string): string {
  const n = counters.get(base) ?? 0;
  counters.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/**
 * Resets Keras' layer-name counters, so the next Dense layer is called "dense" again.
 *
 * Mirrors keras.backend.clear_session (which also frees TensorFlow's graph; nnlab has none).
 *
 * @example keras.backend.clear_session();
 */
export function clear_session(): void {
  counters.clear();
}

/** Keras' to_snake_case: "Conv2D" -> "conv2d", "MaxPooling2D" -> "max_pooling2d". */
function snake(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/**
 * A layer: forward maps a batch to a batch, backward maps dLoss/doutput to dLoss/dinput and fills
 * the weights' gradients. Mirrors keras.layers.Layer; subclass it for a layer of your own.
 *
 * @param opts - { input_shape, name }
 * @param className - Keras' class name ("Dense"), from which the default name comes
 * @example const layers: keras.layers.Layer[] = model.layers;
 */
export abstract class Layer {
  /** The layer's name (shown by model.summary()). */
  readonly name: string;
  /** Whether build() has run (weights exist, shapes known). */
  built = false;
  /** The shape of one input example (no batch axis); known after build, or given as input_shape. */
  input_shape: number[] | null;
  /** The shape of one output example (no batch axis); known after build. */
  output_shape: number[] = [];
  /** Whether backward must return dLoss/dinput; false for a model's first layer with weights
   *  (nothing upstream needs it), which saves its largest product. */
  needsInputGradient = true;
  /** The weights, in Keras' order (kernel, bias; gamma, beta, moving_mean, moving_variance). */
  weights: Weight[] = [];

  /** Keras' class name, shown in model.summary() ("Dense", "Conv2D"). */
  readonly className: string;

  /**
   * Sets the layer's name and, if given, its input shape (subclasses call this).
   *
   * @param opts - { input_shape, name }
   * @param className - Keras' class name ("Dense"), from which the default name comes ("dense", "dense_1")
   * @example class Identity extends keras.layers.Layer { constructor() { super({}, "Identity"); } }
   */
  constructor(opts: LayerOptions, className: string) {
    this.input_shape = opts.input_shape ? [...opts.input_shape] : null;
    this.className = className;
    this.name = opts.name ?? uniqueName(snake(className));
  }

  /**
   * The output shape of one example for an input of shape `inputShape` (no batch axis), as Keras' compute_output_shape.
   *
   * @param inputShape - one example's shape, e.g. [28, 28, 1]
   * @returns one output example's shape, e.g. [26, 26, 16] for Conv2D(16, 3)
   * @example keras.layers.Conv2D(16, 3).computeOutputShape([28, 28, 1]); // [26, 26, 16]
   */
  abstract computeOutputShape(inputShape: number[]): number[];

  /** Creates the weights for inputs of this per-example shape. */
  protected createWeights(_inputShape: number[]): void {}

  /**
   * Creates the layer's weights for inputs of this per-example shape (once), as Keras' layer.build.
   *
   * @param inputShape - one example's shape, without the batch axis, e.g. [784]
   * @example const d = keras.layers.Dense(10); d.build([784]); d.count_params(); // 7850
   */
  build(inputShape: number[]): void {
    if (this.built) return;
    this.input_shape = [...inputShape];
    this.output_shape = this.computeOutputShape(inputShape);
    this.createWeights(inputShape);
    this.built = true;
  }

  /**
   * The forward pass on a batch; keeps what backward needs when `training` is true.
   *
   * @param x - the batch, { data, shape } with the batch axis first
   * @param training - true while fitting (Dropout drops, BatchNormalization uses the batch's statistics)
   * @returns the layer's output for the batch
   * @example const y = layer.forward({ data: new Float64Array(6), shape: [2, 3] }, false);
   */
  abstract forward(x: Tensor, training: boolean): Tensor;

  /**
   * The backward pass of the last training forward: dLoss/dinput from dLoss/doutput; fills each weight's `grad`.
   *
   * It may overwrite `dy` (a fresh buffer from the layer above or the loss).
   *
   * @param dy - dLoss/doutput, shaped as the forward's output
   * @returns dLoss/dinput, shaped as the forward's input
   * @example const dx = layer.backward({ data: new Float64Array(y.data.length).fill(1), shape: y.shape });
   */
  abstract backward(dy: Tensor): Tensor;

  private scratchBuffers = new Map<string, Float64Array>();

  /**
   * A work buffer of length n kept from batch to batch (allocating and collecting megabytes per
   * batch costs more than the arithmetic). Its old contents remain: callers overwrite it, or clear
   * it. Safe because training alternates forward and backward: a buffer handed to the next layer
   * in one batch is no longer read when the next batch overwrites it.
   */
  protected scratch(key: string, n: number): Float64Array {
    let b = this.scratchBuffers.get(key);
    if (!b || b.length !== n) {
      b = new Float64Array(n);
      this.scratchBuffers.set(key, b);
    }
    return b;
  }

  /** Adds a weight and returns its value buffer. */
  protected addWeight(name: string, shape: number[], value: Float64Array, trainable = true): Float64Array {
    this.weights.push({ name, shape, value, grad: new Float64Array(value.length), trainable });
    return value;
  }

  /** The trainable weights (those an optimizer updates). */
  get trainable_weights(): Weight[] {
    return this.weights.filter((w) => w.trainable);
  }

  /** The weights no optimizer updates (BatchNormalization's moving statistics). */
  get non_trainable_weights(): Weight[] {
    return this.weights.filter((w) => !w.trainable);
  }

  /**
   * The number of weights (trainable and not), as Keras' layer.count_params().
   *
   * @returns the total number of scalar weights
   * @example model.layers[1].count_params(); // 100480 for Dense(128) on 784 inputs
   */
  count_params(): number {
    return this.weights.reduce((s, w) => s + w.value.length, 0);
  }

  /**
   * The layer's weights as arrays, in Keras' order (copies).
   *
   * @returns one NDArray per weight, e.g. [kernel (784, 128), bias (128,)] for a Dense layer
   * @example const [W, b] = model.layers[1].get_weights();
   */
  get_weights(): NDArray[] {
    return this.weights.map((w) => new NDArray(w.value.slice(), w.shape));
  }

  /**
   * Sets the layer's weights from arrays of the same shapes, in Keras' order.
   *
   * @param values - one array per weight, shaped as get_weights() returns them
   * @example layer.set_weights([W, b]);
   */
  set_weights(values: NDArray[]): void {
    if (values.length !== this.weights.length) {
      throw new Error(`Layer ${this.name} expects ${this.weights.length} weights, but the given list has ${values.length}.`);
    }
    values.forEach((v, i) => {
      const w = this.weights[i];
      if (v.size !== w.value.length) throw new Error(`Layer ${this.name} weight ${w.name}: expected shape (${w.shape.join(", ")}), got (${v.shape.join(", ")})`);
      w.value.set(v.data);
    });
  }
}

/** Makes a class callable without `new`, as Keras' Python constructors are: `Dense(10)` and `new Dense(10)`. */
export function callable<A extends unknown[], T>(C: new (...args: A) => T): { new (...args: A): T; (...args: A): T } {
  return new Proxy(C, {
    apply: (_target, _this, args) => new C(...(args as A)),
  }) as unknown as { new (...args: A): T; (...args: A): T };
}
