// numpy 1.24's printing: str/repr of arrays (numpy/core/arrayprint.py) and of float64 scalars.
// Digits come from V8's exact conversions (toExponential/toFixed) wherever they provably agree with
// numpy's Dragon4; the few cases where they cannot (exact ties, digits past the shortest form)
// are decided with BigInt arithmetic on the double's exact binary value.
import { NDArray, shapeStr, type DType } from "./ndarray";
import { ValueError } from "./errors";

export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";
export type SignMode = "-" | "+" | " ";

/** numpy's global print options (np.set_printoptions). */
export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  nanstr: string;
  infstr: string;
  sign: SignMode;
  floatmode: FloatMode;
}

/** Per-call options: any print option, plus numpy's own keyword names for array_str/array_repr
 *  (max_line_width, suppress_small, which win over linewidth/suppress) and array2string's layout keywords. */
export interface FormatOptions extends Partial<PrintOptions> {
  max_line_width?: number;
  suppress_small?: boolean;
  separator?: string;
  prefix?: string;
  suffix?: string;
}

const DEFAULTS: PrintOptions = {
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
  sign: "-",
  floatmode: "maxprec",
};
let current: PrintOptions = { ...DEFAULTS };

const FLOAT_MODES: readonly FloatMode[] = ["fixed", "unique", "maxprec", "maxprec_equal"];

function checkOptions(opts: Partial<PrintOptions>): void {
  if (opts.floatmode !== undefined && !FLOAT_MODES.includes(opts.floatmode)) {
    throw new ValueError(`floatmode option must be one of ${FLOAT_MODES.map((m) => `"${m}"`).join(", ")}`);
  }
  if (opts.sign !== undefined && !["-", "+", " "].includes(opts.sign)) {
    throw new ValueError("sign option must be one of ' ', '+', or '-'");
  }
  if (opts.threshold !== undefined && Number.isNaN(opts.threshold)) {
    throw new ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation");
  }
  if (opts.precision !== undefined) {
    if (!Number.isInteger(opts.precision)) throw new TypeError("precision must be an integer");
    if (opts.precision < 0) throw new ValueError("precision must be >= 0");
  }
}

/** `base` with every option `opts` defines; undefined entries keep the base value. */
function withOptions(base: PrintOptions, opts: Partial<PrintOptions>): PrintOptions {
  checkOptions(opts);
  const out = { ...base };
  for (const key of Object.keys(DEFAULTS) as (keyof PrintOptions)[]) {
    if (opts[key] !== undefined) (out as Record<string, unknown>)[key] = opts[key];
  }
  return out;
}

/**
 * Sets how arrays and float64 scalars print, for every later print.
 *
 * The options are numpy's, with numpy's defaults: precision (digits after the point, 8), threshold
 * (arrays with more elements are summarised with "...", 1000), edgeitems (items kept at each end of
 * a summarised axis, 3), linewidth (characters per line, 75), suppress (always fixed-point
 * notation, so values below the precision print as 0; false), nanstr ("nan"), infstr ("inf"), sign
 * ("-", "+" or " ") and floatmode ("maxprec", "fixed", "unique" or "maxprec_equal"). Options left
 * out keep their current value; invalid ones raise numpy's errors. numpy's keyword arguments are
 * one options object: `np.set_printoptions(precision=3)` is
 * `np.set_printoptions({ precision: 3 })`. Mirrors numpy.set_printoptions.
 *
 * @param opts - the options to change: { precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign, floatmode }
 * @example np.set_printoptions({ precision: 3, suppress: true });
 */
export function set_printoptions(opts: Partial<PrintOptions>): void {
  current = withOptions(current, opts);
}

/**
 * The current print options, as np.set_printoptions set them.
 *
 * A copy: changing it changes nothing; pass it back to np.set_printoptions to restore a setting.
 * Mirrors numpy.get_printoptions.
 *
 * @returns { precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, sign, floatmode }
 * @example const saved = np.get_printoptions(); // later: np.set_printoptions(saved)
 */
export function get_printoptions(): PrintOptions {
  return { ...current };
}

function resolve(opts: FormatOptions): PrintOptions {
  if (Object.keys(opts).length === 0) return current; // the common case; `current` is never mutated
  return withOptions(current, {
    ...opts,
    linewidth: opts.max_line_width ?? opts.linewidth,
    suppress: opts.suppress_small ?? opts.suppress,
  });
}

// ---------------------------------------------------------------------------------------------
// Exact binary structure of a double

