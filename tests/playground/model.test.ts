// The playground's model: reproducible runs, backpropagation checked against finite differences,
// the regularization terms, the data sets and the split.
import { describe, expect, it } from "vitest";
import * as np from "../../src/np";
import { DEFAULT_CONFIG, N_POINTS, type PlaygroundConfig } from "../../src/playground/config";
import { createPlayground, featureRows, loss, losses, makeData, trainStep, update } from "../../src/playground/model";

const cfg = (c: Partial<PlaygroundConfig>): PlaygroundConfig => ({ ...DEFAULT_CONFIG, ...c });

describe("playground model", () => {
  it("gives the same bits for the same seed and different ones for another seed", () => {
    const run = (seed: number) => {
      const pg = createPlayground(cfg({ seed, dataset: "spiral", hidden: [5, 3] }));
      for (let i = 0; i < 5; i++) trainStep(pg);
      return [losses(pg).test, ...pg.W.flatMap((W) => Array.from(W.data))];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)[0]).not.toBe(run(8)[0]);
  });

  for (const [activation, problem, regularization] of [
    ["tanh", "classification", "none"], ["relu", "classification", "L2"], ["sigmoid", "regression", "none"], ["linear", "regression", "L1"],
  ] as const) {
    it(`backpropagates the loss's gradient (${activation}, ${problem}, ${regularization})`, () => {
      const regularizationRate = regularization === "none" ? 0 : 0.01;
      const pg = createPlayground(cfg({
        activation, problem, regularization, regularizationRate, hidden: [3, 2], features: ["x1", "x2", "x1x2"], learningRate: 1e-3,
      }));
      const X = pg.Xtrain.slice(":", "0:20");
      const Y = pg.Ytrain.slice(":", "0:20");
      const penalty = (W: np.NDArray[]) => regularizationRate * W.reduce((s, w) =>
        s + (regularization === "L2" ? np.sum(w.multiply(w)) / 2 : regularization === "L1" ? np.sum(np.abs(w)) : 0), 0);
      const before = pg.W.map((W) => W.copy());
      const after = { ...pg, W: [...pg.W], b: [...pg.b] };
      update(after, X, Y);
      for (let l = 0; l < pg.W.length; l++) {
        const dW = np.subtract(before[l], after.W[l]).divide(pg.config.learningRate);
        const [rows, cols] = before[l].shape;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const h = 1e-6;
            const at = (delta: number) => {
              const W = before.map((w) => w.copy());
              W[l].set(i, j, W[l].get(i, j) + delta);
              return loss({ ...pg, W }, X, Y) + penalty(W);
            };
            const numeric = (at(h) - at(-h)) / (2 * h);
            expect(dW.get(i, j)).toBeCloseTo(numeric, 5);
          }
        }
      }
    });
  }

  it("draws 500 points per data set in the plotting square, labels 0/1, and splits them by the ratio", () => {
    for (const dataset of ["circle", "xor", "gauss", "spiral"] as const) {
      const { X, y } = makeData(cfg({ dataset, noise: 0 }), new np.random.RandomState(0));
      expect(X.shape).toEqual([2, N_POINTS]);
      expect(new Set(Array.from(y.data))).toEqual(new Set([0, 1]));
      expect(np.mean(y)).toBeCloseTo(0.5, 1);
      expect(np.max(np.abs(X))).toBeLessThan(9);
    }
    const pg = createPlayground(cfg({ trainRatio: 70 }));
    expect([pg.Xtrain.shape[1], pg.Xtest.shape[1], new Set(pg.trainIndex).size]).toEqual([350, 150, 350]);
  });

  it("computes the features row by row", () => {
    const X = np.array([[1, -2], [0.5, 3]]);
    const F = featureRows(X, ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]);
    expect(F.tolist()).toEqual([[1, -2], [0.5, 3], [1, 4], [0.25, 9], [0.5, -6], [Math.sin(1), Math.sin(-2)], [Math.sin(0.5), Math.sin(3)]]);
  });

  it("learns: the default network's test loss falls on the circle", () => {
    const pg = createPlayground(DEFAULT_CONFIG);
    const start = losses(pg).test;
    for (let i = 0; i < 60; i++) trainStep(pg);
    expect(pg.step).toBe(60);
    expect(losses(pg).test).toBeLessThan(start / 4);
  });
});
