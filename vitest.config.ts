import { defineConfig } from "vitest/config";

// The suites whose results go through np.dot/np.matmul run once more under each gemm kernel
// forced (src/np/kernels/gemm.ts): the JS loops, and WebAssembly on one and on two threads. The
// default project runs everything with the default size dispatch.
const KERNEL_SUITES = ["tests/np/linalg.test.ts", "tests/np/ndarray.test.ts", "tests/labs/**/*.test.ts", "tests/nn/**/*.test.ts"];
const KERNELS: Record<string, Record<string, string>> = {
  "gemm=js": { NNLAB_GEMM: "js" },
  "gemm=wasm,threads=1": { NNLAB_GEMM: "wasm", NNLAB_THREADS: "1" },
  "gemm=wasm,threads=2": { NNLAB_GEMM: "wasm", NNLAB_THREADS: "2" },
};

export default defineConfig({
  test: {
    // no root `include`: projects that extend the root would add theirs to it
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/helpers/build-wasm.ts"],
    projects: [
      { extends: true, test: { name: "default", include: ["tests/**/*.test.ts"] } },
      ...Object.entries(KERNELS).map(([name, env]) => ({
        extends: true,
        test: { name, include: KERNEL_SUITES, env, setupFiles: ["tests/helpers/gemm-setup.ts"] },
      })),
    ],
  },
});
