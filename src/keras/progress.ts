// Training progress, as Keras shows it. In a terminal: Keras' Progbar, "Epoch 1/5" then a bar
// redrawn in place ("\r") with the ETA and running metrics, finished as
// "157/157 [==============================] - 2s 12ms/step - loss: 0.3100 - accuracy: 0.9100";
// when stdout is not a terminal only the finished line of each epoch is printed, as Keras does.
// In a notebook: ONE output, replaced in place with update_display_data, holding a live chart of
// the loss and accuracy (Vega-Lite + PNG) whose title is the progress line, and the Keras log as
// its text/plain.
import { displayBundle, inKernel, type DisplayHandle } from "../display";
import { chartBundle } from "../plot/show";
import type { VegaLiteSpec } from "../plot/spec";

/** Metric name -> value, as Keras' logs. */
export type Logs = Record<string, number>;

/** What fit, evaluate and predict report to. */
export interface Progress {
  epochBegin(epoch: number, epochs: number, steps: number): void;
  /** After batch `step` (1-based) with the running logs; may ask the caller to yield (returns true). */
  batchEnd(step: number, logs: Logs): boolean;
  epochEnd(epoch: number, logs: Logs): void;
  end(): void;
}

/** Keras' metric formatting: %.4f, or %.4e for |v| <= 1e-3. */
export function formatValue(v: number): string {
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  const [m, e] = v.toExponential(4).split("e");
  const n = Number(e);
  return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

/** " - loss: 0.3100 - accuracy: 0.9100" */
export function formatLogs(logs: Logs): string {
  return Object.entries(logs).map(([k, v]) => ` - ${k}: ${formatValue(v)}`).join("");
}

/** Keras' Progbar bar: " 12/157 [=>............................]" (width 30). */
export function bar(current: number, target: number): string {
  const digits = String(target).length;
  let s = `${String(current).padStart(digits)}/${target} [`;
  const width = Math.floor(30 * (current / target));
  if (width > 0) s += "=".repeat(width - 1) + (current < target ? ">" : "=");
  s += ".".repeat(30 - width) + "]";
  return s;
}

/** "12ms/step", as Keras formats the time per step. */
export function perStep(seconds: number, unit = "step"): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/${unit}`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/${unit}`;
  return `${(seconds * 1e6).toFixed(0)}us/${unit}`;
}

/** Keras' ETA: "5s", "1:05", "1:01:05". */
export function eta(seconds: number): string {
  const s = Math.round(seconds);
  if (s > 3600) return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  if (s > 60) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return `${s}s`;
}

function now(): number {
  return performance.now() / 1000;
}

/** The line Keras prints when an epoch (or evaluate) finishes. */
export function finishedLine(steps: number, seconds: number, logs: Logs, verbose = 1): string {
  if (verbose === 2) return `${steps}/${steps} - ${seconds.toFixed(0)}s${formatLogs(logs)} - ${seconds.toFixed(0)}s/epoch - ${perStep(seconds / steps)}`;
  return `${bar(steps, steps)} - ${seconds.toFixed(0)}s ${perStep(seconds / steps)}${formatLogs(logs)}`;
}

/** Keras' Progbar in a terminal (redrawn in place when stdout is a TTY). */
export class TerminalProgress implements Progress {
  private steps = 0;
  private start = 0;
  private last = 0;
  private width = 0;
  private readonly dynamic: boolean;

  constructor(private readonly verbose: number, private readonly write: (s: string) => void = (s) => process.stdout.write(s), dynamic?: boolean) {
    this.dynamic = dynamic ?? (process.stdout.isTTY === true);
  }

  epochBegin(epoch: number, epochs: number, steps: number): void {
    if (epochs > 0) this.write(`Epoch ${epoch}/${epochs}\n`);
    this.steps = steps;
    this.start = this.last = now();
    this.width = 0;
  }

  private draw(line: string): void {
    const pad = Math.max(this.width - line.length, 0);
    this.write(`\r${line}${" ".repeat(pad)}`);
    this.width = line.length;
  }

  batchEnd(step: number, logs: Logs): boolean {
    if (this.verbose !== 1 || !this.dynamic || step >= this.steps) return false;
    const t = now();
    if (t - this.last < 0.05 && step > 1) return false;
    this.last = t;
    const left = ((t - this.start) / step) * (this.steps - step);
    this.draw(`${bar(step, this.steps)} - ETA: ${eta(left)}${formatLogs(logs)}`);
    return false;
  }

  epochEnd(_epoch: number, logs: Logs): void {
    const line = finishedLine(this.steps, now() - this.start, logs, this.verbose);
    if (this.dynamic && this.verbose === 1) this.draw(line);
    else this.write(line);
    this.write("\n");
  }

  end(): void {}
}

/** One point of the live chart. */
interface Point {
  epoch: number;
  value: number;
  panel: string;
  series: string;
}

