// np.dot / np.matmul / np.outer / np.linalg.norm against numpy 1.24 (fixtures from
// tests/fixtures/gen_linalg.py). The gemm kernels have their own tests (tests/np/kernels), and
// vitest.config.ts runs this file under every kernel.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import { dot, matmul, outer, linalg, type NormOrder } from "../../src/np/linalg";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

interface Encoded {
  shape: number[];
  dtype: DType;
  data: number[];
}
type Operand = Encoded | { scalar: number | boolean };
interface Case {
  name: string;
  fn: "dot" | "matmul" | "outer" | "norm";
  args: unknown[];
  result?: Encoded;
  error?: NumpyError;
  /** dot's out: a fresh array of this shape and dtype (filled with 7), or operand a or b itself */
  out?: { shape: number[]; dtype: DType } | { alias: "a" | "b" };
}

const cases: Case[] = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "linalg", "cases.json"), "utf8"));

function decode(e: Encoded): NDArray {
  return new NDArray(Float64Array.from(e.data), e.shape, e.dtype);
}

function operand(o: Operand): NDArray | number | boolean {
  return "scalar" in o ? o.scalar : decode(o);
}

function order(o: unknown): NormOrder | undefined {
  return o === "inf" ? Infinity : o === "-inf" ? -Infinity : (o as NormOrder | undefined);
}

function run(c: Case): NDArray | number {
  if (c.fn === "norm") {
    const [x, ord, axis, keepdims] = c.args;
    const norm = linalg.norm as (...args: unknown[]) => NDArray | number;
    return norm(decode(x as Encoded), order(ord), axis, keepdims);
  }
  const [a, b] = (c.args as Operand[]).map(operand);
  if (c.out !== undefined) {
    // np.dot(a, b, out): the product lands in out, which is returned
    const out = "alias" in c.out
      ? (c.out.alias === "a" ? a : b) as NDArray
      : new NDArray(new Float64Array(c.out.shape.reduce((p, d) => p * d, 1)).fill(7), c.out.shape, c.out.dtype);
    const r = dot(a, b, out);
    expect(r).toBe(out);
    return out;
  }
  return { dot, matmul, outer }[c.fn](a, b);
}

/** Same shape and dtype, ints and bools exactly, doubles to 1e-12 relative. */
function expectClose(got: NDArray, want: NDArray): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  if (want.dtype !== "float64") {
    expect(Array.from(got.data)).toEqual(Array.from(want.data));
    return;
  }
  want.data.forEach((w, i) => {
    const g = got.data[i];
    if (Math.abs(g - w) > 1e-12 * Math.abs(w)) expect.fail(`entry ${i}: got ${g}, numpy ${w}`);
  });
}

describe("numpy fixtures", () => {
  for (const c of cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        expectNumpyError(() => run(c), c.error, c.name);
        return;
      }
      const got = run(c);
      const want = decode(c.result!);
      // norm gives a number exactly when numpy gives a scalar for a whole-array norm: no axis, no keepdims.
      const [, , axis, keepdims] = c.args;
      if (c.fn === "norm" && axis == null && !keepdims) {
        expect(typeof got).toBe("number");
        expectClose(new NDArray(Float64Array.of(got as number), []), want);
      } else {
        expect(got).toBeInstanceOf(NDArray);
        expectClose(got as NDArray, want);
      }
    });
  }

  it("covers every entry point", () => {
    expect(new Set(cases.map((c) => c.fn))).toEqual(new Set(["dot", "matmul", "outer", "norm"]));
    expect(cases.filter((c) => c.error !== undefined).length).toBeGreaterThan(20);
  });
});

describe("np.dot's out", () => {
  const W = new NDArray(Float64Array.from({ length: 8 }, (_, i) => i / 3 - 1), [4, 2]);
  const X = new NDArray(Float64Array.from({ length: 800 }, (_, i) => Math.sin(i)), [2, 400]);

  it("writes the same bits as the product without out, in a loop over one out", () => {
    const want = dot(W, X);
    const out = new NDArray(new Float64Array(1600), [4, 400]);
    for (let t = 0; t < 3; t++) expect(dot(W, X, out)).toBe(out);
    expect(Array.from(out.data)).toEqual(Array.from(want.data));
    expect(W.dot(X, out)).toBe(out);
  });

  it("takes a lazy transpose as out (nnlab's .T behaves as an array of its own) and leaves its source alone", () => {
    const Z = new NDArray(new Float64Array(1600).fill(5), [400, 4]);
    const out = Z.T;
    dot(W, X, out);
    expect(Array.from(out.data)).toEqual(Array.from(dot(W, X).data));
    expect(Z.data.every((v) => v === 5)).toBe(true);
  });

  it("leaves a lazy transpose of out alone, and a kept operand is never stale", () => {
    const out = new NDArray(new Float64Array(1600).fill(1), [4, 400]);
    const view = out.T;
    dot(W, X, out);
    expect(view.data.every((v) => v === 1)).toBe(true);
    // a large out as the right operand of products (met twice, the wasm and native kernels keep
    // it: 256 KB and up), then overwritten through out: the next product sees the new values
    const X2 = new NDArray(Float64Array.from({ length: 2 * 8192 }, (_, i) => Math.sin(i)), [2, 8192]);
    const big = dot(W, X2);
    const A = new NDArray(Float64Array.from({ length: 8 * 4 }, (_, i) => Math.cos(i)), [8, 4]);
    const first = dot(A, big);
    dot(A, big);
    dot(new NDArray(W.data.map((v) => 2 * v), [4, 2]), X2, big);
    const second = dot(A, big);
    expect(Array.from(second.data)).toEqual(Array.from(first.data.map((v) => 2 * v)));
  });

  it("takes null as numpy's out=None: a new array", () => {
    const r = dot(W, X, null);
    expect(Array.from(r.data)).toEqual(Array.from(dot(W, X).data));
  });

  it("wants an NDArray", () => {
    expectNumpyError(() => dot(W, X, [[0]] as unknown as NDArray), { type: "TypeError", message: "'out' must be an array" });
  });
});

describe("products of nested JS arrays", () => {
  it("accepts array_like operands", () => {
    const r = dot([[1, 2], [3, 4]], [[5], [6]]);
    expect(r.shape).toEqual([2, 1]);
    expect(Array.from(r.data)).toEqual([17, 39]);
    expect(matmul([1, 2, 3], [4, 5, 6]).item()).toBe(32);
    expect(outer([1, 2], 3).tolist()).toEqual([[3], [6]]);
  });
  it("returns a new array even when the product is a plain copy", () => {
    const a = new NDArray(Float64Array.of(1, 2), [2]);
    const r = dot(a, 1);
    expect(r.data).not.toBe(a.data);
  });
});
