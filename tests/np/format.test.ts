// numpy-identical printing, checked against fixtures numpy 1.24 printed
// (tests/fixtures/gen_format.py writes tests/fixtures/format/*.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import { expectNumpyError, type NumpyError } from "../helpers/errors";
import {
  array2string, array_repr, array_str, get_printoptions, repr, set_printoptions, str,
  type FormatOptions, type PrintOptions,
} from "../../src/np/format";

interface ArrayCase {
  cat?: string;
  dtype: DType;
  shape: number[];
  values: string | number[];
  fill?: string | number;
  str: string;
  repr: string;
}
interface OptionsCase extends ArrayCase {
  printoptions: Partial<PrintOptions>;
  array2string: FormatOptions;
  a2s: string;
}
interface ScalarCase {
  x: string;
  str: string;
}

const load = <T>(name: string): T[] =>
  JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "format", name), "utf8")) as T[];

const view = new DataView(new ArrayBuffer(8));
/** 16 hex digits = the big-endian bit pattern of one double. */
function fromHex(hex: string, at = 0): number {
  view.setUint32(0, parseInt(hex.slice(at, at + 8), 16));
  view.setUint32(4, parseInt(hex.slice(at + 8, at + 16), 16));
  return view.getFloat64(0);
}

function decode(values: string | number[]): number[] {
  if (typeof values !== "string") return values;
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 16) out.push(fromHex(values, i));
  return out;
}

/** Indices numpy shows along an axis when it summarises (default edgeitems 3). */
const kept = (n: number): number[] =>
  n <= 6 ? [...Array(n).keys()] : [0, 1, 2, n - 3, n - 2, n - 1];

function build(c: ArrayCase): NDArray {
  const values = decode(c.values);
  const size = c.shape.reduce((p, d) => p * d, 1);
  if (c.fill === undefined) return new NDArray(Float64Array.from(values), c.shape, c.dtype);
  // Summarised case: only the displayed values are stored; every other element holds `fill`.
  const data = new Float64Array(size).fill(typeof c.fill === "string" ? fromHex(c.fill) : c.fill);
  const strides = c.shape.map((_, i) => c.shape.slice(i + 1).reduce((p, d) => p * d, 1));
  let next = 0;
  const place = (axis: number, off: number): void => {
    if (axis === c.shape.length) {
      data[off] = values[next++];
      return;
    }
    for (const i of kept(c.shape[axis])) place(axis + 1, off + i * strides[axis]);
  };
  place(0, 0);
  expect(next).toBe(values.length);
  return new NDArray(data, c.shape, c.dtype);
}

interface Mismatch {
  index: number;
  what: string;
  expected: string;
  actual: string;
}

/** Fails listing the first few mismatches in full (JSON-quoted so spaces and newlines show). */
function expectNoMismatch(mismatches: Mismatch[], total: number): void {
  const report = mismatches
    .slice(0, 5)
    .map((m) => `case ${m.index} ${m.what}\n  expected ${JSON.stringify(m.expected)}\n  actual   ${JSON.stringify(m.actual)}`)
    .join("\n");
  expect(mismatches.length, `${mismatches.length} of ${total} outputs differ from numpy:\n${report}`).toBe(0);
}

const DEFAULTS: PrintOptions = get_printoptions();
afterEach(() => set_printoptions(DEFAULTS));

const arrayCases = load<ArrayCase>("arrays.json");
const optionCases = load<OptionsCase>("options.json");
const scalarCases = load<ScalarCase>("scalars.json");

