// np.float64 / np.int64 / np.uint8 / np.bool_ against numpy 1.24
// (fixtures: tests/fixtures/gen_dtypes.py -> tests/fixtures/dtypes/scalars.json).
import { describe, expect, test } from "vitest";
import { NDArray, type DType } from "../../src/np/ndarray";
import * as scalars from "../../src/np/scalars";
import { arange, eye, full, ones, zeros } from "../../src/np/creation";
import { array } from "../../src/np/convert";
import { expectNumpyError, type NumpyError } from "../helpers/errors";
import { decodeNum, decodeValue, load, type Num, type Value } from "../fixtures/dtypes/decode";

type Case = { type: "float64" | "int64" | "uint8" | "bool_"; arg?: Value; absent?: true } & (
  | { value: Num }
  | { array: Num[]; dtype: DType }
  | { error: NumpyError }
);

const cases = load<Case[]>("scalars");

describe("scalar types as constructors", () => {
  for (const name of ["float64", "int64", "uint8", "bool_"] as const) {
    const mine = cases.filter((c) => c.type === name);
    test(`np.${name} (${mine.length} cases)`, () => {
      const f = scalars[name] as (x?: unknown) => unknown;
      for (const c of mine) {
        const label = `np.${name}(${c.absent ? "" : JSON.stringify(c.arg)})`;
        const call = () => (c.absent ? f() : f(decodeValue(c.arg!)));
        if ("error" in c) {
          expectNumpyError(call, c.error, label);
        } else if ("array" in c) {
          const r = call() as NDArray;
          expect(r, label).toBeInstanceOf(NDArray);
          expect(r.dtype, label).toBe(c.dtype);
          expect(Array.from(r.data), label).toEqual(c.array.map((x) => +decodeNum(x)));
        } else {
          const want = decodeNum(c.value);
          const got = call();
          expect(typeof got, label).toBe(name === "bool_" ? "boolean" : "number");
          expect(Object.is(got, want), `${label}: ${String(got)} != ${String(want)}`).toBe(true);
        }
      }
    });
  }

  test("typed results: numbers for scalars, arrays for arrays and lists", () => {
    const x: number = scalars.float64(3);
    const n: number = scalars.int64(-2.7);
    const u: number = scalars.uint8(300);
    const b: boolean = scalars.bool_(0);
    expect([x, n, u, b]).toEqual([3, -2, 44, false]);
    const a: NDArray = scalars.uint8([1, 256, -1]);
    expect([a.dtype, Array.from(a.data)]).toEqual(["uint8", [1, 0, 255]]);
    const zeroD = scalars.float64(new NDArray(Float64Array.of(2), [], "int64"));
    expect([zeroD.dtype, zeroD.shape]).toEqual(["float64", []]);
  });
});

describe("scalar types as dtype arguments", () => {
  test("np.zeros(3, np.int64), x.astype(np.float64), ...", () => {
    expect(zeros(3, scalars.int64).dtype).toBe("int64");
    expect(ones(2, scalars.uint8).dtype).toBe("uint8");
    expect(full(2, 7, scalars.bool_).dtype).toBe("bool");
    expect(arange(3, null, null, scalars.float64).dtype).toBe("float64");
    expect(eye(2, null, 0, scalars.uint8).dtype).toBe("uint8");
    expect(array([1.5], scalars.int64).dtype).toBe("int64");
    expect(zeros(2, scalars.int64).astype(scalars.float64).dtype).toBe("float64");
    expect(scalars.float64.dtypeName).toBe("float64");
    expect(scalars.bool_.name).toBe("bool_");
  });
  test("other functions are not dtypes", () => {
    const f = function notADtype(): void {};
    expectNumpyError(() => zeros(2, f as never), { type: "TypeError", message: "Cannot interpret '<function notADtype>' as a data type" });
  });
});
