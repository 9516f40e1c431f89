// Chart specifications are Vega-Lite 5, typed by vega-lite's own TopLevelSpec: in a notebook cell
// `const s: VegaLiteSpec = { mark: "lines", ... }` fails to compile with "Did you mean '"line"'?".
// Version 5 because it is what JupyterLab renders (application/vnd.vegalite.v5+json) and its
// CommonJS build loads inside tslab.
import type { TopLevelSpec } from "vega-lite";

export type { TopLevelSpec };
/** A Vega-Lite 5 chart specification, type-checked by vega-lite's own TopLevelSpec. */
export type VegaLiteSpec = TopLevelSpec;

/** The JSON schema URL of Vega-Lite 5, the `$schema` of every nnlab chart. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
/** The MIME type under which Jupyter front ends render a Vega-Lite 5 chart. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
