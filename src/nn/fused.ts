// Fused forms of the labs' hot formulas. Each one makes one result buffer and one pass where the
// numpy-style chain it replaces makes two or three, and performs the same IEEE operations on each
// element in the same order, so its bits are the chain's bits (tests/nn/fused.test.ts checks
// every one against its chain). A chain's intermediate is always an array this module just made,
// so finishing it in place can never change an array anybody else holds. Operands of other shapes
// or dtypes than the labs' take the chain itself.
import * as np from "../np";
import { NDArray } from "../np/ndarray";
import { emptyFloat64 } from "../np/empty";

function isFloat2d(x: NDArray): boolean {
  return x.ndim === 2 && x.dtype === "float64";
}

/** The product's own buffer, for finishing it in place (np.dot of float64 arrays returns a new,
 *  plain float64 array). */
function fresh(x: NDArray): Float64Array {
  return x._buf;
}

/** X * s finished in X's own buffer (X a float64 array this module just made): the bits of
 *  `X.multiply(s)`. */
function scaledInPlace(X: NDArray, s: number): NDArray {
  const x = fresh(X);
  for (let i = 0; i < x.length; i++) x[i] = x[i] * s;
  return X;
}

/**
 * The linear step `Z = np.dot(W, A) + b`, with b a column (n_l, 1) added to every column.
 *
 * @param W - the weights (n_l, n_prev)
 * @param A - the activations (n_prev, m)
 * @param b - the biases (n_l, 1); another shape is broadcast as `.add` does
 * @returns Z (n_l, m), the same bits as `np.dot(W, A).add(b)`
 */
export function linear(W: NDArray, A: NDArray, b: NDArray): NDArray {
  const Z = np.dot(W, A);
  if (!isFloat2d(W) || !isFloat2d(A) || !isFloat2d(b) || b.shape[1] !== 1 || b.shape[0] !== Z.shape[0]) return Z.add(b);
  const z = fresh(Z), bias = b._values();
  const n = Z.shape[0], m = Z.shape[1];
  for (let i = 0, o = 0; i < n; i++) {
    const bi = bias[i];
    for (const e = o + m; o < e; o++) z[o] = z[o] + bi;
  }
  return Z;
}

/**
 * `np.dot(x, y) * s`: the labs' `dW = np.dot(dZ, A_prev.T) / m` is `scaledDot(dZ, A_prev.T, 1 / m)`.
 *
 * @returns the same bits as `np.dot(x, y).multiply(s)`
 */
export function scaledDot(x: NDArray, y: NDArray, s: number): NDArray {
  const P = np.dot(x, y);
  return isFloat2d(x) && isFloat2d(y) ? scaledInPlace(P, s) : P.multiply(s);
}

/**
 * `np.sum(dZ, 1, true) * s`: the labs' `db = np.sum(dZ, axis=1, keepdims=True) / m`.
 *
 * @returns the same bits as `np.sum(dZ, 1, true).multiply(s)`
 */
export function scaledRowSum(dZ: NDArray, s: number): NDArray {
  const S = np.sum(dZ, 1, true);
  return isFloat2d(dZ) ? scaledInPlace(S, s) : S.multiply(s);
}

/**
 * The backward step through a tanh layer, `dZ = np.dot(W.T, dZ_next) * (1 - A**2)`.
 *
 * @param Wt - the next layer's weights, transposed (n_h, n_next)
 * @param dZnext - the next layer's dZ (n_next, m)
 * @param A - this layer's tanh activations (n_h, m)
 * @returns the same bits as `np.dot(Wt, dZnext).multiply(np.subtract(1, np.square(A)))`
 */
export function tanhBackward(Wt: NDArray, dZnext: NDArray, A: NDArray): NDArray {
  const D = np.dot(Wt, dZnext);
  if (!isFloat2d(Wt) || !isFloat2d(dZnext) || !isFloat2d(A) || A.shape[0] !== D.shape[0] || A.shape[1] !== D.shape[1]) {
    return D.multiply(np.subtract(1, np.square(A)));
  }
  const d = fresh(D), a = A._values();
  for (let i = 0; i < d.length; i++) {
    const ai = a[i];
    d[i] = d[i] * (1 - ai * ai);
  }
  return D;
}

/**
 * One gradient-descent step on one parameter, `W - learning_rate * dW`.
 *
 * @returns a new array, the same bits as `W.subtract(dW.multiply(learning_rate))`
 */
export function descend(W: NDArray, dW: NDArray, learning_rate: number): NDArray {
  const same = W.dtype === "float64" && dW.dtype === "float64" && W.ndim === dW.ndim && W.shape.every((d, i) => d === dW.shape[i]);
  if (!same) return W.subtract(dW.multiply(learning_rate));
  const w = W._values(), g = dW._values();
  const out = emptyFloat64(w.length);
  for (let i = 0; i < out.length; i++) out[i] = w[i] - g[i] * learning_rate;
  return new NDArray(out, W.shape.slice(), "float64");
}
