// The labs against numpy: every case tests/fixtures/gen_labs.py recorded (each lab function at
// several seeds and shapes) replayed on the TypeScript twin. Single steps agree to 1e-10
// relative, training runs to 1e-6, seeded initialisations bit for bit; printed lines match.
import { describe, expect, it } from "vitest";
import * as logistic from "../../src/labs/logistic";
import * as shallow from "../../src/labs/shallow";
import * as deep from "../../src/labs/deep";
import * as initialization from "../../src/labs/initialization";
import * as classic from "../../src/labs/classic";
import { NDArray } from "../../src/np/ndarray";
import { TOLERANCE, decode, diff, diffText, loadCases, loadJSON, run } from "../fixtures/labs/replay";

const LABS: Record<string, Record<string, unknown>> = { logistic, shallow, deep, initialization };
/** Re-exports of src/nn, covered by tests/nn.test.ts. */
const REEXPORTS = new Set(["sigmoid_backward", "relu_backward"]);

for (const [name, lab] of Object.entries(LABS)) {
  describe(`${name} lab vs numpy`, () => {
    const cases = loadCases(name);

    it("covers every function at 3 or more seeds/shapes", () => {
      const counts = new Map<string, number>();
      for (const c of cases) counts.set(c.fn, (counts.get(c.fn) ?? 0) + 1);
      const thin = Object.entries(lab)
        .filter(([fn, f]) => typeof f === "function" && !REEXPORTS.has(fn) && !(name === "shallow" && fn === "sigmoid"))
        .filter(([fn]) => (counts.get(fn) ?? 0) < 3)
        .map(([fn]) => `${fn}: ${counts.get(fn) ?? 0}`);
      expect(thin).toEqual([]);
    });

    cases.forEach((c, i) => {
      it(`${c.fn} #${i} (${c.kind})`, () => {
        const [out, printed] = run(lab, c);
        const tol = TOLERANCE[c.kind];
        expect(diff(out, c.out, tol)).toEqual([]);
        expect(diffText(printed, c.stdout ?? "", tol)).toEqual([]);
      });
    });
  });
}

interface ClassicCase {
  class: "Perceptron" | "AdalineGD" | "AdalineSGD";
  ctor: (number | boolean | null)[];
  X: unknown;
  y: unknown;
  kind: "step" | "train";
  out: unknown;
}

function build(c: ClassicCase): classic.Perceptron | classic.AdalineGD | classic.AdalineSGD {
  const [eta, epochs, shuffle, random_state] = c.ctor as [number, number, boolean, number | null];
  if (c.class === "Perceptron") return new classic.Perceptron(eta, epochs);
  if (c.class === "AdalineGD") return new classic.AdalineGD(eta, epochs);
  return new classic.AdalineSGD(eta, epochs, shuffle, random_state);
}

describe("classic (Raschka) vs numpy", () => {
  const cases = loadJSON("classic") as ClassicCase[];
  it("has 3 cases per class", () => {
    for (const k of ["Perceptron", "AdalineGD", "AdalineSGD"]) expect(cases.filter((c) => c.class === k).length).toBe(3);
  });
  cases.forEach((c, i) => {
    it(`${c.class}(${c.ctor.join(", ")}) #${i}`, () => {
      const X = decode(c.X) as NDArray;
      const y = decode(c.y) as NDArray;
      const expected = decode(c.out) as Record<string, unknown>;
      const model = build(c).fit(X, y);
      const out: Record<string, unknown> = { w_: model.w_, net_input: model.net_input(X), predict: model.predict(X) };
      if (model instanceof classic.Perceptron) out.errors_ = model.errors_;
      else out.cost_ = model.cost_;
      if (model instanceof classic.AdalineSGD) {
        const p = expected.partial_fit as { X: NDArray; y: NDArray };
        model.partial_fit(p.X, p.y.astype("float64"));
        model.partial_fit(p.X.slice(0), p.y.get(0));
        out.partial_fit = { X: p.X, y: p.y, w_: model.w_ };
      }
      expect(diff(out, expected, TOLERANCE[c.kind])).toEqual([]);
    });
  });
});
