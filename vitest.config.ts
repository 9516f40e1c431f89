import { defineConfig } from "vitest/config";

// The suites whose results go through np.dot/np.matmul run once more under each gemm kernel
// forced (src/np/kernels/gemm.ts): the JS loops, WebAssembly on one and on two threads, and the
// native addon on one and on two threads. The default project runs everything with the default
// size dispatch (native where it is built).
// Lecture notebooks and the site built from them run last, one file at a time, so each lecture's
// time (both clients at once, checked against the 60 s limit) is measured on a machine that is not
// also running the rest of the suite.
const LECTURE_SUITES = ["tests/lectures/**/*.test.ts", "tests/site/site.test.ts"];
const KERNEL_SUITES = ["tests/np/linalg.test.ts", "tests/np/ndarray.test.ts", "tests/labs/**/*.test.ts", "tests/nn/**/*.test.ts"];
const KERNELS: Record<string, Record<string, string>> = {
  "gemm=js": { NNLAB_GEMM: "js" },
  "gemm=wasm,threads=1": { NNLAB_GEMM: "wasm", NNLAB_THREADS: "1" },
  "gemm=wasm,threads=2": { NNLAB_GEMM: "wasm", NNLAB_THREADS: "2" },
  "gemm=native,threads=1": { NNLAB_GEMM: "native", NNLAB_THREADS: "1" },
  "gemm=native,threads=2": { NNLAB_GEMM: "native", NNLAB_THREADS: "2" },
};

export default defineConfig({
  test: {
    // no root `include`: projects that extend the root would add theirs to it
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["tests/helpers/build-kernels.ts"],
    projects: [
      { extends: true, test: { name: "default", include: ["tests/**/*.test.ts"], exclude: LECTURE_SUITES } },
      {
        extends: true,
        test: { name: "lectures", include: LECTURE_SUITES, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
      // the native kernel's baseline loops (SSE2 on x86-64), which CPUs without AVX2 run, and its
      // AVX2 loops, which CPUs with AVX2 but not AVX-512 run
      { extends: true, test: { name: "native isa=baseline", include: ["tests/np/kernels/native.test.ts"], env: { NNLAB_NATIVE_ISA: "baseline" } } },
      { extends: true, test: { name: "native isa=avx2", include: ["tests/np/kernels/native.test.ts"], env: { NNLAB_NATIVE_ISA: "avx2" } } },
      ...Object.entries(KERNELS).map(([name, env]) => ({
        extends: true,
        // the CNN lab's loops make no matrix product
        test: { name, include: KERNEL_SUITES, exclude: ["tests/labs/cnn.test.ts"], env, setupFiles: ["tests/helpers/gemm-setup.ts"] },
      })),
    ],
  },
});