const bitsF64 = new Float64Array(1);
const bitsU32 = new Uint32Array(bitsF64.buffer); // little-endian: [low word, high word]

/** x = mant * 2^exp with mant an integer (53 bits for normal numbers), for finite x > 0. */
function decompose(x: number): { mant: number; exp: number; biased: number } {
  bitsF64[0] = x;
  const hi = bitsU32[1];
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * 4294967296 + bitsU32[0];
  return biased === 0
    ? { mant: frac, exp: -1074, biased }
    : { mant: frac + 4503599627370496, exp: biased - 1075, biased };
}

/** Number of trailing zero bits of a non-zero integer below 2^32. */
const ctz32 = (v: number): number => 31 - Math.clz32(v & -v);

/** Is x (> 0) exactly halfway between two multiples of 10^P? That is: is 2x/10^P an odd integer. */
function isTie(x: number, P: number): boolean {
  const { mant, exp } = decompose(x);
  const low = mant % 4294967296;
  const zeros = low !== 0 ? ctz32(low) : 32 + ctz32(Math.floor(mant / 4294967296));
  if (exp + zeros !== P - 1) return false;
  // For P > 0 the odd part must also absorb 5^P; beyond 5^22 it cannot (it is below 2^53).
  return P <= 0 || (P <= 22 && (mant / 2 ** zeros) % 5 ** P === 0);
}

// ---------------------------------------------------------------------------------------------
// Decimal digits, as numpy's Dragon4 produces them

/** value = 0.d1d2d3... * 10^(exp+1): `digits` has no leading or trailing zeros ("0" for zero),
 *  `exp` is the decimal exponent of the first digit. */
interface Decimal {
  digits: string;
  exp: number;
}

const ZERO: Decimal = { digits: "0", exp: 0 };

function stripZeros(digits: string): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/** Parses "d.ddde±n" (toExponential's output). */
function fromExponential(s: string): Decimal {
  const e = s.indexOf("e");
  const digits = stripZeros(s[0] + s.slice(2, e));
  return { digits, exp: Number(s.slice(e + 1)) };
}

/** Parses "ddd.ddd" (toFixed's output). */
function fromFixed(s: string): Decimal {
  const point = s.indexOf(".");
  const all = point < 0 ? s : s.slice(0, point) + s.slice(point + 1);
  const intLen = point < 0 ? s.length : point;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 48) first++;
  if (first === all.length) return ZERO;
  return { digits: stripZeros(all.slice(first)), exp: intLen - 1 - first };
}

/** The shortest digits that round-trip, the closest such (what Dragon4 and JS both produce). */
function shortest(x: number): Decimal {
  return x === 0 ? ZERO : fromExponential(x.toExponential());
}

/**
 * Rounds x (>= 0) at a digit position, the way Dragon4 ends its digit loop there: to nearest, ties
 * to even, unless the value's rounding margins (half the gap to the neighbouring doubles) already
 * decide the direction, which `withMargins` enables for digits generated past the shortest form.
 * sci: keep `digits` digits after the first significant one; else `digits` fractional digits.
 */
function exactRound(x: number, sci: boolean, digits: number, withMargins: boolean): Decimal {
  if (x === 0) return ZERO;
  const { mant, exp, biased } = decompose(x);
  const m = BigInt(mant);
  // x = num / den exactly
  const num = m << BigInt(Math.max(exp, 0));
  const den = 1n << BigInt(Math.max(-exp, 0));
  const pow10 = (k: number): bigint => 10n ** BigInt(k);
  // compare x with 10^k exactly
  const below = (k: number): boolean => num * pow10(Math.max(-k, 0)) < den * pow10(Math.max(k, 0));
  let P = -digits;
  if (sci) {
    let E = Math.floor(Math.log10(x));
    while (below(E)) E--;
    while (!below(E + 1)) E++;
    P = E - digits;
  }
  // Everything scaled by S = 4 * 2^max(-exp,0) * 10^max(-P,0) so it is an integer.
  const scale2 = BigInt(Math.max(exp, 0));
  const up10 = pow10(Math.max(-P, 0));
  const X = ((4n * m) << scale2) * up10;
  const U = (4n << BigInt(Math.max(-exp, 0))) * pow10(Math.max(P, 0));
  let N = X / U;
  const R = X - N * U;
  const unequalMargins = mant === 4503599627370496 && biased > 1;
  const marginHigh = (2n << scale2) * up10;
  const marginLow = unequalMargins ? marginHigh / 2n : marginHigh;
  const even = mant % 2 === 0;
  const low = withMargins && (even ? R <= marginLow : R < marginLow);
  const high = withMargins && (even ? R + marginHigh >= U : R + marginHigh > U);
  let roundDown = low;
  if (low === high) {
    const twice = 2n * R;
    roundDown = twice < U || (twice === U && N % 2n === 0n);
  }
  if (!roundDown) N += 1n;
  if (N === 0n) return ZERO;
  const s = N.toString();
  return { digits: stripZeros(s), exp: s.length - 1 + P };
}