describe("arrays print as numpy 1.24 prints them", () => {
  test("str and repr of ~1,500 generated arrays", () => {
    expect(arrayCases.length).toBeGreaterThanOrEqual(1000);
    const mismatches: Mismatch[] = [];
    arrayCases.forEach((c, index) => {
      const a = build(c);
      const what = `${c.cat} ${c.dtype} shape [${c.shape}]`;
      const s = array_str(a);
      if (s !== c.str) mismatches.push({ index, what: what + " str", expected: c.str, actual: s });
      const r = array_repr(a);
      if (r !== c.repr) mismatches.push({ index, what: what + " repr", expected: c.repr, actual: r });
    });
    expectNoMismatch(mismatches, 2 * arrayCases.length);
  });

  test("the fixtures cover what the issue asks for", () => {
    const cats = new Set(arrayCases.map((c) => c.cat));
    for (const cat of ["ties8", "ties_sci", "summary", "wrap", "3d", "0d", "empty", "int64", "bool", "all_special", "uint8"]) {
      expect(cats.has(cat), cat).toBe(true);
    }
    expect(arrayCases.filter((c) => c.str.includes("...")).length).toBeGreaterThanOrEqual(50);
    expect(arrayCases.filter((c) => c.shape.length === 1 && c.str.includes("\n")).length).toBeGreaterThanOrEqual(50);
    expect(arrayCases.filter((c) => c.dtype === "float64" && /e[+-]/.test(c.str)).length).toBeGreaterThanOrEqual(200);
  });

  test("printing all of them (str + repr) is fast", () => {
    const arrays = arrayCases.map(build);
    // CPU time rather than wall time: the test machine is shared
    const start = process.cpuUsage();
    for (const a of arrays) {
      array_str(a);
      array_repr(a);
    }
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    // about 60 ms warm, 300 ms cold on the 2-core VM; the bound only catches pathological slowdowns
    expect(ms).toBeLessThan(2000);
  });
});

describe("print options", () => {
  test("set_printoptions, per-call options and array2string keywords", () => {
    const mismatches: Mismatch[] = [];
    const check = (index: number, what: string, expected: string, actual: string): void => {
      if (actual !== expected) mismatches.push({ index, what, expected, actual });
    };
    optionCases.forEach((c, index) => {
      const a = build(c);
      const what = `${c.dtype} shape [${c.shape}] ${JSON.stringify(c.printoptions)}`;
      // per-call options, global options untouched
      check(index, what + " array_str(a, opts)", c.str, array_str(a, c.printoptions));
      check(index, what + " array_repr(a, opts)", c.repr, array_repr(a, c.printoptions));
      set_printoptions(c.printoptions);
      try {
        check(index, what + " str()", c.str, str(a));
        check(index, what + " repr()", c.repr, repr(a));
        check(index, `${what} array2string ${JSON.stringify(c.array2string)}`, c.a2s, array2string(a, c.array2string));
      } finally {
        set_printoptions(DEFAULTS);
      }
    });
    expectNoMismatch(mismatches, 5 * optionCases.length);
  });

  test("defaults and validation", () => {
    expect(get_printoptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false,
      nanstr: "nan", infstr: "inf", sign: "-", floatmode: "maxprec",
    });
    set_printoptions({ precision: 3 });
    expect(get_printoptions().precision).toBe(3);
    expect(get_printoptions().threshold).toBe(1000);
    expect(() => set_printoptions({ floatmode: "exact" as never })).toThrow(
      'floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"',
    );
    expect(() => set_printoptions({ sign: "x" as never })).toThrow("sign option must be one of ' ', '+', or '-'");
    expect(() => set_printoptions({ precision: 1.5 })).toThrow("precision must be an integer");
    expect(() => set_printoptions({ threshold: NaN })).toThrow("threshold must be non-NAN");
    const errors = load<{ options: Record<string, unknown>; error: NumpyError }>("option_errors.json");
    expect(errors.length).toBe(4);
    for (const c of errors) {
      const opts = Object.fromEntries(Object.entries(c.options).map(([k, v]) => [k, v === "nan" ? NaN : v]));
      expectNumpyError(() => set_printoptions(opts), c.error, JSON.stringify(c.options));
    }
    expect(get_printoptions().precision).toBe(3); // a refused call changes nothing
  });
});

