// The issue's acceptance figures: the zero/ones initialisation traces of nn_model, the perceptron
// on Iris, and the labs' test-case builders with their expected outputs.
import { describe, expect, it } from "vitest";
import * as shallow from "../../src/labs/shallow";
import * as deep from "../../src/labs/deep";
import * as logistic from "../../src/labs/logistic";
import * as testcases from "../../src/labs/testcases";
import { Perceptron } from "../../src/labs/classic";
import { percentF } from "../../src/labs/printf";
import { load_iris_perceptron } from "../../src/datasets/iris";
import { NDArray } from "../../src/np/ndarray";
import { TOLERANCE, captureOutput, decode, diff, loadJSON } from "../fixtures/labs/replay";

/** nn_model on nn_model_test_case() for two iterations, printing numpy-style after each update. */
function trace(initializer: "zeros" | "ones", iterations = 2): string {
  const [X, Y] = testcases.shallow.nn_model_test_case();
  const [, printed] = captureOutput(() =>
    shallow.nn_model(X, Y, 4, iterations, false, {
      initializer,
      learning_rate: 1.2,
      on_update: (i, parameters, cost) => {
        console.log(`Cost after iteration ${i}: ${percentF(cost)}`);
        for (const k of ["W1", "b1", "W2", "b2"]) console.log(`${k} = ${String(parameters[k])}`);
      },
    }),
  );
  return printed;
}

const rows = (row: string, n: number): string => `[${Array(n).fill(row).join("\n ")}]`;

describe("acceptance 1: symmetric initialisations never break symmetry", () => {
  const numpy = (loadJSON("shallow_traces") as { zeros: string; ones: string }[])[0];

  it("zeros: the printed trace", () => {
    const expected = [
      "Cost after iteration 0: 0.693147",
      `W1 = ${rows("[0. 0.]", 4)}`, `b1 = ${rows("[0.]", 4)}`, "W2 = [[0. 0. 0. 0.]]", "b2 = [[0.2]]",
      "Cost after iteration 1: 0.664806",
      `W1 = ${rows("[0. 0.]", 4)}`, `b1 = ${rows("[0.]", 4)}`, "W2 = [[0. 0. 0. 0.]]", "b2 = [[0.3401992]]",
    ].join("\n") + "\n";
    const printed = trace("zeros");
    expect(printed).toBe(expected);
    expect(printed).toBe(numpy.zeros);
  });

  it("ones: the printed trace", () => {
    const expected = [
      "Cost after iteration 0: 1.808501",
      `W1 = ${rows("[1.22234102 0.71237626]", 4)}`, `b1 = ${rows("[-0.23297283]", 4)}`,
      "W2 = [[0.56141072 0.56141072 0.56141072 0.56141072]]", "b2 = [[0.14812489]]",
      "Cost after iteration 1: 0.919667",
      `W1 = ${rows("[1.28266063 0.62747155]", 4)}`, `b1 = ${rows("[-0.28306887]", 4)}`,
      "W2 = [[0.30042713 0.30042713 0.30042713 0.30042713]]", "b2 = [[0.41922517]]",
    ].join("\n") + "\n";
    const printed = trace("ones");
    expect(printed).toBe(expected);
    expect(printed).toBe(numpy.ones);
  });

  it("ones: the hidden units are still identical after 1000 iterations", () => {
    const [X, Y] = testcases.shallow.nn_model_test_case();
    const p = shallow.nn_model(X, Y, 4, 1000, false, { initializer: "ones" });
    const W1 = p.W1.tolist() as number[][];
    for (const row of W1) expect(row).toEqual(W1[0]);
    expect(new Set(p.b1.data).size).toBe(1);
    expect(new Set(p.W2.data).size).toBe(1);
    expect(W1[0][0]).not.toBe(1);
  });

  it("a custom initializer gets (n_x, n_h, n_y)", () => {
    const [X, Y] = testcases.shallow.nn_model_test_case();
    const seen: number[][] = [];
    const zeros = (n_x: number, n_h: number, n_y: number) => {
      seen.push([n_x, n_h, n_y]);
      return { W1: new NDArray(new Float64Array(n_h * n_x), [n_h, n_x]), b1: new NDArray(new Float64Array(n_h), [n_h, 1]),
        W2: new NDArray(new Float64Array(n_y * n_h), [n_y, n_h]), b2: new NDArray(new Float64Array(n_y), [n_y, 1]) };
    };
    const p = shallow.nn_model(X, Y, 3, 2, false, { initializer: zeros });
    expect(seen).toEqual([[2, 3, 1]]);
    expect(String(p.b2)).toBe("[[0.3401992]]");
  });
});

