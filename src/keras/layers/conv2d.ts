// Conv2D, channels-last: im2col gathers every receptive field of the batch into one matrix
// (rows: output positions, columns: kh·kw·c_in), so the forward is one product with the kernel
// seen as (kh·kw·c_in, filters), and the backward two (dkernel = colsᵀ·dz, dcols = dz·kernelᵀ)
// followed by col2im, which adds each column back where it came from.
import { get as getActivation, type Activation, type ActivationName } from "../activations";
import { glorot_uniform } from "../initializers";
import { matmul, type Tensor } from "../utils";
import { Layer, callable, type LayerOptions } from "./layer";

/** "valid" (no padding) or "same" (zero padding so that output = ceil(input / stride)). */
export type Padding = "valid" | "same";

/** Options of Conv2D (Keras' keyword arguments). */
export interface Conv2DOptions extends LayerOptions {
  /** The step between windows: a number or [rows, cols]; default 1. */
  strides?: number | [number, number];
  /** "valid" (default) or "same". */
  padding?: Padding;
  /** "relu", "sigmoid", "tanh", "softmax" or "linear" (default: none). */
  activation?: ActivationName | null;
  /** Whether to add a bias per filter (default true). */
  use_bias?: boolean;
}

/**
 * Keras' output length and leading padding along one axis of a convolution or pooling.
 *
 * @param n - the input length
 * @param k - the window length
 * @param s - the stride
 * @param padding - "valid" or "same"
 * @returns { out, pad }: out = floor((n - k) / s) + 1 ("valid") or ceil(n / s) ("same"); pad, the zeros added before the first element
 * @example keras.layers.convGeometry(28, 3, 1, "same"); // { out: 28, pad: 1 }
 */
export function convGeometry(n: number, k: number, s: number, padding: Padding): { out: number; pad: number } {
  if (padding === "valid") return { out: Math.floor((n - k) / s) + 1, pad: 0 };
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return { out, pad: Math.floor(total / 2) };
}

/** A pair from a number or a pair (Keras' normalize_tuple). */
export function pair(v: number | [number, number]): [number, number] {
  return typeof v === "number" ? [v, v] : [v[0], v[1]];
}

/** The geometry of one convolution or pooling window over an (N, H, W, C) batch. */
export interface Window {
  n: number; h: number; w: number; c: number;
  kh: number; kw: number; sh: number; sw: number;
  ho: number; wo: number; pt: number; pl: number;
}

/** The window geometry for a batch shape. */
export function windowOf(shape: number[], k: [number, number], s: [number, number], padding: Padding): Window {
  const [n, h, w, c] = shape;
  const gh = convGeometry(h, k[0], s[0], padding), gw = convGeometry(w, k[1], s[1], padding);
  return { n, h, w, c, kh: k[0], kw: k[1], sh: s[0], sw: s[1], ho: gh.out, wo: gw.out, pt: gh.pad, pl: gw.pad };
}

/**
 * im2col: every receptive field of a channels-last batch as one row of a matrix (N·Ho·Wo, kh·kw·C).
 *
 * Each row lists its window in (i, j, c) order, with zeros where the window hangs over the padding,
 * so that a convolution is one product with the kernel seen as (kh·kw·C, filters).
 *
 * @param x - the batch's values, (N, H, W, C) row-major
 * @param g - the window geometry (see windowOf)
 * @param out - a buffer to write into (its padded entries must already be zero: same geometry as before)
 * @returns the columns, length N·Ho·Wo·kh·kw·C
 * @example const cols = keras.layers.im2col(x.data, g);
 */
