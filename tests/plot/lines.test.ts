// lineChart: the spec's data and encodings, its options, its errors, and a headless render.
import { describe, expect, it } from "vitest";
import * as vegaLite from "vega-lite";
import { NDArray } from "../../src/np/ndarray";
import { lineChart } from "../../src/plot/lines";
import { toPNG, toSVG } from "../../src/plot/render";
import type { VegaLiteSpec } from "../../src/plot/spec";
import * as plot from "../../src/plot";

const np_arange = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

/** Compiles with vega-lite and returns its warnings and errors. */
function warnings(spec: VegaLiteSpec): string[] {
  const seen: string[] = [];
  const logger = { level: () => logger, info: () => logger, debug: () => logger, warn: (...m: unknown[]) => (seen.push(m.join(" ")), logger), error: (...m: unknown[]) => (seen.push(m.join(" ")), logger) };
  vegaLite.compile(spec, { logger: logger as never });
  return seen;
}

describe("lineChart spec", () => {
  it("one series: x and y paired, line with markers, default titles and size", () => {
    const spec = lineChart([1, 2, 3], [0.5, 0.25, 0.125]) as any;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.data.values).toEqual([{ x: 1, y: 0.5 }, { x: 2, y: 0.25 }, { x: 3, y: 0.125 }]);
    expect(spec.mark).toEqual({ type: "line", point: true });
    expect(spec.encoding.x).toMatchObject({ field: "x", type: "quantitative", title: "x", axis: { values: [1, 2, 3], format: "d" } });
    expect(spec.encoding.y).toMatchObject({ field: "y", type: "quantitative", title: "y", scale: { zero: false } });
    expect(spec.encoding.color).toBeUndefined();
    expect(spec.title).toBeUndefined();
    expect([spec.width, spec.height]).toEqual([420, 260]);
    expect(warnings(spec)).toEqual([]);
  });

  it("named series: one row per point with its series, legend in the given order", () => {
    const x = new NDArray(Float64Array.from([-1, 0, 1]), [3]);
    const spec = lineChart(x, { tanh: [-0.76, 0, 0.76], "linear (Adaline)": new NDArray(Float64Array.from([-1, 0, 1]), [1, 3]) }, { legendTitle: "activation" }) as any;
    expect(spec.data.values).toEqual([
      { x: -1, y: -0.76, series: "tanh" }, { x: 0, y: 0, series: "tanh" }, { x: 1, y: 0.76, series: "tanh" },
      { x: -1, y: -1, series: "linear (Adaline)" }, { x: 0, y: 0, series: "linear (Adaline)" }, { x: 1, y: 1, series: "linear (Adaline)" },
    ]);
    expect(spec.encoding.color).toEqual({ field: "series", type: "nominal", title: "activation", sort: ["tanh", "linear (Adaline)"], legend: { labelLimit: 400 } });
    expect((lineChart([0], { a: [1] }) as any).encoding).toMatchObject({ color: { title: null } });
    expect(warnings(spec)).toEqual([]);
  });

  it("options: titles, log-scale y, markers, domains, size", () => {
    const spec = lineChart([0.5, 1.5], [10, 1000], {
      title: "Cost", xTitle: "epoch", yTitle: "SSE", logY: true, points: false, xDomain: [0, 2], yDomain: [1, 1e4], width: 300, height: 200,
    }) as any;
    expect(spec.title).toBe("Cost");
    expect(spec.mark).toEqual({ type: "line", point: false, clip: true });
    expect(spec.encoding.x).toMatchObject({ title: "epoch", scale: { zero: false, domain: [0, 2], nice: false } });
    expect(spec.encoding.x.axis).toBeUndefined(); // fractional x: vega's own ticks
    expect(spec.encoding.y).toMatchObject({ title: "SSE", scale: { type: "log", domain: [1, 1e4] } });
    expect(spec.encoding.y.scale.zero).toBeUndefined();
    expect((lineChart([1, 2], [1, 2], { yDomain: [0, 3] }) as any).mark.clip).toBe(true);
    expect([spec.width, spec.height]).toEqual([300, 200]);
    expect(warnings(spec)).toEqual([]);
  });

  it("log axis: vega's ticks over up to three decades, one per power of ten beyond", () => {
    expect((lineChart([1, 2], [30, 50], { logY: true }) as any).encoding.y.axis).toEqual({ format: "~g" });
    expect((lineChart([1, 2, 3], [50, 2e3, 1e9], { logY: true }) as any).encoding.y.axis).toEqual({
      values: [1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9], format: "~e",
    });
    // More than 12 decades: every second power of ten. The domain option wins over the data.
    expect((lineChart([1, 2], [1e-3, 1e20], { logY: true }) as any).encoding.y.axis.values).toEqual([1e-3, 1e-1, 1e1, 1e3, 1e5, 1e7, 1e9, 1e11, 1e13, 1e15, 1e17, 1e19]);
    expect((lineChart([1, 2], [5, 6], { logY: true, yDomain: [1, 1e6] }) as any).encoding.y.axis.values).toHaveLength(7);
    expect((lineChart([1, 2], [5.5, 6]) as any).encoding.y.axis).toBeUndefined();
    // Long series (no spread of 10^6 arguments), and nothing left to draw.
    const many = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
    expect((lineChart(many, many, { logY: true }) as any).encoding.y.axis.values).toEqual([1, 10, 100, 1e3, 1e4, 1e5, 1e6]);
    expect((lineChart([1, 2], [0, -1], { logY: true }) as any).data.values).toEqual([]);
  });

  it("whole-number x or y: ticks on whole numbers only", () => {
    const counts = lineChart([1, 2, 3], [2, 3, 0]) as any;
    expect([counts.encoding.x.axis, counts.encoding.y.axis]).toEqual([{ values: [1, 2, 3], format: "d" }, { values: [0, 1, 2, 3], format: "d" }]);
    // More than 12 steps: vega's ticks, with the minimum step of 1 Vega-Lite derives from format "d".
    const long = lineChart(np_arange(1, 51), np_arange(13, 63)) as any;
    expect([long.encoding.x.axis, long.encoding.y.axis]).toEqual([{ format: "d" }, { format: "d" }]);
    const axes = vegaLite.compile(long).spec.axes as { scale: string; tickMinStep?: number }[];
    expect(axes.map((a) => [a.scale, a.tickMinStep])).toEqual([["x", 1], ["y", 1], ["x", 1], ["y", 1]]);
    // A domain the caller set decides the range; it also makes a whole-number scale of 0..20 ticks.
    expect((lineChart([1, 2], [1, 2], { yDomain: [0, 4.5] }) as any).encoding.y.axis.values).toEqual([0, 1, 2, 3, 4]);
    // Rendered: 0, 1, 2, 3 on the y axis, and no 0.5.
    const labels = [...toSVG(counts).svg.matchAll(/role-axis-label[^]*?<\/g>/g)].map((m) => [...m[0].matchAll(/>([^<]+)<\/text>/g)].map((t) => t[1]));
    expect(labels).toEqual([["1", "2", "3"], ["0", "1", "2", "3"]]);
    const curve = lineChart([0.5, 1], [0.25, 1]) as any;
    expect([curve.encoding.x.axis, curve.encoding.y.axis]).toEqual([undefined, undefined]);
  });

  it("markers by default only up to 30 points per series", () => {
    const x = Array.from({ length: 31 }, (_, i) => i);
    expect((lineChart(x.slice(0, 30), x.slice(0, 30)) as any).mark.point).toBe(true);
    expect((lineChart(x, x) as any).mark.point).toBe(false);
    expect((lineChart(x, x, { points: true }) as any).mark.point).toBe(true);
  });

  it("leaves out non-finite values, and values <= 0 on a log axis", () => {
    const y = [1, Infinity, NaN, 0, -2, 4];
    const x = [1, 2, 3, 4, 5, 6];
    expect((lineChart(x, y) as any).data.values.map((r: any) => r.x)).toEqual([1, 4, 5, 6]);
    expect((lineChart(x, y, { logY: true }) as any).data.values.map((r: any) => r.x)).toEqual([1, 6]);
    // The spec stays valid JSON: no NaN or Infinity (they would become null).
    expect(JSON.stringify((lineChart(x, { a: y }) as any).data)).not.toMatch(/null|NaN|Infinity/);
  });

  it("rejects series whose length differs from x, and an empty set of series", () => {
    expect(() => lineChart([1, 2, 3], [1, 2])).toThrow("got 2 y values for 3 x values");
    expect(() => lineChart([1, 2], { "eta = 0.1": [1, 2], "eta = 0.01": [1] })).toThrow('series "eta = 0.01" has 1 y values for 2 x values');
    expect(() => lineChart([1, 2], {})).toThrow("lineChart needs at least one series");
  });

  it("is exported from the plot index", () => {
    expect(plot.lineChart).toBe(lineChart);
  });
});

