// Charts for the course: typed Vega-Lite 5 specs, builders for the labs' plots, headless
// rendering, and `show(spec)` to display one in a notebook.
export { VEGA_LITE_MIME, VEGA_LITE_SCHEMA } from "./spec";
export type { VegaLiteSpec, TopLevelSpec } from "./spec";
export { costChart, scatter, decisionBoundary } from "./charts";
export type { Numbers, Labels, Points, ChartSize, CostChartOptions, ScatterOptions, DecisionBoundaryOptions } from "./charts";
export { lineChart, type LineChartOptions } from "./lines";
export { toSVG, toPNG } from "./render";
export type { SVGChart, PNGChart } from "./render";
export { show, chartBundle } from "./show";
export type { ChartBundle } from "./show";
export { grid } from "./layout";
export type { GridOptions } from "./layout";
export { imageGrid, type ImageGridOptions } from "./images";
export { heatmap, type HeatmapOptions } from "./heatmap";