export function im2col(x: Float64Array, g: Window, out?: Float64Array): Float64Array {
  const { n, h, w, c, kh, kw, sh, sw, ho, wo, pt, pl } = g;
  const K = kh * kw * c, run = kw * c;
  const cols = out ?? new Float64Array(n * ho * wo * K);
  let o = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oh = 0; oh < ho; oh++) {
      for (let ow = 0; ow < wo; ow++) {
        const w0 = ow * sw - pl;
        const inside = w0 >= 0 && w0 + kw <= w;
        for (let i = 0; i < kh; i++) {
          const ih = oh * sh - pt + i;
          if (ih < 0 || ih >= h) {
            o += run; // stays zero
            continue;
          }
          const xr = xb + ih * w * c;
          if (inside) {
            // the window's row is contiguous in x: kw·c values in a row
            for (let q = 0, xs = xr + w0 * c; q < run; q++) cols[o++] = x[xs + q];
            continue;
          }
          for (let j = 0; j < kw; j++) {
            const iw = w0 + j;
            if (iw < 0 || iw >= w) {
              o += c;
              continue;
            }
            const xs = xr + iw * c;
            for (let q = 0; q < c; q++) cols[o++] = x[xs + q];
          }
        }
      }
    }
  }
  return cols;
}

/**
 * col2im: the adjoint of im2col, adding each entry of `dcols` into the input position it was read from.
 *
 * @param dcols - gradients with respect to im2col's matrix, (N·Ho·Wo, kh·kw·C)
 * @param g - the window geometry used by im2col
 * @param out - a buffer to write into (cleared first)
 * @returns the gradient with respect to the batch, (N, H, W, C) row-major
 * @example const dx = keras.layers.col2im(dcols, g);
 */
export function col2im(dcols: Float64Array, g: Window, out?: Float64Array): Float64Array {
  const { n, h, w, c, kh, kw, sh, sw, ho, wo, pt, pl } = g;
  const run = kw * c;
  const dx = out ? out.fill(0) : new Float64Array(n * h * w * c);
  let o = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oh = 0; oh < ho; oh++) {
      for (let ow = 0; ow < wo; ow++) {
        const w0 = ow * sw - pl;
        const inside = w0 >= 0 && w0 + kw <= w;
        for (let i = 0; i < kh; i++) {
          const ih = oh * sh - pt + i;
          if (ih < 0 || ih >= h) {
            o += run;
            continue;
          }
          const xr = xb + ih * w * c;
          if (inside) {
            for (let q = 0, xs = xr + w0 * c; q < run; q++) dx[xs + q] += dcols[o++];
            continue;
          }
          for (let j = 0; j < kw; j++) {
            const iw = w0 + j;
            if (iw < 0 || iw >= w) {
              o += c;
              continue;
            }
            const xs = xr + iw * c;
            for (let q = 0; q < c; q++) dx[xs + q] += dcols[o++];
          }
        }
      }
    }
  }
  return dx;
}

/**
 * The Conv2D layer class: `keras.layers.Conv2D(...)` makes one, with or without `new`.
 *
 * @param filters - the number of output channels
 * @param kernel_size - the window size: a number or [rows, cols]
 * @param opts - { strides = 1, padding = "valid", activation, use_bias = true, input_shape, name }
 * @example const layer = new keras.layers.Conv2DLayer(16, 3, { activation: "relu" });
 */
export class Conv2DLayer extends Layer {
  readonly filters: number;
  readonly kernel_size: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly activation: Activation;
  readonly use_bias: boolean;
  /** Set by the model when the loss takes the pre-activation gradient. */
  fusedActivation = false;
  private kernel!: Float64Array;
  private bias: Float64Array | null = null;
  private cols: Float64Array | null = null;
  private y: Float64Array | null = null;
  private g: Window | null = null;

  constructor(filters: number, kernel_size: number | [number, number], opts: Conv2DOptions = {}) {
    super(opts, "Conv2D");
    if (!(Number.isInteger(filters) && filters > 0)) throw new Error(`Invalid value for argument \`filters\`. Expected a strictly positive value. Received filters=${filters}.`);
    this.filters = filters;
    this.kernel_size = pair(kernel_size);
    this.strides = pair(opts.strides ?? 1);
    this.padding = opts.padding ?? "valid";
    if (this.padding !== "valid" && this.padding !== "same") throw new Error(`The \`padding\` argument must be one of "valid", "same". Received: ${this.padding}`);
    this.activation = getActivation(opts.activation);
    this.use_bias = opts.use_bias ?? true;
  }

