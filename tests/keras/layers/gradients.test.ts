// Gradient checks (relative error of centred differences, float64) for every keras layer: the
// input gradient and each trainable weight's, below 1e-7.
import { describe, expect, it } from "vitest";
import { np, keras } from "../../../src";
import { checkLayer, randomTensor } from "../../helpers/keras-gradcheck";

const L = keras.layers;
const TOL = 1e-7;

function expectSmall(errors: Record<string, number>, names: string[]): void {
  expect(Object.keys(errors).sort()).toEqual(["input", ...names].sort());
  for (const [k, v] of Object.entries(errors)) expect(v, k).toBeLessThan(TOL);
}

describe("keras layer gradients", () => {
  it("Dense, every activation", () => {
    for (const activation of ["linear", "relu", "sigmoid", "tanh", "softmax"] as const) {
      np.random.seed(1);
      expectSmall(checkLayer(L.Dense(4, { activation }), randomTensor([5, 3])), ["kernel", "bias"]);
    }
  });

  it("Dense on a 3-D input acts on the last axis", () => {
    np.random.seed(2);
    expectSmall(checkLayer(L.Dense(3), randomTensor([2, 4, 5])), ["kernel", "bias"]);
  });

  for (const padding of ["valid", "same"] as const) {
    for (const strides of [1, 2]) {
      it(`Conv2D padding=${padding} strides=${strides}`, () => {
        np.random.seed(3);
        const layer = L.Conv2D(3, [3, 2], { padding, strides, activation: "tanh" });
        expectSmall(checkLayer(layer, randomTensor([2, 7, 6, 2])), ["kernel", "bias"]);
        const expected = padding === "same" ? [Math.ceil(7 / strides), Math.ceil(6 / strides), 3] : [Math.floor((7 - 3) / strides) + 1, Math.floor((6 - 2) / strides) + 1, 3];
        expect(layer.output_shape).toEqual(expected);
      });
    }
  }

  it("MaxPooling2D (valid, same, overlapping strides)", () => {
    for (const [pool, opts] of [[2, {}], [3, { padding: "same" as const }], [3, { strides: 2 }]] as const) {
      np.random.seed(4);
      expectSmall(checkLayer(L.MaxPooling2D(pool, opts), randomTensor([2, 7, 7, 3])), []);
    }
  });

  it("AveragePooling2D (valid, same)", () => {
    for (const padding of ["valid", "same"] as const) {
      np.random.seed(5);
      expectSmall(checkLayer(L.AveragePooling2D(2, { padding }), randomTensor([2, 5, 5, 2])), []);
    }
  });

  it("GlobalAveragePooling2D", () => {
    np.random.seed(6);
    const layer = L.GlobalAveragePooling2D();
    expectSmall(checkLayer(layer, randomTensor([3, 4, 5, 2])), []);
    expect(layer.output_shape).toEqual([2]);
  });

  it("BatchNormalization in training mode", () => {
    np.random.seed(7);
    const layer = L.BatchNormalization();
    layer.build([4, 4, 3]);
    // gamma, beta away from 1, 0 so that their gradients matter
    layer.weights[0].value.set([0.5, 1.5, -2]);
    layer.weights[1].value.set([0.1, -0.3, 2]);
    expectSmall(checkLayer(layer, randomTensor([5, 4, 4, 3], 3)), ["gamma", "beta"]);
  });

  it("BatchNormalization on Dense outputs (2-D)", () => {
    np.random.seed(8);
    expectSmall(checkLayer(L.BatchNormalization({ momentum: 0.9 }), randomTensor([6, 4])), ["gamma", "beta"]);
  });

  it("Dropout with a fixed mask", () => {
    np.random.seed(9);
    const layer = L.Dropout(0.4);
    const errors = checkLayer(layer, randomTensor([4, 6]), () => np.random.seed(10));
    expectSmall(errors, []);
    // the mask drops some inputs and scales the rest by 1 / (1 - rate)
    const kept = Array.from(layer.mask!).filter((v) => v !== 0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(24);
    for (const v of kept) expect(v).toBeCloseTo(1 / 0.6, 12);
  });

  it("Flatten and Activation", () => {
    np.random.seed(11);
    expectSmall(checkLayer(L.Flatten(), randomTensor([2, 3, 4])), []);
    expectSmall(checkLayer(L.Activation("softmax"), randomTensor([3, 5])), []);
  });
});
