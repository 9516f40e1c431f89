// Sequential: a stack of layers, trained with mini-batches. fit shuffles with np.random (seeded
// runs repeat exactly), runs forward, the loss, backward and the optimizer for each batch, and
// reports progress as Keras does; evaluate and predict run in inference mode.
import { NDArray } from "../../np/ndarray";
import * as random from "../../np/random";
import { Layer, callable, uniqueName, type Weight } from "../layers/layer";
import type { Activation as Act } from "../activations";
import { get as getLoss, type Loss, type LossName } from "../losses";
import { get as getMetric, type Metric } from "../metrics";
import { get as getOptimizer, type Optimizer, type OptimizerName } from "../optimizers";
import { progressFor, TerminalProgress, type Logs } from "../progress";
import { summaryLines, type SummaryRow } from "../summary";
import { sizeOf, sliceRows, takeRows, toNDArray, toTensor, type Tensor } from "../utils";
import { History } from "./history";

/** compile's arguments (Keras' keywords). */
export interface CompileOptions {
  /** A loss name or object, e.g. "categorical_crossentropy". */
  loss: LossName | string | Loss;
  /** An optimizer or its name; default "rmsprop" (Keras' default). */
  optimizer?: Optimizer | OptimizerName | string;
  /** Metrics to report, e.g. ["accuracy"]. */
  metrics?: string[];
}

/** fit's arguments (Keras' keywords and defaults). */
export interface FitOptions {
  batch_size?: number;
  epochs?: number;
  /** 0 silent, 1 progress bar (in a notebook: one live chart), 2 one line per epoch; default 1. */
  verbose?: number;
  /** [x_val, y_val], evaluated at the end of each epoch. */
  validation_data?: [NDArray, NDArray];
  /** The fraction of the training data (its last examples, before shuffling) held out for validation. */
  validation_split?: number;
  /** Shuffle the training examples before each epoch (with np.random); default true. */
  shuffle?: boolean;
}

/** evaluate's and predict's arguments. */
export interface EvaluateOptions {
  batch_size?: number;
  verbose?: number;
}

type WithActivation = Layer & { activation?: Act; fusedActivation?: boolean };

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The Sequential model class (see `Sequential`, which also works without `new`).
 *
 * @param layers - the layers, in order
 * @param opts - { name }
 * @example const model = new keras.SequentialModel([keras.layers.Dense(1, { input_shape: [3] })]);
 */
export class SequentialModel {
  /** The model's name ("sequential", "sequential_1", ...). */
  readonly name: string;
  /** The layers, in order. */
  readonly layers: Layer[] = [];
  /** The History of the last fit. */
  history: History | null = null;
  private loss: Loss | null = null;
  private optimizer: Optimizer | null = null;
  private metrics: Metric[] = [];
  private fused = false;

  constructor(layers: Layer[] = [], opts: { name?: string } = {}) {
    this.name = opts.name ?? uniqueName("sequential");
    for (const l of layers) this.add(l);
  }

