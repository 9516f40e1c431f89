// The "Convolutional Model: Step by Step" lab: convolution and pooling layers, forward and
// backward, written the way the lab teaches them, with loops over the examples i, the output rows
// h, the output columns w and the channels c, each step on a slice of the (zero-padded) input.
// Arrays are channels-last, (m, n_H, n_W, n_C), as in the lab. Every step uses np's slicing,
// slice assignment, products and reductions in the lab's order, so the results are numpy's bit
// for bit (np.sum and np.mean of a copied slice add as numpy adds its view).
import * as np from "../np";
import { NDArray, shapeStr } from "../np/ndarray";
import { ValueError } from "../np/errors";
import { shapeTuple } from "../np/shape";

/** conv_forward's hyperparameters: the stride and the zero padding on each side, in pixels. */
export interface ConvHParameters {
  stride: number;
  pad: number;
}

/** pool_forward's hyperparameters: the stride and the window size f (an f x f window). */
export interface PoolHParameters {
  stride: number;
  f: number;
}

/** conv_forward's cache, the lab's tuple `(A_prev, W, b, hparameters)`. */
export type ConvCache = [A_prev: NDArray, W: NDArray, b: NDArray, hparameters: ConvHParameters];

/** pool_forward's cache, the lab's tuple `(A_prev, hparameters)`. */
export type PoolCache = [A_prev: NDArray, hparameters: PoolHParameters];

/** The pooling modes of the lab: the window's maximum or its mean. */
export type PoolMode = "max" | "average";

// ---------------------------------------------------------------- checks

function requireArray(x: unknown, name: string, fn: string): NDArray {
  if (!(x instanceof NDArray)) throw new TypeError(`${fn}: ${name} must be an NDArray, got ${x === null ? "null" : typeof x}`);
  return x;
}

/** The lab unpacks `(m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape`: a 4-D array or nothing. */
function require4d(x: NDArray, name: string, fn: string, layout: string): void {
  if (x.ndim !== 4) {
    throw new ValueError(`${fn}: ${name} must be 4-D ${layout}, got shape ${shapeStr(x.shape)}`);
  }
}

function requireInt(v: unknown, name: string, fn: string, min: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw new ValueError(`${fn}: hparameters.${name} must be an integer >= ${min}, got ${String(v)}`);
  }
  return v;
}

function requireMode(mode: unknown, fn: string): PoolMode {
  if (mode !== "max" && mode !== "average") {
    throw new ValueError(`${fn}: mode must be "max" or "average", got ${JSON.stringify(mode)}`);
  }
  return mode;
}

/** n_H of a convolution or pooling: floor((n_prev + 2 pad - f) / stride) + 1, at least 1. */
function outputSize(n_prev: number, f: number, pad: number, stride: number, what: string, fn: string): number {
  if (n_prev + 2 * pad < f) {
    const padded = pad > 0 ? ` (${n_prev} + 2 * pad ${pad})` : "";
    throw new ValueError(`${fn}: the ${f}x${f} window is larger than the input's ${what} ${n_prev + 2 * pad}${padded}`);
  }
  return Math.floor((n_prev + 2 * pad - f) / stride) + 1;
}

/** The lab's slice `start:end` as np's slice string. */
const span = (start: number, end: number): string => `${start}:${end}`;

// ---------------------------------------------------------------- forward

/**
 * Pads the height and width of every image of a batch with zeros, `pad` pixels on each side.
 *
 * Mirrors the CNN lab's `zero_pad`: `np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)),
 * mode='constant', constant_values=(0, 0))`; the examples and channels are not padded.
 *
 * @param X - a batch of m images, shape (m, n_H, n_W, n_C)
 * @param pad - the number of zeros added on each side of the height and width, an integer >= 0
 * @returns the padded batch, shape (m, n_H + 2 * pad, n_W + 2 * pad, n_C)
 * @example const x_pad = cnn.zero_pad(np.random.randn(4, 3, 3, 2), 2); // shape (4, 7, 7, 2)
 */
export function zero_pad(X: NDArray, pad: number): NDArray {
  requireArray(X, "X", "zero_pad");
  return np.pad(X, [[0, 0], [pad, pad], [pad, pad], [0, 0]], "constant", { constant_values: [0, 0] });
}

