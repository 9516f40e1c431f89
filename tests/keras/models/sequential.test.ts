// Sequential.fit against numpy (tests/fixtures/gen_keras.py: the same MLP, draws and Adam steps
// written out in numpy), plus the API around it: History, validation_split, evaluate, predict,
// sparse labels, binary outputs, errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { np, keras, datasets } from "../../../src";

const L = keras.layers;
const cases = JSON.parse(readFileSync(join(__dirname, "../../fixtures/keras/mlp_fit.json"), "utf8")) as {
  seed: number; n_train: number; n_test: number; epochs: number; batch_size: number;
  history: Record<string, number[]>; weight_sums: number[];
}[];

const [[xtr, ytr], [xte, yte]] = datasets.load_mnist();

function close(a: number, b: number, rel = 1e-9): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
}

describe("Sequential", () => {
  beforeEach(() => keras.backend.clear_session());

  for (const c of cases) {
    it(`fit reproduces numpy's MLP run (seed ${c.seed}, ${c.n_train} examples, ${c.epochs} epochs)`, async () => {
      const x_train = xtr.slice(`:${c.n_train}`).astype("float64").divide(255);
      const y_train = keras.utils.to_categorical(ytr.slice(`:${c.n_train}`), 10);
      const x_test = xte.slice(`:${c.n_test}`).astype("float64").divide(255);
      const y_test = keras.utils.to_categorical(yte.slice(`:${c.n_test}`), 10);
      np.random.seed(c.seed);
      const model = keras.Sequential([L.Flatten({ input_shape: [28, 28] }), L.Dense(128, { activation: "relu" }), L.Dense(10, { activation: "softmax" })]);
      model.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
      const history = await model.fit(x_train, y_train, { epochs: c.epochs, batch_size: c.batch_size, validation_data: [x_test, y_test], verbose: 0 });
      expect(Object.keys(history.history)).toEqual(["loss", "accuracy", "val_loss", "val_accuracy"]);
      expect(history.epoch).toEqual([...Array(c.epochs).keys()]);
      for (const k of ["loss", "val_loss"]) history.history[k].forEach((v, e) => close(v, c.history[k][e]));
      for (const k of ["accuracy", "val_accuracy"]) history.history[k].forEach((v, e) => close(v, c.history[k][e], 1e-12));
      model.get_weights().forEach((w, i) => close(np.sum(w), c.weight_sums[i], 1e-8));
      // evaluate: the same numbers as the last val_ entries
      const [loss, acc] = model.evaluate(x_test, y_test, { verbose: 0 });
      close(loss, c.history.val_loss[c.epochs - 1]);
      expect(acc).toBe(c.history.val_accuracy[c.epochs - 1]);
    });
  }

  it("predict gives (m, classes) probabilities; sparse labels train like one-hot ones", async () => {
    const x = xtr.slice(":300").astype("float64").divide(255);
    const run = async (loss: string, y: InstanceType<typeof np.NDArray>): Promise<number[]> => {
      np.random.seed(5);
      const model = keras.Sequential([L.Flatten({ input_shape: [28, 28] }), L.Dense(10, { activation: "softmax" })]);
      model.compile({ loss, optimizer: keras.optimizers.SGD({ learning_rate: 0.5 }), metrics: ["accuracy"] });
      const h = await model.fit(x, y, { epochs: 2, verbose: 0 });
      const p = model.predict(x.slice(":7"));
      expect(p.shape).toEqual([7, 10]);
      const rows = np.sum(p, { axis: 1 }) as InstanceType<typeof np.NDArray>;
      for (const s of rows.data) expect(s).toBeCloseTo(1, 12);
      return [...h.history.loss, ...h.history.accuracy];
    };
    const sparse = await run("sparse_categorical_crossentropy", ytr.slice(":300"));
    const dense = await run("categorical_crossentropy", keras.utils.to_categorical(ytr.slice(":300"), 10));
    sparse.forEach((v, i) => close(v, dense[i], 1e-12));
    expect(sparse[3]).toBeGreaterThan(0.7);
  });

  it("binary_crossentropy with a sigmoid output learns a separable problem; validation_split holds out the last examples", async () => {
    np.random.seed(2);
    const X = np.random.randn(400, 2);
    const y = np.where(np.greater(np.add(X.slice(":", 0), X.slice(":", 1)), 0), 1, 0).astype("float64").reshape(-1, 1);
    const model = keras.Sequential([L.Dense(8, { activation: "tanh", input_shape: [2] }), L.Dense(1, { activation: "sigmoid" })]);
    model.compile({ loss: "binary_crossentropy", optimizer: keras.optimizers.Adam({ learning_rate: 0.05 }), metrics: ["accuracy"] });
    const h = await model.fit(X, y, { epochs: 10, batch_size: 32, validation_split: 0.25, verbose: 0 });
    expect(h.params).toEqual({ epochs: 10, steps: 10, verbose: 0 });
    expect(h.history.val_accuracy[9]).toBeGreaterThan(0.95);
    const [, acc] = model.evaluate(X.slice("300:"), y.slice("300:"), { verbose: 0 });
    expect(acc).toBe(h.history.val_accuracy[9]);
  });

  it("np.random.seed makes a run repeat exactly; shuffle: false does not draw", async () => {
    const x = xtr.slice(":200").astype("float64").divide(255).reshape(-1, 28, 28, 1);
    const y = keras.utils.to_categorical(ytr.slice(":200"), 10);
    const run = async (shuffle: boolean): Promise<number[]> => {
      np.random.seed(7);
      const model = keras.Sequential([L.Conv2D(4, 3, { activation: "relu", input_shape: [28, 28, 1] }), L.MaxPooling2D(2), L.Flatten(), L.Dropout(0.2), L.Dense(10, { activation: "softmax" })]);
      model.compile({ loss: "categorical_crossentropy", optimizer: "rmsprop", metrics: ["accuracy"] });
      return (await model.fit(x, y, { epochs: 2, batch_size: 50, shuffle, verbose: 0 })).history.loss;
    };
    const a = await run(true), b = await run(true), c = await run(false);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a[1]).toBeLessThan(a[0]);
  });

  it("Keras' errors: fit before compile, a wrong input shape", async () => {
    const model = keras.Sequential([L.Dense(2, { input_shape: [3] })]);
    await expect(model.fit(np.zeros([4, 3]), np.zeros([4, 2]))).rejects.toThrow("You must call `compile()` before using the model.");
    model.compile({ loss: "mse", optimizer: "sgd" });
    await expect(model.fit(np.zeros([4, 5]), np.zeros([4, 2]), { verbose: 0 })).rejects.toThrow(
      'Input 0 of layer "dense" is incompatible with the layer: expected shape=(None, 3), found shape=(4, 5)',
    );
    expect(() => model.compile({ loss: "mse", optimizer: "adamw" })).toThrow("Could not interpret optimizer identifier: adamw");
  });

  it("layers and models are callable with or without new", () => {
    const a = new L.Dense(3, { input_shape: [2] }), b = L.Dense(3);
    expect(a).toBeInstanceOf(L.DenseLayer);
    expect(b).toBeInstanceOf(L.DenseLayer);
    const m = new keras.Sequential([a, b]);
    expect(m.count_params()).toBe(9 + 12);
  });
});
