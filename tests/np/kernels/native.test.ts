// The native kernel (src/np/kernels/native.ts, native/gemm.c): built and loaded here, the
// reference bits on every shape edge of its register tile (6×8), cache blocks and size paths (in
// place, packed, dot products), on 1 and 2 threads and split both ways, with the loops this CPU
// gets (AVX-512 or AVX2) and, in the vitest projects "native isa=avx2" and "native isa=baseline",
// with the AVX2 and the baseline ones; views as operands; clear
// errors for bad calls; several JS threads multiplying at once; helpers that never keep a process
// alive.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { GEMM_KERNELS, gemm, gemmInfo, setGemm } from "../../../src/np/kernels/gemm";
import { nativeGemm, nativeInfo } from "../../../src/np/kernels/native";
import { BLOCK_SHAPES, checkAll, oddTriples, randomFill, reference, type Run } from "../../helpers/gemm-cases";

const off = process.env.NNLAB_NATIVE === "off";

describe.skipIf(off)("the native kernel", () => {
  it("is built and loads here, and default dispatch uses it", () => {
    const info = nativeInfo();
    expect(info.available, `native kernel not available: ${info.reason} (${info.path})`).toBe(true);
    expect(info.isa).toMatch(/^(avx512|avx2|sse2|neon|baseline)$/);
    // the vitest projects "native isa=baseline" and "native isa=avx2" run this file with the
    // vector loops turned off, and with the AVX-512 ones turned off
    const flags = process.arch === "x64" ? cpuFlags() : "";
    const forced = process.env.NNLAB_NATIVE_ISA;
    if (forced === "baseline") expect(info.isa).toMatch(/^(sse2|neon|baseline)$/);
    else if (/\bavx2\b/.test(flags) && (forced === "avx2" || !/\bavx512f\b/.test(flags))) expect(info.isa).toBe("avx2");
    else if (/\bavx512f\b/.test(flags)) expect(info.isa).toBe("avx512");
    expect(GEMM_KERNELS.native.available()).toBe(true);
    expect(gemmInfo().dispatch).toBe("native");
  });

  for (const threads of [1, 2]) {
    describe(`${threads} thread${threads > 1 ? "s" : ""}`, () => {
      const run: Run = (m, n, k, a, b, c, ta, tb) => nativeGemm(m, n, k, a, b, c, ta, tb, threads);
      it("all sizes 1..37, every transpose flag: the reference bits", () => checkAll(run, oddTriples()));
      it("across the block sizes", () => checkAll(run, BLOCK_SHAPES));
      it("at its own blocks: 6-row strips, 8-column panels, MC 96, NC 1024, in place below 2^18 multiply-adds", () => {
        checkAll(run, [
          [6, 8, 1], [5, 8, 9], [7, 9, 2], [12, 16, 256], [13, 17, 257], [95, 40, 70], [96, 41, 70], [97, 39, 71],
          [11, 1025, 30], [7, 2049, 20], [4, 400, 2], [7, 209, 20], [20, 209, 60], [1, 200, 1500], [3, 6, 4], [40, 5, 2000],
        ]);
      });
      it("in place, both loop orders: strip by strip (up to 12 rows, or B's K block within 16 KiB), a row at a time (k ≤ 3, up to 6 rows), panel by panel (taller, wider B)", () => {
        // a row at a time: [4, 400, 2], [6, 9, 3], [1, 17, 1]; only the narrow panel: [6, 7, 1], [9, 5, 4];
        // strips, B small or ≤ 12 rows: [7, 209, 3], [12, 100, 20], [30, 200, 9]; panels outer: [13, 600, 20], [40, 97, 50]
        checkAll(run, [[4, 400, 2], [6, 9, 3], [1, 17, 1], [6, 7, 1], [9, 5, 4], [7, 209, 3], [12, 100, 20], [30, 200, 9], [13, 600, 20], [40, 97, 50], [5, 3001, 2]]);
      });
      it("products large enough to split: by column panels (A packed once), by rows (B packed once), odd edges", () => {
        // ≥ 2^20 multiply-adds: by columns when C has at least 8 panels of 8 columns ([20, 209, 300],
        // [37, 1100, 60] with two N blocks), by rows below that ([3001, 45, 17], [2000, 20, 40],
        // L_layer_model's dA0 = W1ᵀ·dZ1 scaled down); thin ones as dot products ([4000, 3, 300])
        checkAll(run, [[20, 209, 300], [37, 1100, 60], [129, 45, 300], [3001, 45, 17], [2000, 20, 40], [4000, 3, 300], [23, 211, 900]]);
      });
      it("long inner products (several K blocks per entry)", () => {
        checkAll(run, [[4, 4, 1000], [7, 5, 3001], [2, 9, 777], [9, 2, 777], [1, 1, 2000], [13, 20, 1300]]);
      });
    });
  }

  it("holds no fused multiply-add instruction, which would change the bits (x86-64, where objdump is installed)", (ctx) => {
    const path = nativeInfo().path;
    const dump = process.arch === "x64" && path ? spawnSync("objdump", ["-d", "--no-show-raw-insn", path], { encoding: "utf8", maxBuffer: 1 << 28 }) : null;
    if (!dump || dump.status !== 0) return ctx.skip();
    // the vector loops are there (the AVX2 and AVX-512 clones), and none of them fuses
    expect(dump.stdout).toMatch(/\bvmulpd\b.*%ymm/);
    expect(dump.stdout).toMatch(/\bvmulpd\b.*%zmm/);
    expect(dump.stdout.match(/\bv(fn?m(add|sub)(132|213|231)|fmaddsub|fmsubadd)[ps][sd]\b/g)).toBeNull();
  });

  it("reads operands that are views into larger buffers (a byte offset), and writes only C's entries", () => {
    const m = 9, n = 13, k = 300;
    const a = randomFill(m * k + 5, 1).subarray(5), b = randomFill(k * n + 3, 2).subarray(3);
    const backing = new Float64Array(m * n + 4).fill(7), c = backing.subarray(2, 2 + m * n);
    nativeGemm(m, n, k, a, b, c, false, false, 2);
    expect(Array.from(c)).toEqual(Array.from(reference(m, n, k, a, b, false, false)));
    expect([backing[0], backing[1], backing[m * n + 2], backing[m * n + 3]]).toEqual([7, 7, 7, 7]);
  });

  it("a bad call throws a clear error instead of reading past an array", () => {
    const a = new Float64Array(6), b = new Float64Array(6), c = new Float64Array(4);
    expect(() => nativeGemm(2, 2, 3, a, b, new Float64Array(3), false, false, 1)).toThrow(/shorter than its shape/);
    expect(() => nativeGemm(2, 2, 3, a, new Float32Array(6) as unknown as Float64Array, c, false, false, 1)).toThrow(/must be Float64Arrays/);
    expect(() => nativeGemm(-1, 2, 3, a, b, c, false, false, 1)).toThrow(/non-negative integers/);
    expect(() => nativeGemm(2.5, 2, 3, a, b, c, false, false, 1)).toThrow(/non-negative integers/);
  });

  it("NNLAB_GEMM=native where the addon is switched off is an error that says why", () => {
    const dist = join(__dirname, "..", "..", "..", "dist", "np");
    expect(existsSync(join(dist, "kernels", "gemm.js")), "dist/ is missing: npm run build").toBe(true);
    const code = `
      const { gemm, gemmInfo } = require(${JSON.stringify(join(dist, "kernels", "gemm.js"))});
      if (gemmInfo().dispatch !== "wasm") process.exit(3);
      try { gemm(2, 2, 300, new Float64Array(600), new Float64Array(600), new Float64Array(4)); }
      catch (e) { console.log(e.message); process.exit(0); }
      process.exit(4);
    `;
    const r = spawnSync(process.execPath, ["-e", code], {
      encoding: "utf8", timeout: 30_000, env: { ...process.env, NNLAB_NATIVE: "off", NNLAB_GEMM: "native" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/NNLAB_GEMM=native, but the native kernel is not available here: off/);
  });

  it("several JS threads multiplying at once get the same bits (one uses the helpers, the others run alone)", async () => {
    const m = 150, n = 170, k = 400;
    const a = randomFill(m * k, 11), b = randomFill(k * n, 12), want = reference(m, n, k, a, b, false, true);
    const dist = join(__dirname, "..", "..", "..", "dist", "np", "kernels", "native.js");
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const { nativeGemm } = require(${JSON.stringify(dist)});
      const { m, n, k, a, b } = workerData;
      const c = new Float64Array(m * n);
      for (let t = 0; t < 20; t++) nativeGemm(m, n, k, a, b, c, false, true, 2);
      parentPort.postMessage(c);
    `;
    const workers = [0, 1, 2].map(() => new Worker(code, { eval: true, workerData: { m, n, k, a, b } }));
    const mine = new Float64Array(m * n);
    for (let t = 0; t < 20; t++) nativeGemm(m, n, k, a, b, mine, false, true, 2);
    const theirs = await Promise.all(workers.map((w) => new Promise<Float64Array>((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
    })));
    await Promise.all(workers.map((w) => w.terminate()));
    for (const c of [mine, ...theirs]) expect(Array.from(c)).toEqual(Array.from(want));
  });

  it("its helper threads do not keep the process alive", () => {
    const dist = join(__dirname, "..", "..", "..", "dist", "np");
    const code = `
      const { setGemm } = require(${JSON.stringify(join(dist, "kernels", "gemm.js"))});
      const { dot } = require(${JSON.stringify(join(dist, "linalg.js"))});
      const { NDArray } = require(${JSON.stringify(join(dist, "ndarray.js"))});
      setGemm({ kernel: "native", threads: 2 });
      const a = new NDArray(new Float64Array(300 * 400).fill(1), [300, 400]);
      const r = dot(a, a.T);
      if (r.get(0, 0) !== 400) process.exit(4);
    `;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it("setGemm forces it, through np.dot's entry point", () => {
    const saved = setGemm({ kernel: "native", threads: 2 });
    try {
      const m = 30, n = 40, k = 500, a = randomFill(m * k, 3), b = randomFill(k * n, 4), c = new Float64Array(m * n);
      gemm(m, n, k, a, b, c, true, false);
      expect(Array.from(c)).toEqual(Array.from(reference(m, n, k, a, b, true, false)));
      expect(gemmInfo().kernel).toBe("native");
    } finally {
      setGemm({ kernel: saved.kernel, threads: saved.threads });
    }
  });
});

function cpuFlags(): string {
  try {
    return readFileSync("/proc/cpuinfo", "utf8");
  } catch {
    return "";
  }
}
