// Setup of the vitest projects that force a gemm kernel (vitest.config.ts): checks that the forced
// kernel is the one in use, and with two threads starts the worker before the suite, so that the
// suite's large products really are split.
import { beforeAll, expect } from "vitest";
import { gemmInfo } from "../../src/np/kernels/gemm";
import { startThreads } from "../../src/np/kernels/wasm";

beforeAll(() => {
  const info = gemmInfo();
  expect(info.kernel).toBe(process.env.NNLAB_GEMM);
  if (info.kernel === "wasm") expect(info.wasm.available).toBe(true);
  if (info.kernel === "native") expect(info.native.available, `native kernel: ${info.native.reason}`).toBe(true);
  if (info.kernel === "wasm" && process.env.NNLAB_THREADS === "2") expect(startThreads(10_000)).toBe(true);
});
