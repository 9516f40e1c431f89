// Activation as a layer of its own (Conv2D → BatchNormalization → Activation("relu")).
import { get as getActivation, type Activation as Act, type ActivationName } from "../activations";
import type { Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/**
 * The Activation layer class: `keras.layers.Activation(...)` makes one, with or without `new`.
 *
 * @param activation - "relu", "sigmoid", "tanh", "softmax" or "linear"
 * @param opts - { name }
 * @example const layer = new keras.layers.ActivationLayer("relu");
 */
export class ActivationLayer extends Layer {
  readonly activation: Act;
  /** Set by the model when the loss takes the pre-activation gradient. */
  fusedActivation = false;
  private y: Tensor | null = null;

  constructor(activation: ActivationName, opts: LayerOptions = {}) {
    super(opts, "Activation");
    this.activation = getActivation(activation);
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor, training: boolean): Tensor {
    const y = { data: x.data.slice(), shape: [...x.shape] };
    this.activation.forward(y.data, x.shape[x.shape.length - 1]);
    if (training) this.y = y;
    return y;
  }

  backward(dy: Tensor): Tensor {
    const y = this.y!;
    const dz = dy.data.slice();
    if (!this.fusedActivation) this.activation.backward(y.data, dz, y.shape[y.shape.length - 1]);
    return { data: dz, shape: [...dy.shape] };
  }
}

/**
 * Applies an activation function to its input, as a layer of its own.
 *
 * Mirrors keras.layers.Activation. No weights. Callable with or without `new`.
 *
 * @param activation - "relu", "sigmoid", "tanh", "softmax" or "linear"
 * @param opts - { name }
 * @returns the layer
 * @example model.add(keras.layers.Activation("relu"));
 */
export const Activation: { new (activation: ActivationName, opts?: LayerOptions): ActivationLayer; (activation: ActivationName, opts?: LayerOptions): ActivationLayer } = callable(ActivationLayer);
export type Activation = ActivationLayer;
