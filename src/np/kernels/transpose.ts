// The one 2-D transpose copy (the lazy `.T` of ndarray.ts and np.transpose of shape.ts), in tiles so
// that both the rows read and the columns written stay in cache for large matrices.
import { emptyFloat64 } from "../empty";

/** The (cols × rows) transpose of the row-major (rows × cols) matrix `src`, as a new buffer. */
export function transposed(src: Float64Array, rows: number, cols: number): Float64Array {
  const dst = emptyFloat64(rows * cols);
  const TILE = 32;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(r0 + TILE, rows);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(c0 + TILE, cols);
      for (let c = c0; c < c1; c++) {
        for (let r = r0, o = c * rows; r < r1; r++) dst[o + r] = src[r * cols + c];
      }
    }
  }
  return dst;
}
