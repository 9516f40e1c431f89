// np/empty.ts: buffers handed out unzeroed are written whole by every writer that takes them.
// With poisonEmpty(true) each such buffer starts as NaN, so an entry a writer skipped would show
// as NaN where the same call without the poison gives a number. Each writer runs on small shapes
// (carved from a slab) and on shapes of at least 2^15 entries (malloc'ed), both unzeroed, through every
// path it has: every gemm kernel and thread count, transpose flags, k = 0, each broadcast form.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/ndarray";
import { broadcastTo } from "../../src/np/broadcast";
import { emptyFloat64, poisonEmpty, SLAB_BYTES, SLAB_MAX, SLAB_MIN, useSlabs } from "../../src/np/empty";
import { setGemm } from "../../src/np/kernels/gemm";
import { relu, relu_backward, sigmoid, sigmoid_backward } from "../../src/nn/activations";
import { descend, linear, scaledDot, tanhBackward } from "../../src/nn/fused";

/** fn's result without and with the poison: the same shape and the same bits, NaN where NaN. */
function sameWithPoison(fn: () => NDArray): void {
  poisonEmpty(false);
  const clean = fn();
  poisonEmpty(true);
  const poisoned = fn();
  poisonEmpty(false);
  expect(poisoned.shape).toEqual(clean.shape);
  const c = clean.data, p = poisoned.data;
  expect(p.length).toBe(c.length);
  for (let i = 0; i < c.length; i++) if (!Object.is(c[i], p[i])) expect.fail(`entry ${i}: ${p[i]} with the poison, ${c[i]} without`);
}

afterEach(() => {
  poisonEmpty(false);
  useSlabs(true);
  setGemm({ kernel: null, threads: 2 });
});

