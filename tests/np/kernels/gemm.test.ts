// The gemm kernels (src/np/kernels): every kernel, thread count and transpose flag gives the bits of
// one reference loop written from the documented summation order (K blocks of 256, each summed
// left to right from +0, block sums added left to right), on shapes covering every edge of the
// register blocks and cache blocks; operands kept resident in the wasm kernel's memory never go
// stale; the worker thread does not keep a process alive.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GEMM_KERNELS, gemm, gemmInfo, gemmJs, gemmPacked, gemmSmall, setGemm } from "../../../src/np/kernels/gemm";
import { clearResident, startThreads, wasmInfo } from "../../../src/np/kernels/wasm";
import { clearNativeResident, nativeResidentBytes } from "../../../src/np/kernels/native";
import { NDArray } from "../../../src/np/ndarray";
import { dot, matmul } from "../../../src/np/linalg";
import { BLOCK_SHAPES, checkAll, oddTriples, randomFill, reference, type Run } from "../../helpers/gemm-cases";

describe("JS kernels: the reference order, bit for bit", () => {
  const kernels: [string, Run][] = [["gemmSmall", gemmSmall], ["gemmPacked", gemmPacked], ["gemmJs", gemmJs]];
  for (const [name, run] of kernels) {
    it(`${name} on all sizes 1..37, every transpose flag`, () => checkAll(run, oddTriples()));
    it(`${name} across the block sizes`, () => checkAll(run, BLOCK_SHAPES));
  }
  it("empty products: every kernel of the table fills C with zeros when k = 0", () => {
    for (const entry of Object.values(GEMM_KERNELS)) {
      for (const [m, n] of [[3, 5], [1, 1], [0, 4], [4, 0]]) {
        const c = new Float64Array(m * n).fill(NaN);
        entry.run(m, n, 0, new Float64Array(0), new Float64Array(0), c, false, false);
        expect(Array.from(c)).toEqual(Array(m * n).fill(0));
      }
    }
  });
  it("long inner products (several K blocks per entry)", () => {
    for (const run of [gemmSmall, gemmPacked]) checkAll(run, [[4, 4, 1000], [7, 5, 3001], [2, 9, 777], [9, 2, 777], [1, 1, 2000]]);
  });
});

describe("the wasm kernel", () => {
  const wasm = GEMM_KERNELS.wasm;
  let saved: ReturnType<typeof setGemm>;
  beforeAll(() => {
    saved = setGemm({});
  });
  afterAll(() => {
    setGemm({ kernel: saved.kernel, threads: saved.threads });
  });

  it("is available here (WebAssembly SIMD), with threads (SharedArrayBuffer, worker_threads)", () => {
    expect(wasm.available()).toBe(true);
    expect(wasmInfo().threadsAvailable).toBe(true);
  });

  for (const threads of [1, 2]) {
    describe(`${threads} thread${threads > 1 ? "s" : ""}`, () => {
      beforeAll(() => {
        setGemm({ threads });
        if (threads === 2) expect(startThreads(10_000)).toBe(true);
      });
      const run: Run = (m, n, k, a, b, c, ta, tb) => wasm.run(m, n, k, a, b, c, ta, tb);
      it("all sizes 1..37, every transpose flag: the reference bits", () => checkAll(run, oddTriples()));
      it("across the block sizes", () => checkAll(run, BLOCK_SHAPES));
      it("products large enough to be split between the threads, odd edges", () => {
        // ≥ 2^21 multiply-adds: chunks of column panels (up to 16 when A is small: [9, 1003, 190]),
        // or chunks of rows (C narrower than 8 panels, or packed B smaller than A: [1001, 41, 60]);
        // by rows with C of at least 2^17 entries, copied out chunk by chunk as the chunks finish
        // ([2000, 70, 20], [3001, 45, 17], the shape of L_layer_model's dA0 = W1ᵀ·dZ1 scaled down);
        // by columns with A of at least 2^14 entries packed once for every chunk ([20, 209, 1000],
        // [23, 211, 900]: the cat classifier's W1·X scaled down, with odd edges)
        checkAll(run, [[37, 301, 257], [129, 45, 300], [301, 7, 1000], [9, 1003, 190], [260, 33, 130], [131, 2100, 9], [1001, 41, 60],
          [2000, 70, 20], [3001, 45, 17], [20, 209, 1000], [23, 211, 900]]);
      });
    });
  }
});

describe("determinism: one kernel's bits are every kernel's bits", () => {
  it("js, wasm and native, each on 1 and 2 threads, agree on random shapes, including odd edges", () => {
    expect(startThreads(10_000)).toBe(true);
    const saved = setGemm({});
    try {
      const sizes = randomFill(120, 7).map((x) => 1 + Math.floor((x + 1) * 150));
      for (let t = 0; t + 2 < sizes.length; t += 3) {
        const [m, n, k] = [sizes[t], sizes[t + 1], 1 + 2 * sizes[t + 2]];
        const ta = t % 2 === 1, tb = t % 3 === 1;
        const a = randomFill(m * k, t), b = randomFill(k * n, t + 1);
        const runs = [["js", 1], ["wasm", 1], ["wasm", 2], ["native", 1], ["native", 2]] as const;
        const results = runs.map(([kernel, threads]) => {
          setGemm({ kernel, threads });
          const c = new Float64Array(m * n);
          gemm(m, n, k, a, b, c, ta, tb);
          return c;
        });
        for (const c of results.slice(1)) expect(c).toEqual(results[0]);
      }
    } finally {
      setGemm({ kernel: saved.kernel, threads: saved.threads });
    }
  });

  it("setGemm and gemmInfo report the choice", () => {
    const saved = setGemm({ kernel: "js", threads: 1 });
    expect(gemmInfo()).toMatchObject({ kernel: "js", threads: 1 });
    setGemm({ kernel: saved.kernel, threads: saved.threads });
    expect(gemmInfo().kernel).toBe(saved.kernel);
  });
});

