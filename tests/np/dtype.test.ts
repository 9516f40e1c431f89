// dtype names, promotion, casts and element conversion against numpy 1.24
// (fixtures: tests/fixtures/gen_dtypes.py -> tests/fixtures/dtypes/).
import { describe, expect, test } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import { castData, resultType, toDType } from "../../src/np/dtype";
import { array, asarray } from "../../src/np/convert";
import { full, zeros } from "../../src/np/creation";
import { add } from "../../src/np/ops";
import { decodeNum, decodeValue, load, type Num, type Value } from "../fixtures/dtypes/decode";
import { expectNumpyError, type NumpyError } from "../helpers/errors";

/** An element as a number (bools as 0/1), for comparing with NDArray storage. */
const asStored = (x: Num): number => +decodeNum(x);

describe("dtype names", () => {
  const fx = load<{ accepted: string[]; unstored: string[]; cases: ({ arg: Value } & ({ name: string } | { error: NumpyError }))[] }>("names");
  test(`numpy's spellings of the stored dtypes (${fx.accepted.length}) resolve as in numpy`, () => {
    for (const c of fx.cases) {
      if (!("str" in c.arg) || !fx.accepted.includes(c.arg.str) || !("name" in c)) continue;
      expect(toDType(c.arg.str), c.arg.str).toBe(c.name);
      expect(zeros(1, c.arg.str as never).dtype, c.arg.str).toBe(c.name);
    }
  });
  test("numpy dtypes nnlab does not store are refused by name", () => {
    for (const s of fx.unstored) {
      expectNumpyError(() => toDType(s), {
        type: "TypeError",
        message: `data type '${s}' is not stored by nnlab: its arrays are float64, int64, uint8 or bool`,
      }, s);
    }
  });
  test("anything else raises numpy's TypeError", () => {
    let n = 0;
    for (const c of fx.cases) {
      if (!("error" in c)) continue;
      expectNumpyError(() => zeros(2, decodeValue(c.arg) as never), c.error, JSON.stringify(c.arg));
      n++;
    }
    expect(n).toBeGreaterThan(10);
  });
  test("every dtype argument is validated", () => {
    const bad = { type: "TypeError", message: "Cannot interpret '3' as a data type" };
    const calls: [string, () => unknown][] = [
      ["zeros", () => zeros(2, 3 as never)],
      ["full", () => full(2, 1, 3 as never)],
      ["array", () => array([1], 3 as never)],
      ["asarray", () => asarray([1], 3 as never)],
      ["astype", () => zeros(2).astype(3 as never)],
    ];
    for (const [name, call] of calls) expectNumpyError(call, bad, name);
    expectNumpyError(() => zeros(2, "flaot64" as never), { type: "TypeError", message: "data type 'flaot64' not understood" });
    expectNumpyError(() => zeros(2, zeros(2) as never), {
      type: "TypeError",
      message: "Cannot interpret 'array([0., 0.])' as a data type",
    });
    expect(zeros(2, null).dtype).toBe("float64"); // numpy's dtype=None
  });
});

interface PromotionCase {
  a: DType | { zerod: Num; dtype: DType };
  b: { array: DType } | { scalar: Num } | { zerod: Num; dtype: DType };
  numpy: string;
  nnlab: DType;
}

function operand(o: PromotionCase["a"] | PromotionCase["b"]): { nd: NDArray; js?: number | boolean } {
  if (typeof o === "string") return { nd: zeros(2, o) };
  if ("array" in o) return { nd: zeros(2, o.array) };
  if ("scalar" in o) {
    const js = decodeNum(o.scalar);
    return { nd: asarray(js), js };
  }
  return { nd: new NDArray(Float64Array.of(+decodeNum(o.zerod)), [], o.dtype) };
}

describe("promotion (numpy's result_type, value-based casting)", () => {
  const cases = load<PromotionCase[]>("promotion");
  test(`${cases.length} operand pairs`, () => {
    const bad: string[] = [];
    for (const c of cases) {
      const A = operand(c.a);
      const B = operand(c.b);
      const got = resultType([A.nd, B.nd]);
      if (got !== c.nnlab) bad.push(`${JSON.stringify(c.a)} with ${JSON.stringify(c.b)}: ${got}, numpy ${c.numpy}`);
      // the same dtype through a ufunc, with the JS scalar itself as the operand
      const r = add(A.nd, B.js ?? B.nd);
      if (r.dtype !== c.nnlab && c.nnlab !== "bool") bad.push(`add ${JSON.stringify(c)}: ${r.dtype}`);
    }
    expect(bad).toEqual([]);
  });
  test("the stored dtype stands for numpy's wider integer types", () => {
    const mapped = cases.filter((c) => c.numpy !== c.nnlab);
    expect(new Set(mapped.map((c) => c.numpy))).toEqual(new Set(["int16", "uint16", "int32", "uint32", "uint64"]));
  });
});

describe("casts (numpy's astype on x86-64)", () => {
  const fx = load<{
    astype: { from: DType; to: DType; values: Num[]; expected: Num[] }[];
    full: ({ fill: Num; dtype: DType } & ({ value: Num[] } | { error: NumpyError }))[];
  }>("casts");
  test(`astype between the stored dtypes (${fx.astype.length} pairs)`, () => {
    for (const c of fx.astype) {
      const src = new NDArray(Float64Array.from(c.values, asStored), [c.values.length], c.from);
      const got = Array.from(src.astype(c.to).data);
      expect(got, `${c.from} -> ${c.to}`).toEqual(c.expected.map(asStored));
      expect(Array.from(castData(src.data, c.from, c.to))).toEqual(got);
    }
  });
  test("np.full casts its fill value as an array", () => {
    for (const c of fx.full) {
      const call = () => full(2, decodeNum(c.fill), c.dtype);
      if ("error" in c) expectNumpyError(call, c.error);
      else expect(Array.from(call().data), JSON.stringify(c)).toEqual(c.value.map(asStored));
    }
  });
});

describe("one value into one element (a[i, j] = v, np.array([v], dtype))", () => {
  const cases = load<({ dtype: DType; arg: Value; kind: "set" | "array" } & ({ value: Num } | { error: NumpyError }))[]>("elements");
  test(`${cases.length} conversions`, () => {
    for (const c of cases) {
      const v = decodeValue(c.arg);
      const label = `${c.kind} ${c.dtype} ${JSON.stringify(c.arg)}`;
      const call = (): number => {
        if (c.kind === "array") return array([v] as never, c.dtype).data[0];
        const a = zeros([2, 2], c.dtype);
        a.set(0, 1, v as number);
        return a.data[1];
      };
      if ("error" in c) expectNumpyError(call, c.error, label);
      else expect(Object.is(call(), asStored(c.value)), `${label}: ${call()} != ${asStored(c.value)}`).toBe(true);
    }
  });
  test("a sequence where one element is needed", () => {
    const A = zeros([2, 2]);
    const seq = { type: "ValueError", message: "setting an array element with a sequence." };
    expectNumpyError(() => A.set(0, 0, [1, 2] as never), seq);
    expectNumpyError(() => A.set(0, 0, zeros(3) as never), seq);
    expect(Array.from(A.data)).toEqual([0, 0, 0, 0]);
  });
});
