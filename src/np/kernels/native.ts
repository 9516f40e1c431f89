// The native kernel (native/gemm.c, a Node addon built by scripts/build-native.mjs) from JS:
// finding and loading the addon, and the call. The addon reads the operands and writes C in the
// Float64Arrays' own memory (nothing is copied), runs AVX2 on x86-64 CPUs that have it, and splits
// large products over its own threads, always in the summation order of kernels/gemm.ts.
//
// Browser-safe: no Node module is imported here. In a browser (or where the addon was not built,
// or NNLAB_NATIVE=off) `nativeAvailable()` is false and gemm.ts uses the WebAssembly kernel.
import { envVar } from "../env";

interface Addon {
  gemm(m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: number, tb: number, threads: number): void;
  info(): string;
}

export interface NativeInfo {
  /** The addon is loaded and runs here. */
  available: boolean;
  /** Instruction set the addon chose for this CPU ("avx2", "sse2", "neon", "baseline"), or null. */
  isa: string | null;
  /** Where the addon is looked for, or null where there is no file system (a browser). */
  path: string | null;
  /** Why it is not available: "off" (NNLAB_NATIVE=off), "not built", or the loader's message. */
  reason: string | null;
}

/** The addon, relative to this module in src/np/kernels or dist/np/kernels (both three levels
 *  below the package root). */
const ADDON = "native/build/Release/nnlab_gemm.node";

let addon: Addon | null | undefined;
let state: NativeInfo = { available: false, isa: null, path: null, reason: null };

type Req = (id: string) => unknown;

function nodeRequire(): Req | null {
  const g = globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } };
  if (typeof g.process?.versions?.node !== "string" || typeof __filename !== "string") return null;
  if (typeof g.process.getBuiltinModule === "function") {
    const mod = g.process.getBuiltinModule("node:module") as { createRequire(from: string): Req };
    return mod.createRequire(__filename);
  }
  return typeof module !== "undefined" && typeof module.require === "function" ? (id) => module.require(id) : null;
}

function load(): Addon | null {
  if (envVar("NNLAB_NATIVE") === "off") {
    state = { ...state, reason: "off (NNLAB_NATIVE=off)" };
    return null;
  }
  const req = nodeRequire();
  if (!req) {
    state = { ...state, reason: "no Node.js here" };
    return null;
  }
  const dir = __dirname.replace(/[\\/]+$/, "");
  const root = dir.split(/[\\/]/).slice(0, -3).join("/");
  const path = `${root}/${ADDON}`;
  try {
    const a = req(path) as Addon;
    const isa = a.info();
    state = { available: true, isa, path, reason: null };
    return a;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const notBuilt = /cannot find module/i.test(message);
    state = { available: false, isa: null, path, reason: notBuilt ? "not built (npm run build builds it)" : message.split("\n")[0] };
    return null;
  }
}

function getAddon(): Addon | null {
  if (addon === undefined) addon = load();
  return addon;
}

/** Capability check: the native addon is built and loads here. */
export function nativeAvailable(): boolean {
  return getAddon() !== null;
}

export function nativeInfo(): NativeInfo {
  getAddon();
  return { ...state };
}

/** C = op(A)·op(B) in the native kernel on up to `threads` threads (see kernels/gemm.ts for the
 *  layouts). Throws if the addon is not available. */
export function nativeGemm(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: boolean, tb: boolean, threads: number,
): void {
  const x = getAddon();
  if (!x) throw new Error(`the native gemm kernel is not available here: ${state.reason}`);
  x.gemm(m, n, k, a, b, c, ta ? 1 : 0, tb ? 1 : 0, threads);
}
