// Each loss: its value (against the formula written out), its gradient against centred
// differences (relative error < 1e-7), and the logits gradient after softmax / sigmoid.
import { describe, expect, it } from "vitest";
import { np, keras } from "../../src";
import { numericGradient, relativeError } from "../helpers/keras-gradcheck";
import type { Tensor } from "../../src/keras";

const { losses, activations } = keras;

function uniform(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from((np.random.uniform as (a: number, b: number, n: number) => InstanceType<typeof np.NDArray>)(lo, hi, n).data);
}

function oneHot(m: number, k: number): Float64Array {
  const t = new Float64Array(m * k);
  for (let i = 0; i < m; i++) t[i * k + ((i * 7) % k)] = 1;
  return t;
}

function checkGrad(loss: keras.losses.Loss, yTrue: Tensor, yPred: Tensor): number {
  const g = new Float64Array(yPred.data.length);
  loss.compute(yTrue, yPred, g);
  return relativeError(g, numericGradient(yPred.data, () => loss.compute(yTrue, yPred), 1e-6));
}

describe("keras losses", () => {
  it("categorical_crossentropy: value and gradient (unnormalised predictions too)", () => {
    np.random.seed(1);
    const yTrue = { data: oneHot(4, 3), shape: [4, 3] };
    const p = { data: uniform(12, 0.1, 0.9), shape: [4, 3] };
    let expected = 0;
    for (let r = 0; r < 4; r++) {
      const s = p.data[r * 3] + p.data[r * 3 + 1] + p.data[r * 3 + 2];
      for (let j = 0; j < 3; j++) expected -= yTrue.data[r * 3 + j] * Math.log(p.data[r * 3 + j] / s);
    }
    expect(losses.categorical_crossentropy.compute(yTrue, p)).toBeCloseTo(expected / 4, 14);
    expect(checkGrad(losses.categorical_crossentropy, yTrue, p)).toBeLessThan(1e-7);
  });

  it("sparse_categorical_crossentropy equals categorical on one-hot labels", () => {
    np.random.seed(2);
    const z = uniform(15, -2, 2);
    activations.get("softmax").forward(z, 5);
    const p = { data: z, shape: [3, 5] };
    const labels = { data: new Float64Array([4, 0, 2]), shape: [3] };
    const hot = { data: keras.utils.to_categorical([4, 0, 2], 5).data, shape: [3, 5] };
    expect(losses.sparse_categorical_crossentropy.compute(labels, p)).toBeCloseTo(losses.categorical_crossentropy.compute(hot, p), 14);
    expect(checkGrad(losses.sparse_categorical_crossentropy, labels, p)).toBeLessThan(1e-7);
  });

  it("binary_crossentropy and mean_squared_error", () => {
    np.random.seed(3);
    const t = { data: Float64Array.from([1, 0, 0, 1, 1, 0]), shape: [3, 2] };
    const p = { data: uniform(6, 0.05, 0.95), shape: [3, 2] };
    let bce = 0, mse = 0;
    for (let i = 0; i < 6; i++) {
      bce -= t.data[i] * Math.log(p.data[i]) + (1 - t.data[i]) * Math.log(1 - p.data[i]);
      mse += (p.data[i] - t.data[i]) ** 2;
    }
    expect(losses.binary_crossentropy.compute(t, p)).toBeCloseTo(bce / 6, 14);
    expect(losses.mean_squared_error.compute(t, p)).toBeCloseTo(mse / 6, 14);
    expect(checkGrad(losses.binary_crossentropy, t, p)).toBeLessThan(1e-7);
    expect(checkGrad(losses.mean_squared_error, t, p)).toBeLessThan(1e-7);
  });

  it("clips predictions to [1e-7, 1 - 1e-7] as Keras does", () => {
    const t = { data: Float64Array.from([1, 0]), shape: [1, 2] };
    const p = { data: Float64Array.from([0, 1]), shape: [1, 2] };
    expect(losses.categorical_crossentropy.compute(t, p)).toBeCloseTo(-Math.log(1e-7), 10);
    expect(losses.binary_crossentropy.compute(t, p)).toBeCloseTo(-Math.log(1e-7), 6);
  });

  it("logits gradients: (p - y) / m after softmax and sigmoid match differences over z", () => {
    np.random.seed(4);
    const cases: [keras.losses.Loss, string, Tensor][] = [
      [losses.categorical_crossentropy, "softmax", { data: oneHot(3, 4), shape: [3, 4] }],
      [losses.sparse_categorical_crossentropy, "softmax", { data: Float64Array.from([1, 3, 0]), shape: [3] }],
      [losses.binary_crossentropy, "sigmoid", { data: Float64Array.from([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]), shape: [3, 4] }],
    ];
    for (const [loss, act, yTrue] of cases) {
      const z = uniform(12, -2, 2);
      const a = activations.get(act);
      const f = (): number => {
        const p = z.slice();
        a.forward(p, 4);
        return loss.compute(yTrue, { data: p, shape: [3, 4] });
      };
      const p = z.slice();
      a.forward(p, 4);
      const g = new Float64Array(12);
      loss.logitsGradient!(yTrue, { data: p, shape: [3, 4] }, g);
      expect(relativeError(g, numericGradient(z, f, 1e-6)), loss.name).toBeLessThan(1e-7);
    }
  });

  it("get() resolves names and rejects unknown ones", () => {
    expect(losses.get("mse")).toBe(losses.mean_squared_error);
    expect(() => losses.get("hinge_loss")).toThrow("Could not interpret loss identifier: hinge_loss");
  });
});