/**
 * One step of a convolution: the filter W applied to one slice of the input, plus the bias.
 *
 * `Z = sum(a_slice_prev * W) + float(b)`, the elementwise product summed over all its elements.
 * Mirrors the CNN lab's `conv_single_step`.
 *
 * @param a_slice_prev - the input slice under the filter, shape (f, f, n_C_prev)
 * @param W - one filter's weights, shape (f, f, n_C_prev)
 * @param b - that filter's bias, shape (1, 1, 1) (any size-1 array, or a number)
 * @returns Z, the value of the convolution at this position, a number
 * @example const Z = cnn.conv_single_step(np.random.randn(4, 4, 3), np.random.randn(4, 4, 3), np.random.randn(1, 1, 1));
 */
export function conv_single_step(a_slice_prev: NDArray, W: NDArray, b: NDArray | number): number {
  const s = np.multiply(a_slice_prev, W);
  const Z = np.sum(s);
  return Z + pyFloat(b);
}

/** Python's float(b): a number, or the value of a size-1 array. */
function pyFloat(b: NDArray | number): number {
  if (typeof b === "number") return b;
  if (!(b instanceof NDArray) || b.size !== 1) throw new TypeError("only size-1 arrays can be converted to Python scalars");
  return b.data[0];
}

/**
 * The forward pass of a convolution layer: every filter slid over every padded image.
 *
 * With `n_H = floor((n_H_prev - f + 2 * pad) / stride) + 1` (and n_W likewise),
 * `Z[i, h, w, c] = conv_single_step(A_prev_pad[i, h*stride : h*stride + f, w*stride : w*stride + f, :],
 * W[:, :, :, c], b[:, :, :, c])`. Mirrors the CNN lab's `conv_forward`, loops included. Windows that
 * would run past the padded input are left out, as the floor says.
 *
 * @param A_prev - the previous layer's activations, shape (m, n_H_prev, n_W_prev, n_C_prev)
 * @param W - the filters, shape (f, f, n_C_prev, n_C)
 * @param b - the biases, shape (1, 1, 1, n_C)
 * @param hparameters - {stride, pad}: the step between windows and the zero padding per side
 * @returns [Z, cache]: Z, the convolution's output, shape (m, n_H, n_W, n_C); cache [A_prev, W, b, hparameters] for conv_backward
 * @example const [Z, cache_conv] = cnn.conv_forward(A_prev, W, b, { pad: 1, stride: 2 });
 */
export function conv_forward(A_prev: NDArray, W: NDArray, b: NDArray, hparameters: ConvHParameters): [NDArray, ConvCache] {
  const fn = "conv_forward";
  const { m, n_H, n_W, n_C, f, stride, pad } = convShapes(A_prev, W, b, hparameters, fn);
  const Z = np.zeros([m, n_H, n_W, n_C]);
  const A_prev_pad = zero_pad(A_prev, pad);
  // W[:, :, :, c] and b[:, :, :, c] are the same slices at every position: taken once per c.
  const weights = Array.from({ length: n_C }, (_, c) => W.slice(":", ":", ":", c));
  const biases = Array.from({ length: n_C }, (_, c) => b.slice(":", ":", ":", c));
  for (let i = 0; i < m; i++) {
    const a_prev_pad = A_prev_pad.slice(i);
    for (let h = 0; h < n_H; h++) {
      const vert_start = h * stride;
      const vert_end = vert_start + f;
      for (let w = 0; w < n_W; w++) {
        const horiz_start = w * stride;
        const horiz_end = horiz_start + f;
        const a_slice_prev = a_prev_pad.slice(span(vert_start, vert_end), span(horiz_start, horiz_end), ":");
        for (let c = 0; c < n_C; c++) {
          Z.set(i, h, w, c, conv_single_step(a_slice_prev, weights[c], biases[c]));
        }
      }
    }
  }
  return [Z, [A_prev, W, b, hparameters]];
}

