// BatchNormalization over the last axis (channels-last): in training, each channel is normalised
// with the batch's mean and (biased) variance, then scaled by gamma and shifted by beta; the moving
// statistics follow moving = momentum·moving + (1 - momentum)·batch, and inference uses them.
import type { Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/** Options of BatchNormalization (Keras' keyword arguments). */
export interface BatchNormalizationOptions extends LayerOptions {
  /** The weight of the old value in the moving statistics; default 0.99. */
  momentum?: number;
  /** Added to the variance before the square root; default 0.001. */
  epsilon?: number;
  /** Whether to learn beta (default true). */
  center?: boolean;
  /** Whether to learn gamma (default true). */
  scale?: boolean;
}

/**
 * The BatchNormalization layer class: `keras.layers.BatchNormalization(...)` makes one, with or without `new`.
 *
 * @param opts - { momentum = 0.99, epsilon = 0.001, center = true, scale = true, name }
 * @example const layer = new keras.layers.BatchNormalizationLayer({ momentum: 0.95 });
 */
export class BatchNormalizationLayer extends Layer {
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private gamma: Float64Array | null = null;
  private beta: Float64Array | null = null;
  private movingMean!: Float64Array;
  private movingVar!: Float64Array;
  private xhat: Float64Array | null = null;
  private invStd: Float64Array | null = null;

  constructor(opts: BatchNormalizationOptions = {}) {
    super(opts, "BatchNormalization");
    this.momentum = opts.momentum ?? 0.99;
    this.epsilon = opts.epsilon ?? 0.001;
    this.center = opts.center ?? true;
    this.scale = opts.scale ?? true;
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape];
  }

  protected override createWeights(inputShape: number[]): void {
    const c = inputShape[inputShape.length - 1];
    if (this.scale) this.gamma = this.addWeight("gamma", [c], new Float64Array(c).fill(1));
    if (this.center) this.beta = this.addWeight("beta", [c], new Float64Array(c));
    this.movingMean = this.addWeight("moving_mean", [c], new Float64Array(c), false);
    this.movingVar = this.addWeight("moving_variance", [c], new Float64Array(c).fill(1), false);
  }

  forward(x: Tensor, training: boolean): Tensor {
    const c = x.shape[x.shape.length - 1], src = x.data, rows = src.length / c;
    const y = new Float64Array(src.length);
    const g = this.gamma, b = this.beta;
    if (!training) {
      for (let q = 0; q < c; q++) {
        const inv = 1 / Math.sqrt(this.movingVar[q] + this.epsilon), mu = this.movingMean[q];
        const s = g ? g[q] * inv : inv, t = b ? b[q] : 0;
        for (let i = q; i < src.length; i += c) y[i] = (src[i] - mu) * s + t;
      }
      return { data: y, shape: [...x.shape] };
    }
    const mean = new Float64Array(c), v = new Float64Array(c), inv = new Float64Array(c);
    for (let i = 0; i < src.length; i += c) for (let q = 0; q < c; q++) mean[q] += src[i + q];
    for (let q = 0; q < c; q++) mean[q] /= rows;
    for (let i = 0; i < src.length; i += c) {
      for (let q = 0; q < c; q++) {
        const d = src[i + q] - mean[q];
        v[q] += d * d;
      }
    }
    const xhat = new Float64Array(src.length);
    const m = this.momentum;
    for (let q = 0; q < c; q++) {
      v[q] /= rows;
      inv[q] = 1 / Math.sqrt(v[q] + this.epsilon);
      this.movingMean[q] = this.movingMean[q] * m + mean[q] * (1 - m);
      this.movingVar[q] = this.movingVar[q] * m + v[q] * (1 - m);
    }
    for (let i = 0; i < src.length; i += c) {
      for (let q = 0; q < c; q++) {
        const h = (src[i + q] - mean[q]) * inv[q];
        xhat[i + q] = h;
        y[i + q] = (g ? g[q] * h : h) + (b ? b[q] : 0);
      }
    }
    this.xhat = xhat;
    this.invStd = inv;
    return { data: y, shape: [...x.shape] };
  }

  backward(dy: Tensor): Tensor {
    const xhat = this.xhat!, inv = this.invStd!, d = dy.data;
    const c = inv.length, rows = d.length / c;
    const sumD = new Float64Array(c), sumDX = new Float64Array(c);
    for (let i = 0; i < d.length; i += c) {
      for (let q = 0; q < c; q++) {
        sumD[q] += d[i + q];
        sumDX[q] += d[i + q] * xhat[i + q];
      }
    }
    let w = 0;
    if (this.gamma) this.weights[w++].grad.set(sumDX);
    if (this.beta) this.weights[w++].grad.set(sumD);
    // dx = gamma·inv/M · (M·dy - Σdy - xhat·Σ(dy·xhat))
    const g = this.gamma;
    const dx = new Float64Array(d.length);
    for (let i = 0; i < d.length; i += c) {
      for (let q = 0; q < c; q++) {
        const s = (g ? g[q] : 1) * inv[q] / rows;
        dx[i + q] = s * (rows * d[i + q] - sumD[q] - xhat[i + q] * sumDX[q]);
      }
    }
    return { data: dx, shape: [...dy.shape] };
  }
}

/**
 * Normalises each channel (the last axis) over the batch, then scales by gamma and shifts by beta.
 *
 * Mirrors keras.layers.BatchNormalization(momentum=0.99, epsilon=0.001): training uses the
 * batch's mean and variance and updates the moving statistics
 * (moving = momentum·moving + (1 - momentum)·batch); evaluate and predict use the moving ones.
 * Weights gamma, beta (trainable) and moving_mean, moving_variance (non-trainable): 4·channels
 * parameters in model.summary(). Callable with or without `new`.
 *
 * @param opts - { momentum = 0.99, epsilon = 0.001, center = true, scale = true, name }
 * @returns the layer
 * @example model.add(keras.layers.BatchNormalization({ momentum: 0.95 }));
 */
export const BatchNormalization: {
  new (opts?: BatchNormalizationOptions): BatchNormalizationLayer;
  (opts?: BatchNormalizationOptions): BatchNormalizationLayer;
} = callable(BatchNormalizationLayer);
export type BatchNormalization = BatchNormalizationLayer;
