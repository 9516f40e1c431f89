// A matrix as coloured cells, with optional values written in them: confusion matrices, weight
// matrices, correlation tables.
import { NDArray, shapeStr } from "../np/ndarray";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** The options of `heatmap`. */
export interface HeatmapOptions {
  /** The chart's title, shown above it. Default none. */
  title?: string;
  /** One label per column, left to right (e.g. the predicted classes). Default 0, 1, 2, ... */
  xLabels?: readonly (string | number)[];
  /** One label per row, top to bottom (e.g. the true classes). Default 0, 1, 2, ... */
  yLabels?: readonly (string | number)[];
  /** The x axis title. Default none (a confusion matrix would say "predicted"). */
  xTitle?: string;
  /** The y axis title. Default none (a confusion matrix would say "true"). */
  yTitle?: string;
  /** Write each cell's value in it. Default: true when the matrix has at most 20 x 20 cells. */
  showValues?: boolean;
  /** The d3 format of the written values, e.g. ".2f" or ".0%". Default: integers as they are, other values with 2 decimals. */
  format?: string;
  /** A Vega colour scheme: "blues" (default), "viridis", "redblue" (diverging, centred on 0 when the values change sign), ... */
  scheme?: string;
  /** The side of one cell in CSS pixels. Default: 36 (42 for written non-integer values), smaller for large matrices (at least 4), wider (up to 90) for horizontal column labels of small ones. */
  cellSize?: number;
}

/**
 * A heatmap of a matrix: one coloured cell per entry, optionally with the value written in it.
 *
 * Row i is drawn top to bottom, column j left to right, as the matrix prints. For a confusion
 * matrix pass the classes as both label lists and set `xTitle: "predicted"`, `yTitle: "true"`.
 * Replaces matplotlib's `plt.imshow(M)` / seaborn's `heatmap(M, annot=True)`.
 *
 * @param matrix - a 2-D NDArray (r, c) or an array of r rows of c numbers
 * @param opts - title, xLabels, yLabels, xTitle, yTitle, showValues (default: when at most 20 x 20), format, scheme (default "blues"), cellSize; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.heatmap([[50, 2], [5, 43]], { xLabels: ["cat", "dog"], yLabels: ["cat", "dog"], xTitle: "predicted", yTitle: "true", title: "Confusion matrix" }));
 */
export function heatmap(matrix: NDArray | readonly (readonly number[])[], opts: HeatmapOptions = {}): VegaLiteSpec {
  let rows: number;
  let cols: number;
  let at: (i: number, j: number) => number;
  if (matrix instanceof NDArray) {
    if (matrix.ndim !== 2) throw new Error(`heatmap needs a 2-D matrix, got shape ${shapeStr(matrix.shape)}`);
    [rows, cols] = matrix.shape;
    const d = matrix.data;
    at = (i, j) => d[i * cols + j];
  } else {
    rows = matrix.length;
    cols = rows > 0 ? matrix[0].length : 0;
    matrix.forEach((r, i) => {
      if (r.length !== cols) throw new Error(`row ${i} has ${r.length} values; row 0 has ${cols}`);
    });
    at = (i, j) => matrix[i][j];
  }
  if (rows === 0 || cols === 0) throw new Error("heatmap needs a non-empty matrix");
  const labels = (given: readonly (string | number)[] | undefined, n: number, axis: string): string[] => {
    if (given === undefined) return Array.from({ length: n }, (_, i) => String(i));
    if (given.length !== n) throw new Error(`got ${given.length} ${axis} for ${n} ${axis === "xLabels" ? "columns" : "rows"}`);
    const out = given.map(String);
    if (new Set(out).size !== out.length) throw new Error(`${axis} must be distinct, got [${out.join(", ")}]`);
    return out;
  };
  const xs = labels(opts.xLabels, cols, "xLabels");
  const ys = labels(opts.yLabels, rows, "yLabels");

  const values: { x: string; y: string; v: number }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = at(i, j);
      values.push({ x: xs[j], y: ys[i], v });
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        integers &&= Number.isInteger(v);
      }
    }
  }
  const showValues = opts.showValues ?? (rows <= 20 && cols <= 20);
  let cell = opts.cellSize ?? Math.max(4, Math.min(showValues && !integers ? 42 : 36, Math.floor(600 / Math.max(rows, cols))));
  // Small matrices get cells wide enough for horizontal column labels (up to 90 px, 600 px in all).
  const labelWidth = Math.max(...xs.map((s) => s.length)) * 8;
  if (opts.cellSize === undefined && labelWidth > cell && labelWidth <= 90 && labelWidth * cols <= 600) cell = labelWidth;
  const scheme = opts.scheme ?? "blues";
  const diverging = lo < 0 && hi > 0 && ["redblue", "blueorange", "redyellowblue", "purplegreen", "pinkyellowgreen", "brownbluegreen", "spectral", "redgrey", "purpleorange"].includes(scheme);
  const colourScale = diverging ? { scheme, domainMid: 0 } : { scheme };
  // Column labels stay horizontal when they fit in a cell (at vega's estimate of 0.8 x font size per
  // character, which it uses without a canvas), else they slant.
  const fits = labelWidth <= cell;
  const x = {
    field: "x", type: "ordinal" as const, sort: xs, title: opts.xTitle ?? null,
    axis: fits ? { labelAngle: 0 } : { labelAngle: -45, labelAlign: "right" as const, labelBaseline: "top" as const },
  };
  const y = { field: "y", type: "ordinal" as const, sort: ys, title: opts.yTitle ?? null };
  const layers: object[] = [
    {
      mark: { type: "rect" },
      encoding: { x, y, color: { field: "v", type: "quantitative", title: null, scale: colourScale } },
    },
  ];
  if (showValues) {
    // Light text on the darker half of the colour range (for a diverging scheme: away from the middle).
    const mid = (lo + hi) / 2;
    const dark = diverging
      ? `abs(datum.v) > ${0.6 * Math.max(Math.abs(lo), Math.abs(hi))}`
      : scheme === "viridis" || scheme === "magma" || scheme === "inferno" || scheme === "plasma" ? `datum.v < ${mid}` : `datum.v > ${mid}`;
    const format = opts.format ?? (integers ? "d" : ".2f");
    layers.push({
      mark: { type: "text", fontSize: Math.max(7, Math.min(12, Math.floor(cell / 3))) },
      encoding: {
        x,
        y,
        text: { field: "v", type: "quantitative", format },
        color: { condition: { test: dark, value: "white" }, value: "black" },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    data: { values },
    width: cell * cols,
    height: cell * rows,
    layer: layers,
  } as VegaLiteSpec;
}
