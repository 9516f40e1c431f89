// nn/fused.ts: each fused formula returns the bits of the numpy-style chain it replaces, on the
// labs' shapes and on shapes that take the chain (other dtypes, broadcasting), and never changes
// its operands.
import { describe, expect, it } from "vitest";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/ndarray";
import { descend, linear, scaledDot, scaledRowSum, tanhBackward } from "../../src/nn/fused";

function sameBits(got: NDArray, want: NDArray): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  const g = got.data, w = want.data;
  for (let i = 0; i < w.length; i++) if (!Object.is(g[i], w[i])) expect.fail(`entry ${i}: ${g[i]} != ${w[i]}`);
}

function snapshot(...xs: NDArray[]): () => void {
  const copies = xs.map((x) => Float64Array.from(x.data));
  return () => xs.forEach((x, i) => expect(Array.from(x.data)).toEqual(Array.from(copies[i])));
}

describe("nn/fused: the chains' bits", () => {
  np.random.seed(7);
  const W = np.random.randn(5, 3), A = np.random.randn(3, 11), b = np.random.randn(5, 1);
  const dZ = np.random.randn(5, 11), Wn = np.random.randn(2, 5), dZn = np.random.randn(2, 11);
  const A1 = np.tanh(np.random.randn(5, 11));

  it("linear = np.dot(W, A).add(b), for a column b and for a broadcast row", () => {
    const unchanged = snapshot(W, A, b);
    sameBits(linear(W, A, b), np.dot(W, A).add(b));
    unchanged();
    const row = np.random.randn(1, 11);
    sameBits(linear(W, A, row), np.dot(W, A).add(row));
    const ints = np.array([[1, 2], [3, 4]], "int64");
    sameBits(linear(ints, ints, np.array([[1], [2]], "int64")), np.dot(ints, ints).add(np.array([[1], [2]], "int64")));
  });

  it("scaledDot = np.dot(x, y).multiply(s), with lazy transposes", () => {
    sameBits(scaledDot(dZ, A.T, 1 / 11), np.dot(dZ, A.T).multiply(1 / 11));
    sameBits(scaledDot(W.T, dZ, 0.3), np.dot(W.T, dZ).multiply(0.3));
  });

  it("scaledRowSum = np.sum(dZ, 1, true).multiply(s)", () => {
    sameBits(scaledRowSum(dZ, 1 / 11), np.sum(dZ, 1, true).multiply(1 / 11));
  });

  it("tanhBackward = np.dot(W.T, dZ).multiply(np.subtract(1, np.square(A)))", () => {
    const unchanged = snapshot(Wn, dZn, A1);
    sameBits(tanhBackward(Wn.T, dZn, A1), np.dot(Wn.T, dZn).multiply(np.subtract(1, np.square(A1))));
    unchanged();
  });

  it("descend = W.subtract(dW.multiply(lr)), and a new array", () => {
    const dW = np.random.randn(5, 3);
    const unchanged = snapshot(W, dW);
    const out = descend(W, dW, 0.0075);
    sameBits(out, W.subtract(dW.multiply(0.0075)));
    expect(out).not.toBe(W);
    unchanged();
    const col = np.random.randn(5, 1);
    sameBits(descend(W, col, 1.2), W.subtract(col.multiply(1.2)));
  });
});
