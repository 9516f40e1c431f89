// What fit returns: the per-epoch logs, as Keras' History callback keeps them.

/**
 * The record of a training run: `history.history.loss[e]` is the loss of epoch e + 1. Mirrors keras.callbacks.History.
 *
 * In a notebook cell, `const history = await model.fit(x, y, { epochs: 3 })`.
 *
 * @example model.fit(x, y, { epochs: 3 }).then((history: keras.History) => plot.show(plot.costChart(history.history.loss)));
 */
export class History {
  /** Metric name ("loss", "accuracy", "val_loss", "val_accuracy") -> one value per epoch. */
  readonly history: Record<string, number[]> = {};
  /** The epochs run, 0-based, as Keras' history.epoch. */
  readonly epoch: number[] = [];
  /** fit's settings: { epochs, steps, verbose }. */
  params: { epochs: number; steps: number; verbose: number } = { epochs: 0, steps: 0, verbose: 0 };

  /** @internal Appends one epoch's logs. */
  _record(epoch: number, logs: Record<string, number>): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}
