// Dropout (inverted): while training, each input is kept with probability 1 - rate and scaled by
// 1 / (1 - rate), so inference needs no change; the same mask multiplies the gradient.
import * as random from "../../np/random";
import type { NDArray } from "../../np/ndarray";
import type { Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/**
 * The Dropout layer class: `keras.layers.Dropout(...)` makes one, with or without `new`.
 *
 * @param rate - the fraction of inputs to drop, in [0, 1)
 * @param opts - { name }
 * @example const layer = new keras.layers.DropoutLayer(0.5);
 */
export class DropoutLayer extends Layer {
  readonly rate: number;
  /** The last training mask (0 or 1 / (1 - rate) per input). */
  mask: Float64Array | null = null;

  constructor(rate: number, opts: LayerOptions = {}) {
    super(opts, "Dropout");
    if (!(rate >= 0 && rate < 1)) throw new Error(`Invalid value received for argument \`rate\`. Expected a float value between 0 and 1. Received: rate=${rate}`);
    this.rate = rate;
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor, training: boolean): Tensor {
    if (!training || this.rate === 0) {
      this.mask = null;
      return x;
    }
    const u = (random.random_sample as (size: number) => NDArray)(x.data.length).data;
    const keep = 1 / (1 - this.rate), rate = this.rate;
    const mask = new Float64Array(u.length);
    const y = new Float64Array(u.length);
    for (let i = 0; i < u.length; i++) {
      mask[i] = u[i] >= rate ? keep : 0;
      y[i] = x.data[i] * mask[i];
    }
    this.mask = mask;
    return { data: y, shape: [...x.shape] };
  }

  backward(dy: Tensor): Tensor {
    const m = this.mask;
    if (!m) return dy;
    const dx = new Float64Array(m.length);
    for (let i = 0; i < m.length; i++) dx[i] = dy.data[i] * m[i];
    return { data: dx, shape: [...dy.shape] };
  }
}

/**
 * Randomly sets a fraction `rate` of the inputs to 0 while training, scaling the rest by 1 / (1 - rate).
 *
 * Mirrors keras.layers.Dropout (inverted dropout): at inference (evaluate, predict) it passes its
 * input through unchanged. The mask is drawn from np.random (np.random.seed makes it reproducible).
 *
 * @param rate - the fraction of inputs to drop, in [0, 1)
 * @param opts - { name }
 * @returns the layer
 * @example model.add(keras.layers.Dropout(0.5));
 */
export const Dropout: { new (rate: number, opts?: LayerOptions): DropoutLayer; (rate: number, opts?: LayerOptions): DropoutLayer } = callable(DropoutLayer);
export type Dropout = DropoutLayer;
