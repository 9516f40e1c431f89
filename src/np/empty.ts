// Result buffers the caller fills completely before anyone reads them: numpy's np.empty.
//
// Two costs of `new Float64Array(n)` are avoided here:
// - Small results (9 to 2048 doubles, 72 bytes to 16 KB: the labs' activations, gradients and
//   small products) are carved from a shared slab, as Node's Buffer.allocUnsafe carves small
//   Buffers from a pool. Every ArrayBuffer V8 creates costs about 1 µs whatever its size (its
//   backing store, its registration with the garbage collector and later its sweep): more than the
//   arithmetic of a 4×400 product or of a tanh over it. A view into a slab costs about 0.1 µs. A
//   region is handed out once and never reused, so no two live arrays ever share memory; a slab
//   is freed by the collector once no array carved from it is alive. The price: a small array
//   kept alive keeps its whole slab (SLAB_BYTES) alive. Keeping results in a list while the rest
//   is dropped (a history of 1×400 predictions, every iteration) can hold up to SLAB_BYTES per
//   kept array instead of its own size; `np.copy` / `.copy()` gives a kept array a buffer of its
//   own (copies are never carved from a slab), and NNLAB_SLAB=off turns slabs off.
//   `.buffer` of a carved array is the slab: use it with `byteOffset` and `byteLength`, as for
//   Node's pooled Buffers.
// - Large results (from 2^15 doubles) skip calloc's zeroing pass: for the deep lab's 12288×209
//   dA0, 20 MB written twice per iteration. Where Node's Buffer is present, the bytes come from
//   Buffer.allocUnsafeSlow (malloc, not zeroed, never Node's shared pool, so `.buffer` holds
//   exactly these n doubles). Elsewhere (a browser) it is `new Float64Array(n)`.
// Sizes in between, and tiny arrays (≤ 8 doubles, which V8 keeps on its own heap at no such
// cost), are `new Float64Array(n)`.
//
// Only for buffers every element of which is written before the array is returned: a caller
// that leaves an entry unwritten would hand out stale memory. tests/np/empty.test.ts poisons
// these buffers with NaN (`poisonEmpty`) and runs the writers over every path.
import { envVar } from "./env";

/** Below this many doubles the zeroed allocation is as cheap (measured: the saving is the memset). */
const UNINITIALIZED_MIN = 1 << 15;

type AllocUnsafe = (bytes: number) => Uint8Array;

const allocUnsafeSlow: AllocUnsafe | null = (() => {
  const B = (globalThis as { Buffer?: { allocUnsafeSlow?: AllocUnsafe } }).Buffer;
  return typeof B?.allocUnsafeSlow === "function" ? B.allocUnsafeSlow.bind(B) : null;
})();

/** Bytes of one slab. */
export const SLAB_BYTES = 1 << 18;
/** Arrays of SLAB_MIN to SLAB_MAX doubles are carved from a slab. */
export const SLAB_MIN = 9;
export const SLAB_MAX = 2048;

let slabsOn = envVar("NNLAB_SLAB") !== "off";
let slab: ArrayBuffer | null = null;
let slabUsed = SLAB_BYTES;

let poison = false;

/** The next n doubles of the current slab (a new slab when they do not fit). */
function carve(n: number): Float64Array {
  const bytes = n * 8;
  if (slabUsed + bytes > SLAB_BYTES) {
    // unzeroed where Node's Buffer is present; a browser's ArrayBuffer comes zeroed
    slab = allocUnsafeSlow !== null ? (allocUnsafeSlow(SLAB_BYTES).buffer as ArrayBuffer) : new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Float64Array(slab as ArrayBuffer, slabUsed, n);
  slabUsed += bytes;
  return out;
}

/** A Float64Array of n doubles whose contents are unspecified: the caller writes every one. */
export function emptyFloat64(n: number): Float64Array {
  if (n >= SLAB_MIN && n <= SLAB_MAX && slabsOn) {
    const out = carve(n);
    if (poison) out.fill(NaN);
    return out;
  }
  if (n < UNINITIALIZED_MIN || allocUnsafeSlow === null) return poison ? new Float64Array(n).fill(NaN) : new Float64Array(n);
  const bytes = allocUnsafeSlow(n * 8);
  const out = new Float64Array(bytes.buffer, bytes.byteOffset, n);
  if (poison) out.fill(NaN);
  return out;
}

/** Tests only: fill every buffer emptyFloat64 hands out with NaN, so an entry a writer skips shows. */
export function poisonEmpty(on: boolean): void {
  poison = on;
}

/** Whether small arrays are carved from slabs (np.show_config reports it). */
export function slabsEnabled(): boolean {
  return slabsOn;
}

/** Tests and benchmarks: carve small arrays from slabs (the default) or give each its own buffer
 *  (NNLAB_SLAB=off). The slab in use is dropped either way. */
export function useSlabs(on: boolean): void {
  slabsOn = on;
  slab = null;
  slabUsed = SLAB_BYTES;
}