/** conv_forward's and conv_backward's shape checks and output size. */
function convShapes(A_prev: NDArray, W: NDArray, b: NDArray, hparameters: ConvHParameters, fn: string) {
  requireArray(A_prev, "A_prev", fn);
  requireArray(W, "W", fn);
  requireArray(b, "b", fn);
  require4d(A_prev, "A_prev", fn, "(m, n_H_prev, n_W_prev, n_C_prev)");
  require4d(W, "W", fn, "(f, f, n_C_prev, n_C)");
  const [m, n_H_prev, n_W_prev, n_C_prev] = A_prev.shape;
  const [f, f2, W_C_prev, n_C] = W.shape;
  if (f !== f2) throw new ValueError(`${fn}: the filters must be square, W.shape (f, f, n_C_prev, n_C) is ${shapeStr(W.shape)}`);
  if (W_C_prev !== n_C_prev) {
    throw new ValueError(
      `${fn}: A_prev has ${n_C_prev} channels (shape ${shapeStr(A_prev.shape)}) but the filters expect ${W_C_prev} ` +
        `(W.shape (f, f, n_C_prev, n_C) is ${shapeStr(W.shape)}): operands could not be broadcast together with shapes ` +
        `${shapeTuple([f, f, n_C_prev])} ${shapeTuple([f, f, W_C_prev])} `,
    );
  }
  if (b.ndim !== 4 || b.shape[0] !== 1 || b.shape[1] !== 1 || b.shape[2] !== 1 || b.shape[3] !== n_C) {
    throw new ValueError(`${fn}: b must have shape ${shapeStr([1, 1, 1, n_C])} (one bias per filter), got ${shapeStr(b.shape)}`);
  }
  if (hparameters === null || typeof hparameters !== "object") throw new ValueError(`${fn}: hparameters must be {stride, pad}`);
  const stride = requireInt(hparameters.stride, "stride", fn, 1);
  const pad = requireInt(hparameters.pad, "pad", fn, 0);
  const n_H = outputSize(n_H_prev, f, pad, stride, "height", fn);
  const n_W = outputSize(n_W_prev, f, pad, stride, "width", fn);
  return { m, n_H_prev, n_W_prev, n_C_prev, n_H, n_W, n_C, f, stride, pad };
}

/**
 * The forward pass of a pooling layer: the maximum or the mean of every f x f window, channel by channel.
 *
 * With `n_H = floor(1 + (n_H_prev - f) / stride)` (and n_W likewise), `A[i, h, w, c]` is
 * `np.max` (mode "max") or `np.mean` (mode "average") of
 * `A_prev[i, h*stride : h*stride + f, w*stride : w*stride + f, c]`. No padding; windows that would
 * run past the input are left out. Mirrors the CNN lab's `pool_forward`.
 *
 * @param A_prev - the input, shape (m, n_H_prev, n_W_prev, n_C)
 * @param hparameters - {stride, f}: the step between windows and the window size
 * @param mode - "max" (default) or "average"
 * @returns [A, cache]: A, the pooled output, shape (m, n_H, n_W, n_C); cache [A_prev, hparameters] for pool_backward
 * @example const [A, cache] = cnn.pool_forward(A_prev, { stride: 1, f: 3 }, "average");
 */
export function pool_forward(A_prev: NDArray, hparameters: PoolHParameters, mode: PoolMode = "max"): [NDArray, PoolCache] {
  const fn = "pool_forward";
  const { m, n_H, n_W, n_C, f, stride } = poolShapes(A_prev, hparameters, fn);
  requireMode(mode, fn);
  const A = np.zeros([m, n_H, n_W, n_C]);
  for (let i = 0; i < m; i++) {
    for (let h = 0; h < n_H; h++) {
      const vert_start = h * stride;
      const vert_end = vert_start + f;
      for (let w = 0; w < n_W; w++) {
        const horiz_start = w * stride;
        const horiz_end = horiz_start + f;
        for (let c = 0; c < n_C; c++) {
          const a_prev_slice = A_prev.slice(i, span(vert_start, vert_end), span(horiz_start, horiz_end), c);
          A.set(i, h, w, c, mode === "max" ? np.max(a_prev_slice) : np.mean(a_prev_slice));
        }
      }
    }
  }
  return [A, [A_prev, hparameters]];
}

/** pool_forward's and pool_backward's shape checks and output size. */
function poolShapes(A_prev: NDArray, hparameters: PoolHParameters, fn: string) {
  requireArray(A_prev, "A_prev", fn);
  require4d(A_prev, "A_prev", fn, "(m, n_H_prev, n_W_prev, n_C_prev)");
  if (hparameters === null || typeof hparameters !== "object") throw new ValueError(`${fn}: hparameters must be {stride, f}`);
  const stride = requireInt(hparameters.stride, "stride", fn, 1);
  const f = requireInt(hparameters.f, "f", fn, 1);
  const [m, n_H_prev, n_W_prev, n_C] = A_prev.shape;
  const n_H = outputSize(n_H_prev, f, 0, stride, "height", fn);
  const n_W = outputSize(n_W_prev, f, 0, stride, "width", fn);
  return { m, n_H_prev, n_W_prev, n_H, n_W, n_C, f, stride };
}