describe("acceptance 2: the perceptron on Iris", () => {
  it("Perceptron(eta 0.1, 10 epochs): no misclassification from the 6th epoch, weights [-0.4 -0.68 1.82]", () => {
    const [X, y] = load_iris_perceptron();
    const ppn = new Perceptron(0.1, 10).train(X, y);
    expect(ppn.errors_.length).toBe(10);
    expect(ppn.errors_[4]).toBeGreaterThan(0);
    expect(ppn.errors_.slice(5)).toEqual([0, 0, 0, 0, 0]);
    expect(String(ppn.w_)).toBe("[-0.4  -0.68  1.82]");
    expect(Array.from(ppn.predict(X).data)).toEqual(Array.from(y.data));
  });
});

interface TestcaseRecord {
  group: "shallow" | "deep" | "logistic" | "expected";
  builder?: string;
  fn?: string;
  out: unknown;
  result?: unknown;
}

describe("the labs' test-case builders", () => {
  const records = loadJSON("testcases") as TestcaseRecord[];
  const labs = { shallow, deep, logistic } as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;

  for (const r of records.filter((x) => x.group !== "expected")) {
    it(`${r.group}.${r.builder}${r.fn ? ` -> ${r.fn}` : ""}`, () => {
      const builders = testcases[r.group as "shallow" | "deep" | "logistic"] as Record<string, () => unknown>;
      const inputs = builders[r.builder as string]();
      expect(diff(inputs, decode(r.out), 0)).toEqual([]);
      if (r.fn) {
        const [result] = captureOutput(() => labs[r.group][r.fn as string](...(inputs as unknown[])));
        expect(diff(result, decode(r.result), TOLERANCE.step)).toEqual([]);
      }
    });
  }

  it("the labs' expected outputs for the remaining builders", () => {
    const expected = decode(records.find((x) => x.group === "expected")?.out) as Record<string, unknown>;
    const [A_prev, W, b] = testcases.deep.linear_activation_forward_test_case();
    const [dA, cache] = testcases.deep.linear_activation_backward_test_case();
    const [Y, AL] = testcases.deep.compute_cost_test_case();
    const [params, grads] = testcases.deep.update_parameters_test_case();
    const [X, Y_assess] = testcases.shallow.nn_model_test_case();
    const actual = {
      sigmoid_forward: deep.linear_activation_forward(A_prev, W, b, "sigmoid")[0],
      relu_forward: deep.linear_activation_forward(A_prev, W, b, "relu")[0],
      sigmoid_backward: deep.linear_activation_backward(dA, cache, "sigmoid"),
      relu_backward: deep.linear_activation_backward(dA, cache, "relu"),
      deep_compute_cost: deep.compute_cost(AL, Y),
      deep_update_parameters: deep.update_parameters(params, grads, 0.1),
      nn_model: shallow.nn_model(X, Y_assess, 4, 10000),
    };
    expect(diff(actual, expected, TOLERANCE.train)).toEqual([]);
    // as the lab prints them
    expect(String(actual.sigmoid_forward)).toBe("[[0.96890023 0.11013289]]");
    expect(String(actual.nn_model.W1)).toBe("[[-0.65848169  1.21866811]\n [-0.76204273  1.39377573]\n [ 0.5792005  -1.10397703]\n [ 0.76773391 -1.41477129]]");
  });

  it("print_grads prints dW1, db1, dA1", () => {
    const [AL, Y, caches] = testcases.deep.L_model_backward_test_case();
    const [, printed] = captureOutput(() => testcases.deep.print_grads(deep.L_model_backward(AL, Y, caches)));
    expect(printed.split("\n").filter((l) => /^d[WbA]1 = \[\[/.test(l)).length).toBe(3);
  });
});

describe("Python's %f", () => {
  it("rounds exact ties to even, like printf", () => {
    expect([0.693147180559, 0.0078125, -0.0078125, 0.0000005, 2.5, Infinity, NaN].map((x) => percentF(x))).toEqual([
      "0.693147", "0.007812", "-0.007812", "0.000000", "2.500000", "inf", "nan",
    ]);
    expect([0.5, 1.5, 2.5].map((x) => percentF(x, 0))).toEqual(["0", "2", "2"]);
  });
});
