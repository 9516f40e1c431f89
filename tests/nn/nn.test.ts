// The building blocks against numpy (fixtures from tests/fixtures/gen_labs.py), and gradient
// checking against the labs' backward passes on random networks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as nn from "../../src/nn";
import * as shallow from "../../src/labs/shallow";
import * as deep from "../../src/labs/deep";
import * as np from "../../src/np";
import { TOLERANCE, captureOutput, diff, diffText, loadCases, run } from "../fixtures/labs/replay";

describe("nn building blocks vs numpy", () => {
  const cases = loadCases("nn");

  it("covers every function at 3 or more seeds/shapes", () => {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.fn, (counts.get(c.fn) ?? 0) + 1);
    const untested = new Set(["gradient_check_n", "numLayers", "parameterKeys"]); // checked below
    // mlp.ts has its own numpy replay (tests/nn/mlp.test.ts, gen_mlp.py); check it covers all of them
    const mlp = ["mlpForward", "mlpCost", "mlpBackward", "mlpPredict", "trainMLP", "oneHot"];
    const mlpTest = readFileSync(join(__dirname, "mlp.test.ts"), "utf8");
    expect(mlp.filter((fn) => !mlpTest.includes(`${fn}(`))).toEqual([]);
    for (const fn of mlp) untested.add(fn);
    const thin = Object.entries(nn)
      .filter(([fn, f]) => typeof f === "function" && !untested.has(fn) && (counts.get(fn) ?? 0) < 3)
      .map(([fn]) => `${fn}: ${counts.get(fn) ?? 0}`);
    expect(thin).toEqual([]);
  });

  cases.forEach((c, i) => {
    it(`${c.fn} #${i} (${c.kind})`, () => {
      const [out, printed] = run(nn as unknown as Record<string, unknown>, c);
      expect(diff(out, c.out, TOLERANCE[c.kind])).toEqual([]);
      expect(printed).toBe("");
    });
  });

  it("names the parameters in the labs' order", () => {
    const p = nn.initialize_zeros([3, 2, 2, 1]);
    expect(Object.keys(p)).toEqual(["W1", "b1", "W2", "b2", "W3", "b3"]);
    expect(nn.numLayers(p)).toBe(3);
    expect(nn.parameterKeys({ dW2: p.W2, db1: p.b1, dW1: p.W1, db2: p.b2, dA1: p.W1 }, "d")).toEqual(["dW1", "db1", "dW2", "db2"]);
  });

  it("leaves its inputs alone", () => {
    np.random.seed(0);
    const params = nn.initialize_he([3, 4, 1]);
    const before = JSON.stringify(Object.values(params).map((a) => Array.from(a.data)));
    const grads = Object.fromEntries(Object.entries(params).map(([k, v]) => ["d" + k, v.add(1)]));
    const [v, s] = nn.initialize_adam(params);
    nn.update_parameters_with_adam(params, grads, v, s, 1);
    nn.update_parameters_with_momentum(params, grads, v, 0.9, 0.1);
    expect(JSON.stringify(Object.values(params).map((a) => Array.from(a.data)))).toBe(before);
    expect(Array.from(v.dW1.data).every((x) => x === 0)).toBe(true);
  });
});

describe("gradient checking agrees with backpropagation", () => {
  const bce = (AL: np.NDArray, Y: np.NDArray): number => nn.cross_entropy(AL, Y);

  for (const [seed, n_x, n_h, n_y, m] of [[1, 2, 4, 1, 5], [2, 3, 5, 1, 8], [3, 4, 3, 2, 6]]) {
    it(`shallow backward_propagation, seed ${seed}, ${n_x}-${n_h}-${n_y}, ${m} examples`, () => {
      np.random.seed(seed);
      const X = np.random.randn(n_x, m);
      const Y = np.random.randn(n_y, m).greater(0);
      const parameters = nn.initialize_xavier([n_x, n_h, n_y]);
      parameters.b1 = np.random.randn(n_h, 1);
      const [, cache] = shallow.forward_propagation(X, parameters);
      const grads = shallow.backward_propagation(parameters, cache, X, Y);
      const J = (p: nn.Parameters): number => bce(shallow.forward_propagation(X, p)[0], Y);
      const difference = nn.gradient_check_n(parameters, grads, J);
      expect(difference).toBeLessThan(1e-7);
    });
  }

  for (const [seed, dims, m] of [[4, [3, 5, 1], 6], [5, [4, 6, 3, 1], 7], [6, [5, 4, 4, 3, 1], 9]] as const) {
    it(`deep L_model_backward, seed ${seed}, layers ${dims.join("-")}, ${m} examples`, () => {
      np.random.seed(seed);
      const X = np.random.randn(dims[0], m);
      const Y = np.random.randn(1, m).greater(0).astype("float64");
      const parameters = nn.initialize_he(dims);
      for (let l = 1; l < dims.length; l++) parameters["b" + l] = np.random.randn(dims[l], 1).multiply(0.1);
      const [AL, caches] = deep.L_model_forward(X, parameters);
      const grads = deep.L_model_backward(AL, Y, caches);
      const J = (p: nn.Parameters): number => deep.compute_cost(deep.L_model_forward(X, p)[0], Y);
      expect(nn.gradient_check_n(parameters, grads, J)).toBeLessThan(1e-7);
    });
  }

  it("catches a wrong backward pass and prints the lab's verdicts", () => {
    np.random.seed(7);
    const X = np.random.randn(3, 4);
    const Y = np.random.randn(1, 4).greater(0);
    const parameters = nn.initialize_xavier([3, 4, 1]);
    const [, cache] = shallow.forward_propagation(X, parameters);
    const grads = shallow.backward_propagation(parameters, cache, X, Y);
    const J = (p: nn.Parameters): number => bce(shallow.forward_propagation(X, p)[0], Y);
    const [good, okText] = captureOutput(() => nn.gradient_check_n(parameters, grads, J, 1e-7, true));
    expect(okText).toMatch(/^\x1b\[92mYour backward propagation works perfectly fine! difference = \d\.\d+e-\d+\x1b\[0m\n$/);
    expect(good).toBeLessThan(1e-7);
    const wrong = { ...grads, dW1: grads.dW1.multiply(2) };
    const [bad, badText] = captureOutput(() => nn.gradient_check_n(parameters, wrong, J, 1e-7, true));
    expect(bad).toBeGreaterThan(1e-2);
    expect(badText).toContain("There is a mistake in the backward propagation! difference = ");
  });
});