// ---------------------------------------------------------------- backward

function requireShape(x: NDArray, name: string, shape: number[], why: string, fn: string): void {
  if (x.ndim !== shape.length || x.shape.some((n, k) => n !== shape[k])) {
    throw new ValueError(`${fn}: ${name} must have shape ${shapeStr(shape)} (${why}), got ${shapeStr(x.shape)}`);
  }
}

/**
 * The backward pass of a convolution layer: the gradients of the cost with respect to its input, filters and biases.
 *
 * For every position (i, h, w) and filter c, with `a_slice` the padded input window and
 * `dz = dZ[i, h, w, c]`: `dA_prev_pad[i, window] += W[:, :, :, c] * dz`, `dW[:, :, :, c] += a_slice * dz`,
 * `db[:, :, :, c] += dz`; then the padding is cut off dA_prev_pad. Mirrors the CNN lab's
 * `conv_backward`, loops included (the lab's `pad:-pad` is written `pad:pad + n_H_prev`, which also
 * works for pad 0).
 *
 * @param dZ - the gradient of the cost with respect to the convolution's output Z, shape (m, n_H, n_W, n_C)
 * @param cache - conv_forward's cache [A_prev, W, b, hparameters]
 * @returns [dA_prev, dW, db]: shapes (m, n_H_prev, n_W_prev, n_C_prev), (f, f, n_C_prev, n_C) and (1, 1, 1, n_C)
 * @example const [dA, dW, db] = cnn.conv_backward(Z, cache_conv);
 */
export function conv_backward(dZ: NDArray, cache: ConvCache): [NDArray, NDArray, NDArray] {
  const fn = "conv_backward";
  requireArray(dZ, "dZ", fn);
  if (!Array.isArray(cache) || cache.length !== 4) throw new ValueError(`${fn}: cache must be conv_forward's [A_prev, W, b, hparameters]`);
  const [A_prev, W, b, hparameters] = cache;
  const { m, n_H_prev, n_W_prev, n_C_prev, n_H, n_W, n_C, f, stride, pad } = convShapes(A_prev, W, b, hparameters, fn);
  requireShape(dZ, "dZ", [m, n_H, n_W, n_C], "the shape of conv_forward's Z for this cache", fn);
  const dA_prev = np.zeros([m, n_H_prev, n_W_prev, n_C_prev]);
  // dW[:, :, :, c] and db[:, :, :, c] are kept as one array and one number per filter c, and the
  // window of dA_prev_pad is written back once per (h, w) after its n_C additions: the same
  // additions in the same order as the lab's `+=` on slices, with fewer copies.
  const dW_c = Array.from({ length: n_C }, () => np.zeros([f, f, n_C_prev]));
  const db_c = new Array<number>(n_C).fill(0);
  const A_prev_pad = zero_pad(A_prev, pad);
  const dA_prev_pad = zero_pad(dA_prev, pad);
  const weights = Array.from({ length: n_C }, (_, c) => W.slice(":", ":", ":", c));
  for (let i = 0; i < m; i++) {
    const a_prev_pad = A_prev_pad.slice(i);
    const da_prev_pad = dA_prev_pad.slice(i);
    for (let h = 0; h < n_H; h++) {
      for (let w = 0; w < n_W; w++) {
        const vert_start = h * stride;
        const vert_end = vert_start + f;
        const horiz_start = w * stride;
        const horiz_end = horiz_start + f;
        const window = [span(vert_start, vert_end), span(horiz_start, horiz_end), ":"];
        const a_slice = a_prev_pad.slice(...window);
        let da_window = da_prev_pad.slice(...window);
        for (let c = 0; c < n_C; c++) {
          const dz = dZ.get(i, h, w, c);
          da_window = da_window.add(weights[c].multiply(dz)); // da_prev_pad[window] += W[:, :, :, c] * dz
          dW_c[c] = dW_c[c].add(a_slice.multiply(dz)); // dW[:, :, :, c] += a_slice * dz
          db_c[c] += dz; // db[:, :, :, c] += dz
        }
        da_prev_pad.assign(window, da_window);
      }
    }
    dA_prev.assign([i, ":", ":", ":"], da_prev_pad.slice(span(pad, pad + n_H_prev), span(pad, pad + n_W_prev), ":"));
  }
  const dW = np.stack(dW_c, 3);
  const db = np.array(db_c).reshape(1, 1, 1, n_C);
  return [dA_prev, dW, db];
}