/** The live chart: loss and accuracy panels, train and validation series, x in epochs. */
export function progressSpec(points: Point[], epochs: number, title: string, subtitle: string): VegaLiteSpec {
  return {
    title: { text: title, subtitle, anchor: "start", fontSize: 13, subtitleFontSize: 11 },
    data: { values: points },
    facet: { column: { field: "panel", type: "nominal", title: null, sort: ["loss", "accuracy"] } },
    spec: {
      width: 250,
      height: 170,
      mark: { type: "line", point: { size: 18 } },
      encoding: {
        x: { field: "epoch", type: "quantitative", title: "epoch", scale: { domain: [0, epochs] }, axis: { tickMinStep: 1, format: "d" } },
        y: { field: "value", type: "quantitative", title: null, scale: { zero: false } },
        color: { field: "series", type: "nominal", title: null, sort: ["train", "validation"] },
      },
    },
    resolve: { scale: { y: "independent" } },
  } as unknown as VegaLiteSpec;
}

/** Progress in a notebook: one output replaced in place (chart + Keras log). */
export class NotebookProgress implements Progress {
  private handle: DisplayHandle | null = null;
  private points: Point[] = [];
  private log: string[] = [];
  private epoch = 0;
  private epochs = 0;
  private steps = 0;
  private start = 0;
  private last = 0;

  /**
   * @param panels - the metric names to chart ("loss", "accuracy"), one panel each
   * @param interval - seconds between redraws within an epoch (each redraw renders the PNG)
   */
  constructor(private readonly panels: string[] = ["loss"], private readonly interval = 1) {}

  private show(title: string, subtitle: string, current: string): void {
    // an empty row per panel, so the panels exist before their first value
    const empty = this.panels.map((panel) => ({ epoch: 0, value: null as unknown as number, panel, series: "train" }));
    const { data, metadata } = chartBundle(progressSpec([...empty, ...this.points], this.epochs, title, subtitle));
    data["text/plain"] = [...this.log, current].filter((l) => l !== "").join("\n");
    if (!this.handle) this.handle = displayBundle(data, metadata, { display_id: true });
    else this.handle.update(data, metadata);
  }

  private add(epoch: number, logs: Logs, validation: boolean): void {
    for (const [k, v] of Object.entries(logs)) {
      const isVal = k.startsWith("val_");
      if (isVal !== validation) continue;
      const name = isVal ? k.slice(4) : k;
      this.points.push({ epoch, value: v, panel: name, series: isVal ? "validation" : "train" });
    }
  }

  epochBegin(epoch: number, epochs: number, steps: number): void {
    this.epoch = epoch;
    this.epochs = epochs;
    this.steps = steps;
    this.start = this.last = now();
    this.log.push(`Epoch ${epoch}/${epochs}`);
    if (epoch === 1) this.show(`Epoch 1/${epochs}`, `0/${steps}`, "");
  }

  batchEnd(step: number, logs: Logs): boolean {
    const t = now();
    if (step >= this.steps || t - this.last < this.interval) return false;
    this.last = t;
    // the running averages, at the fraction of the epoch done
    this.points = this.points.filter((p) => !(p.series === "train" && p.epoch > this.epoch - 1 && p.epoch < this.epoch));
    const x = this.epoch - 1 + step / this.steps;
    this.add(x, logs, false);
    const left = ((t - this.start) / step) * (this.steps - step);
    const line = `${bar(step, this.steps)} - ETA: ${eta(left)}${formatLogs(logs)}`;
    this.show(`Epoch ${this.epoch}/${this.epochs}`, `${step}/${this.steps} - ETA: ${eta(left)}${formatLogs(logs)}`, line);
    return true;
  }

  epochEnd(epoch: number, logs: Logs): void {
    this.points = this.points.filter((p) => !(p.series === "train" && p.epoch > epoch - 1 && p.epoch < epoch));
    this.add(epoch, logs, false);
    this.add(epoch, logs, true);
    const seconds = now() - this.start;
    const line = finishedLine(this.steps, seconds, logs);
    this.log.push(line);
    this.show(`Epoch ${epoch}/${this.epochs}`, `${this.steps}/${this.steps} - ${seconds.toFixed(0)}s ${perStep(seconds / this.steps)}${formatLogs(logs)}`, "");
  }

  end(): void {}
}

/** No output (verbose 0). */
export const silent: Progress = {
  epochBegin() {},
  batchEnd: () => false,
  epochEnd() {},
  end() {},
};

/**
 * The progress reporter for `verbose` here: nothing for 0; in a notebook, one live output (verbose 1)
 * or one printed line per epoch (verbose 2); in a terminal, Keras' progress bar.
 */
export function progressFor(verbose: number, panels: string[] = ["loss"], live = true): Progress {
  if (verbose === 0) return silent;
  if (verbose === 1 && live && inKernel()) return new NotebookProgress(panels);
  return new TerminalProgress(verbose, undefined, inKernel() ? false : undefined);
}
