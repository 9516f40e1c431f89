// The course's charts as Vega-Lite specs: cost per iteration, 2-D points colored by label, and a
// classifier's decision regions under its training points. They return plain specs, so a student
// can adjust any field (type-checked) before `plot.show(spec)`.
import { NDArray, shapeStr } from "../np/ndarray";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** Numbers as an NDArray (any shape, read in row-major order) or a plain array. */
export type Numbers = NDArray | readonly number[];
/** Class labels: numbers, strings or booleans; an NDArray of any shape with one entry per point. */
export type Labels = NDArray | readonly (number | string | boolean)[];
/**
 * 2-D points: [[x1, x2], ...], an (n, 2) NDArray with one point per row, or a (2, n) NDArray
 * with one point per column (the layout of the deep-learning labs' X). A (2, 2) array is rows.
 */
export type Points = NDArray | readonly (readonly number[])[];

/** Options every chart takes. */
export interface ChartSize {
  /** The chart's title, shown above it. Default none. */
  title?: string;
  /** The plotting area's width in pixels (each chart has its own default). */
  width?: number;
  /** The plotting area's height in pixels (each chart has its own default). */
  height?: number;
}

/** Values in row-major order; booleans become 0/1 (as numpy compares them), so boolean
 *  predictions and 0/1 labels share one legend. */
function flat(a: NDArray | readonly (number | string | boolean)[]): (number | string)[] {
  if (a instanceof NDArray) return Array.from(a.data);
  return a.map((v) => (typeof v === "boolean" ? Number(v) : v));
}

interface XY {
  x: number[];
  y: number[];
  /** Points were given one per column, (2, n). */
  columns: boolean;
}

function points2d(X: Points): XY {
  if (!(X instanceof NDArray)) {
    X.forEach((p, i) => {
      if (p.length !== 2) throw new Error(`point ${i} has ${p.length} coordinates; expected 2`);
    });
    return { x: X.map((p) => p[0]), y: X.map((p) => p[1]), columns: false };
  }
  const [rows, cols] = X.shape;
  if (X.ndim === 2 && cols === 2) {
    return { x: Array.from({ length: rows }, (_, i) => X.data[2 * i]), y: Array.from({ length: rows }, (_, i) => X.data[2 * i + 1]), columns: false };
  }
  if (X.ndim === 2 && rows === 2) {
    return { x: Array.from(X.data.subarray(0, cols)), y: Array.from(X.data.subarray(cols)), columns: true };
  }
  throw new Error(`expected 2-D points of shape (n, 2) or (2, n), got shape ${shapeStr(X.shape)}`);
}

function labelsFor(labels: Labels | undefined, n: number): (number | string)[] | undefined {
  if (labels === undefined) return undefined;
  const values = flat(labels);
  if (values.length !== n) throw new Error(`got ${values.length} labels for ${n} points`);
  return values;
}

function sized(opts: ChartSize, width: number, height: number) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    width: opts.width ?? width,
    height: opts.height ?? height,
  };
}

/** The options of `costChart`. */
export interface CostChartOptions extends ChartSize {
  /** Iterations between two recorded costs (the labs record every 100). Default 1. */
  every?: number;
  /** The x axis title. Default "iteration". */
  xTitle?: string;
  /** The y axis title. Default "cost". */
  yTitle?: string;
  /** Logarithmic cost axis, for costs spanning orders of magnitude. */
  logScale?: boolean;
}

/**
 * A line chart of the cost against the iteration: the labs' learning curve.
 *
 * Pass one series, or several by name to compare runs, e.g. learning rates:
 * `costChart({ "lr = 0.01": costs1, "lr = 0.001": costs2 })` (the legend keeps that order). The
 * labs record the cost every 100 iterations: pass `{ every: 100 }` to label the x axis in
 * iterations. Replaces the labs' `plt.plot(np.squeeze(costs))` with its axis labels and title.
 *
 * @param costs - the costs, an array or NDArray, or an object of named series
 * @param opts - title, width (default 420), height (default 260), every (default 1), xTitle, yTitle, logScale; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.costChart(costs, { every: 100, title: "Learning rate = 0.0075" }));
 */
export function costChart(costs: Numbers | { [series: string]: Numbers }, opts: CostChartOptions = {}): VegaLiteSpec {
  const every = opts.every ?? 1;
  const named = costs instanceof NDArray || Array.isArray(costs) ? undefined : (costs as { [series: string]: Numbers });
  const series: [string, Numbers][] = named ? Object.entries(named) : [["cost", costs as Numbers]];
  const values = series.flatMap(([name, c]) =>
    flat(c).map((cost, i) => ({ iteration: i * every, cost: cost as number, ...(named ? { series: name } : {}) })),
  );
  return {
    ...sized(opts, 420, 260),
    data: { values },
    mark: { type: "line", point: values.length <= 50 },
    encoding: {
      x: { field: "iteration", type: "quantitative", title: opts.xTitle ?? "iteration" },
      y: { field: "cost", type: "quantitative", title: opts.yTitle ?? "cost", scale: opts.logScale ? { type: "log" } : { zero: false } },
      // Legend in the order the runs were given, not alphabetical.
      ...(named ? { color: { field: "series", type: "nominal", title: null, sort: Object.keys(named) } } : {}),
    },
  };
}

/** The options of `scatter` (and of the points of `decisionBoundary`). */
export interface ScatterOptions extends ChartSize {
  /** The x axis title. Default "x1". */
  xTitle?: string;
  /** The y axis title. Default "x2". */
  yTitle?: string;
  /** The title of the color legend. Default "label". */
  labelTitle?: string;
}

