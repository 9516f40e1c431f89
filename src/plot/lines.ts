// Curves y = f(x), one or several named series on shared x values: activation functions over a
// grid of z, the cost per epoch of runs with different learning rates, misclassifications per
// epoch. A plain typed Vega-Lite spec, like the other builders in charts.ts.
import { NDArray } from "../np/ndarray";
import type { ChartSize, Numbers } from "./charts";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** The options of `lineChart`. */
export interface LineChartOptions extends ChartSize {
  /** The x axis title. Default "x". */
  xTitle?: string;
  /** The y axis title. Default "y". */
  yTitle?: string;
  /** The title of the legend (named series only). Default none. */
  legendTitle?: string;
  /**
   * Logarithmic y axis (base 10), for values spanning orders of magnitude such as a diverging
   * cost. Values <= 0 cannot be drawn on it and are left out. Default false.
   */
  logY?: boolean;
  /** A marker on every point, as matplotlib's `marker='o'`. Default: markers when no series has more than 30 points. */
  points?: boolean;
  /** The x axis range [min, max]. Default: the data's range. */
  xDomain?: [number, number];
  /** The y axis range [min, max]; values outside it are clipped. Default: the data's range. */
  yDomain?: [number, number];
}

function values(a: Numbers): number[] {
  return a instanceof NDArray ? Array.from(a.data) : Array.from(a);
}

/**
 * The y axis of a log scale over [lo, hi]: vega's ticks (1, 2, 5, 10, 20...) over up to three
 * decades; beyond, one tick and grid line per power of ten, labelled 1e+9 rather than 1,000,000,000.
 */
function logAxis([lo, hi]: [number, number]) {
  const [a, b] = [Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi))];
  if (!(b - a > 3)) return { format: "~g" };
  const step = Math.ceil((b - a) / 12);
  const ticks = Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, i) => 10 ** (a + i * step));
  return { values: ticks, format: "~e" };
}

/**
 * The axis of whole numbers from lo to hi (epochs, counts of mistakes): labels 1, 2, 3, never 1.5.
 * Up to 12 steps, every whole number is a tick; beyond, vega's ticks with a minimum step of 1
 * (which Vega-Lite 5 derives from the integer format "d"; it ignores an explicit tickMinStep).
 */
function integerAxis(lo: number, hi: number) {
  if (!(hi - lo <= 12)) return { format: "d" };
  return { values: Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i), format: "d" };
}

/**
 * A line chart of y against x: one curve, or several named curves sharing the x values.
 *
 * Pass the x values and one series of y values, or an object of named series
 * (`{ "eta = 0.01": cost1, "eta = 0.0001": cost2 }`; the legend keeps that order). Every series
 * has one y per x. Non-finite values (NaN, Infinity: a diverged run) are left out, and so are
 * values <= 0 on a log axis, so the rest of the curve is still drawn. Replaces matplotlib's
 * `plt.plot(x, y, marker='o', label=...)` with `plt.xlabel`, `plt.ylabel`, `plt.yscale('log')`
 * and `plt.legend()`.
 *
 * @param x - the x values, an array or NDArray (any shape, read in row-major order), e.g. the epochs 1..n
 * @param y - the y values, one per x; or an object of named series, each one y per x
 * @param opts - title, width (default 420), height (default 260), xTitle (default "x"), yTitle (default "y"), legendTitle, logY (default false), points (default: markers up to 30 points per series), xDomain, yDomain; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.lineChart([1, 2, 3], { "eta = 0.01": [5, 40, 300], "eta = 0.0001": [5, 4.8, 4.6] }, { xTitle: "epoch", yTitle: "SSE", logY: true }));
 */
export function lineChart(x: Numbers, y: Numbers | { [series: string]: Numbers }, opts: LineChartOptions = {}): VegaLiteSpec {
  const xs = values(x);
  const named = y instanceof NDArray || Array.isArray(y) ? undefined : (y as { [series: string]: Numbers });
  const series: [string, Numbers][] = named ? Object.entries(named) : [["y", y as Numbers]];
  if (series.length === 0) throw new Error("lineChart needs at least one series");
  const rows: { x: number; y: number; series?: string }[] = [];
  for (const [name, s] of series) {
    const ys = values(s);
    if (ys.length !== xs.length) {
      throw new Error(`${named ? `series "${name}" has` : "got"} ${ys.length} y values for ${xs.length} x values`);
    }
    ys.forEach((v, i) => {
      if (Number.isFinite(v) && Number.isFinite(xs[i]) && !(opts.logY && v <= 0)) rows.push({ x: xs[i], y: v, ...(named ? { series: name } : {}) });
    });
  }
  const markers = opts.points ?? xs.length <= 30;
  // Whole numbers (epochs, counts of mistakes) get ticks on whole numbers only.
  const range = (v: number[]): [number, number] => v.reduce(([lo, hi], t) => [Math.min(lo, t), Math.max(hi, t)], [Infinity, -Infinity]);
  const [xRange, yRange] = [opts.xDomain ?? range(rows.map((r) => r.x)), opts.yDomain ?? range(rows.map((r) => r.y))];
  const integralX = rows.length > 0 && rows.every((r) => Number.isInteger(r.x));
  const integralY = rows.length > 0 && rows.every((r) => Number.isInteger(r.y));
  const yScale = {
    ...(opts.logY ? { type: "log" as const } : { zero: false }),
    ...(opts.yDomain ? { domain: opts.yDomain } : {}),
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    width: opts.width ?? 420,
    height: opts.height ?? 260,
    data: { values: rows },
    // Clipped only to a domain the caller set: otherwise the markers at the edges stay whole.
    mark: { type: "line", point: markers, ...(opts.xDomain || opts.yDomain ? { clip: true } : {}) },
    encoding: {
      x: { field: "x", type: "quantitative", title: opts.xTitle ?? "x", ...(integralX ? { axis: integerAxis(...xRange) } : {}), scale: { zero: false, ...(opts.xDomain ? { domain: opts.xDomain, nice: false } : {}) } },
      y: {
        field: "y",
        type: "quantitative",
        title: opts.yTitle ?? "y",
        scale: yScale,
        ...(opts.logY ? { axis: logAxis(yRange) } : integralY ? { axis: integerAxis(...yRange) } : {}),
      },
      // Legend in the order the series were given, not alphabetical; series names up to ~50
      // characters shown whole (vega's default cuts them at 160 pixels).
      ...(named
        ? { color: { field: "series", type: "nominal", title: opts.legendTitle ?? null, sort: Object.keys(named), legend: { labelLimit: 400 } } }
        : {}),
    },
  };
}
