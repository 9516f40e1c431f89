// The native kernel (native/gemm.c, a Node addon built by scripts/build-native.mjs) from JS:
// finding and loading the addon, and the call. The addon reads the operands and writes C in the
// Float64Arrays' own memory (nothing is copied), runs AVX-512 or AVX2 on x86-64 CPUs that have them, and splits
// large products over its own threads, always in the summation order of kernels/gemm.ts.
//
// Resident operands (kernels/resident.ts): a B operand of at least KEEP_MIN_BYTES met a third
// time in the same role (B, or Bᵀ) is packed once into a Float64Array kept for later products,
// the training data X of L_layer_model's W1·X and dZ1·Xᵀ among them, so X is not repacked from
// memory every iteration.
//
// Browser-safe: no Node module is imported here. In a browser (or where the addon was not built,
// or NNLAB_NATIVE=off) `nativeAvailable()` is false and gemm.ts uses the WebAssembly kernel.
import { envVar, nodeBuiltin } from "../env";
import { emptyFloat64 } from "../empty";
import { KEEP_MIN_BYTES, PACKED, PACKED_T, ResidentCache, type ResidentEntry } from "./resident";
import type { BufferOwner } from "./gemm";

interface Addon {
  gemm(m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: number, tb: number, threads: number,
    pb?: Float64Array): void;
  pack(k: number, n: number, b: Float64Array, tb: number, out: Float64Array): void;
  packedLength(k: number, n: number): number;
  info(): string;
}

export interface NativeInfo {
  /** The addon is loaded and runs here. */
  available: boolean;
  /** Instruction set the addon chose for this CPU ("avx512", "avx2", "sse2", "neon", "baseline"), or null. */
  isa: string | null;
  /** Where the addon is looked for, or null where there is no file system (a browser). */
  path: string | null;
  /** Why it is not available: "off" (NNLAB_NATIVE=off), "not built", or the loader's message. */
  reason: string | null;
}

/** The addon, relative to the package root (three levels above this module in src/np/kernels or
 *  dist/np/kernels); the grader's sandbox mounts it for graded kernels. */
export const ADDON = "native/build/Release/nnlab_gemm.node";

/** NNLAB_NATIVE=off: the addon is neither loaded here nor mounted in the grader's sandbox. */
export function nativeSwitchedOff(): boolean {
  return envVar("NNLAB_NATIVE") === "off";
}

let addon: Addon | null | undefined;
let state: NativeInfo = { available: false, isa: null, path: null, reason: null };

type Req = (id: string) => unknown;

function nodeRequire(): Req | null {
  const mod = nodeBuiltin<{ createRequire(from: string): Req }>("node:module");
  return mod && typeof __filename === "string" ? mod.createRequire(__filename) : null;
}

function load(): Addon | null {
  if (nativeSwitchedOff()) {
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

const EMPTY = new Float64Array(0);

interface Entry extends ResidentEntry {
  packed: Float64Array;
}

const cache = new ResidentCache<Entry>((e) => {
  e.packed = EMPTY; // the list of its buffer's entries may outlive it
});

/** Bytes held by kept packed operands. */
export function nativeResidentBytes(): number {
  return cache.bytes;
}

/** Drops every kept operand (tests; the bench's "nothing resident" column). */
export function clearNativeResident(): void {
  cache.clear();
}

/** C = op(A)·op(B) in the native kernel on up to `threads` threads (see kernels/gemm.ts for the
 *  layouts). `ownerB`: op(B)'s owner, when its packed copy may be kept (see the top of this file).
 *  Throws if the addon is not available. */
export function nativeGemm(
  m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array, ta: boolean, tb: boolean, threads: number,
  ownerB?: BufferOwner,
): void {
  const x = getAddon();
  if (!x) throw new Error(`the native gemm kernel is not available here: ${state.reason}`);
  let pb: Float64Array | undefined;
  if (ownerB !== undefined && n >= 4 && m > 0 && k * n * 8 >= KEEP_MIN_BYTES) {
    const kind = tb ? PACKED_T : PACKED;
    const hit = cache.find(b, kind, k, n);
    if (hit) pb = hit.packed;
    else if (cache.meet(b, kind) && ownerB._pin()) {
      pb = emptyFloat64(x.packedLength(k, n));
      x.pack(k, n, b, tb ? 1 : 0, pb);
      cache.add(b, { kind, k, n, bytes: pb.length * 8, dead: false, packed: pb });
    }
  }
  // nine arguments without a packed B: the addon then reads one argument fewer (N-API, ~10 ns of a small product's ~0.2 µs)
  if (pb === undefined) x.gemm(m, n, k, a, b, c, ta ? 1 : 0, tb ? 1 : 0, threads);
  else x.gemm(m, n, k, a, b, c, ta ? 1 : 0, tb ? 1 : 0, threads, pb);
}