/** The labelled points; `padding` (pixels) keeps points off the axes when they set the scale. */
function pointLayer(xy: XY, labels: (number | string)[] | undefined, opts: ScatterOptions, padding = 0) {
  return {
    data: { values: xy.x.map((x, i) => ({ x, y: xy.y[i], ...(labels ? { label: labels[i] } : {}) })) },
    mark: { type: "point" as const, filled: true, size: 40, opacity: 0.9 },
    encoding: {
      x: { field: "x", type: "quantitative" as const, title: opts.xTitle ?? "x1", scale: { zero: false, padding } },
      y: { field: "y", type: "quantitative" as const, title: opts.yTitle ?? "x2", scale: { zero: false, padding } },
      ...(labels ? { color: { field: "label", type: "nominal" as const, title: opts.labelTitle ?? "label" } } : {}),
    },
  };
}

/**
 * A scatter plot of 2-D points, colored by label when labels are given.
 *
 * The points may be rows, (n, 2), or columns, (2, n), as the deep-learning labs' X is. Replaces
 * the labs' `plt.scatter(X[0, :], X[1, :], c=Y, s=40, cmap=plt.cm.Spectral)`.
 *
 * @param X - the points: an (n, 2) or (2, n) NDArray, or an array of [x1, x2] pairs
 * @param labels - one label per point (numbers, strings or booleans; any shape with n entries); default none
 * @param opts - title, width (default 360), height (default 300), xTitle, yTitle, labelTitle; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.scatter(X, Y, { title: "Planar data" }));
 */
export function scatter(X: Points, labels?: Labels, opts: ScatterOptions = {}): VegaLiteSpec {
  const xy = points2d(X);
  return { ...sized(opts, 360, 300), ...pointLayer(xy, labelsFor(labels, xy.x.length), opts, 10) };
}

/** The options of `decisionBoundary`. */
export interface DecisionBoundaryOptions extends ScatterOptions {
  /** Grid cells per axis. Default 100 (10,000 predictions). */
  resolution?: number;
  /** Margin around the points, in data units, as in the labs. Default 1. */
  padding?: number;
}

/**
 * A 2-D classifier's decision regions, shaded, with the labelled points on top.
 *
 * Calls `predict` once on a resolution x resolution grid covering the points' range plus a
 * margin, and shades each cell by its prediction. The grid comes in the layout of `X`: (k, 2) for
 * row points, (2, k) for column points, so `(G) => shallow.predict(parameters, G)` fits the labs.
 * Mirrors planar_utils' `plot_decision_boundary(model, X, y)`.
 *
 * @param predict - the classifier: takes the grid of k points, returns k predictions (any shape)
 * @param X - the points: an (n, 2) or (2, n) NDArray, or an array of [x1, x2] pairs
 * @param labels - the true label of each point, n entries
 * @param opts - title, width (default 360), height (default 300), resolution (default 100), padding (default 1), axis and legend titles; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.decisionBoundary((G) => shallow.predict(parameters, G), X, Y, { title: "Hidden layer of size 4" }));
 */
export function decisionBoundary(
  predict: (grid: NDArray) => Numbers | Labels,
  X: Points,
  labels: Labels,
  opts: DecisionBoundaryOptions = {},
): VegaLiteSpec {
  const xy = points2d(X);
  const pointLabels = labelsFor(labels, xy.x.length)!;
  const n = opts.resolution ?? 100;
  const pad = opts.padding ?? 1;
  const [x0, x1] = [Math.min(...xy.x) - pad, Math.max(...xy.x) + pad];
  const [y0, y1] = [Math.min(...xy.y) - pad, Math.max(...xy.y) + pad];
  const dx = (x1 - x0) / n;
  const dy = (y1 - y0) / n;
  // Predictions at cell centres; cell (i, j) is column i, row j.
  const k = n * n;
  const grid = new Float64Array(2 * k);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const c = j * n + i;
      const [gx, gy] = [x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy];
      if (xy.columns) [grid[c], grid[k + c]] = [gx, gy];
      else [grid[2 * c], grid[2 * c + 1]] = [gx, gy];
    }
  }
  const predicted = flat(predict(new NDArray(grid, xy.columns ? [2, k] : [k, 2])));
  if (predicted.length !== k) throw new Error(`predict returned ${predicted.length} values for ${k} grid points`);
  // Each row's runs of equal predictions become one rect, stored as grid indices and placed by
  // transforms: a few hundred small rows instead of n * n cells keeps notebooks and SVGs small.
  const cells: { i: number; i2: number; j: number; label: number | string }[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; ) {
      const label = predicted[j * n + i];
      let i2 = i + 1;
      while (i2 < n && predicted[j * n + i2] === label) i2++;
      cells.push({ i, i2, j, label });
      i = i2;
    }
  }
  const points = pointLayer(xy, pointLabels, opts);
  const colour = points.encoding.color!;
  return {
    ...sized(opts, 360, 300),
    layer: [
      {
        data: { values: cells },
        transform: [
          { calculate: `${x0} + datum.i * ${dx}`, as: "x" },
          { calculate: `${x0} + datum.i2 * ${dx}`, as: "x2" },
          { calculate: `${y0} + datum.j * ${dy}`, as: "y" },
          { calculate: `${y0} + (datum.j + 1) * ${dy}`, as: "y2" },
        ],
        mark: { type: "rect", opacity: 0.3 },
        encoding: {
          x: { ...points.encoding.x, scale: { domain: [x0, x1], nice: false, zero: false } },
          x2: { field: "x2" },
          y: { ...points.encoding.y, scale: { domain: [y0, y1], nice: false, zero: false } },
          y2: { field: "y2" },
          color: colour,
        },
      },
      points,
    ],
  };
}