  computeOutputShape(inputShape: number[]): number[] {
    if (inputShape.length !== 3) throw new Error(`Input 0 of layer "${this.name}" is incompatible with the layer: expected ndim=4, found ndim=${inputShape.length + 1}. Full shape received: (None, ${inputShape.join(", ")})`);
    const [h, w] = inputShape;
    const gh = convGeometry(h, this.kernel_size[0], this.strides[0], this.padding);
    const gw = convGeometry(w, this.kernel_size[1], this.strides[1], this.padding);
    if (gh.out <= 0 || gw.out <= 0) throw new Error(`One of the dimensions in the output is <= 0 due to downsampling in ${this.name}. Consider increasing the input size. Received input shape (None, ${inputShape.join(", ")})`);
    return [gh.out, gw.out, this.filters];
  }

  protected override createWeights(inputShape: number[]): void {
    const [kh, kw] = this.kernel_size, c = inputShape[2], f = this.filters;
    const rf = kh * kw;
    this.kernel = this.addWeight("kernel", [kh, kw, c, f], glorot_uniform(rf * c * f, rf * c, rf * f));
    if (this.use_bias) this.bias = this.addWeight("bias", [f], new Float64Array(f));
  }

  forward(x: Tensor, training: boolean): Tensor {
    const g = windowOf(x.shape, this.kernel_size, this.strides, this.padding);
    const f = this.filters, K = g.kh * g.kw * g.c, rows = g.n * g.ho * g.wo;
    // the column buffer is reused from batch to batch of the same size (its zero padding stays zero)
    const need = rows * K;
    const cols = im2col(x.data, g, this.cols && this.cols.length === need ? this.cols : undefined);
    this.cols = cols;
    const y = matmul(cols, this.kernel, rows, K, f, false, false, this.scratch("y", rows * f));
    const b = this.bias;
    if (b) for (let r = 0; r < rows; r++) for (let j = 0, o = r * f; j < f; j++) y[o + j] += b[j];
    this.activation.forward(y, f);
    if (training) {
      this.y = y;
      this.g = g;
    }
    return { data: y, shape: [g.n, g.ho, g.wo, f] };
  }

  backward(dy: Tensor): Tensor {
    const g = this.g!, cols = this.cols!;
    const f = this.filters, K = g.kh * g.kw * g.c, rows = g.n * g.ho * g.wo;
    const dz = dy.data; // a fresh buffer from the layer above (or the loss): ours to overwrite
    if (!this.fusedActivation) this.activation.backward(this.y!, dz, f);
    matmul(cols, dz, K, rows, f, true, false, this.weights[0].grad);
    if (this.bias) {
      const db = this.weights[1].grad;
      db.fill(0);
      for (let r = 0; r < rows; r++) for (let j = 0, o = r * f; j < f; j++) db[j] += dz[o + j];
    }
    if (!this.needsInputGradient) return { data: new Float64Array(0), shape: [g.n, g.h, g.w, g.c] };
    const dcols = matmul(dz, this.kernel, rows, f, K, false, true, this.scratch("dcols", rows * K));
    return { data: col2im(dcols, g, this.scratch("dx", g.n * g.h * g.w * g.c)), shape: [g.n, g.h, g.w, g.c] };
  }
}

/**
 * A 2-D convolution layer over channels-last images (batch, rows, cols, channels).
 *
 * Mirrors keras.layers.Conv2D: `filters` kernels of size kernel_size × c_in, slid with `strides`;
 * padding "valid" keeps only full windows (output (H - kh) / s + 1), "same" pads with zeros so
 * that the output is ceil(H / s). Kernel shape (kh, kw, c_in, filters), glorot_uniform from
 * np.random; bias zero. Computed by im2col and one matrix product per batch. Callable with or
 * without `new`.
 *
 * @param filters - the number of output channels
 * @param kernel_size - the window size: a number or [rows, cols]
 * @param opts - { strides = 1, padding = "valid", activation, use_bias = true, input_shape, name }
 * @returns the layer
 * @example model.add(keras.layers.Conv2D(16, 3, { activation: "relu", input_shape: [28, 28, 1] }));
 */
export const Conv2D: {
  new (filters: number, kernel_size: number | [number, number], opts?: Conv2DOptions): Conv2DLayer;
  (filters: number, kernel_size: number | [number, number], opts?: Conv2DOptions): Conv2DLayer;
} = callable(Conv2DLayer);
export type Conv2D = Conv2DLayer;
