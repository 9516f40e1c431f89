// Operands kept between products: the bookkeeping the wasm and native kernels share.
//
// Training multiplies by the same data every iteration (L_layer_model's X, as B in W1·X and as
// Bᵀ in dZ1·Xᵀ). A kernel that keeps a prepared copy of such an operand (packed, or copied into
// its memory) asks this cache: `find` a kept copy for the buffer in a role; else `meet` counts the
// buffer's meetings in that role and says when it is worth keeping (the third); the kernel then
// pins the owner (NDArray._pin: from now on the buffer never changes in place, so the copy cannot
// go stale), makes the copy and `add`s it. Kept copies are dropped when their buffer is
// garbage-collected, or least recently used first beyond the cache's byte limit; `release` gives a
// dropped copy's memory back to the kernel.

/** The roles a kept copy can serve: op(A) copied as it is (wasm), op(B) packed, op(B) stored
 *  transposed and packed. */
export const RAW = 0, PACKED = 1, PACKED_T = 2;
/** Operands smaller than this are never kept: copying or packing them again costs less than
 *  looking them up. */
export const KEEP_MIN_BYTES = 1 << 18;
/** Each kernel's budget for kept copies. */
export const CACHE_BYTES = 256 << 20;

export interface ResidentEntry {
  /** The role the copy serves (the kernel's own numbering: raw A, packed B, packed Bᵀ, ...). */
  kind: number;
  /** Shape of the copied operand (k, n): a buffer can be met as operands of different shapes. */
  k: number;
  n: number;
  bytes: number;
  dead: boolean;
}

export class ResidentCache<E extends ResidentEntry> {
  bytes = 0;
  private byKey = new WeakMap<Float64Array, E[]>();
  /** How often each buffer has been met in each role (2 bits per kind, counting to 3): an operand
   *  is kept on its third meeting. (On the second, A's copy of L_layer_model's W1 would be kept
   *  every iteration: W1 meets the kernel twice per iteration, as A and as Aᵀ, then is replaced.) */
  private seen = new WeakMap<Float64Array, number>();
  /** Live entries, least recently used first (a Map keeps insertion order). */
  private lru = new Map<E, true>();
  private registry = new FinalizationRegistry<E[]>((entries) => entries.forEach((e) => this.drop(e)));
  /** Entries the current call uses: eviction (add, clear) leaves them alone. */
  inUse = new Set<E>();

  constructor(private readonly release: (e: E) => void, private readonly limitBytes = CACHE_BYTES) {}

  find(key: Float64Array, kind: number, k: number, n: number): E | null {
    const list = this.byKey.get(key);
    if (!list) return null;
    for (const e of list) {
      if (!e.dead && e.kind === kind && e.k === k && e.n === n) {
        this.lru.delete(e);
        this.lru.set(e, true);
        return e;
      }
    }
    return null;
  }

  /** Records a meeting; true if the operand was met in this role twice before (worth keeping). */
  meet(key: Float64Array, kind: number): boolean {
    const bits = this.seen.get(key) ?? 0;
    const count = (bits >> (2 * kind)) & 3;
    if (count < 3) this.seen.set(key, bits + (1 << (2 * kind)));
    return count >= 2;
  }

  add(key: Float64Array, e: E): void {
    let list = this.byKey.get(key);
    if (!list) {
      list = [];
      this.byKey.set(key, list);
      this.registry.register(key, list);
    }
    list.push(e);
    this.lru.set(e, true);
    this.bytes += e.bytes;
    for (const old of [...this.lru.keys()]) {
      if (this.bytes <= this.limitBytes) break;
      if (old !== e && !this.inUse.has(old)) this.drop(old);
    }
  }

  drop(e: E): void {
    if (e.dead) return;
    e.dead = true;
    this.lru.delete(e);
    this.bytes -= e.bytes;
    this.release(e);
  }

  /** Drops every entry the current call does not use, and forgets every meeting: an operand is
   *  kept again only on its third meeting from now on. */
  clear(): void {
    for (const e of [...this.lru.keys()]) if (!this.inUse.has(e)) this.drop(e);
    this.seen = new WeakMap();
  }
}
