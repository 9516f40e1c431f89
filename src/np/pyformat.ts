// Python's float formatting with the "g" presentation (f"{x:g}", f"{x:.3g}"), which numpy's
// testing reports use for their tolerances and mismatch percentages. Digits are rounded from the
// double's exact decimal expansion, ties to even, as CPython does (JS's toPrecision rounds ties up).

/** |x| = digits * 10^(exp - digits.length + 1) exactly: the full decimal expansion of a finite
 *  double, from its binary mantissa and exponent. */
function exactDecimal(x: number): { digits: string; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2 = -1074;
  if (biased !== 0) {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  if (e2 >= 0) {
    const digits = (mant << BigInt(e2)).toString();
    return { digits, exp: digits.length - 1 };
  }
  // mant / 2^k = mant * 5^k / 10^k
  const digits = (mant * 5n ** BigInt(-e2)).toString();
  return { digits, exp: digits.length - 1 + e2 };
}

/** x > 0 rounded to p significant digits, ties to even, as Python's float formatting does. */
function roundSignificant(x: number, p: number): { digits: string; exp: number } {
  const { digits, exp } = exactDecimal(x);
  if (digits.length <= p) return { digits: digits.padEnd(p, "0"), exp };
  let head = BigInt(digits.slice(0, p));
  const rest = digits.slice(p);
  const first = rest.charCodeAt(0) - 48;
  const beyond = /[1-9]/.test(rest.slice(1));
  if (first > 5 || (first === 5 && (beyond || head % 2n === 1n))) head += 1n;
  let s = head.toString();
  let e = exp;
  if (s.length > p) {
    s = s.slice(0, p);
    e += 1;
  }
  return { digits: s, exp: e };
}

/** Python's format(x, f".{precision}g"): `precision` significant digits, trailing zeros dropped,
 *  scientific notation when the exponent is below -4 or at least `precision` ("1e-07", "0.25"). */
export function formatG(x: number, precision = 6): string {
  if (x !== x) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const p = precision === 0 ? 1 : precision;
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return sign + "0";
  const { digits, exp } = roundSignificant(Math.abs(x), p);
  const trim = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (exp >= -4 && exp < p) {
    const body = exp >= 0
      ? digits.slice(0, exp + 1) + "." + digits.slice(exp + 1)
      : "0." + "0".repeat(-exp - 1) + digits;
    return sign + trim(body);
  }
  const mantissa = trim(digits[0] + "." + digits.slice(1));
  return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
}