/** The kernels that keep operands, with their counters. */
const KEEPERS = [
  { kernel: "wasm" as const, residentBytes: () => wasmInfo().residentBytes, clear: clearResident },
  { kernel: "native" as const, residentBytes: nativeResidentBytes, clear: clearNativeResident },
];

describe.each(KEEPERS)("resident operands never go stale: $kernel", ({ kernel, residentBytes, clear }) => {
  // large enough to be kept (≥ 256 KiB), and kept on the third use in the same role
  const m = 6, k = 300, n = 209;
  const matrix = (rows: number, cols: number, seed: number) => new NDArray(randomFill(rows * cols, seed), [rows, cols]);
  /** The expected product, from the arrays' values read without handing their buffers out. */
  const want = (a: NDArray, b: NDArray) => reference(m, n, k, a._values().slice(), b._values().slice(), false, false);
  let saved: ReturnType<typeof setGemm>;
  beforeAll(() => {
    saved = setGemm({ kernel, threads: 1 });
    clear();
  });
  afterAll(() => {
    setGemm({ kernel: saved.kernel, threads: saved.threads });
    clear();
  });

  it("B is kept on its third use, and the kept copy is used", () => {
    const W = matrix(m, k, 1), X = matrix(k, n, 2);
    const first = dot(W, X), second = dot(W, X), before = residentBytes();
    const third = dot(W, X);
    expect(residentBytes()).toBeGreaterThan(before);
    const fourth = dot(W, X);
    for (const r of [second, third, fourth]) expect(r._values()).toEqual(first._values());
  });

  it("writes through set, assign, putmask and data after B was kept are seen by the next product", () => {
    const W = matrix(m, k, 3);
    const writes: ((x: NDArray) => void)[] = [
      (x) => x.set(0, 0, 5),
      (x) => x.assign([":", 3], 2),
      (x) => x.putmask(x.greater(0.9), -1),
      (x) => {
        x.data[7] = 42;
      },
    ];
    writes.forEach((write, t) => {
      const X = matrix(k, n, 10 + t);
      dot(W, X);
      dot(W, X);
      dot(W, X); // kept now
      write(X);
      expect(Array.from(dot(W, X).data)).toEqual(Array.from(want(W, X)));
    });
  });

  it("a kept Xᵀ (lazy transpose of X) is not changed by writes to X", () => {
    const W = matrix(m, k, 4), X = matrix(n, k, 5);
    const XT = X.T;
    expect(XT._transposed).toBe(true);
    const before = reference(m, n, k, W._values().slice(), X._values().slice(), false, true);
    dot(W, XT);
    dot(W, XT);
    dot(W, XT);
    X.set(0, 0, 7); // X gets its own copy first: XT keeps the old values
    expect(XT._transposed).toBe(true);
    expect(Array.from(dot(W, XT).data)).toEqual(Array.from(before));
    expect(XT.get(0, 0)).not.toBe(7);
  });

  it("an array whose data was handed out is never kept", () => {
    const W = matrix(m, k, 6), X = matrix(k, n, 7);
    const raw = X.data; // someone holds the buffer
    clear();
    for (let t = 0; t < 4; t++) dot(W, X);
    expect(residentBytes()).toBe(0);
    raw[0] = 3;
    expect(Array.from(dot(W, X).data)).toEqual(Array.from(want(W, X)));
  });

  it("matmul and dot agree with and without kept operands", () => {
    const W = matrix(m, k, 8), X = matrix(k, n, 9);
    const r1 = matmul(W, X), r2 = matmul(W, X), r3 = dot(W, X);
    expect(r2._values()).toEqual(r1._values());
    expect(r3._values()).toEqual(r1._values());
  });
});

describe("the worker thread", () => {
  it("does not keep the process alive", () => {
    // a child process on the built package (npm test builds first) that starts the worker,
    // multiplies on two threads and ends its script: it must exit on its own
    const dist = join(__dirname, "..", "..", "..", "dist", "np");
    const code = `
      const { startThreads, wasmInfo } = require(${JSON.stringify(join(dist, "kernels", "wasm.js"))});
      const { setGemm } = require(${JSON.stringify(join(dist, "kernels", "gemm.js"))});
      const { dot } = require(${JSON.stringify(join(dist, "linalg.js"))});
      const { NDArray } = require(${JSON.stringify(join(dist, "ndarray.js"))});
      setGemm({ kernel: "wasm", threads: 2 });
      if (!startThreads(10000)) process.exit(3);
      const a = new NDArray(new Float64Array(200 * 300).fill(1), [200, 300]);
      const r = dot(a, a.T);
      if (r.get(0, 0) !== 300 || !wasmInfo().workerRunning) process.exit(4);
    `;
    expect(existsSync(join(dist, "kernels", "wasm.js")), "dist/ is missing: npm run build").toBe(true);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
