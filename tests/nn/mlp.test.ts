// src/nn/mlp.ts against the same network written in numpy (tests/fixtures/gen_mlp.py), against
// the Deep Neural Network lab's functions it generalises, and against finite differences.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import * as np from "../../src/np";
import { NDArray } from "../../src/np/ndarray";
import * as deep from "../../src/labs/deep";
import { load_xor } from "../../src/datasets";
import {
  gradient_check_n, mlpBackward, mlpCost, mlpForward, mlpPredict, oneHot, trainMLP,
  type HiddenActivation, type OutputActivation, type Parameters,
} from "../../src/nn";

interface Enc {
  shape: number[];
  dtype: string;
  data: number[];
}
interface Step {
  activation: HiddenActivation;
  output: OutputActivation;
  X: Enc;
  Y: Enc;
  parameters: Record<string, Enc>;
  AL: Enc;
  cost: number;
  grads: Record<string, Enc>;
  predict: Enc;
}
interface Run {
  name: string;
  activation: HiddenActivation;
  output: OutputActivation;
  layer_dims: number[];
  learning_rate: number;
  epochs: number;
  batch_size: number | null;
  optimizer: "gd" | "adam";
  seed: number;
  X: Enc;
  Y: Enc;
  costs: number[];
  parameters: Record<string, Enc>;
}

const fx = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "mlp", "mlp.json"), "utf8")) as { steps: Step[]; runs: Run[] };

const dec = (e: Enc): NDArray => new NDArray(Float64Array.from(e.data), e.shape, e.dtype === "int64" ? "int64" : "float64");
const decAll = (d: Record<string, Enc>): Parameters => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, dec(v)]));

/** Same shape, and every entry within tol relative to max(1, |expected|). */
function expectClose(actual: NDArray, expected: Enc, tol: number, what: string): void {
  expect(actual.shape, what).toEqual(expected.shape);
  const bad = expected.data
    .map((e, i) => [i, actual.data[i], e] as const)
    .filter(([, a, e]) => !(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e))));
  expect(bad.slice(0, 3), what).toEqual([]);
}

describe("mlpForward, mlpCost, mlpBackward, mlpPredict against numpy", () => {
  test.each(fx.steps.map((s) => [`${s.activation} hidden, ${s.output} output`, s] as const))("%s", (_name, s) => {
    const opts = { activation: s.activation, output: s.output };
    const X = dec(s.X);
    const Y = dec(s.Y);
    const parameters = decAll(s.parameters);
    const [AL, caches] = mlpForward(X, parameters, opts);
    expectClose(AL, s.AL, 1e-13, "AL");
    expect(caches.length).toBe(3);
    expect(Math.abs(mlpCost(AL, Y, s.output) - s.cost)).toBeLessThanOrEqual(1e-13 * Math.abs(s.cost));
    const grads = mlpBackward(AL, Y, caches, opts);
    expect(Object.keys(grads).sort()).toEqual(Object.keys(s.grads).sort());
    for (const k of Object.keys(s.grads)) expectClose(grads[k], s.grads[k], 1e-12, k);
    const p = mlpPredict(X, parameters, opts);
    expect(p.shape).toEqual(s.predict.shape);
    expect(Array.from(p.data)).toEqual(s.predict.data);
    expect(p.dtype).toBe(s.output === "sigmoid" ? "float64" : "int64");
  });

  test("softmax columns are probabilities", () => {
    const s = fx.steps.find((t) => t.output === "softmax")!;
    const [AL] = mlpForward(dec(s.X), decAll(s.parameters), { activation: s.activation, output: "softmax" });
    const sums = np.sum(AL, 0, true);
    for (const v of sums.data) expect(Math.abs(v - 1)).toBeLessThan(1e-15);
  });
});

describe("the Deep Neural Network lab is the relu/sigmoid case", () => {
  const s = fx.steps.find((t) => t.activation === "relu" && t.output === "sigmoid")!;
  const X = dec(s.X);
  const Y = dec(s.Y);
  const parameters = decAll(s.parameters);

  test("mlpForward is L_model_forward, bit for bit", () => {
    const [AL] = mlpForward(X, parameters);
    const [labAL] = deep.L_model_forward(X, parameters);
    expect(Array.from(AL.data)).toEqual(Array.from(labAL.data));
    expect(mlpCost(AL, Y)).toBeCloseTo(deep.compute_cost(labAL, Y), 14);
  });

  test("mlpBackward's dZL = AL - Y gives L_model_backward's gradients", () => {
    const [AL, caches] = mlpForward(X, parameters);
    const grads = mlpBackward(AL, Y, caches);
    const [labAL, labCaches] = deep.L_model_forward(X, parameters);
    const lab = deep.L_model_backward(labAL, Y, labCaches);
    for (const k of ["dW1", "db1", "dW2", "db2", "dW3", "db3"]) {
      const diff = np.max(np.abs(grads[k].subtract(lab[k])));
      expect(diff, k).toBeLessThan(1e-14);
    }
  });
});

describe("gradients agree with finite differences", () => {
  test.each(fx.steps.filter((s) => s.activation !== "relu" && s.activation !== "leaky_relu").map((s) => [`${s.activation}/${s.output}`, s] as const))(
    "%s",
    (_name, s) => {
      const opts = { activation: s.activation, output: s.output };
      const X = dec(s.X);
      const Y = dec(s.Y);
      const parameters = decAll(s.parameters);
      const [AL, caches] = mlpForward(X, parameters, opts);
      const grads = mlpBackward(AL, Y, caches, opts);
      const difference = gradient_check_n(parameters, grads, (p) => mlpCost(mlpForward(X, p, opts)[0], Y, s.output));
      expect(difference).toBeLessThan(2e-7);
    },
  );
});

