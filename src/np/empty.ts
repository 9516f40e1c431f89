// Result buffers the caller fills completely before anyone reads them: numpy's np.empty.
//
// `new Float64Array(n)` asks the allocator for zeroed memory (calloc). For a large result that
// zeroing is a whole extra pass over memory that the product or the elementwise loop then
// overwrites: for the deep lab's 12288×209 dA0, 20 MB written twice per iteration. Where Node's
// Buffer is present, `emptyFloat64` takes the bytes from Buffer.allocUnsafeSlow instead
// (malloc, not zeroed, and never from Node's shared pool, so the ArrayBuffer is the array's own:
// `.buffer` holds exactly these n doubles, as for `new Float64Array(n)`). Elsewhere (a browser)
// and for small sizes it is `new Float64Array(n)`.
//
// Only for buffers every element of which is written before the array is returned: a caller
// that leaves an entry unwritten would hand out stale memory. tests/np/empty.test.ts poisons
// these buffers with NaN (`poisonEmpty`) and runs the writers over every path.

/** Below this many doubles the zeroed allocation is as cheap (measured: the saving is the memset). */
const UNINITIALIZED_MIN = 1 << 15;

type AllocUnsafe = (bytes: number) => Uint8Array;

const allocUnsafeSlow: AllocUnsafe | null = (() => {
  const B = (globalThis as { Buffer?: { allocUnsafeSlow?: AllocUnsafe } }).Buffer;
  return typeof B?.allocUnsafeSlow === "function" ? B.allocUnsafeSlow.bind(B) : null;
})();

let poison = false;

/** A Float64Array of n doubles whose contents are unspecified: the caller writes every one. */
export function emptyFloat64(n: number): Float64Array {
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
