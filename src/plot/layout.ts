// Several charts as one figure: Vega-Lite's general concatenation (`concat` with `columns`), the
// counterpart of matplotlib's `plt.subplot(rows, cols, i)` loop in the labs (e.g. one decision
// boundary per hidden-layer size). The panels stay ordinary specs: each keeps its own data, title
// and layers; the figure gets one title and, where panels encode the same field, one legend.
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** The options of `grid`. */
export interface GridOptions {
  /** Panels per row; the last row may be shorter. Default: all panels in one row. */
  columns?: number;
  /** The figure's title, above all panels. Default none. */
  title?: string;
  /** Each panel's plotting-area width in pixels, replacing the panels' own. Default: each panel's own. */
  width?: number;
  /** Each panel's plotting-area height in pixels, replacing the panels' own. Default: each panel's own. */
  height?: number;
  /** Pixels between panels. Default 20 (Vega-Lite's default). */
  spacing?: number;
}

/** Top-level-only fields, which Vega-Lite does not accept on a panel: moved up or dropped. */
const TOP_LEVEL_ONLY = ["$schema", "config", "autosize", "background", "padding", "usermeta", "params", "datasets"] as const;

/**
 * Lays several charts out as one figure: a grid of panels, `columns` per row, under one title.
 *
 * Each spec becomes a panel (its data, title, layers and encodings unchanged); panels fill the
 * rows left to right. Color scales and legends are shared when the panels color the same field
 * (so seven decision boundaries get one "label" legend); position scales stay per panel. The
 * result is one Vega-Lite spec (a `concat` with `columns`), shown by `plot.show` as one chart.
 * Replaces the labs' `plt.figure(figsize=...)` with a `plt.subplot(rows, cols, i)` per chart.
 *
 * @param specs - the panels, e.g. from `plot.decisionBoundary` or `plot.costChart`; at least one
 * @param opts - columns (default all in one row), title, width and height of each panel (default each panel's own), spacing (default 20); default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.grid([plot.scatter(X, Y), plot.costChart(costs)], { columns: 2, title: "Data and training" }));
 */
export function grid(specs: readonly VegaLiteSpec[], opts: GridOptions = {}): VegaLiteSpec {
  if (specs.length === 0) throw new Error("grid needs at least one chart");
  const columns = opts.columns ?? specs.length;
  if (!Number.isInteger(columns) || columns < 1) throw new Error(`columns must be a positive integer, got ${columns}`);
  let config: unknown;
  const panels = specs.map((spec, i) => {
    const panel: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
    if ("concat" in panel || "hconcat" in panel || "vconcat" in panel) {
      throw new Error(`chart ${i} is itself a grid or concatenation; pass its panels instead`);
    }
    // The first panel's config applies to the figure (Vega-Lite reads config only at the top).
    if (panel.config !== undefined) config ??= panel.config;
    for (const key of TOP_LEVEL_ONLY) delete panel[key];
    if (opts.width !== undefined) panel.width = opts.width;
    if (opts.height !== undefined) panel.height = opts.height;
    return panel;
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title, anchor: "middle" as const, fontSize: 15 } } : {}),
    columns,
    spacing: opts.spacing ?? 20,
    concat: panels,
    resolve: { scale: { color: "shared" } },
    ...(config !== undefined ? { config } : {}),
  } as unknown as VegaLiteSpec;
}