describe("np/empty", () => {
  it("gives tiny, mid-sized and large arrays a buffer of exactly their doubles", () => {
    for (const n of [0, 3, SLAB_MIN - 1, SLAB_MAX + 1, 5000, 1 << 15, 300_001]) {
      const a = emptyFloat64(n);
      expect(a.length).toBe(n);
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(n * 8);
    }
    const [x, y] = [emptyFloat64(1 << 16), emptyFloat64(1 << 16)];
    x.fill(1);
    y.fill(2);
    expect(x[12345]).toBe(1);
  });

  it("carves small arrays from shared slabs, each region handed out once and never overlapping", () => {
    useSlabs(true);
    const sizes = [SLAB_MIN, 10, 100, 1463, 1600, SLAB_MAX];
    const arrays: Float64Array[] = [];
    // enough to fill several slabs
    for (let i = 0; arrays.length < 1000; i++) arrays.push(emptyFloat64(sizes[i % sizes.length]));
    const slabs = new Set(arrays.map((a) => a.buffer));
    expect(slabs.size).toBeGreaterThan(2);
    for (const s of slabs) expect(s.byteLength).toBe(SLAB_BYTES);
    arrays.forEach((a, i) => {
      expect(a.length).toBe(sizes[i % sizes.length]);
      expect(a.byteOffset % 8).toBe(0);
      a.fill(i);
    });
    // every array still holds its own fill: no region was given to two arrays
    arrays.forEach((a, i) => expect(a.every((v) => v === i), `array ${i}`).toBe(true));
    // regions of one slab are disjoint
    const bySlab = new Map<ArrayBufferLike, Float64Array[]>();
    for (const a of arrays) bySlab.set(a.buffer, [...(bySlab.get(a.buffer) ?? []), a]);
    for (const group of bySlab.values()) {
      const spans = group.map((a) => [a.byteOffset, a.byteOffset + a.byteLength]).sort((p, q) => p[0] - q[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
  });

  it("gives copies their own buffer, so a kept copy never holds a slab", () => {
    const z = np.tanh(np.ones([4, 400]));
    expect(z.data.buffer.byteLength).toBe(SLAB_BYTES);
    const kept = z.copy();
    expect(kept.data.buffer.byteLength).toBe(4 * 400 * 8);
    expect(np.copy(z).data.buffer.byteLength).toBe(4 * 400 * 8);
    expect(Array.from(kept.data)).toEqual(Array.from(z.data));
  });

  it("gives every array its own buffer with slabs off (NNLAB_SLAB=off)", () => {
    useSlabs(false);
    const a = emptyFloat64(1600);
    expect(a.buffer.byteLength).toBe(1600 * 8);
    useSlabs(true);
    expect(emptyFloat64(1600).buffer.byteLength).toBe(SLAB_BYTES);
  });

  it("frees a slab once nothing carved from it lives; a kept small array holds its slab, a kept copy only itself", () => {
    // In a child process with --expose-gc: 200,000 results of 1,600 doubles (20 to a slab), one in
    // 1,000 kept, as results or as copies; ArrayBuffer bytes after collecting, over the baseline.
    const dist = join(__dirname, "../../dist");
    const script = `
      const { emptyFloat64 } = require(${JSON.stringify(join(dist, "np/empty.js"))});
      const { NDArray } = require(${JSON.stringify(join(dist, "np/ndarray.js"))});
      const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setTimeout(r, 20)); } };
      const bytes = () => process.memoryUsage().arrayBuffers;
      (async () => {
        const out = {};
        for (const how of ["results", "copies"]) {
          await settle();
          const base = bytes();
          let keep = [];
          for (let i = 0; i < 200000; i++) {
            const a = new NDArray(emptyFloat64(1600).fill(i), [4, 400]);
            if (i % 1000 === 0) keep.push(how === "copies" ? a.copy() : a);
          }
          await settle();
          const kept = bytes() - base, n = keep.length;
          keep = [];
          await settle();
          out[how] = { n, kept, dropped: bytes() - base };
        }
        console.log(JSON.stringify(out));
      })();`;
    const r = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" }));
    const own = 200 * 1600 * 8;
    expect(r.results.n).toBe(200);
    // each kept result holds its own slab (one in 1,000 falls in a new slab every time), and no more
    expect(r.results.kept).toBeGreaterThanOrEqual(200 * SLAB_BYTES);
    expect(r.results.kept).toBeLessThanOrEqual(202 * SLAB_BYTES);
    // kept copies hold their own 12.8 KB each, plus at most the slabs in use
    expect(r.copies.kept).toBeGreaterThanOrEqual(own);
    expect(r.copies.kept).toBeLessThanOrEqual(own + 2 * SLAB_BYTES);
    // dropped, everything but the slab in use is freed
    for (const how of ["results", "copies"] as const) expect(r[how].dropped).toBeLessThanOrEqual(2 * SLAB_BYTES);
  });

  it("reads NNLAB_SLAB=off when it loads", () => {
    const script = `const { emptyFloat64 } = require(${JSON.stringify(join(__dirname, "../../dist/np/empty.js"))}); console.log(emptyFloat64(1600).buffer.byteLength, emptyFloat64(100).buffer.byteLength);`;
    const run = (env: Record<string, string>) => execFileSync(process.execPath, ["-e", script], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
    expect(run({ NNLAB_SLAB: "off" })).toBe(`${1600 * 8} ${100 * 8}`);
    expect(run({ NNLAB_SLAB: "" })).toBe(`${SLAB_BYTES} ${SLAB_BYTES}`);
  });

  it("poisonEmpty fills what it hands out with NaN, at both sizes", () => {
    poisonEmpty(true);
    expect(Number.isNaN(emptyFloat64(10)[9])).toBe(true);
    expect(Number.isNaN(emptyFloat64(1 << 16)[(1 << 16) - 1])).toBe(true);
    poisonEmpty(false);
    expect(emptyFloat64(10)[9]).toBe(0);
  });

  describe.each([
    { label: "js", kernel: "js" as const, threads: 1 },
    { label: "wasm, 1 thread", kernel: "wasm" as const, threads: 1 },
    { label: "wasm, 2 threads", kernel: "wasm" as const, threads: 2 },
    { label: "native, 1 thread", kernel: "native" as const, threads: 1 },
    { label: "native, 2 threads", kernel: "native" as const, threads: 2 },
    { label: "default dispatch", kernel: null, threads: 2 },
  ])("np.dot writes every entry: $label", ({ kernel, threads }) => {
    np.random.seed(3);
    const shapes: [number, number, number][] = [
      [3, 0, 4], [1, 5, 1], [4, 2, 400], [7, 20, 209], [1, 300, 200], [300, 2, 3],
      [181, 40, 190], [20, 1500, 209], [2000, 20, 23], [3001, 17, 45],
    ];
    it.each(shapes)("(%i×%i)·(…×%i), plain and with each operand a lazy .T", (m, k, n) => {
      setGemm({ kernel, threads });
      const A = np.random.randn(m, k), B = np.random.randn(k, n);
      const At = np.random.randn(k, m), Bt = np.random.randn(n, k);
      sameWithPoison(() => np.dot(A, B));
      sameWithPoison(() => np.dot(At.T, B));
      sameWithPoison(() => np.dot(A, Bt.T));
      sameWithPoison(() => np.dot(At.T, Bt.T));
    });
  });

  it("the deep lab's dA0 = W1ᵀ·dZ1 (12288×20 by 20×209, copied out in chunks)", () => {
    np.random.seed(4);
    const W1 = np.random.randn(20, 12288), dZ1 = np.random.randn(20, 209);
    for (const kernel of ["wasm", "native"] as const) {
      for (const threads of [1, 2]) {
        setGemm({ kernel, threads });
        sameWithPoison(() => np.dot(W1.T, dZ1));
      }
    }
  });

  it("the native kernel's kept packed B (packed into an unzeroed buffer on the third use), odd widths", () => {
    np.random.seed(6);
    for (const [m, k, n] of [[20, 1500, 209], [5, 700, 61], [3, 900, 37]] as const) {
      const A = np.random.randn(m, k), X = np.random.randn(k, n), Xt = np.random.randn(n, k);
      for (const threads of [1, 2]) {
        setGemm({ kernel: "native", threads });
        // poisoned from the first use on: the copy kept on the third use is packed into a NaN buffer
        poisonEmpty(true);
        const runs = [0, 1, 2, 3].map(() => [np.dot(A, X), np.dot(A, Xt.T)]);
        poisonEmpty(false);
        setGemm({ kernel: "js", threads: 1 });
        const want = [np.dot(A, X), np.dot(A, Xt.T)];
        for (const run of runs) run.forEach((r, t) => expect(Array.from(r.data)).toEqual(Array.from(want[t].data)));
      }
    }
  });

  it("elementwise ops: every broadcast form, unary functions, clip, broadcast_to, copies", () => {
    np.random.seed(5);
    for (const n of [7, 200]) {
      const M = np.random.randn(n, n), col = np.random.randn(n, 1), row = np.random.randn(1, n);
      sameWithPoison(() => M.add(col));
      sameWithPoison(() => row.multiply(M));
      sameWithPoison(() => col.subtract(row));
      sameWithPoison(() => M.divide(2.5));
      sameWithPoison(() => M.greater(0));
      sameWithPoison(() => np.exp(M));
      sameWithPoison(() => np.tanh(M));
      sameWithPoison(() => np.clip(M, -0.5, 0.5));
      sameWithPoison(() => broadcastTo(row, [n, n]));
      sameWithPoison(() => np.array(M).T.copy()); // a lazy .T made into its own buffer
      sameWithPoison(() => np.transpose(M));
    }
    const P = np.random.randn(10, 1, 400), Q = np.random.randn(1, 90, 400);
    sameWithPoison(() => P.add(Q));
    sameWithPoison(() => P.maximum(Q));
  });

  it("random draws, activations, losses' terms and the fused formulas", () => {
    for (const n of [6, 200]) {
      sameWithPoison(() => {
        np.random.seed(9);
        return np.random.randn(n, n);
      });
      sameWithPoison(() => {
        np.random.seed(9);
        return np.random.rand(n, n);
      });
      np.random.seed(6);
      const Z = np.random.randn(n, n), dA = np.random.randn(n, n), W = np.random.randn(n, n), b = np.random.randn(n, 1);
      sameWithPoison(() => sigmoid(Z));
      sameWithPoison(() => relu(Z));
      sameWithPoison(() => sigmoid_backward(dA, Z));
      sameWithPoison(() => relu_backward(dA, Z));
      sameWithPoison(() => descend(W, dA, 0.01));
      sameWithPoison(() => linear(W, Z, b));
      sameWithPoison(() => scaledDot(dA, Z.T, 1 / n));
      sameWithPoison(() => tanhBackward(W.T, dA, np.tanh(Z)));
    }
  });
});
