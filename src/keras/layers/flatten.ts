// Flatten: (batch, d1, d2, ...) to (batch, d1·d2·...), row-major, so values do not move.
import { sizeOf, type Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/**
 * The Flatten layer class: `keras.layers.Flatten(...)` makes one, with or without `new`.
 *
 * @param opts - { input_shape, name }
 * @example const layer = new keras.layers.FlattenLayer({ input_shape: [28, 28] });
 */
export class FlattenLayer extends Layer {
  private inShape: number[] | null = null;

  constructor(opts: LayerOptions = {}) {
    super(opts, "Flatten");
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [sizeOf(inputShape)];
  }

  forward(x: Tensor, training: boolean): Tensor {
    if (training) this.inShape = [...x.shape];
    return { data: x.data, shape: [x.shape[0], sizeOf(x.shape.slice(1))] };
  }

  backward(dy: Tensor): Tensor {
    return { data: dy.data, shape: [...this.inShape!] };
  }
}

/**
 * Flattens each example to one axis: (batch, 28, 28, 1) becomes (batch, 784).
 *
 * Mirrors keras.layers.Flatten (row-major, channels last). No weights. Callable with or without `new`.
 *
 * @param opts - { input_shape, name }
 * @returns the layer
 * @example model.add(keras.layers.Flatten({ input_shape: [28, 28] }));
 */
export const Flatten: { new (opts?: LayerOptions): FlattenLayer; (opts?: LayerOptions): FlattenLayer } = callable(FlattenLayer);
export type Flatten = FlattenLayer;