/** Round to nearest at a digit position, ties to even (JS's toFixed/toExponential round ties up). */
function roundNearest(x: number, sci: boolean, digits: number): Decimal {
  if (digits > 100 || (!sci && x >= 1e21)) return exactRound(x, sci, digits, false);
  let s = sci ? x.toExponential(digits) : x.toFixed(digits);
  const e = sci ? s.indexOf("e") : s.length;
  const P = sci ? Number(s.slice(e + 1)) - digits : -digits;
  const last = s.charCodeAt(e - 1) - 48;
  // A tie rounded up to an odd digit goes back down; an odd digit is >= 1 so nothing borrows.
  // (If rounding carried into a new leading digit, the last digit is 0 and stays.)
  if (last % 2 === 1 && isTie(x, P)) s = s.slice(0, e - 1) + String(last - 1) + s.slice(e);
  return sci ? fromExponential(s) : fromFixed(s);
}

/**
 * Dragon4's digits for x >= 0. unique: the shortest round-trip digits, cut at `precision` (-1: no cut)
 * and extended to at least `minDigits`; otherwise the exact value rounded at `precision`.
 * Counts are fractional digits (positional) or digits after the first (scientific).
 */
function dragon4(x: number, sci: boolean, precision: number, minDigits: number, unique: boolean): Decimal {
  if (!unique) return roundNearest(x, sci, precision);
  const s = shortest(x);
  const have = sci ? s.digits.length - 1 : s.digits.length - 1 - s.exp;
  if (precision >= 0 && have > precision) return roundNearest(x, sci, precision);
  if (x !== 0 && minDigits > have) {
    // Digits past the shortest form are plain zeros as long as the double's spacing (ulp) is finer
    // than the last digit asked for; otherwise Dragon4 prints the exact binary value's digits.
    const P = sci ? s.exp - minDigits : -minDigits;
    if (decompose(x).exp * Math.LOG10E * Math.LN2 >= P - 0.01) return exactRound(x, sci, minDigits, true);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Rendering one float

type Trim = "k" | ".";

interface FloatSpec {
  sci: boolean;
  precision: number;
  minDigits: number;
  unique: boolean;
  trim: Trim;
  plus: boolean; // print '+' on non-negative values
  padLeft: number;
  padRight: number; // positional only
  expDigits: number; // scientific only
}

const signOf = (x: number, plus: boolean): string => (x < 0 || Object.is(x, -0) ? "-" : plus ? "+" : "");

/** Integer and fraction digits of a decimal written out positionally. */
function positionalDigits(d: Decimal): { int: string; frac: string } {
  if (d.digits === "0") return { int: "0", frac: "" };
  if (d.exp >= 0) return { int: d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, "0"), frac: d.digits.slice(d.exp + 1) };
  return { int: "0", frac: "0".repeat(-d.exp - 1) + d.digits };
}

/** The parts of a formatted finite float: sign, integer part, fraction digits, exponent ("" if positional). */
function floatParts(x: number, spec: FloatSpec): { sign: string; int: string; frac: string; exp: string } {
  const d = dragon4(Math.abs(x), spec.sci, spec.precision, spec.minDigits, spec.unique);
  const { int, frac: digitsAfter } = spec.sci ? { int: d.digits[0], frac: d.digits.slice(1) } : positionalDigits(d);
  const exp = spec.sci
    ? (d.exp < 0 ? "e-" : "e+") + String(Math.abs(d.exp)).padStart(Math.max(spec.expDigits, 2), "0")
    : "";
  // trim 'k' keeps zeros up to the requested digit count; '.' keeps none (Dragon4 output has none)
  const frac = spec.trim === "k" ? digitsAfter.padEnd(spec.unique ? spec.minDigits : spec.precision, "0") : digitsAfter;
  return { sign: signOf(x, spec.plus), int, frac, exp };
}

function renderFloat(x: number, spec: FloatSpec): string {
  const p = floatParts(x, spec);
  let s = p.sign + p.int + "." + p.frac + p.exp;
  if (!spec.sci && spec.padRight > p.frac.length) s += " ".repeat(spec.padRight - p.frac.length);
  const left = p.sign.length + p.int.length;
  return left < spec.padLeft ? " ".repeat(spec.padLeft - left) + s : s;
}

/** What Python prints for a float (and numpy for a float64 scalar): repr's shortest round-trip
 *  digits, positional for 1e-4 <= |x| < 1e16 with at least one fractional digit, else 1e-05 style. */
function floatScalar(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const sign = signOf(x, false);
  const d = shortest(Math.abs(x));
  if (d.digits === "0") return sign + "0.0";
  if (d.exp >= -4 && d.exp < 16) {
    const p = positionalDigits(d);
    return sign + p.int + "." + (p.frac || "0");
  }
  const mantissa = d.digits.length > 1 ? d.digits[0] + "." + d.digits.slice(1) : d.digits;
  return sign + mantissa + (d.exp < 0 ? "e-" : "e+") + String(Math.abs(d.exp)).padStart(2, "0");
}

// ---------------------------------------------------------------------------------------------
// Element formatters, fitted to the values that will be displayed (numpy's FloatingFormat etc.)

type ElementFormat = (x: number) => string;

function floatFormat(values: number[], o: PrintOptions): ElementFormat {
  const finite = values.filter(Number.isFinite);
  let sci = false;
  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  if (maxAbs > 0) sci = maxAbs >= 1e8 || (!o.suppress && (minAbs < 1e-4 || maxAbs / minAbs > 1000));

  const fixed = o.floatmode === "fixed";
  const plus = o.sign === "+";
  // First pass: each value at the mode's precision, to size the columns.
  const spec: FloatSpec = {
    sci,
    precision: o.floatmode === "unique" ? -1 : o.precision,
    minDigits: 0,
    unique: !fixed,
    trim: fixed ? "k" : ".",
    plus,
    padLeft: 0,
    padRight: 0,
    expDigits: 0,
  };
  let padLeft = 0;
  let padRight = 0;
  let fracMax = 0;
  let expMax = 0;
  for (const v of finite) {
    const p = floatParts(v, spec);
    padLeft = Math.max(padLeft, p.sign.length + p.int.length);
    fracMax = Math.max(fracMax, p.frac.length);
    expMax = Math.max(expMax, p.exp.length - 2);
  }
  if (finite.length > 0) {
    if (sci) {
      // All mantissas get the same number of digits; the exponent the same width.
      spec.precision = spec.minDigits = fracMax;
      spec.trim = "k";
      spec.expDigits = expMax;
      padRight = expMax + 2 + fracMax;
    } else {
      padRight = fracMax;
      if (fixed || o.floatmode === "maxprec_equal") {
        spec.precision = spec.minDigits = fracMax;
        spec.trim = "k";
      }
    }
  }
  if (o.sign === " " && !finite.some((v) => v < 0 || Object.is(v, -0))) padLeft += 1;
  if (finite.length !== values.length) {
    const negInf = o.sign !== "-" || values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, o.nanstr.length - offset, o.infstr.length + (negInf ? 1 : 0) - offset);
  }
  spec.padLeft = padLeft;
  spec.padRight = padRight;
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isFinite(x)) return renderFloat(x, spec);
    const s = Number.isNaN(x) ? (plus ? "+" : "") + o.nanstr : (x < 0 ? "-" : plus ? "+" : "") + o.infstr;
    return s.padStart(width);
  };
}