describe("trainMLP against numpy", () => {
  test.each(fx.runs.map((r) => [r.name, r] as const))("%s", (_name, r) => {
    const { parameters, costs } = trainMLP(dec(r.X), dec(r.Y), r.layer_dims, {
      activation: r.activation, output: r.output, learning_rate: r.learning_rate, epochs: r.epochs,
      batch_size: r.batch_size, optimizer: r.optimizer, seed: r.seed,
    });
    expect(costs.length).toBe(r.epochs);
    costs.forEach((c, i) => expect(Math.abs(c - r.costs[i]), `cost ${i}`).toBeLessThanOrEqual(1e-11 * Math.abs(r.costs[i])));
    for (const k of Object.keys(r.parameters)) expectClose(parameters[k], r.parameters[k], 1e-10, k);
    expect(costs.at(-1)!).toBeLessThan(costs[0]);
  });

  test("on_epoch sees every epoch; print_every prints the lab-style line", () => {
    const r = fx.runs[0];
    const seen: number[] = [];
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      trainMLP(dec(r.X), dec(r.Y), r.layer_dims, {
        activation: r.activation, learning_rate: r.learning_rate, epochs: 5, optimizer: "gd", seed: r.seed, print_every: 2,
        on_epoch: (e, c) => { seen.push(e); expect(c).toBeCloseTo(r.costs[e], 12); },
      });
      expect(seen).toEqual([0, 1, 2, 3, 4]);
      expect(log.mock.calls.map((c) => String(c[0]).split(":")[0])).toEqual(["Cost after epoch 0", "Cost after epoch 2", "Cost after epoch 4"]);
      expect(log.mock.calls[0][0]).toBe(`Cost after epoch 0: ${np.str(r.costs[0])}`);
    } finally {
      log.mockRestore();
    }
  });

  test("on_batch sees every update, with its mini-batch's cost", () => {
    const r = fx.runs.find((q) => q.batch_size !== null)!;
    const m = r.X.shape[1];
    const perEpoch = Math.ceil(m / r.batch_size!);
    const steps: number[] = [];
    const batchCosts: number[] = [];
    const { costs } = trainMLP(dec(r.X), dec(r.Y), r.layer_dims, {
      activation: r.activation, output: r.output, learning_rate: r.learning_rate, epochs: r.epochs,
      batch_size: r.batch_size, optimizer: r.optimizer, seed: r.seed,
      on_batch: (step, cost) => { steps.push(step); batchCosts.push(cost); },
    });
    expect(steps).toEqual(Array.from({ length: perEpoch * r.epochs }, (_, i) => i));
    // an epoch's cost is its batches' costs weighted by their sizes
    const sizes = Array.from({ length: perEpoch }, (_, b) => Math.min(r.batch_size!, m - b * r.batch_size!));
    const first = batchCosts.slice(0, perEpoch).reduce((acc, c, b) => acc + c * sizes[b], 0) / m;
    expect(first).toBeCloseTo(costs[0], 12);
  });

  test("XOR: no hidden layer stays at 75 % at best, a 2-4-1 tanh network gets all four", () => {
    const [X4, y4] = load_xor();
    const X = X4.T;
    const Y = y4.astype("float64").reshape(1, 4);
    const accuracy = (p: Parameters, activation: HiddenActivation): number => np.mean(mlpPredict(X, p, { activation }).equal(Y));
    const linear = trainMLP(X, Y, [2, 1], { epochs: 2000, learning_rate: 0.1 });
    expect(accuracy(linear.parameters, "relu")).toBeLessThanOrEqual(0.75);
    expect(linear.costs.at(-1)!).toBeGreaterThan(0.69); // stuck near log 2: the best a line can do
    const hidden = trainMLP(X, Y, [2, 4, 1], { activation: "tanh", epochs: 2000, learning_rate: 0.1 });
    expect(accuracy(hidden.parameters, "tanh")).toBe(1);
    expect(hidden.costs.at(-1)!).toBeLessThan(0.05);
  });

  test("shape errors name the expected shapes", () => {
    const X = np.zeros([2, 5]);
    expect(() => trainMLP(X, np.zeros([1, 5]), [3, 1])).toThrow("X has 2 rows but layer_dims[0] is 3");
    expect(() => trainMLP(X, np.zeros([5]), [2, 1])).toThrow("Y has shape (5); expected (1, 5)");
    expect(() => mlpCost(np.zeros([3, 5]), np.zeros([1, 5]), "softmax")).toThrow("one-hot encode");
    expect(() => mlpForward(X, {}, {})).toThrow("no W1");
    expect(() => mlpForward(X, { W1: np.zeros([1, 2]), b1: np.zeros([1, 1]) }, { activation: "swish" as HiddenActivation })).toThrow('unknown activation "swish"');
  });
});

describe("oneHot", () => {
  test("columns are examples, rows classes", () => {
    const Y = oneHot(np.array([2, 0, 1, 2], "int64"), 3);
    expect(Y.shape).toEqual([3, 4]);
    expect(Y.tolist()).toEqual([[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1]]);
    expect(oneHot([1, 0]).shape).toEqual([2, 2]);
    expect(oneHot([0, 3]).shape).toEqual([4, 2]);
  });

  test("labels outside the classes are refused", () => {
    expect(() => oneHot([0, 3], 3)).toThrow("label 3 at 1 is not a class index in 0..2");
    expect(() => oneHot([0.5], 2)).toThrow("label 0.5");
  });
});
