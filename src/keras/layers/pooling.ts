// Pooling over channels-last images: MaxPooling2D (remembers where each maximum came from, and
// sends the gradient back there), AveragePooling2D (spreads it evenly over the window's valid
// cells, as Keras does with "same" padding) and GlobalAveragePooling2D.
import type { Tensor } from "../utils";
import { pair, windowOf, convGeometry, type Padding, type Window } from "./conv2d";
import { Layer, callable, type LayerOptions } from "./layer";

/** Options of MaxPooling2D and AveragePooling2D. */
export interface PoolingOptions extends LayerOptions {
  /** The step between windows; default pool_size. */
  strides?: number | [number, number] | null;
  /** "valid" (default) or "same". */
  padding?: Padding;
}

abstract class Pooling2D extends Layer {
  readonly pool_size: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  protected g: Window | null = null;

  constructor(pool_size: number | [number, number], opts: PoolingOptions, className: string) {
    super(opts, className);
    this.pool_size = pair(pool_size);
    this.strides = pair(opts.strides ?? this.pool_size);
    this.padding = opts.padding ?? "valid";
  }

  computeOutputShape(inputShape: number[]): number[] {
    const [h, w, c] = inputShape;
    const gh = convGeometry(h, this.pool_size[0], this.strides[0], this.padding);
    const gw = convGeometry(w, this.pool_size[1], this.strides[1], this.padding);
    return [gh.out, gw.out, c];
  }

  protected window(x: Tensor): Window {
    return windowOf(x.shape, this.pool_size, this.strides, this.padding);
  }
}

/** Max pooling with 2x2 windows, stride 2, no padding; ties go to the first cell, as in the general loop. */
function maxPool2x2(src: Float64Array, out: Float64Array, arg: Int32Array, g: Window): void {
  const { n, h, w, c, ho, wo } = g;
  const row = w * c;
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oh = 0; oh < ho; oh++) {
      for (let ow = 0; ow < wo; ow++) {
        const p00 = ((b * h + 2 * oh) * w + 2 * ow) * c;
        for (let q = 0; q < c; q++, o++) {
          const a = p00 + q, bb = a + c, cc = a + row, d = cc + c;
          let best = src[a], at = a;
          if (src[bb] > best) { best = src[bb]; at = bb; }
          if (src[cc] > best) { best = src[cc]; at = cc; }
          if (src[d] > best) { best = src[d]; at = d; }
          out[o] = best;
          arg[o] = at;
        }
      }
    }
  }
}

/**
 * The MaxPooling2D layer class: `keras.layers.MaxPooling2D(...)` makes one, with or without `new`.
 *
 * @param pool_size - the window: a number or [rows, cols]; default 2
 * @param opts - { strides = pool_size, padding = "valid", name }
 * @example const layer = new keras.layers.MaxPooling2DLayer(2);
 */
export class MaxPooling2DLayer extends Pooling2D {
  private argmax: Int32Array | null = null;
  private arg: Int32Array | null = null;

  constructor(pool_size: number | [number, number] = 2, opts: PoolingOptions = {}) {
    super(pool_size, opts, "MaxPooling2D");
  }