function intFormat(values: number[]): ElementFormat {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = Math.max(String(hi).length, String(lo).length);
  return (x) => String(x).padStart(width);
}

function elementFormat(dtype: DType, ndim: number, values: number[], o: PrintOptions): ElementFormat {
  if (dtype === "bool") {
    // ' True' lines up with 'False' in arrays; a 0-d array prints the bare word
    const t = ndim === 0 ? "True" : " True";
    return (x) => (x !== 0 ? t : "False");
  }
  return dtype === "float64" ? floatFormat(values, o) : intFormat(values);
}

// ---------------------------------------------------------------------------------------------
// Layout (numpy's _formatArray / _extendLine)

const SUMMARY = -1;

/** Indices printed along an axis of length n; SUMMARY marks the '...'. numpy always ends with the
 *  last item, so edgeitems=0 shows `[... last]`. */
function axisItems(n: number, edgeitems: number, summarize: boolean): number[] {
  const out: number[] = [];
  if (summarize && 2 * edgeitems < n) {
    for (let i = 0; i < edgeitems; i++) out.push(i);
    out.push(SUMMARY);
    for (let i = n - Math.max(edgeitems, 1); i < n; i++) out.push(i);
  } else {
    for (let i = 0; i < n; i++) out.push(i);
  }
  return out;
}

