// What src/np takes from its host where `process` may not exist (src/np also runs in browsers):
// environment switches (NNLAB_GEMM, NNLAB_THREADS, NNLAB_LIBM, NNLAB_NATIVE, NNLAB_SLAB), unset in a browser,
// and Node's built-in modules, reached at run time so that a browser bundle has no Node import.

/** The environment variable `name`, or undefined (unset, or no `process` here). */
export function envVar(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
}

/** Node's built-in module `id` ("node:worker_threads"), or null where there is none (a browser). */
export function nodeBuiltin<T>(id: string): T | null {
  const g = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  try {
    if (typeof g.process?.getBuiltinModule === "function") return g.process.getBuiltinModule(id) as T;
    if (typeof module !== "undefined" && typeof module.require === "function") return module.require(id) as T;
  } catch {
    // not Node
  }
  return null;
}
