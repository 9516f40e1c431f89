// np/elementary.ts: the engine's Math.* stand in for the fdlibm ports only where they return the
// ports' bits. In Node 20 they do (tests/np/fdlibm.test.ts checks a million inputs per function),
// so the probe chooses them; NNLAB_LIBM=fdlibm forces the ports; a function that disagrees with
// its port on one probe input is never chosen.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as elementary from "../../src/np/elementary";
import * as fdlibm from "../../src/np/fdlibm";

const NAMES = ["exp", "log", "sin", "cos", "expm1", "tanh"] as const;
const root = join(__dirname, "../..");

describe("np/elementary", () => {
  it("chooses the engine's Math in Node 20, where every probe input agrees", () => {
    for (const name of NAMES) expect(elementary.nativeAgrees(name)).toBe(true);
    expect(elementary.elementarySource()).toBe("native");
    expect(elementary.tanh).toBe(Math.tanh);
  });

  it("the chosen functions return the ports' bits on fresh inputs", () => {
    let s = 12345;
    const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const name of NAMES) {
      for (let i = 0; i < 20000; i++) {
        const x = name === "log" ? next() * 1e3 : (next() - 0.5) * (name === "exp" ? 1400 : 60);
        expect(Object.is(elementary[name](x), fdlibm[name](x)), `${name}(${x})`).toBe(true);
      }
    }
  });

  it("the probe spans each function's range and its special values", () => {
    for (const name of NAMES) {
      const xs = elementary.probeInputs(name);
      expect(xs.length).toBeGreaterThan(3000);
      expect(Array.from(xs).some(Number.isNaN)).toBe(true);
      expect(xs).toContain(Infinity);
    }
    const finite = (name: (typeof NAMES)[number]): number[] => Array.from(elementary.probeInputs(name)).filter(Number.isFinite);
    expect(Math.min(...finite("exp"))).toBeLessThan(-700);
    expect(Math.max(...finite("exp"))).toBeGreaterThan(700);
    expect(Math.min(...finite("log").filter((x) => x > 0))).toBeLessThan(1e-300);
    expect(Math.max(...finite("sin").filter((x) => x < 1e300))).toBeGreaterThan(1e5);
  });

  it("a Math function that differs from its port in one bit on one probe input is refused", () => {
    const x = elementary.probeInputs("tanh")[2000];
    const off = (v: number): number => (v === x ? Math.tanh(v) * (1 + Number.EPSILON) : Math.tanh(v));
    expect(off(x)).not.toBe(Math.tanh(x));
    expect(elementary.nativeAgrees("tanh", off)).toBe(false);
    expect(elementary.nativeAgrees("tanh", Math.tanh)).toBe(true);
  });

  it("NNLAB_LIBM=fdlibm forces the ports", () => {
    const code = `const e = require(${JSON.stringify(join(root, "dist/np/elementary.js"))}); const f = require(${JSON.stringify(join(root, "dist/np/fdlibm.js"))});
      process.stdout.write(e.elementarySource() + " " + (e.tanh === f.tanh));`;
    const r = spawnSync(process.execPath, ["-e", code], { env: { ...process.env, NNLAB_LIBM: "fdlibm" }, encoding: "utf8" });
    expect(r.stdout).toBe("fdlibm true");
  });
});
