// The glibc-compatible log (src/np/libm.ts) against glibc's own log, via Python's math.log
// (tests/fixtures/gen_random.py), and the emulated fma against exact BigInt arithmetic.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fma, log } from "../../src/np/libm";

const DIR = join(__dirname, "..", "fixtures", "random");
const meta = JSON.parse(readFileSync(join(DIR, "log.json"), "utf8")) as {
  count: number;
  seed: number;
  first_inputs: string[];
  specials: [string, string][];
};

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const fromHex = (h: string): number => {
  u64[0] = BigInt("0x" + h);
  return f64[0];
};
const toHex = (x: number): string => {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, "0");
};

/** Marsaglia's xorshift32, as in gen_random.py. */
function xorshift32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>>= 0);
  };
}

/** The log inputs of gen_random.py's log_inputs(), regenerated. */
function logInputs(count: number, seed: number): Float64Array {
  const next = xorshift32(seed);
  const xs = new Float64Array(count);
  const bits = new Uint32Array(f64.buffer);
  for (let n = 0; n < count; n++) {
    const a = next();
    const b = next();
    const d = ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
    const cat = n % 10;
    if (cat < 4) xs[n] = d > 0 ? d : 2 ** -53;
    else if (cat < 6) xs[n] = 0.93 + d * 0.14;
    else if (cat < 9) {
      const hi = a % 0x7ff00000;
      bits[1] = hi;
      bits[0] = hi || b ? b : 1;
      xs[n] = f64[0];
    } else {
      const x1 = 2 * (a / 4294967296) - 1;
      const x2 = 2 * (b / 4294967296) - 1;
      const x = x1 * x1 + x2 * x2;
      xs[n] = x === 0 ? 2 ** -53 : x;
    }
  }
  return xs;
}

describe("log matches glibc bit for bit", () => {
  const inputs = logInputs(meta.count, meta.seed);
  const buf = readFileSync(join(DIR, "log.bin"));
  const expected = new BigUint64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));

  it("regenerates the fixture's inputs", () => {
    expect(Array.from(inputs.subarray(0, meta.first_inputs.length), toHex)).toEqual(meta.first_inputs);
    expect(expected.length).toBe(meta.count);
  });

  const mismatches = (f: (x: number) => number): string[] => {
    const bad: string[] = [];
    const out = new Float64Array(1);
    const outBits = new BigUint64Array(out.buffer);
    for (let i = 0; i < inputs.length; i++) {
      out[0] = f(inputs[i]);
      if (outBits[0] !== expected[i]) {
        bad.push(`log(${toHex(inputs[i])}) = ${outBits[0].toString(16)}, glibc ${expected[i].toString(16)}`);
      }
    }
    return bad;
  };

  it(`on all ${meta.count} fixture inputs`, () => {
    expect(mismatches(log).slice(0, 10)).toEqual([]);
  });

  it("while V8's Math.log does not (the fixture can tell them apart)", () => {
    expect(mismatches(Math.log).length).toBeGreaterThan(meta.count * 0.02);
  });

  it("on hand-picked inputs: tiny, subnormal, huge, and both edges of the near-1 path", () => {
    for (const [x, y] of meta.specials) expect(toHex(log(fromHex(x))), `log(${x})`).toBe(y);
  });

  it("on the special values", () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(-Infinity)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(Object.is(log(1), 0)).toBe(true);
  });
});

/** a·b + c rounded once, from the exact value in BigInt (operands in the normal range). */
function exactFma(a: number, b: number, c: number): number {
  const split = (x: number): [bigint, number] => {
    f64[0] = x;
    const bits = u64[0];
    const e = Number((bits >> 52n) & 0x7ffn);
    let m = bits & 0xfffffffffffffn;
    if (e !== 0) m |= 1n << 52n;
    if (bits >> 63n) m = -m;
    return [m, Math.max(e, 1) - 1075];
  };
  const [ma, ea] = split(a);
  const [mb, eb] = split(b);
  const [mc, ec] = split(c);
  const e = Math.min(ea + eb, ec);
  const n = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e));
  // Number(bigint) rounds to nearest, ties to even; scaling by 2^e is then exact.
  return Number(n) * 2 ** e;
}

describe("fma is exact", () => {
  const next = xorshift32(12345);
  const unit = (): number => (next() * 4294967296 + next()) / 18446744073709551616;
  const randomDouble = (span: number): number => (unit() * 2 - 1) * 2 ** Math.round((unit() * 2 - 1) * span);

  it("on random operands", () => {
    const bad: string[] = [];
    for (let i = 0; i < 30000; i++) {
      const [a, b, c] = [randomDouble(60), randomDouble(60), randomDouble(120)];
      if (fma(a, b, c) !== exactFma(a, b, c)) bad.push(`fma(${a}, ${b}, ${c})`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("when c nearly cancels a·b (where a plain a*b + c is wrong)", () => {
    const bad: string[] = [];
    let plainWrong = 0;
    for (let i = 0; i < 30000; i++) {
      const a = randomDouble(20);
      const b = randomDouble(20);
      // c = -fl(a·b), or a neighbour a few ulps away: the exact result is (nearly) the
      // product's rounding error, which the plain expression loses
      const c = -(a * b) * (i % 2 ? 1 : 1 + 2 ** -52 * ((next() % 9) - 4));
      const want = exactFma(a, b, c);
      if (fma(a, b, c) !== want) bad.push(`fma(${a}, ${b}, ${c})`);
      if (a * b + c !== want) plainWrong++;
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(plainWrong).toBeGreaterThan(10000);
  });

  it("in the calls log makes: fma(z, 1/c, -1)", () => {
    const bad: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const z = 0.6875 + unit() * 0.6875;
      const invc = 1 / (0.6875 + unit() * 0.6875);
      if (fma(z, invc, -1) !== exactFma(z, invc, -1)) bad.push(`fma(${z}, ${invc}, -1)`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
