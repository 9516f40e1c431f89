// heatmap: one cell per entry in the matrix's layout, labels in order, written values with
// readable text colours, its errors, and a render read back pixel by pixel.
import { Resvg } from "@resvg/resvg-js";
import * as vegaLite from "vega-lite";
import { describe, expect, it } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import * as plot from "../../src/plot";
import { heatmap } from "../../src/plot/heatmap";
import { toPNG, toSVG } from "../../src/plot/render";
import type { VegaLiteSpec } from "../../src/plot/spec";

const nd = (rows: number[][]) => new NDArray(Float64Array.from(rows.flat()), [rows.length, rows[0].length]);

function warnings(spec: VegaLiteSpec): string[] {
  const seen: string[] = [];
  const logger = { level: () => logger, info: () => logger, debug: () => logger, warn: (...m: unknown[]) => (seen.push(m.join(" ")), logger), error: (...m: unknown[]) => (seen.push(m.join(" ")), logger) };
  vegaLite.compile(spec, { logger: logger as never });
  return seen;
}

describe("heatmap spec", () => {
  it("a confusion matrix: cells row by row, labels in the given order, counts written in", () => {
    const spec = heatmap(nd([[50, 2], [5, 43]]), {
      xLabels: ["non-shirt", "shirt"], yLabels: ["non-shirt", "shirt"], xTitle: "predicted", yTitle: "true", title: "Confusion matrix",
    }) as any;
    expect(spec).toMatchObject({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Confusion matrix", width: 144, height: 144 });
    // Cells widened from 36 px to fit "non-shirt" horizontally (9 characters at vega's estimate of 8 px).
    expect(spec.layer[0].encoding.x.axis).toEqual({ labelAngle: 0 });
    expect(spec.data.values).toEqual([
      { x: "non-shirt", y: "non-shirt", v: 50 }, { x: "shirt", y: "non-shirt", v: 2 },
      { x: "non-shirt", y: "shirt", v: 5 }, { x: "shirt", y: "shirt", v: 43 },
    ]);
    const [cells, text] = spec.layer;
    expect(cells.encoding.x).toMatchObject({ field: "x", type: "ordinal", sort: ["non-shirt", "shirt"], title: "predicted" });
    expect(cells.encoding.y).toMatchObject({ field: "y", type: "ordinal", sort: ["non-shirt", "shirt"], title: "true" });
    expect(cells.encoding.color).toMatchObject({ field: "v", type: "quantitative", scale: { scheme: "blues" } });
    expect(text.encoding.text).toEqual({ field: "v", type: "quantitative", format: "d" });
    // White text on the darker half (above the middle of 2..50).
    expect(text.encoding.color).toEqual({ condition: { test: "datum.v > 26", value: "white" }, value: "black" });
    expect(warnings(spec)).toEqual([]);
  });

  it("defaults: index labels, written values up to 20 x 20, two decimals for fractions, diverging schemes centred on 0", () => {
    const spec = heatmap([[0.5, -0.25, 1], [0.125, 2, -1]]) as any;
    expect(spec.data.values.map((d: any) => [d.y, d.x])).toEqual([["0", "0"], ["0", "1"], ["0", "2"], ["1", "0"], ["1", "1"], ["1", "2"]]);
    expect(spec.layer[1].encoding.text.format).toBe(".2f");
    expect([spec.width, spec.height]).toEqual([3 * 42, 2 * 42]);
    expect(spec.layer[0].encoding.x.axis).toEqual({ labelAngle: 0 });
    const big = heatmap(nd(Array.from({ length: 30 }, () => Array(30).fill(1)))) as any;
    expect(big.layer).toHaveLength(1);
    expect(big.width).toBe(30 * 20);
    const diverging = heatmap([[-1, 2]], { scheme: "redblue" }) as any;
    expect(diverging.layer[0].encoding.color.scale).toEqual({ scheme: "redblue", domainMid: 0 });
    expect(diverging.layer[1].encoding.color.condition.test).toBe("abs(datum.v) > 1.2");
    expect((heatmap([[1, 2]], { showValues: false }) as any).layer).toHaveLength(1);
    expect((heatmap([[1, 2]], { format: ".0%" }) as any).layer[1].encoding.text.format).toBe(".0%");
    // Labels too long for a cell slant: given cells, or too many columns to widen them.
    expect((heatmap([[1, 2]], { xLabels: ["Ankle boot", "Sneaker"], cellSize: 36 }) as any).layer[0].encoding.x.axis.labelAngle).toBe(-45);
    const ten = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
    const wide = heatmap(nd(ten.map(() => ten.map(() => 1))), { xLabels: ten, yLabels: ten }) as any;
    expect([wide.width, wide.layer[0].encoding.x.axis.labelAngle]).toEqual([360, -45]);
    const fitted = heatmap([[1, 2]], { xLabels: ["Ankle boot", "Sneaker"] }) as any;
    expect([fitted.width, fitted.layer[0].encoding.x.axis.labelAngle]).toEqual([160, 0]);
  });

  it("explains wrong inputs", () => {
    expect(() => heatmap(new NDArray(Float64Array.from([1, 2]), [2]))).toThrow("heatmap needs a 2-D matrix, got shape (2,)");
    expect(() => heatmap([[1, 2], [3]])).toThrow("row 1 has 1 values; row 0 has 2");
    expect(() => heatmap([])).toThrow("heatmap needs a non-empty matrix");
    expect(() => heatmap([[1, 2]], { xLabels: ["a"] })).toThrow("got 1 xLabels for 2 columns");
    expect(() => heatmap([[1, 2]], { yLabels: ["a", "b"] })).toThrow("got 2 yLabels for 1 rows");
    expect(() => heatmap([[1, 2]], { xLabels: ["a", "a"] })).toThrow("xLabels must be distinct, got [a, a]");
  });
});

describe("heatmap renders", () => {
  it("row 0 on top, column 0 on the left, darker for larger values, values written", () => {
    const spec = plot.heatmap([[0, 10], [5, 1]], { title: "M", cellSize: 40 });
    const { svg } = toSVG(spec);
    for (const v of ["0", "10", "5", "1"]) expect(svg).toContain(`>${v}</text>`);
    // Each cell is a path "x: j; y: i; v: value" at (40 j, 40 i), filled darker for larger values.
    const cells = [...svg.matchAll(/aria-label="x: (\d); y: (\d); v: (\d+)"[^>]*d="M([\d.]+),([\d.]+)h40v40h-40Z" fill="rgb\((\d+), (\d+), (\d+)\)"/g)]
      .map((m) => m.slice(1).map(Number));
    expect(cells.map(([j, i, v, x, y]) => [i, j, v, x, y])).toEqual([[0, 0, 0, 0, 0], [0, 1, 10, 40, 0], [1, 0, 5, 0, 40], [1, 1, 1, 40, 40]]);
    const lum = new Map(cells.map(([, , v, , , r, g, b]) => [v, r + g + b]));
    expect(lum.get(10)!).toBeLessThan(lum.get(5)!);
    expect(lum.get(5)!).toBeLessThan(lum.get(1)!);
    expect(lum.get(1)!).toBeLessThan(lum.get(0)!);
    // And the PNG shows them: the darkest cell's centre is dark blue.
    const img = new Resvg(svg).render();
    const frame = /transform="translate\(([\d.]+),([\d.]+)\)"><g class="mark-group role-frame root"/.exec(svg)!;
    const [ox, oy] = [Number(frame[1]), Number(frame[2])];
    const o = 4 * (Math.round(oy + 8) * img.width + Math.round(ox + 60));
    expect([img.pixels[o], img.pixels[o + 1], img.pixels[o + 2]]).toEqual([10, 74, 144]);
    const { png, width, height } = toPNG(spec);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
  });
});
