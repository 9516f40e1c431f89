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

export interface ChartSize {
  title?: string;
  width?: number;
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

export interface CostChartOptions extends ChartSize {
  /** Iterations between two recorded costs (the labs record every 100). Default 1. */
  every?: number;
  xTitle?: string;
  yTitle?: string;
  /** Logarithmic cost axis, for costs spanning orders of magnitude. */
  logScale?: boolean;
}

/**
 * Line chart of cost against iteration. Pass one series, or several by name to compare runs:
 * `costChart({ "lr = 0.01": costs1, "lr = 0.001": costs2 })`.
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

export interface ScatterOptions extends ChartSize {
  xTitle?: string;
  yTitle?: string;
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

/** 2-D points, colored by label when labels are given. */
export function scatter(X: Points, labels?: Labels, opts: ScatterOptions = {}): VegaLiteSpec {
  const xy = points2d(X);
  return { ...sized(opts, 360, 300), ...pointLayer(xy, labelsFor(labels, xy.x.length), opts, 10) };
}

export interface DecisionBoundaryOptions extends ScatterOptions {
  /** Grid cells per axis. Default 100 (10,000 predictions). */
  resolution?: number;
  /** Margin around the points, in data units, as in the labs. Default 1. */
  padding?: number;
}

/**
 * A 2-D classifier's decision regions (its predictions on a grid over the points' range, as
 * shaded cells) with the labelled points on top. `predict` gets the grid in the layout of `X`:
 * (k, 2) for row points, (2, k) for column points, so `X => predict(parameters, X)` fits either lab.
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
