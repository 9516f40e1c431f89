import { describe, expect, test } from "vitest";
import { nansum, nanmean, nanmax, nanmin } from "../../src/np/nanfunctions";
import { sum } from "../../src/np/reduce";
import { NDArray } from "../../src/np/ndarray";
import { expectNumpyError } from "../helpers/errors";
import { dec, expectSame, expectSameScalar, load, type NumpyError, type Rec } from "../fixtures/np_extra/fixture";

type Axis = number | number[] | null;
interface Case {
  fn: "nansum" | "nanmean" | "nanmax" | "nanmin" | "count_nonzero"; // count_nonzero: tests/np/counting.test.ts
  input: string;
  axis: Axis;
  keepdims: boolean;
  expected?: { scalar?: Rec; array?: Rec; int?: number };
  error?: NumpyError;
}
interface Fixture {
  inputs: Record<string, Rec>;
  cases: Case[];
  errors: { fn: Case["fn"]; input: string; axis: Axis; error: NumpyError }[];
}

const fx = load<Fixture>("nan.json");

// nanmax/nanmin of a slice holding both 0 and -0 may differ from numpy in the zero's sign only:
// numpy's fmax/fmin loops keep one operand or the other on a tie depending on the loop (scalar,
// strided or SIMD), as np.max/np.min do (see reduce.ts). Their results are compared with -0 read as 0.
const SIGN_BLIND = new Set(["nanmax", "nanmin"]);
function unsignZero(fn: string, r: number | NDArray): number | NDArray {
  if (!SIGN_BLIND.has(fn)) return r;
  if (typeof r === "number") return r + 0;
  return new NDArray(r.data.map((v) => v + 0), r.shape, r.dtype);
}
function unsignRec(fn: string, rec: Rec): Rec {
  if (!SIGN_BLIND.has(fn)) return rec;
  const bytes = Buffer.from(rec.hex, "hex");
  for (let i = 0; i < bytes.length; i += 8) bytes.writeDoubleLE(bytes.readDoubleLE(i) + 0, i);
  return { ...rec, hex: bytes.toString("hex") };
}

type Fn = (a: NDArray, axis?: Axis | { axis?: Axis; keepdims?: boolean }, keepdims?: boolean) => number | NDArray;
const FNS: Record<string, Fn> = {
  nansum: nansum as Fn, nanmean: nanmean as Fn, nanmax: nanmax as Fn, nanmin: nanmin as Fn,
};

describe("nansum, nanmean, nanmax and nanmin match numpy 1.24 bit for bit", () => {
  const groups = new Map<string, Case[]>();
  for (const c of fx.cases) if (c.fn !== "count_nonzero") groups.set(c.fn, [...(groups.get(c.fn) ?? []), c]);
  for (const [fn, cases] of groups) {
    test(`${fn}: ${cases.length} inputs x axes x keepdims, positional and as options`, () => {
      for (const c of cases) {
        const a = dec(fx.inputs[c.input]);
        const label = `${fn}(${c.input}, axis=${JSON.stringify(c.axis)}, keepdims=${c.keepdims})`;
        const calls = [() => FNS[c.fn](a, c.axis, c.keepdims), () => FNS[c.fn](a, { axis: c.axis, keepdims: c.keepdims })];
        for (const call of calls) {
          if (c.error) expectNumpyError(call, c.error, label);
          else if (c.expected!.int !== undefined) expect(call(), label).toBe(c.expected!.int);
          else if (c.expected!.scalar) expectSameScalar(unsignZero(c.fn, call()), unsignRec(c.fn, c.expected!.scalar), label);
          else expectSame(unsignZero(c.fn, call()), unsignRec(c.fn, c.expected!.array!), c.expected!.array!.shape, label);
        }
      }
    });
  }

  test("axis errors", () => {
    for (const e of fx.errors.filter((x) => x.fn !== "count_nonzero")) {
      expectNumpyError(() => FNS[e.fn](dec(fx.inputs[e.input]), e.axis), e.error, `${e.fn}(${e.input}, axis=${JSON.stringify(e.axis)})`);
    }
  });

  test("nansum is np.sum of the array with NaN replaced by 0, in the same pairwise order", () => {
    for (const name of ["wide", "long1", "tall", "f3"]) {
      const a = dec(fx.inputs[name]);
      const zeroed = new NDArray(a.data.map((v) => (v !== v ? 0 : v)), a.shape);
      expect(Object.is(nansum(a), sum(zeroed)), name).toBe(true);
    }
  });
});
