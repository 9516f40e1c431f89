// Buffers for the building blocks' one-pass elementwise formulas. Each formula is its own loop
// over these buffers rather than a callback passed to a shared loop: V8 inlines Math.exp and
// friends into a monomorphic loop, while a shared loop calling many callbacks stays ~4x slower.
import * as np from "../np";
import type { ArrayLike } from "../np/ndarray";
import { broadcastShapes, broadcastTo } from "../np/broadcast";
import { emptyFloat64 } from "../np/empty";

/** [out, x, shape]: a new float64 result buffer shaped like x, and x's values. */
export function unaryBuffers(x: ArrayLike): [Float64Array, Float64Array, number[]] {
  const a = np.asarray(x);
  return [emptyFloat64(a.size), a.data, a.shape];
}

/** [out, x, y, shape]: x and y broadcast together as numpy would (in the labs their shapes are
 *  equal, so nothing is copied), and a new float64 result buffer of the common shape. */
export function binaryBuffers(x: ArrayLike, y: ArrayLike): [Float64Array, Float64Array, Float64Array, number[]] {
  let a = np.asarray(x);
  let b = np.asarray(y);
  if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) {
    const shape = broadcastShapes(a.shape, b.shape);
    a = broadcastTo(a, shape);
    b = broadcastTo(b, shape);
  }
  return [emptyFloat64(a.size), a.data, b.data, a.shape];
}
