// Headless rendering: Vega-Lite -> Vega -> SVG (vega's string renderer) -> PNG (resvg). It is
// synchronous on purpose: tslab does not await a Promise left as a cell's last expression, so an
// async `show()` without `await` would publish its chart after the cell ended, into the wrong cell.
import type { Resvg as ResvgClass } from "@resvg/resvg-js";
import type * as VegaModule from "vega";
import type * as VegaLiteModule from "vega-lite";
import type { VegaLiteSpec } from "./spec";

// Loaded on the first chart, not on `import "nnlab"`: vega and vega-lite cost ~150 ms to load.
let modules: { vega: typeof VegaModule; vl: typeof VegaLiteModule; Resvg: typeof ResvgClass } | undefined;
function load() {
  modules ??= { vega: require("vega"), vl: require("vega-lite"), Resvg: require("@resvg/resvg-js").Resvg };
  return modules;
}

/** Layout fields a vega View fills in when it runs; the public toSVG() reads them the same way. */
interface ViewLayout {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  _pending: unknown;
}

/** A chart rendered to SVG by `toSVG`. */
export interface SVGChart {
  /** The SVG document's text. */
  svg: string;
  /** CSS pixels. */
  width: number;
  height: number;
}

/**
 * Renders a Vega-Lite spec to an SVG string, without a browser (synchronously).
 *
 * Compiles the spec to Vega and draws it with Vega's SVG renderer. The data must be inline
 * (`data.values`), as every nnlab chart's is.
 *
 * @param spec - a Vega-Lite spec, e.g. from `plot.costChart`
 * @returns {svg, width, height}: the SVG text and its size in CSS pixels
 * @example const { svg } = plot.toSVG(plot.scatter(X, Y));
 */
export function toSVG(spec: VegaLiteSpec): SVGChart {
  const { vega, vl } = load();
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  try {
    // view.run() evaluates synchronously when every dataset is inline; then the same steps as
    // view.toSVG(), minus its awaits.
    view.run();
    const layout = view as unknown as ViewLayout;
    if (layout._pending) throw new Error("charts are rendered from inline data only (data.values), not data.url");
    const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
    const width = Math.max(0, layout._viewWidth + pad.left + pad.right);
    const height = Math.max(0, layout._viewHeight + pad.top + pad.bottom);
    const origin = [pad.left + layout._origin[0], pad.top + layout._origin[1]];
    const renderer = new (vega as unknown as { SVGStringRenderer: new (loader: unknown) => StringRenderer })
      .SVGStringRenderer(view.loader());
    renderer.initialize(null, width, height, origin, 1).background(view.background());
    renderer.render((view.scenegraph() as unknown as { root: unknown }).root);
    return { svg: renderer.svg(), width, height };
  } finally {
    view.finalize();
  }
}

interface StringRenderer {
  initialize(el: null, width: number, height: number, origin: number[], scaleFactor: number): StringRenderer;
  background(color: unknown): StringRenderer;
  render(scene: unknown): StringRenderer;
  svg(): string;
}

/** A chart rendered to PNG by `toPNG`. */
export interface PNGChart {
  /** The PNG file's bytes. */
  png: Buffer;
  /** CSS pixels: the bitmap is `scale` times larger, for sharp display on high-density screens. */
  width: number;
  height: number;
}

/**
 * Renders a Vega-Lite spec to a PNG image, without a browser (synchronously).
 *
 * Renders to SVG with `toSVG`, then rasterises it with resvg at `scale` times the CSS size,
 * for sharp display on high-density screens.
 *
 * @param spec - a Vega-Lite spec, e.g. from `plot.costChart`
 * @param scale - the bitmap's pixels per CSS pixel; default 2
 * @returns {png, width, height}: the PNG bytes, and the size in CSS pixels (the bitmap is scale times larger)
 * @example require("fs").writeFileSync("costs.png", plot.toPNG(plot.costChart(costs)).png);
 */
export function toPNG(spec: VegaLiteSpec, scale = 2): PNGChart {
  const { svg, width, height } = toSVG(spec);
  const { Resvg } = load();
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: true } }).render().asPng();
  return { png, width, height };
}