/**
 * The mask of a window's maximum: true where x equals its largest value (every tied entry), false elsewhere.
 *
 * `mask = x == np.max(x)`, written `x.equal(np.max(x))`. Max pooling's gradient flows only through
 * the entries the mask marks. Mirrors the CNN lab's `create_mask_from_window`.
 *
 * @param x - one pooling window, shape (f, f) (any non-empty array)
 * @returns a bool array of x's shape
 * @example const mask = cnn.create_mask_from_window(np.random.randn(2, 3));
 */
export function create_mask_from_window(x: NDArray): NDArray {
  requireArray(x, "x", "create_mask_from_window");
  return x.equal(np.max(x));
}

/**
 * Spreads a gradient evenly over a window: an array of the given shape filled with dz / (n_H * n_W).
 *
 * Average pooling's gradient: every entry of a window contributed equally to its mean. Mirrors the
 * CNN lab's `distribute_value` (`average = dz / (n_H * n_W)`, `a = np.ones(shape) * average`).
 *
 * @param dz - the gradient to spread, a number
 * @param shape - the window's shape [n_H, n_W]
 * @returns a float64 array of that shape, every entry dz / (n_H * n_W)
 * @example const a = cnn.distribute_value(2, [2, 2]); // [[0.5 0.5] [0.5 0.5]]
 */
export function distribute_value(dz: number, shape: [number, number]): NDArray {
  if (!Array.isArray(shape) || shape.length !== 2) {
    throw new ValueError(`distribute_value: shape must be [n_H, n_W], got ${JSON.stringify(shape)}`);
  }
  const [n_H, n_W] = shape;
  const average = dz / (n_H * n_W);
  return np.ones(shape).multiply(average);
}

/**
 * The backward pass of a pooling layer: the gradient of the cost with respect to the pooling's input.
 *
 * For every position (i, h, w) and channel c, with the window
 * `[h*stride : h*stride + f, w*stride : w*stride + f]` of `A_prev[i, :, :, c]`: mode "max" adds
 * `mask * dA[i, h, w, c]` (mask from create_mask_from_window), mode "average" adds
 * `distribute_value(dA[i, h, w, c], [f, f])`; overlapping windows add up. Mirrors the CNN lab's
 * `pool_backward`, loops included.
 *
 * @param dA - the gradient of the cost with respect to the pooling's output, shape (m, n_H, n_W, n_C)
 * @param cache - pool_forward's cache [A_prev, hparameters]
 * @param mode - "max" (default) or "average", as in the forward pass
 * @returns dA_prev, the gradient with respect to A_prev, shape (m, n_H_prev, n_W_prev, n_C)
 * @example const dA_prev = cnn.pool_backward(dA, cache, "average");
 */
export function pool_backward(dA: NDArray, cache: PoolCache, mode: PoolMode = "max"): NDArray {
  const fn = "pool_backward";
  requireArray(dA, "dA", fn);
  if (!Array.isArray(cache) || cache.length !== 2) throw new ValueError(`${fn}: cache must be pool_forward's [A_prev, hparameters]`);
  const [A_prev, hparameters] = cache;
  const { m, n_H, n_W, n_C, f, stride } = poolShapes(A_prev, hparameters, fn);
  requireMode(mode, fn);
  requireShape(dA, "dA", [m, n_H, n_W, n_C], "the shape of pool_forward's A for this cache", fn);
  const dA_prev = np.zeros(A_prev.shape);
  for (let i = 0; i < m; i++) {
    const a_prev = A_prev.slice(i);
    for (let h = 0; h < n_H; h++) {
      for (let w = 0; w < n_W; w++) {
        for (let c = 0; c < n_C; c++) {
          const vert_start = h * stride;
          const vert_end = vert_start + f;
          const horiz_start = w * stride;
          const horiz_end = horiz_start + f;
          const window = [i, span(vert_start, vert_end), span(horiz_start, horiz_end), c];
          const current = dA_prev.slice(...window);
          if (mode === "max") {
            const a_prev_slice = a_prev.slice(span(vert_start, vert_end), span(horiz_start, horiz_end), c);
            const mask = create_mask_from_window(a_prev_slice);
            dA_prev.assign(window, current.add(np.multiply(mask, dA.get(i, h, w, c))));
          } else {
            const da = dA.get(i, h, w, c);
            dA_prev.assign(window, current.add(distribute_value(da, [f, f])));
          }
        }
      }
    }
  }
  return dA_prev;
}