  forward(x: Tensor, training: boolean): Tensor {
    const g = this.window(x);
    const { n, h, w, c, kh, kw, sh, sw, ho, wo, pt, pl } = g;
    const out = this.scratch("y", n * ho * wo * c);
    if (!this.arg || this.arg.length !== out.length) this.arg = new Int32Array(out.length);
    const arg = this.arg;
    const src = x.data;
    if (kh === 2 && kw === 2 && sh === 2 && sw === 2 && pt === 0 && pl === 0 && 2 * ho <= h && 2 * wo <= w) {
      // the common case, 2x2 windows with stride 2 and no padding: four loads per output
      maxPool2x2(src, out, arg, g);
      if (training) {
        this.argmax = arg;
        this.g = g;
      }
      return { data: out, shape: [n, ho, wo, c] };
    }
    let o = 0;
    for (let b = 0; b < n; b++) {
      for (let oh = 0; oh < ho; oh++) {
        const h0 = Math.max(oh * sh - pt, 0), h1 = Math.min(oh * sh - pt + kh, h);
        for (let ow = 0; ow < wo; ow++) {
          const w0 = Math.max(ow * sw - pl, 0), w1 = Math.min(ow * sw - pl + kw, w);
          for (let q = 0; q < c; q++, o++) {
            let best = -Infinity, at = -1;
            for (let ih = h0; ih < h1; ih++) {
              for (let iw = w0, p = ((b * h + ih) * w + w0) * c + q; iw < w1; iw++, p += c) {
                if (src[p] > best || at < 0) {
                  best = src[p];
                  at = p;
                }
              }
            }
            out[o] = best;
            arg[o] = at;
          }
        }
      }
    }
    if (training) {
      this.argmax = arg;
      this.g = g;
    }
    return { data: out, shape: [n, ho, wo, c] };
  }

  backward(dy: Tensor): Tensor {
    const g = this.g!, arg = this.argmax!;
    const dx = this.scratch("dx", g.n * g.h * g.w * g.c).fill(0);
    const d = dy.data;
    for (let o = 0; o < d.length; o++) dx[arg[o]] += d[o];
    return { data: dx, shape: [g.n, g.h, g.w, g.c] };
  }
}

/**
 * The AveragePooling2D layer class: `keras.layers.AveragePooling2D(...)` makes one, with or without `new`.
 *
 * @param pool_size - the window: a number or [rows, cols]; default 2
 * @param opts - { strides = pool_size, padding = "valid", name }
 * @example const layer = new keras.layers.AveragePooling2DLayer(2);
 */
export class AveragePooling2DLayer extends Pooling2D {
  constructor(pool_size: number | [number, number] = 2, opts: PoolingOptions = {}) {
    super(pool_size, opts, "AveragePooling2D");
  }

  /** Calls f(output index, input index, 1 / window count) for every cell of every window. */
  private each(g: Window, f: (o: number, p: number, inv: number) => void): void {
    const { n, h, w, c, kh, kw, sh, sw, ho, wo, pt, pl } = g;
    let o = 0;
    for (let b = 0; b < n; b++) {
      for (let oh = 0; oh < ho; oh++) {
        const h0 = Math.max(oh * sh - pt, 0), h1 = Math.min(oh * sh - pt + kh, h);
        for (let ow = 0; ow < wo; ow++) {
          const w0 = Math.max(ow * sw - pl, 0), w1 = Math.min(ow * sw - pl + kw, w);
          const inv = 1 / ((h1 - h0) * (w1 - w0));
          for (let q = 0; q < c; q++, o++) {
            for (let ih = h0; ih < h1; ih++) {
              for (let iw = w0, p = ((b * h + ih) * w + w0) * c + q; iw < w1; iw++, p += c) f(o, p, inv);
            }
          }
        }
      }
    }
  }

  forward(x: Tensor, training: boolean): Tensor {
    const g = this.window(x);
    const out = new Float64Array(g.n * g.ho * g.wo * g.c);
    const src = x.data;
    this.each(g, (o, p, inv) => {
      out[o] += src[p] * inv;
    });
    if (training) this.g = g;
    return { data: out, shape: [g.n, g.ho, g.wo, g.c] };
  }

  backward(dy: Tensor): Tensor {
    const g = this.g!;
    const dx = new Float64Array(g.n * g.h * g.w * g.c);
    const d = dy.data;
    this.each(g, (o, p, inv) => {
      dx[p] += d[o] * inv;
    });
    return { data: dx, shape: [g.n, g.h, g.w, g.c] };
  }
}

/**
 * The GlobalAveragePooling2D layer class: `keras.layers.GlobalAveragePooling2D(...)` makes one, with or without `new`.
 *
 * @param opts - { name }
 * @example const layer = new keras.layers.GlobalAveragePooling2DLayer();
 */
