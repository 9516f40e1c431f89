// np/fdlibm.ts ports fdlibm so that exp/log/sin/cos/expm1/tanh give the same bits in every JS
// engine. In Node 20 (V8 11.3, whose Math functions are fdlibm's, src/base/ieee754.cc) the ports
// must equal Math.* bit for bit; a browser check is in tests/playground/browser.test.ts.
import { describe, expect, it } from "vitest";
import * as fdlibm from "../../src/np/fdlibm";

const NAMES = ["exp", "log", "sin", "cos", "expm1", "tanh"] as const;
const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 5e-324, -5e-324, 2.2250738585072014e-308,
  1e308, -1e308, 709.782712893384, 709.79, -745.13321910194, -745.2, Math.PI / 4, Math.PI / 2, Math.PI, 3 * Math.PI / 4,
  1e-9, 3.7252902984e-9, 2 ** -28, 2 ** -54, 22, -22, 0.34657359027997264, 1.0397207708399179, 56 * Math.LN2, 823549.6];

function* inputs(): Generator<number> {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const scale of [1e-8, 1e-3, 0.4, 1, 3, 12, 50, 720, 1e5, 8e5]) {
    for (let i = 0; i < 20000; i++) yield (rnd() - 0.5) * 2 * scale;
  }
  yield* SPECIAL;
}

const node20 = process.versions.node.startsWith("20.");

describe("fdlibm ports", () => {
  it.runIf(node20)("equal Node 20's Math functions bit for bit", () => {
    for (const name of NAMES) {
      let differ = 0;
      let first: number | undefined;
      for (const x0 of inputs()) {
        const x = name === "log" ? Math.abs(x0) : x0;
        const a = fdlibm[name](x);
        const b = Math[name](x);
        if (!Object.is(a, b)) {
          differ++;
          first ??= x;
        }
      }
      expect({ name, differ, first }).toEqual({ name, differ: 0, first: undefined });
    }
  });

  it("are accurate to 1 ulp against known values", () => {
    expect(fdlibm.exp(1)).toBe(Math.E);
    expect(fdlibm.exp(0)).toBe(1);
    expect(fdlibm.log(Math.E)).toBe(1);
    expect(fdlibm.sin(0)).toBe(0);
    expect(fdlibm.cos(0)).toBe(1);
    expect(fdlibm.tanh(30)).toBe(1);
    expect(fdlibm.log(-1)).toBeNaN();
    expect(fdlibm.sin(Infinity)).toBeNaN();
    expect(Math.abs(fdlibm.sin(Math.PI) - 1.2246467991473532e-16)).toBeLessThan(1e-31);
    expect(Math.abs(fdlibm.exp(-0.5) - 0.6065306597126334) / 0.6065306597126334).toBeLessThan(2.3e-16);
  });
});
