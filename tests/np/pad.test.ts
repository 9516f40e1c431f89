import { describe, expect, test } from "vitest";
import { pad, type PadMode, type PadOptions } from "../../src/np/pad";
import { array } from "../../src/np/convert";
import { NDArray } from "../../src/np/ndarray";
import { ValueError } from "../../src/np/errors";
import * as np from "../../src/np";
import { expectNumpyError } from "../helpers/errors";
import { dec, decodeSpec, expectSame, load, type NumpyError, type Rec, type Spec } from "../fixtures/np_extra/fixture";

interface Case {
  input: string | Rec;
  pad_width: Spec;
  mode: string;
  kwargs: { constant_values?: Spec; reflect_type?: "even" | "odd" };
  expected?: Rec;
  error?: NumpyError;
}
interface Fixture {
  inputs: Record<string, Rec>;
  cases: Case[];
  lab: { input: string; expected: Rec; prints: { "x_pad[1,1]": string; "x[1,1]": string; shape: number[] } };
  specials: Case[];
  numpy_only_modes: string[];
}

const fx = load<Fixture>("pad.json");

function run(c: Case): NDArray {
  const x = typeof c.input === "string" ? dec(fx.inputs[c.input]) : dec(c.input);
  const opts: PadOptions = {};
  if (c.kwargs.constant_values !== undefined) opts.constant_values = decodeSpec(c.kwargs.constant_values);
  if (c.kwargs.reflect_type !== undefined) opts.reflect_type = c.kwargs.reflect_type;
  return pad(x, decodeSpec(c.pad_width), c.mode as PadMode, opts);
}

function label(c: Case): string {
  const name = typeof c.input === "string" ? c.input : `array${JSON.stringify(c.input.shape)}`;
  return `np.pad(${name}, ${JSON.stringify(c.pad_width)}, '${c.mode}', ${JSON.stringify(c.kwargs)})`;
}

function check(c: Case): void {
  if (c.error) expectNumpyError(() => run(c), c.error, label(c));
  else expectSame(run(c), c.expected!, c.expected!.shape, label(c));
}

describe("np.pad matches numpy 1.24", () => {
  const byInput = new Map<string, Case[]>();
  for (const c of fx.cases) byInput.set(c.input as string, [...(byInput.get(c.input as string) ?? []), c]);
  for (const [input, cases] of byInput) {
    const r = fx.inputs[input];
    test(`${input}: ${r.dtype}${JSON.stringify(r.shape)}, ${cases.length} widths x modes`, () => {
      cases.forEach(check);
    });
  }

  test(`errors and corner cases (${fx.specials.length})`, () => {
    fx.specials.forEach(check);
  });

  test("the CNN lab's zero_pad: np.pad(x, ((0,0),(2,2),(2,2),(0,0)), mode='constant', constant_values=(0,0))", () => {
    const x = dec(fx.inputs[fx.lab.input]);
    const x_pad = np.pad(x, [[0, 0], [2, 2], [2, 2], [0, 0]], "constant", { constant_values: [0, 0] });
    expectSame(x_pad, fx.lab.expected);
    expect(x_pad.shape).toEqual(fx.lab.prints.shape);
    expect(x_pad.slice(1, 1).repr()).toBe(fx.lab.prints["x_pad[1,1]"]);
    expect(x.slice(1, 1).repr()).toBe(fx.lab.prints["x[1,1]"]);
  });
});

describe("np.pad's calling conventions", () => {
  test("mode defaults to constant, and the options may take the mode's place", () => {
    const a = array([1, 2, 3]);
    expect(String(pad(a, 1))).toBe("[0. 1. 2. 3. 0.]");
    expect(String(pad(a, [1, 2], { constant_values: 9 }))).toBe("[9. 1. 2. 3. 9. 9.]");
    expect(String(pad(a, 1, "constant", { constant_values: [7, 8] }))).toBe("[7. 1. 2. 3. 8.]");
  });

  test("an int64 pad_width array is accepted; a float64 one is not, even with integral values (numpy's dtype check)", () => {
    const a = array([1, 2]);
    expect(String(pad(a, array([1, 0], "int64")))).toBe("[0. 1. 2.]");
    expectNumpyError(() => pad(a, array([1, 0])), { type: "TypeError", message: "`pad_width` must be of integral type." });
    expectNumpyError(() => pad(a, [true, false] as never), { type: "TypeError", message: "`pad_width` must be of integral type." });
  });

  test("the result is a new array, and the input is left as it was", () => {
    const a = array([[1, 2], [3, 4]]);
    const p = pad(a, 0);
    p.set(0, 0, 100);
    expect(a.get(0, 0)).toBe(1);
  });

  test("numpy's statistic and ramp modes are refused with an error naming the supported modes", () => {
    for (const mode of fx.numpy_only_modes) {
      let err: unknown;
      try {
        pad(array([1, 2]), 1, mode as PadMode);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValueError);
      expect((err as Error).message).toBe(
        `mode '${mode}' is not implemented in nnlab's np.pad; the supported modes are ` +
          "'constant', 'edge', 'reflect', 'symmetric', 'wrap', 'empty'",
      );
    }
  });

  test("'empty' mode keeps the shape and dtype (its pad values are unspecified in numpy, zeros here)", () => {
    const p = pad(array([1, 2], "int64"), [1, 2], "empty");
    expect([p.shape, p.dtype, p.get(1), p.get(2)]).toEqual([[5], "int64", 1, 2]);
  });

  test("a ragged pad_width fails as np.asarray does", () => {
    expect(() => pad(array([[1, 2], [3, 4]]), [[1, 2], [3]] as never)).toThrow(/^setting an array element with a sequence/);
  });
});