export class GlobalAveragePooling2DLayer extends Layer {
  private inShape: number[] | null = null;

  constructor(opts: LayerOptions = {}) {
    super(opts, "GlobalAveragePooling2D");
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [inputShape[2]];
  }

  forward(x: Tensor, training: boolean): Tensor {
    const [n, h, w, c] = x.shape;
    const out = new Float64Array(n * c);
    const src = x.data, hw = h * w, inv = 1 / hw;
    for (let b = 0; b < n; b++) {
      for (let p = 0, s = b * hw * c; p < hw; p++, s += c) for (let q = 0; q < c; q++) out[b * c + q] += src[s + q];
      for (let q = 0; q < c; q++) out[b * c + q] *= inv;
    }
    if (training) this.inShape = [...x.shape];
    return { data: out, shape: [n, c] };
  }

  backward(dy: Tensor): Tensor {
    const [n, h, w, c] = this.inShape!;
    const dx = new Float64Array(n * h * w * c);
    const d = dy.data, hw = h * w, inv = 1 / hw;
    for (let b = 0; b < n; b++) {
      for (let p = 0, s = b * hw * c; p < hw; p++, s += c) for (let q = 0; q < c; q++) dx[s + q] = d[b * c + q] * inv;
    }
    return { data: dx, shape: [n, h, w, c] };
  }
}

/**
 * Max pooling over channels-last images: the maximum of each pool_size window, per channel.
 *
 * Mirrors keras.layers.MaxPooling2D(pool_size=(2, 2), strides=None, padding="valid"): strides
 * default to pool_size; "same" pads so the output is ceil(H / stride), padded cells never win.
 * The gradient goes to the cell that held the maximum. No weights. Callable with or without `new`.
 *
 * @param pool_size - the window: a number or [rows, cols]; default 2
 * @param opts - { strides = pool_size, padding = "valid", name }
 * @returns the layer
 * @example model.add(keras.layers.MaxPooling2D(2));
 */
export const MaxPooling2D: {
  new (pool_size?: number | [number, number], opts?: PoolingOptions): MaxPooling2DLayer;
  (pool_size?: number | [number, number], opts?: PoolingOptions): MaxPooling2DLayer;
} = callable(MaxPooling2DLayer);
export type MaxPooling2D = MaxPooling2DLayer;

/**
 * Average pooling over channels-last images: the mean of each pool_size window, per channel.
 *
 * Mirrors keras.layers.AveragePooling2D(pool_size=(2, 2), strides=None, padding="valid"); with
 * "same", edge windows average only their cells inside the image, as Keras does. No weights.
 *
 * @param pool_size - the window: a number or [rows, cols]; default 2
 * @param opts - { strides = pool_size, padding = "valid", name }
 * @returns the layer
 * @example model.add(keras.layers.AveragePooling2D(2));
 */
export const AveragePooling2D: {
  new (pool_size?: number | [number, number], opts?: PoolingOptions): AveragePooling2DLayer;
  (pool_size?: number | [number, number], opts?: PoolingOptions): AveragePooling2DLayer;
} = callable(AveragePooling2DLayer);
export type AveragePooling2D = AveragePooling2DLayer;

/**
 * The mean of each channel over all positions: (batch, rows, cols, channels) to (batch, channels).
 *
 * Mirrors keras.layers.GlobalAveragePooling2D; a weight-free alternative to Flatten before the
 * classifier. No weights.
 *
 * @param opts - { name }
 * @returns the layer
 * @example model.add(keras.layers.GlobalAveragePooling2D());
 */
export const GlobalAveragePooling2D: { new (opts?: LayerOptions): GlobalAveragePooling2DLayer; (opts?: LayerOptions): GlobalAveragePooling2DLayer } = callable(GlobalAveragePooling2DLayer);
export type GlobalAveragePooling2D = GlobalAveragePooling2DLayer;
