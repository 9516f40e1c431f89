// NDArray's storage: lazy 2-D transposes (X.T shares X's buffer until its data is used), and the
// copy-on-expose rule that keeps copies copies (a write to X after X.T never shows in X.T, and
// the reverse).
import { describe, expect, it } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import { dot, matmul } from "../../src/np/linalg";
import { transpose } from "../../src/np/shape";

const matrix = (rows: number, cols: number, offset = 0): NDArray =>
  new NDArray(Float64Array.from({ length: rows * cols }, (_, i) => i + offset + 0.5), [rows, cols]);

describe("lazy transposes", () => {
  it("X.T is lazy and reads as the transpose", () => {
    const X = matrix(3, 4);
    const XT = X.T;
    expect(XT._transposed).toBe(true);
    expect(XT.shape).toEqual([4, 3]);
    expect(XT.size).toBe(12);
    expect(XT.get(1, 2)).toBe(X.get(2, 1));
    expect(XT._transposed).toBe(false); // materialised by the read
    expect(XT.tolist()).toEqual(transpose(X).tolist());
    expect(String(X.T)).toBe(String(transpose(X)));
  });

  it("every use of a lazy transpose sees the transposed values", () => {
    const X = matrix(2, 3);
    const eager = transpose(X);
    expect(X.T.add(1).tolist()).toEqual(eager.add(1).tolist());
    expect(X.T.sum(0).tolist()).toEqual(eager.sum(0).tolist());
    expect(X.T.reshape(-1).tolist()).toEqual(eager.reshape(-1).tolist());
    expect(X.T.copy().tolist()).toEqual(eager.tolist());
    expect(Array.from(X.T.data)).toEqual(Array.from(eager.data));
    expect(X.T.slice(":", 1).tolist()).toEqual(eager.slice(":", 1).tolist());
  });

  it("the transpose of a lazy transpose has the source's values", () => {
    const X = matrix(3, 5);
    const back = X.T.T;
    expect(back._transposed).toBe(false);
    expect(back.tolist()).toEqual(X.tolist());
    expect(X.transpose().transpose().tolist()).toEqual(X.tolist());
  });

  it("writes to the source after X.T do not show in X.T, nor writes to X.T in the source", () => {
    const X = matrix(3, 4);
    const XT = X.T;
    X.set(0, 1, 100);
    X.assign([2, ":"], -1);
    expect(XT.get(1, 0)).toBe(1.5);
    expect(XT.get(3, 2)).toBe(11.5);
    const Y = matrix(2, 2);
    const YT = Y.T;
    YT.set(0, 1, 9);
    expect(Y.get(0, 1)).toBe(1.5);
    expect(YT.get(0, 1)).toBe(9);
    const Z = matrix(2, 3);
    const ZT = Z.T;
    Z.putmask(Z.greater(2), 0);
    expect(ZT.tolist()).toEqual([[0.5, 3.5], [1.5, 4.5], [2.5, 5.5]]);
    const d = matrix(2, 2).T;
    const dataT = d.data;
    dataT[0] = 7; // a write through data writes the array it came from
    expect(d.get(0, 0)).toBe(7);
  });

  it("an array whose data was handed out is transposed eagerly", () => {
    const X = matrix(3, 4);
    void X.data;
    expect(X.T._transposed).toBe(false);
    expect(X.T.tolist()).toEqual(transpose(X).tolist());
  });

  it("products read lazy transposes in place, with the eager transpose's bits", () => {
    for (const [m, k, n] of [[3, 5, 4], [20, 300, 9], [7, 20, 209], [1, 400, 4], [4, 400, 2], [64, 64, 64]] as const) {
      const A = matrix(m, k, 0.25).multiply(1 / 7), B = matrix(k, n, 0.5).multiply(1 / 3);
      const want = dot(A, B);
      const AT = transpose(A), BT = transpose(B);
      // (Aᵀ)ᵀ·B, A·(Bᵀ)ᵀ, (Aᵀ)ᵀ·(Bᵀ)ᵀ through lazy transposes of eager copies
      expect(dot(AT.T, B).tolist()).toEqual(want.tolist());
      expect(dot(A, BT.T).tolist()).toEqual(want.tolist());
      expect(matmul(AT.T, BT.T).tolist()).toEqual(want.tolist());
      expect(AT._transposed || BT._transposed).toBe(false);
      // and lazy transposes of the original arrays
      expect(dot(B.T, A.T).tolist()).toEqual(transpose(want).tolist());
    }
  });

  it("1-D and 3-D .T are copies as before", () => {
    const v = new NDArray(Float64Array.of(1, 2, 3), [3]);
    expect(v.T._transposed).toBe(false);
    expect(v.T.tolist()).toEqual([1, 2, 3]);
    const t = new NDArray(Float64Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    expect(t.T.shape).toEqual([4, 3, 2]);
    expect(t.T.get(3, 2, 1)).toBe(t.get(1, 2, 3));
  });
});
