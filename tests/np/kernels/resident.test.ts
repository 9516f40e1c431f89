// kernels/resident.ts: the bookkeeping of kept operands shared by the wasm and native kernels
// (whether kept copies stay correct is tested through np.dot in gemm.test.ts, for both kernels).
import { describe, expect, it } from "vitest";
import { ResidentCache, type ResidentEntry } from "../../../src/np/kernels/resident";

interface E extends ResidentEntry {
  id: string;
}

function setup(limitBytes: number) {
  const released: string[] = [];
  const cache = new ResidentCache<E>((e) => released.push(e.id), limitBytes);
  const entry = (id: string, bytes: number, kind = 1, k = 2, n = 3): E => ({ id, kind, k, n, bytes, dead: false });
  return { cache, released, entry };
}

describe("ResidentCache", () => {
  it("says an operand is worth keeping on its third meeting in a role, counting each role apart", () => {
    const { cache } = setup(1 << 20);
    const x = new Float64Array(4);
    expect([cache.meet(x, 1), cache.meet(x, 1), cache.meet(x, 1), cache.meet(x, 1)]).toEqual([false, false, true, true]);
    expect([cache.meet(x, 2), cache.meet(x, 2), cache.meet(x, 2)]).toEqual([false, false, true]);
    expect(cache.meet(new Float64Array(4), 1)).toBe(false); // another buffer
  });

  it("finds a kept copy by buffer, role and shape only", () => {
    const { cache, entry } = setup(1 << 20);
    const x = new Float64Array(4);
    const e = entry("a", 100, 1, 2, 3);
    cache.add(x, e);
    expect(cache.find(x, 1, 2, 3)).toBe(e);
    expect(cache.find(x, 2, 2, 3)).toBe(null);
    expect(cache.find(x, 1, 3, 2)).toBe(null);
    expect(cache.find(new Float64Array(4), 1, 2, 3)).toBe(null);
    expect(cache.bytes).toBe(100);
  });

  it("beyond its byte limit drops the least recently used copies first, never one in use, and releases them", () => {
    const { cache, released, entry } = setup(250);
    const [x, y, z, w] = [0, 1, 2, 3].map(() => new Float64Array(1));
    cache.add(x, entry("x", 100));
    cache.add(y, entry("y", 100));
    cache.find(x, 1, 2, 3); // x is now more recent than y
    cache.add(z, entry("z", 100)); // 300 > 250: y goes
    expect(released).toEqual(["y"]);
    expect(cache.find(y, 1, 2, 3)).toBe(null);
    expect(cache.bytes).toBe(200);
    const inUse = cache.find(x, 1, 2, 3)!;
    cache.find(z, 1, 2, 3); // z most recent, x least recent, but x is in use
    cache.inUse.add(inUse);
    cache.add(w, entry("w", 100));
    expect(released).toEqual(["y", "z"]);
    expect(cache.find(x, 1, 2, 3)?.id).toBe("x");
  });

  it("clear drops every copy not in use and forgets the meetings", () => {
    const { cache, released, entry } = setup(1 << 20);
    const x = new Float64Array(1), y = new Float64Array(1);
    cache.add(x, entry("x", 10));
    const ey = entry("y", 10);
    cache.add(y, ey);
    for (let t = 0; t < 3; t++) cache.meet(x, 1);
    cache.inUse.add(ey);
    cache.clear();
    expect(released).toEqual(["x"]);
    expect(cache.bytes).toBe(10);
    expect(cache.meet(x, 1)).toBe(false); // counting starts again
    cache.drop(ey);
    cache.drop(ey); // twice: released once
    expect(released).toEqual(["x", "y"]);
    expect(cache.bytes).toBe(0);
  });
});