describe("scalars and other values", () => {
  test("str/repr of floats equal Python's str(np.float64(x))", () => {
    expect(scalarCases.length).toBeGreaterThanOrEqual(500);
    const mismatches: Mismatch[] = [];
    scalarCases.forEach((c, index) => {
      const x = fromHex(c.x);
      for (const [what, out] of [["str", str(x)], ["repr", repr(x)]]) {
        if (out !== c.str) mismatches.push({ index, what: `${what}(0x${c.x})`, expected: c.str, actual: out });
      }
    });
    expectNoMismatch(mismatches, 2 * scalarCases.length);
  });

  test("the examples from the issue", () => {
    expect([1, 0.1, 1e-5, 1e16, 123456789, NaN, Infinity, -Infinity, -0, 0.1 + 0.2].map(str)).toEqual([
      "1.0", "0.1", "1e-05", "1e+16", "123456789.0", "nan", "inf", "-inf", "-0.0", "0.30000000000000004",
    ]);
    expect([str(true), str(false), repr(true)]).toEqual(["True", "False", "True"]);
  });

  test("Python's repr of lists, dicts, strings and None", () => {
    expect(repr([1, 2.5, true, null, "it's"])).toBe(`[1.0, 2.5, True, None, "it's"]`);
    expect(str({ cost: 0.5, W1: "x\n" })).toBe("{'cost': 0.5, 'W1': 'x\\n'}");
    expect(str("plain")).toBe("plain");
    const a = new NDArray(Float64Array.from([1, 2]), [2]);
    expect(str([a])).toBe("[array([1., 2.])]");
  });
});

describe("hand-written cases", () => {
  const f64 = (values: number[], shape: number[], dtype: DType = "float64"): NDArray =>
    new NDArray(Float64Array.from(values), shape, dtype);

  test("np.random.seed(1); np.random.randn(2, 3)", () => {
    // the exact doubles numpy draws (repr(float) of each)
    const a = f64(
      [1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705, 0.8654076293246785, -2.3015386968802827],
      [2, 3],
    );
    expect(array_str(a)).toBe("[[ 1.62434536 -0.61175641 -0.52817175]\n [-1.07296862  0.86540763 -2.3015387 ]]");
    expect(String(a)).toBe(array_str(a));
    expect(array_repr(a)).toBe(
      "array([[ 1.62434536, -0.61175641, -0.52817175],\n       [-1.07296862,  0.86540763, -2.3015387 ]])",
    );
  });

  test("bools, ties to even, -0., nan/inf padding, ints", () => {
    expect(array_str(f64([1, 0, 1], [1, 3], "bool"))).toBe("[[ True False  True]]");
    expect(array_str(f64([1, 1], [2], "bool"))).toBe("[ True  True]");
    expect(array_str(f64([0.001953125, 1], [2]))).toBe("[0.00195312 1.        ]");
    expect(array_str(f64([0, -0, 1], [3]))).toBe("[ 0. -0.  1.]");
    expect(array_str(f64([NaN, 1.5, -Infinity], [3]))).toBe("[ nan  1.5 -inf]");
    expect(array_str(f64([1, -20, 300], [3], "int64"))).toBe("[  1 -20 300]");
    expect(array_str(f64([1e-5, 1], [2]))).toBe("[1.e-05 1.e+00]");
  });

  test("0-d and empty arrays", () => {
    expect([array_str(f64([1.5], [])), array_repr(f64([1.5], []))]).toEqual(["1.5", "array(1.5)"]);
    expect([array_str(f64([1 / 3], [])), array_repr(f64([1 / 3], []))]).toEqual(["0.3333333333333333", "array(0.33333333)"]);
    expect([array_str(f64([1], [], "bool")), array_repr(f64([0], [], "bool"))]).toEqual(["True", "array(False)"]);
    expect(array_repr(f64([7], [], "int64"))).toBe("array(7)");
    expect([array_str(f64([], [0])), array_repr(f64([], [0]))]).toEqual(["[]", "array([], dtype=float64)"]);
    expect(array_repr(f64([], [0, 3]))).toBe("array([], shape=(0, 3), dtype=float64)");
    expect(array_repr(f64([], [2, 0], "int64"))).toBe("array([], shape=(2, 0), dtype=int64)");
    expect([array_str(f64([200], [], "uint8")), array_repr(f64([200], [], "uint8"))]).toEqual(["200", "array(200, dtype=uint8)"]);
    expect(array_repr(f64([1, 2], [2], "uint8"))).toBe("array([1, 2], dtype=uint8)");
  });
});