  /**
   * Appends a layer to the stack (Keras' model.add).
   *
   * @param layer - the layer, e.g. keras.layers.Dense(10, { activation: "softmax" })
   * @example model.add(keras.layers.Dense(10, { activation: "softmax" }));
   */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) throw new TypeError(`The added layer must be an instance of class Layer. Received: layer=${String(layer)}`);
    this.layers.push(layer);
    this.built = false;
    // as Keras: a model whose first layer knows its input shape is built layer by layer
    if (this.layers[0].input_shape) this.build();
  }

  /** Whether every layer has its weights. */
  built = false;

  /**
   * Builds every layer for examples of this shape (Keras' model.build); fit does it on first use.
   *
   * @param input_shape - one example's shape, e.g. [28, 28, 1] (a leading null batch axis is dropped)
   * @example model.build([28, 28, 1]);
   */
  build(input_shape?: (number | null)[]): void {
    let shape = input_shape ? (input_shape[0] === null ? input_shape.slice(1) : input_shape) as number[] : this.layers[0]?.input_shape;
    if (!shape) throw new Error(`The model ${this.name} has not yet been built: give the first layer an input_shape, call model.build(shape), or fit it.`);
    for (const l of this.layers) {
      l.build(shape);
      shape = l.output_shape;
    }
    this.built = true;
  }

  /** Every weight of every layer, in order. */
  get weights(): Weight[] {
    return this.layers.flatMap((l) => l.weights);
  }

  /** The weights the optimizer updates. */
  get trainable_weights(): Weight[] {
    return this.weights.filter((w) => w.trainable);
  }

  /**
   * Sets the loss, optimizer and metrics for training (Keras' model.compile).
   *
   * @param opts - { loss, optimizer = "rmsprop", metrics = [] }
   * @example model.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });
   */
  compile(opts: CompileOptions): void {
    this.loss = getLoss(opts.loss);
    this.optimizer = getOptimizer(opts.optimizer ?? "rmsprop");
    this.metricNames = opts.metrics ?? [];
    this.metrics = [];
  }

  private metricNames: string[] = [];

  private prepare(xShape: number[]): void {
    if (!this.built) this.build(this.layers[0]?.input_shape ?? xShape.slice(1));
    const expected = this.layers[0].input_shape!;
    const got = xShape.slice(1);
    if (expected.length !== got.length || expected.some((d, i) => d !== got[i])) {
      throw new Error(`Input 0 of layer "${this.layers[0].name}" is incompatible with the layer: expected shape=(None, ${expected.join(", ")}), found shape=(${xShape.join(", ")})`);
    }
    if (this.loss && this.metrics.length !== this.metricNames.length) {
      const out = this.layers[this.layers.length - 1].output_shape;
      this.metrics = this.metricNames.map((m) => getMetric(m, this.loss!.name, out[out.length - 1]));
    }
    // layers before the first one with trainable weights need no input gradient
    let upstream = false;
    for (const l of this.layers) {
      l.needsInputGradient = upstream;
      if (l.trainable_weights.length > 0) upstream = true;
    }
    // softmax (sigmoid) + cross-entropy: the loss gives dL/dz directly, as Keras does through the logits
    for (const l of this.layers as WithActivation[]) if ("fusedActivation" in l) l.fusedActivation = false;
    const last = this.layers[this.layers.length - 1] as WithActivation;
    this.fused = !!(this.loss?.fusesWith && last.activation?.name === this.loss.fusesWith && "fusedActivation" in last && this.loss.logitsGradient);
    if (this.fused) last.fusedActivation = true;
  }

  private forward(x: Tensor, training: boolean): Tensor {
    let h = x;
    for (const l of this.layers) h = l.forward(h, training);
    return h;
  }

  /** @internal One training step on a batch: returns [loss, correct counts per metric]. */
  train_on_batch_tensors(x: Tensor, y: Tensor): [number, number[]] {
    const out = this.forward(x, true);
    const grad = new Float64Array(out.data.length);
    const loss = this.loss!.compute(y, out, this.fused ? undefined : grad);
    if (this.fused) this.loss!.logitsGradient!(y, out, grad);
    let d: Tensor = { data: grad, shape: out.shape };
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      if (!l.needsInputGradient && l.trainable_weights.length === 0) break; // nothing left to learn below
      d = l.backward(d);
    }
    this.optimizer!.apply_gradients(this.trainable_weights);
    return [loss, this.metrics.map((m) => m.correct(y, out))];
  }

  private logsOf(lossSum: number, correct: number[], seen: number, prefix = ""): Logs {
    const logs: Logs = { [`${prefix}loss`]: lossSum / seen };
    this.metrics.forEach((m, i) => (logs[`${prefix}${m.name}`] = correct[i] / seen));
    return logs;
  }

  /**
   * Trains the model for a number of epochs on mini-batches (Keras' model.fit).
   *
   * Each epoch shuffles the examples (np.random.permutation, so np.random.seed repeats a run),
   * then for each batch runs the forward pass, the loss, the backward pass and one optimizer step.
   * The reported loss and metrics are running means over the epoch's examples, as Keras reports
   * them; validation metrics are computed at each epoch's end in inference mode. Progress: in a
   * terminal Keras' progress bar and metrics line; in a notebook one output updated in place (a
   * live loss/accuracy chart). Asynchronous so that a notebook can show progress while it runs:
   * `const history = await model.fit(...)`.
   *
   * @param x - the inputs, shape (m, ...) matching the first layer's input_shape
   * @param y - the targets: one-hot (m, classes), labels (m,) for sparse_categorical_crossentropy, or values
   * @param opts - { batch_size = 32, epochs = 1, verbose = 1, validation_data, validation_split = 0, shuffle = true }
   * @returns a Promise of the History: history.history.loss, .accuracy, .val_loss, .val_accuracy, one value per epoch
   * @example model.fit(x_train, y_train, { epochs: 5, batch_size: 64, validation_data: [x_test, y_test] }).then((history: keras.History) => console.log(history.history.val_accuracy));
   */
  async fit(x: NDArray, y: NDArray, opts: FitOptions = {}): Promise<History> {
    if (!this.loss || !this.optimizer) throw new Error("You must call `compile()` before using the model.");
    const batch = opts.batch_size ?? 32, epochs = opts.epochs ?? 1, verbose = opts.verbose ?? 1;
    let X = toTensor(x), Y = toTensor(y);
    if (X.shape[0] !== Y.shape[0]) throw new Error(`Data cardinality is ambiguous: x sizes: ${X.shape[0]}, y sizes: ${Y.shape[0]}. Make sure all arrays contain the same number of samples.`);
    let val: [Tensor, Tensor] | null = opts.validation_data ? [toTensor(opts.validation_data[0]), toTensor(opts.validation_data[1])] : null;
    if (!val && opts.validation_split) {
      const split = Math.floor(X.shape[0] * (1 - opts.validation_split));
      val = [sliceRows(X, split, X.shape[0]), sliceRows(Y, split, Y.shape[0])];
      X = sliceRows(X, 0, split);
      Y = sliceRows(Y, 0, split);
    }
    this.prepare(X.shape);
    const m = X.shape[0], steps = Math.ceil(m / batch);
    const history = new History();
    history.params = { epochs, steps, verbose };
    this.history = history;
    const progress = progressFor(verbose, ["loss", ...this.metrics.map((mt) => mt.name)]);
    for (let epoch = 0; epoch < epochs; epoch++) {
      progress.epochBegin(epoch + 1, epochs, steps);
      const order = opts.shuffle === false ? Int32Array.from({ length: m }, (_, i) => i) : (random.permutation as (n: number) => NDArray)(m).data;
      let lossSum = 0, seen = 0;
      const correct = this.metrics.map(() => 0);
      for (let s = 0; s < steps; s++) {
        const from = s * batch, to = Math.min(from + batch, m);
        const [loss, c] = this.train_on_batch_tensors(takeRows(X, order, from, to), takeRows(Y, order, from, to));
        lossSum += loss * (to - from);
        seen += to - from;
        c.forEach((v, i) => (correct[i] += v));
        if (progress.batchEnd(s + 1, this.logsOf(lossSum, correct, seen))) await yieldToEventLoop();
      }
      const logs = this.logsOf(lossSum, correct, seen);
      if (val) Object.assign(logs, this.evaluateTensors(val[0], val[1], batch, "val_"));
      history._record(epoch, logs);
      progress.epochEnd(epoch + 1, logs);
      await yieldToEventLoop();
    }
    progress.end();
    return history;
  }

  private evaluateTensors(X: Tensor, Y: Tensor, batch: number, prefix = ""): Logs {
    const m = X.shape[0];
    let lossSum = 0;
    const correct = this.metrics.map(() => 0);
    for (let from = 0; from < m; from += batch) {
      const to = Math.min(from + batch, m);
      const yb = sliceRows(Y, from, to);
      const out = this.forward(sliceRows(X, from, to), false);
      lossSum += this.loss!.compute(yb, out) * (to - from);
      this.metrics.forEach((mt, i) => (correct[i] += mt.correct(yb, out)));
    }
    return this.logsOf(lossSum, correct, m, prefix);
  }

  /**
   * The loss and metrics on data, in inference mode (Keras' model.evaluate).
   *
   * @param x - the inputs, shape (m, ...)
   * @param y - the targets
   * @param opts - { batch_size = 32, verbose = 1 }
   * @returns [loss, ...metrics], e.g. [0.08, 0.975] with metrics ["accuracy"]
   * @example const [test_loss, test_acc] = model.evaluate(x_test, y_test, { verbose: 0 });
   */
  evaluate(x: NDArray, y: NDArray, opts: EvaluateOptions = {}): number[] {
    if (!this.loss) throw new Error("You must call `compile()` before using the model.");
    const batch = opts.batch_size ?? 32, verbose = opts.verbose ?? 1;
    const X = toTensor(x), Y = toTensor(y);
    this.prepare(X.shape);
    const t0 = performance.now();
    const logs = this.evaluateTensors(X, Y, batch);
    if (verbose) {
      const p = new TerminalProgress(verbose, undefined, false);
      p.epochBegin(0, 0, Math.ceil(X.shape[0] / batch));
      void t0;
      p.epochEnd(0, logs);
    }
    return Object.values(logs);
  }

  /**
   * The model's outputs for inputs, in inference mode (Keras' model.predict).
   *
   * @param x - the inputs, shape (m, ...)
   * @param opts - { batch_size = 32, verbose = 0 }
   * @returns the outputs, shape (m, ...output shape), e.g. (m, 10) class probabilities
   * @example const probs = model.predict(x_test); const labels = np.argmax(probs, { axis: 1 });
   */
  predict(x: NDArray, opts: EvaluateOptions = {}): NDArray {
    const batch = opts.batch_size ?? 32;
    const X = toTensor(x);
    if (!this.built) this.build(this.layers[0]?.input_shape ?? X.shape.slice(1));
    const m = X.shape[0];
    const outShape = this.layers[this.layers.length - 1].output_shape;
    const row = sizeOf(outShape);
    const out = new Float64Array(m * row);
    for (let from = 0; from < m; from += batch) {
      const to = Math.min(from + batch, m);
      out.set(this.forward(sliceRows(X, from, to), false).data, from * row);
    }
    return toNDArray({ data: out, shape: [m, ...outShape] });
  }

  /**
   * The layer-by-layer table Keras prints: layer (type), output shape, parameter count, then totals.
   *
   * @returns the table's lines joined with newlines (summary() prints the same)
   * @example console.log(model.summary_string());
   */
  summary_string(): string {
    if (!this.built) this.build();
    const rows: SummaryRow[] = this.layers.map((l) => ({ layer: `${l.name} (${l.className})`, outputShape: [null, ...l.output_shape], params: l.count_params() }));
    const trainable = this.layers.reduce((s, l) => s + l.trainable_weights.reduce((t, w) => t + w.value.length, 0), 0);
    const total = this.layers.reduce((s, l) => s + l.count_params(), 0);
    return summaryLines(this.name, rows, trainable, total - trainable).join("\n");
  }

  /**
   * Prints the model's layers, output shapes and parameter counts, as Keras' model.summary().
   *
   * @example model.summary();
   */
  summary(): void {
    console.log(this.summary_string());
  }

  /**
   * The number of weights of the model (Keras' model.count_params()).
   *
   * @returns the total over all layers, trainable and not
   * @example model.count_params(); // 101770 for the MNIST MLP
   */
  count_params(): number {
    return this.layers.reduce((s, l) => s + l.count_params(), 0);
  }

  /**
   * Every layer's weights, in order (copies), as Keras' model.get_weights().
   *
   * @returns the arrays: kernel, bias of the first layer with weights, then the next, ...
   * @example const weights = model.get_weights();
   */
  get_weights(): NDArray[] {
    return this.layers.flatMap((l) => l.get_weights());
  }

  /**
   * Sets every layer's weights from arrays in get_weights()' order (Keras' model.set_weights).
   *
   * @param weights - the arrays, shaped as get_weights() returns them
   * @example model.set_weights(saved);
   */
  set_weights(weights: NDArray[]): void {
    let i = 0;
    for (const l of this.layers) {
      const n = l.weights.length;
      l.set_weights(weights.slice(i, i + n));
      i += n;
    }
  }
}

/**
 * A linear stack of layers, Keras' keras.Sequential: `Sequential([Flatten(...), Dense(128, ...)])`.
 *
 * Give the first layer an `input_shape` (as Keras does), or the model is built on the first fit.
 * compile({ loss, optimizer, metrics }), then `await fit(x, y, ...)`, evaluate, predict,
 * summary(). Callable with or without `new`.
 *
 * @param layers - the layers, in order; more can be added with model.add(layer)
 * @param opts - { name }
 * @returns the model
 * @example const model = keras.Sequential([keras.layers.Flatten({ input_shape: [28, 28] }), keras.layers.Dense(10, { activation: "softmax" })]);
 */
export const Sequential: {
  new (layers?: Layer[], opts?: { name?: string }): SequentialModel;
  (layers?: Layer[], opts?: { name?: string }): SequentialModel;
} = callable(SequentialModel);
export type Sequential = SequentialModel;