describe("lineChart rendering", () => {
  it("renders to SVG with its titles and legend, and to a 2x PNG", () => {
    const epochs = [1, 2, 3, 4, 5];
    const spec = lineChart(epochs, { "eta = 0.01": [50, 300, 2e3, 1.5e4, 1e5], "eta = 0.0001": [50, 40, 35, 33, 32] }, {
      title: "Adaline cost", xTitle: "epoch", yTitle: "sum of squared errors", logY: true,
    });
    const { svg } = toSVG(spec);
    for (const text of ["Adaline cost", "epoch", "sum of squared errors", "eta = 0.01", "eta = 0.0001"]) expect(svg).toContain(text);
    // Two line paths and ten markers.
    expect(svg.match(/aria-roledescription="line mark"/g)?.length).toBe(2);
    expect(svg.match(/aria-roledescription="point"/g)?.length).toBe(10);
    const { png, width, height } = toPNG(spec);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    expect(width).toBeGreaterThan(420);
  });

  it("shows series names of ~50 characters whole in the legend", () => {
    const name = "stochastic gradient descent (AdalineSGD, b = 1)";
    const { svg } = toSVG(lineChart([1, 2], { [name]: [1, 2], other: [2, 1] }));
    expect(svg).toContain(name);
    expect(svg).not.toContain("…");
  });
});
