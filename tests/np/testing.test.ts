import { describe, expect, test } from "vitest";
import * as testing from "../../src/np/testing";
import { AssertionError } from "../../src/np/testing";
import { array } from "../../src/np/convert";
import * as np from "../../src/np";
import { dec, decodeSpec, load, type NumpyError, type Rec, type Spec } from "../fixtures/np_extra/fixture";

type Fn = "assert_allclose" | "assert_array_equal" | "assert_array_almost_equal" | "assert_almost_equal";
interface Case {
  fn: Fn;
  args?: string[];
  scalars?: Spec[];
  kwargs: Record<string, unknown>;
  error?: NumpyError;
}
interface Fixture {
  arrays: Record<string, Rec>;
  cases: Case[];
}

const fx = load<Fixture>("testing.json");

function call(c: Case): void {
  const [x, y] = c.args ? c.args.map((n) => dec(fx.arrays[n])) : (c.scalars!.map(decodeSpec) as number[]);
  // numpy's keyword arguments are the options object in nnlab
  (testing[c.fn] as (x: unknown, y: unknown, o: unknown) => void)(x, y, c.kwargs);
}

function outcome(f: () => void): NumpyError | "ok" {
  try {
    f();
    return "ok";
  } catch (e) {
    return { type: (e as Error).name, message: (e as Error).message };
  }
}

describe("np.testing's assertions fail exactly as numpy 1.24's do (str(exception) compared line for line)", () => {
  const byFn = new Map<Fn, Case[]>();
  for (const c of fx.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
  for (const [fn, cases] of byFn) {
    for (const c of cases) {
      const args = c.args ? c.args.join(", ") : JSON.stringify(c.scalars);
      test(`${fn}(${args}, ${JSON.stringify(c.kwargs)}) ${c.error ? "raises" : "passes"}`, () => {
        expect(outcome(() => call(c))).toEqual(c.error ?? "ok");
      });
    }
  }
});

describe("np.testing's calling conventions", () => {
  const a = array([1, 2, 3]);
  const b = array([1, 2, 3.5]);

  test("AssertionError is an Error named AssertionError, exported as np.testing.AssertionError", () => {
    let err: unknown;
    try {
      np.testing.assert_allclose(a, b);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(np.testing.AssertionError);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe("AssertionError");
    expect(String((err as Error).stack).startsWith("AssertionError: \nNot equal to tolerance rtol=1e-07, atol=0")).toBe(true);
  });

  test("positional arguments follow numpy's order, and agree with the options object", () => {
    const msg = (f: () => void) => (outcome(f) as NumpyError).message;
    expect(msg(() => testing.assert_allclose(a, b, 1e-3, 0.1, true, "note", false)))
      .toBe(msg(() => testing.assert_allclose(a, b, { rtol: 1e-3, atol: 0.1, err_msg: "note", verbose: false })));
    expect(msg(() => testing.assert_array_almost_equal(a, b, 2, "note")))
      .toBe(msg(() => testing.assert_array_almost_equal(a, b, { decimal: 2, err_msg: "note" })));
    expect(msg(() => testing.assert_array_equal(a, b, "note", false)))
      .toBe(msg(() => testing.assert_array_equal(a, b, { err_msg: "note", verbose: false })));
    expect(msg(() => testing.assert_almost_equal(1.5, 1.25, 1, "cost")))
      .toBe(msg(() => testing.assert_almost_equal(1.5, 1.25, { decimal: 1, err_msg: "cost" })));
    expect(outcome(() => testing.assert_allclose(a, b, 0.2))).toBe("ok");
  });

  test("nested JS arrays and numbers are array_likes (JS numbers that are integers count as ints)", () => {
    expect(outcome(() => testing.assert_allclose([[1, 2]], np.array([[1, 2]])))).toBe("ok");
    expect((outcome(() => testing.assert_allclose(1, 2)) as NumpyError).message).toBe(
      "\nNot equal to tolerance rtol=1e-07, atol=0\n\nMismatched elements: 1 / 1 (100%)\n" +
        "Max absolute difference: 1\nMax relative difference: 0.5\n x: array(1)\n y: array(2)",
    );
    expect(outcome(() => testing.assert_almost_equal([1, 2], [1, 2.0000001]))).toBe("ok");
  });

  test("the class is the one thrown, not Node's assert.AssertionError", () => {
    expect(() => testing.assert_array_equal([1], [2])).toThrow(AssertionError);
  });
});
