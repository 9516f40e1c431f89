// plot.grid: several specs as one concat figure, compiled without warnings and rendered by toSVG,
// toPNG and chartBundle as one chart.
import * as vl from "vega-lite";
import { describe, expect, it } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import { costChart, decisionBoundary, scatter } from "../../src/plot/charts";
import { grid } from "../../src/plot/layout";
import { toSVG } from "../../src/plot/render";
import { chartBundle } from "../../src/plot/show";
import type { VegaLiteSpec } from "../../src/plot/spec";

/** Compiles with vega-lite and returns its warnings and errors. */
function warnings(spec: VegaLiteSpec): string[] {
  const seen: string[] = [];
  const logger = {
    level: () => logger, info: () => logger, debug: () => logger,
    warn: (...m: unknown[]) => (seen.push(m.join(" ")), logger),
    error: (...m: unknown[]) => (seen.push(m.join(" ")), logger),
  };
  vl.compile(spec, { logger: logger as never });
  return seen;
}

const X = new NDArray(Float64Array.from([-1, 0, 1, 2, 0, 1, 0, 1]), [2, 4]); // 4 points as columns
const Y = [0, 0, 1, 1];
/** A decision boundary whose predictions threshold x1 at t. */
const boundary = (t: number) =>
  decisionBoundary((G) => {
    const k = G.shape[1];
    return new NDArray(Float64Array.from({ length: k }, (_, c) => (G.data[c] > t ? 1 : 0)), [1, k]);
  }, X, Y, { title: `threshold ${t}`, resolution: 12, width: 120, height: 100 });

describe("grid", () => {
  it("concatenates the panels, columns per row, under one title; panels keep data, layers and titles", () => {
    const panels = [boundary(0), boundary(0.5), boundary(1)];
    const spec = grid(panels, { columns: 2, title: "Three thresholds" }) as any;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.columns).toBe(2);
    expect(spec.title).toMatchObject({ text: "Three thresholds" });
    expect(spec.concat).toHaveLength(3);
    spec.concat.forEach((p: any, i: number) => {
      expect(p.$schema).toBeUndefined();
      expect(p.title).toBe(["threshold 0", "threshold 0.5", "threshold 1"][i]);
      expect(p.layer).toEqual((panels[i] as any).layer);
      expect([p.width, p.height]).toEqual([120, 100]);
    });
    // the inputs are not modified
    expect((panels[0] as any).$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(warnings(spec)).toEqual([]);
  });

  it("defaults to one row; width and height replace every panel's size; config moves to the top", () => {
    const a = { ...scatter([[0, 0], [1, 1]], [0, 1]), config: { font: "DejaVu Sans" } } as VegaLiteSpec;
    const spec = grid([a, costChart([3, 2, 1])], { width: 150, height: 90 }) as any;
    expect(spec.columns).toBe(2);
    expect(spec.title).toBeUndefined();
    expect(spec.config).toEqual({ font: "DejaVu Sans" });
    expect(spec.concat.map((p: any) => [p.width, p.height, p.config])).toEqual([[150, 90, undefined], [150, 90, undefined]]);
    expect(warnings(spec)).toEqual([]);
  });

  it("refuses no panels, a bad column count and nested grids", () => {
    expect(() => grid([])).toThrow("grid needs at least one chart");
    expect(() => grid([boundary(0)], { columns: 0 })).toThrow("columns must be a positive integer, got 0");
    expect(() => grid([boundary(0)], { columns: 1.5 })).toThrow("columns must be a positive integer, got 1.5");
    expect(() => grid([boundary(0), grid([boundary(1)])])).toThrow("chart 1 is itself a grid or concatenation; pass its panels instead");
  });

  it("renders as one figure: the columns set its width and the rows its height; one shared legend", () => {
    const panels = [0, 0.5, 1, 1.5].map(boundary);
    const one = toSVG(panels[0]);
    const row = toSVG(grid(panels, { columns: 4 }));
    const square = toSVG(grid(panels, { columns: 2 }));
    const column = toSVG(grid(panels, { columns: 1 }));
    expect(row.width).toBeGreaterThan(column.width + 3 * 120);
    expect(column.height).toBeGreaterThan(row.height + 3 * 100);
    expect(square.width).toBeGreaterThan(column.width + 120);
    expect(square.width).toBeLessThan(row.width - 2 * 120);
    expect(square.height).toBeGreaterThan(row.height + 100);
    expect(square.height).toBeLessThan(column.height - 2 * 100);
    expect(row.height).toBeLessThan(one.height + 30);
    // every panel's title is drawn, and the color legend once
    for (const t of ["threshold 0", "threshold 0.5", "threshold 1", "threshold 1.5"]) expect(square.svg).toContain(`>${t}</text>`);
    expect(square.svg.match(/role-legend"/g)).toHaveLength(1);
    expect(one.svg.match(/role-legend"/g)).toHaveLength(1);
  });

  it("goes through chartBundle: a PNG at twice the figure's size, the figure's title as text", () => {
    const spec = grid([0, 1].map(boundary), { columns: 2, title: "Two panels" });
    const { data, metadata } = chartBundle(spec);
    const { width, height } = toSVG(spec);
    expect(metadata["image/png"]).toEqual({ width, height });
    const png = data["image/png"] as Buffer;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    expect(data["text/plain"]).toBe("<Vega-Lite chart: Two panels>");
    expect(data["application/vnd.vegalite.v5+json"]).toMatchObject({ columns: 2, title: { text: "Two panels" } });
  });
});
