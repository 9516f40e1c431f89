// Environment switches (NNLAB_GEMM, NNLAB_THREADS, NNLAB_LIBM) read where `process` may not exist:
// src/np also runs in browsers, where every switch is unset.

/** The environment variable `name`, or undefined (unset, or no `process` here). */
export function envVar(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
}
