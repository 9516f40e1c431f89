// Issue 11's acceptance runs on the shipped MNIST subset (30,000 train, the whole 10,000 test), 5 epochs,
// batch 64, Adam: the MLP (Flatten, Dense 128 relu, Dense 10 softmax) and the small CNN (Conv2D 16
// 3x3 relu, MaxPooling2D 2, Conv2D 32 3x3 relu, MaxPooling2D 2, Flatten, Dense 10 softmax), with
// their parameter counts, test accuracy and seconds per epoch (printed).
import { describe, expect, it } from "vitest";
import { np, keras, datasets } from "../../src";
import { mnistCNN } from "../helpers/keras-models";

const L = keras.layers;
const [[xtr, ytr], [xte, yte]] = datasets.load_mnist({ train: 30000, test: 10000 });
const x_train = xtr.astype("float64").divide(255).reshape(-1, 28, 28, 1);
const x_test = xte.astype("float64").divide(255).reshape(-1, 28, 28, 1);
const y_train = keras.utils.to_categorical(ytr, 10);
const y_test = keras.utils.to_categorical(yte, 10);

async function train(model: keras.SequentialModel): Promise<{ acc: number; secondsPerEpoch: number }> {
  model.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
  const t0 = performance.now();
  await model.fit(x_train, y_train, { epochs: 5, batch_size: 64, verbose: 0 });
  const secondsPerEpoch = (performance.now() - t0) / 5000;
  const [, acc] = model.evaluate(x_test, y_test, { verbose: 0 });
  console.log(`${model.name}: test accuracy ${acc}, ${secondsPerEpoch.toFixed(2)} s/epoch`);
  return { acc, secondsPerEpoch };
}

describe("MNIST subset, 5 epochs", () => {
  it("MLP: 101,770 parameters, test accuracy >= 95 %", async () => {
    np.random.seed(0);
    const model = keras.Sequential([L.Flatten({ input_shape: [28, 28, 1] }), L.Dense(128, { activation: "relu" }), L.Dense(10, { activation: "softmax" })]);
    expect(model.count_params()).toBe(101770);
    const { acc } = await train(model);
    // (fit itself is replayed against numpy to 1e-9 in models/sequential.test.ts)
    expect(acc).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it("CNN: 12,810 parameters, test accuracy >= 97 %", async () => {
    np.random.seed(0);
    const model = mnistCNN();
    expect(model.count_params()).toBe(12810);
    const { acc } = await train(model);
    expect(acc).toBeGreaterThanOrEqual(0.97);
  }, 900_000);
});