/** The values numpy's _leading_trailing keeps (the formatters are fitted to these). With
 *  edgeitems=0 its slices a[:0] and a[-0:] keep the whole axis, and so do we. */
function displayedValues(a: NDArray, edgeitems: number, summarize: boolean): number[] {
  const strides = a.strides;
  const keep = a.shape.map((n) =>
    axisItems(n, edgeitems === 0 ? n : edgeitems, summarize).filter((i) => i !== SUMMARY),
  );
  const out: number[] = [];
  const walk = (axis: number, off: number): void => {
    if (axis === a.ndim) {
      out.push(a.data[off]);
      return;
    }
    for (const i of keep[axis]) walk(axis + 1, off + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, prefix: string): [string, string] {
  // a line holding only the indent never wraps: it would not help
  if (line.length + word.length > width && line.length > prefix.length) {
    return [s + line.trimEnd() + "\n", prefix + word];
  }
  return [s, line + word];
}

function formatArray(
  a: NDArray,
  fmt: ElementFormat,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeitems: number,
  summarize: boolean,
): string {
  const strides = a.strides;
  const sepTrimmed = separator.trimEnd();
  const recurse = (axis: number, off: number, hanging: string, width: number): string => {
    if (axis === a.ndim) return fmt(a.data[off]);
    const nextHanging = hanging + " ";
    const items = axisItems(a.shape[axis], edgeitems, summarize);
    const last = items.length - 1;
    let s = "";
    if (axis === a.ndim - 1) {
      const elemWidth = width - Math.max(sepTrimmed.length, 1); // room for the separator or ']'
      let line = hanging;
      items.forEach((i, k) => {
        const word = i === SUMMARY ? "..." : recurse(axis + 1, off + i * strides[axis], nextHanging, width - 1);
        [s, line] = extendLine(s, line, word, elemWidth, hanging);
        if (k < last) line += separator;
      });
      s += line;
    } else {
      const lineSep = sepTrimmed + "\n".repeat(a.ndim - axis - 1);
      items.forEach((i, k) => {
        const nested = i === SUMMARY ? "..." : recurse(axis + 1, off + i * strides[axis], nextHanging, width - 1);
        s += hanging + nested + (k < last ? lineSep : "");
      });
    }
    return "[" + s.slice(hanging.length) + "]";
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** numpy's _array2string: `prefix` and `suffix` only shape the layout, they are not in the output. */
function layout(a: NDArray, o: PrintOptions, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return "[]";
  const summarize = a.size > o.threshold;
  const fmt = elementFormat(a.dtype, a.ndim, displayedValues(a, o.edgeitems, summarize), o);
  const lineWidth = o.linewidth - suffix.length;
  return formatArray(a, fmt, lineWidth, " ".repeat(1 + prefix.length), separator, o.edgeitems, summarize);
}

/**
 * The text of an array's values, as numpy's array2string lays it out.
 *
 * Like np.array_str, with array2string's layout keywords: `separator` between elements (default "
 * "), and `prefix`/`suffix`, which only shift the wrapped lines as if the text were printed after
 * `prefix` (they are not part of the result). Mirrors numpy.array2string.
 *
 * @param a - the array
 * @param opts - per-call print options, overriding np.set_printoptions for this call: precision, threshold,
 * edgeitems, linewidth (or numpy's max_line_width), suppress (or suppress_small), nanstr, infstr,
 * sign, floatmode, plus separator, prefix, suffix
 * @returns the text, one line per row (wrapped at linewidth)
 * @example np.array2string(np.array([1.5, 2, 3]), { separator: ", " }); // '[1.5, 2. , 3. ]'
 */
export function array2string(a: NDArray, opts: FormatOptions = {}): string {
  return layout(a, resolve(opts), opts.separator ?? " ", opts.prefix ?? "", opts.suffix ?? "");
}

/**
 * The text `print(a)` shows in numpy: the values in brackets, without `array(...)`.
 *
 * The same text as `String(a)` and `console.log(a)`. Digits, widths, line wrapping, summarising
 * with "..." and the rounding at the precision cut are numpy 1.24's, so output matches the Python
 * labs' character for character. A 0-d array prints as its scalar. Mirrors numpy.array_str.
 *
 * @param a - the array
 * @param opts - per-call print options, overriding np.set_printoptions for this call: precision, threshold,
 * edgeitems, linewidth (or numpy's max_line_width), suppress (or suppress_small), nanstr, infstr,
 * sign, floatmode
 * @returns the text, one line per row for 2-D arrays
 * @example np.array_str(np.array([[1, 2], [3, 4]])); // '[[1. 2.]\n [3. 4.]]'
 */
export function array_str(a: NDArray, opts: FormatOptions = {}): string {
  if (a.ndim === 0) return scalarStr(a.data[0], a.dtype);
  return layout(a, resolve(opts), " ", "", "");
}

/**
 * The text numpy's `repr(a)` gives: `array([...])`, as a notebook shows an array.
 *
 * The same text as `a.repr()`; a cell whose last expression is an array shows it. Elements are
 * separated by commas, and `, dtype=...` is added where the values do not imply the dtype (empty
 * arrays, and every uint8 array), as in numpy. Mirrors numpy.array_repr.
 *
 * @param a - the array
 * @param opts - per-call print options, overriding np.set_printoptions for this call: precision, threshold,
 * edgeitems, linewidth (or numpy's max_line_width), suppress (or suppress_small), nanstr, infstr,
 * sign, floatmode
 * @returns the text, continuation lines indented under `array(`
 * @example np.array_repr(np.array([1, 2, 3], "int64")); // 'array([1, 2, 3])'
 */
export function array_repr(a: NDArray, opts: FormatOptions = {}): string {
  const o = resolve(opts);
  const prefix = "array(";
  // float64, int64 and bool are numpy's implied dtypes; uint8 is always named
  const skipDtype = a.size > 0 && a.dtype !== "uint8";
  const suffix = skipDtype ? ")" : ",";
  const body =
    a.size > 0 || (a.ndim === 1 && a.shape[0] === 0)
      ? layout(a, o, ", ", prefix, suffix)
      : `[], shape=${shapeStr(a.shape)}`;
  const text = prefix + body + suffix;
  if (skipDtype) return text;
  const dtypeStr = `dtype=${a.dtype})`;
  const lastLine = text.length - (text.lastIndexOf("\n") + 1);
  const spacer = lastLine + dtypeStr.length + 1 > o.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return text + spacer + dtypeStr;
}

function scalarStr(x: number, dtype: DType): string {
  if (dtype === "bool") return x !== 0 ? "True" : "False";
  return dtype === "float64" ? floatScalar(x) : String(x);
}

/**
 * Python's str(): the text `print(x)` shows.
 *
 * Arrays as numpy prints them (np.array_str), numbers as numpy float64 scalars print (`0.1`, `1.0`,
 * `1e-05`, `nan`), strings as they are, and other values as np.repr gives them. Handy to print a
 * value the way the Python lab's `print` does. Mirrors Python's str.
 *
 * @param x - any value: an array, a number, a boolean, a string, a list, an object
 * @returns the text
 * @example np.str(np.float64(1)); // '1.0'
 */
export function str(x: unknown): string {
  if (x instanceof NDArray) return array_str(x);
  if (typeof x === "string") return x;
  return repr(x);
}

/**
 * Python's repr(): the text a notebook echo shows.
 *
 * Arrays as numpy's repr (`array([...])`), numbers as numpy float64 scalars (`1.0`, `0.1`, `inf`),
 * booleans as `True`/`False`, strings quoted, null and undefined as `None`, lists as `[...]` and
 * plain objects as Python dicts (`{'W1': array(...)}`). Mirrors Python's repr.
 *
 * @param x - any value: an array, a number, a boolean, a string, a list, an object
 * @returns the text
 * @example np.repr({ cost: 0.5, ok: true }); // "{'cost': 0.5, 'ok': True}"
 */
export function repr(x: unknown): string {
  if (x instanceof NDArray) return array_repr(x);
  if (typeof x === "number") return floatScalar(x);
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "string") return pyStringRepr(x);
  if (typeof x === "bigint") return x.toString();
  if (x === null || x === undefined) return "None";
  if (Array.isArray(x)) return "[" + x.map(repr).join(", ") + "]";
  if (Object.getPrototypeOf(x) === Object.prototype) {
    const entries = Object.entries(x as Record<string, unknown>);
    return "{" + entries.map(([k, v]) => `${pyStringRepr(k)}: ${repr(v)}`).join(", ") + "}";
  }
  return String(x);
}

function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\" || ch === quote) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}
