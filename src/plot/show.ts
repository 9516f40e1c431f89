// A chart output: one display_data bundle that every front end can show.
//   application/vnd.vegalite.v5+json  the spec as a JSON object (JupyterLab, VS Code: interactive;
//                                     a string would be fetched as a URL by vega-embed)
//   image/png                         rendered here at 2x, with its CSS size in metadata (nbconvert
//                                     HTML, classic Notebook, GitHub, MyST show this)
//   text/plain                        for terminals and text-only viewers
// No text/html (it would outrank Vega-Lite in JupyterLab) and no SVG (nbconvert < 7.7 blanks it).
import { displayBundle, type MimeData } from "../display";
import { toPNG } from "./render";
import { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** A chart as one Jupyter display bundle: its MIME data and the PNG's display size. */
export interface ChartBundle {
  data: MimeData;
  metadata: { "image/png": { width: number; height: number } };
}

function titleOf(spec: VegaLiteSpec): string | undefined {
  const t = (spec as { title?: unknown }).title;
  const text = typeof t === "object" && t !== null ? (t as { text?: unknown }).text : t;
  return typeof text === "string" ? text : Array.isArray(text) ? text.join(" ") : undefined;
}

/**
 * A chart as one Jupyter display bundle: the Vega-Lite spec, a 2x PNG and a text line.
 *
 * JupyterLab and VS Code show the interactive Vega-Lite chart; nbconvert's HTML, the classic
 * Notebook and GitHub show the PNG; terminals the text. `show` displays exactly this bundle.
 *
 * @param spec - a Vega-Lite spec, e.g. from `plot.costChart`
 * @returns {data, metadata}: data maps "application/vnd.vegalite.v5+json", "image/png" and "text/plain" to the chart; metadata gives the PNG's width and height in CSS pixels
 * @example const { data, metadata } = plot.chartBundle(plot.scatter(X, Y));
 */
export function chartBundle(spec: VegaLiteSpec): ChartBundle {
  const full = { ...spec, $schema: spec.$schema ?? VEGA_LITE_SCHEMA } as VegaLiteSpec;
  const { png, width, height } = toPNG(full, 2);
  const title = titleOf(full);
  return {
    data: {
      [VEGA_LITE_MIME]: full,
      "image/png": png,
      "text/plain": title ? `<Vega-Lite chart: ${title}>` : "<Vega-Lite chart>",
    },
    metadata: { "image/png": { width, height } },
  };
}

/**
 * Shows a chart in the notebook cell's output, as matplotlib's `plt.show()` does.
 *
 * Synchronous: no `await` needed, and the chart lands in the cell that called it. Outside a
 * notebook it prints the text line ("<Vega-Lite chart: title>"); use `toPNG` or `toSVG` to save a file.
 *
 * @param spec - a Vega-Lite spec, e.g. from `plot.costChart`, `plot.scatter` or `plot.decisionBoundary`
 * @example plot.show(plot.costChart(costs, { every: 100 }));
 */
export function show(spec: VegaLiteSpec): void {
  const { data, metadata } = chartBundle(spec);
  displayBundle(data, metadata);
}
