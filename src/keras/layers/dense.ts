// Dense: y = activation(x · kernel + bias) on the last axis, kernel (n_in, units) as Keras stores it.
import { get as getActivation, type Activation, type ActivationName } from "../activations";
import { glorot_uniform } from "../initializers";
import { matmul, sizeOf, type Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/** Options of Dense (Keras' keyword arguments). */
export interface DenseOptions extends LayerOptions {
  /** "relu", "sigmoid", "tanh", "softmax" or "linear" (default: none, i.e. linear). */
  activation?: ActivationName | null;
  /** Whether to add a bias (default true). */
  use_bias?: boolean;
}

/**
 * The Dense layer class: `keras.layers.Dense(...)` makes one, with or without `new`.
 *
 * @param units - the number of outputs
 * @param opts - { activation, use_bias = true, input_shape, name }
 * @example const layer = new keras.layers.DenseLayer(10, { activation: "softmax" });
 */
export class DenseLayer extends Layer {
  readonly units: number;
  readonly activation: Activation;
  readonly use_bias: boolean;
  /** Set by the model when the loss takes the pre-activation gradient (softmax + cross-entropy). */
  fusedActivation = false;
  private kernel!: Float64Array;
  private bias: Float64Array | null = null;
  private x: Tensor | null = null;
  private y: Float64Array | null = null;

  constructor(units: number, opts: DenseOptions = {}) {
    super(opts, "Dense");
    if (!(Number.isInteger(units) && units > 0)) throw new Error(`Received an invalid value for \`units\`, expected a positive integer. Received: units=${units}`);
    this.units = units;
    this.activation = getActivation(opts.activation);
    this.use_bias = opts.use_bias ?? true;
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape.slice(0, -1), this.units];
  }

  protected override createWeights(inputShape: number[]): void {
    const nIn = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight("kernel", [nIn, this.units], glorot_uniform(nIn * this.units, nIn, this.units));
    if (this.use_bias) this.bias = this.addWeight("bias", [this.units], new Float64Array(this.units));
  }

  forward(x: Tensor, training: boolean): Tensor {
    const nIn = x.shape[x.shape.length - 1], n = this.units;
    const rows = sizeOf(x.shape) / nIn;
    const y = matmul(x.data, this.kernel, rows, nIn, n, false, false, this.scratch("y", rows * n));
    const b = this.bias;
    if (b) for (let r = 0; r < rows; r++) for (let j = 0, o = r * n; j < n; j++) y[o + j] += b[j];
    this.activation.forward(y, n);
    if (training) {
      this.x = x;
      this.y = y;
    }
    return { data: y, shape: [...x.shape.slice(0, -1), n] };
  }

  backward(dy: Tensor): Tensor {
    const x = this.x!, y = this.y!;
    const nIn = x.shape[x.shape.length - 1], n = this.units;
    const rows = sizeOf(x.shape) / nIn;
    const dz = dy.data; // a fresh buffer from the layer above (or the loss): ours to overwrite
    if (!this.fusedActivation) this.activation.backward(y, dz, n);
    // dkernel = xᵀ · dz, dbias = Σ_rows dz, dx = dz · kernelᵀ
    matmul(x.data, dz, nIn, rows, n, true, false, this.weights[0].grad);
    if (this.bias) {
      const db = this.weights[1].grad;
      db.fill(0);
      for (let r = 0; r < rows; r++) for (let j = 0, o = r * n; j < n; j++) db[j] += dz[o + j];
    }
    if (!this.needsInputGradient) return { data: new Float64Array(0), shape: [...x.shape] };
    const dx = matmul(dz, this.kernel, rows, n, nIn, false, true, this.scratch("dx", rows * nIn));
    return { data: dx, shape: [...x.shape] };
  }
}

/**
 * A fully connected layer: `output = activation(dot(input, kernel) + bias)`.
 *
 * Mirrors keras.layers.Dense (channels-last: it acts on the last axis). The kernel has shape
 * (n_in, units), initialised glorot_uniform from np.random; the bias starts at zero. Callable with
 * or without `new`.
 *
 * @param units - the number of outputs
 * @param opts - { activation, use_bias = true, input_shape, name }
 * @returns the layer
 * @example model.add(keras.layers.Dense(128, { activation: "relu", input_shape: [784] }));
 */
export const Dense: { new (units: number, opts?: DenseOptions): DenseLayer; (units: number, opts?: DenseOptions): DenseLayer } = callable(DenseLayer);
export type Dense = DenseLayer;
