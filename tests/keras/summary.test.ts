// model.summary(): Keras 2's table and parameter counts for the MNIST MLP and CNN, and a model
// with BatchNormalization (non-trainable moving statistics).
import { beforeEach, describe, expect, it } from "vitest";
import { keras } from "../../src";
import { mnistCNN } from "../helpers/keras-models";

const L = keras.layers;

describe("model.summary", () => {
  beforeEach(() => keras.backend.clear_session());

  it("MLP: 100,480 + 1,290 = 101,770, printed as Keras prints it", () => {
    const model = keras.Sequential([L.Flatten({ input_shape: [28, 28] }), L.Dense(128, { activation: "relu" }), L.Dense(10, { activation: "softmax" })]);
    expect(model.layers.map((l) => l.count_params())).toEqual([0, 100480, 1290]);
    expect(model.count_params()).toBe(101770);
    expect(model.summary_string()).toBe(
      [
        'Model: "sequential"',
        "_________________________________________________________________",
        " Layer (type)                Output Shape              Param #   ",
        "=================================================================",
        " flatten (Flatten)           (None, 784)               0         ",
        "                                                                 ",
        " dense (Dense)               (None, 128)               100480    ",
        "                                                                 ",
        " dense_1 (Dense)             (None, 10)                1290      ",
        "                                                                 ",
        "=================================================================",
        "Total params: 101,770",
        "Trainable params: 101,770",
        "Non-trainable params: 0",
        "_________________________________________________________________",
      ].join("\n"),
    );
  });

  it("CNN: 160, 4,640, 8,010 -> 12,810, long names wrapped inside their column", () => {
    const model = mnistCNN();
    expect(model.layers.map((l) => l.count_params())).toEqual([160, 0, 4640, 0, 0, 8010]);
    expect(model.layers.map((l) => l.output_shape)).toEqual([[26, 26, 16], [13, 13, 16], [11, 11, 32], [5, 5, 32], [800], [10]]);
    const lines = model.summary_string().split("\n");
    expect(lines[4]).toBe(" conv2d (Conv2D)             (None, 26, 26, 16)        160       ");
    expect(lines[6]).toBe(" max_pooling2d (MaxPooling2D  (None, 13, 13, 16)       0         ");
    expect(lines[7]).toBe(" )                                                               ");
    expect(lines.slice(-4)).toEqual(["Total params: 12,810", "Trainable params: 12,810", "Non-trainable params: 0", "_".repeat(65)]);
  });

  it("BatchNormalization: gamma, beta trainable, moving mean and variance not", () => {
    const model = keras.Sequential([L.Dense(8, { input_shape: [4] }), L.BatchNormalization(), L.Activation("relu"), L.Dropout(0.5), L.Dense(1, { activation: "sigmoid" })]);
    expect(model.layers[1].count_params()).toBe(32);
    const lines = model.summary_string().split("\n");
    expect(lines.slice(-4, -1)).toEqual(["Total params: 81", "Trainable params: 65", "Non-trainable params: 16"]);
    expect(model.layers.map((l) => l.name)).toEqual(["dense", "batch_normalization", "activation", "dropout", "dense_1"]);
  });

  it("an unbuilt model without input_shape says how to build it", () => {
    const model = keras.Sequential([L.Dense(3)]);
    expect(() => model.summary_string()).toThrow(/has not yet been built/);
    model.build([5]);
    expect(model.count_params()).toBe(18);
  });
});
