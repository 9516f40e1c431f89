// Chart specs, headless rendering and the chart bundle (no kernel: display() outside a kernel prints text).
import * as vega from "vega";
import * as vl from "vega-lite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { display, mimeBundle, JUPYTER_DISPLAY } from "../../src/display";
import { NDArray } from "../../src/np/ndarray";
import { costChart, decisionBoundary, scatter } from "../../src/plot/charts";
import { toPNG, toSVG } from "../../src/plot/render";
import { chartBundle } from "../../src/plot/show";
import type { VegaLiteSpec } from "../../src/plot/spec";

const nd = (rows: number[][]) => new NDArray(Float64Array.from(rows.flat()), [rows.length, rows[0].length]);

/** Compiles with vega-lite and returns its warnings (conflicting scales, dropped channels...). */
function warnings(spec: VegaLiteSpec): string[] {
  const seen: string[] = [];
  const logger = { level: () => logger, info: () => logger, debug: () => logger, warn: (...m: unknown[]) => (seen.push(m.join(" ")), logger), error: (...m: unknown[]) => (seen.push(m.join(" ")), logger) };
  vl.compile(spec, { logger: logger as never });
  return seen;
}

describe("chart specs", () => {
  it("costChart: cost per iteration, spaced by `every`", () => {
    const spec = costChart([0.7, 0.5, 0.4], { every: 100, title: "Cost" }) as any;
    expect(spec.data.values).toEqual([{ iteration: 0, cost: 0.7 }, { iteration: 100, cost: 0.5 }, { iteration: 200, cost: 0.4 }]);
    expect(spec.mark).toEqual({ type: "line", point: true });
    expect(spec.encoding.x).toMatchObject({ field: "iteration", type: "quantitative" });
    expect(spec.encoding.y).toMatchObject({ field: "cost", type: "quantitative" });
    expect(spec).toMatchObject({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Cost" });
    expect(warnings(spec)).toEqual([]);
  });

  it("costChart: several named runs, legend in the given order", () => {
    const spec = costChart({ "lr = 0.1": nd([[3, 2]]), "lr = 0.01": [3, 2.5] }) as any;
    expect(spec.data.values).toEqual([
      { iteration: 0, cost: 3, series: "lr = 0.1" }, { iteration: 1, cost: 2, series: "lr = 0.1" },
      { iteration: 0, cost: 3, series: "lr = 0.01" }, { iteration: 1, cost: 2.5, series: "lr = 0.01" },
    ]);
    expect(spec.encoding.color).toMatchObject({ field: "series", sort: ["lr = 0.1", "lr = 0.01"] });
  });

  it("scatter: points as rows, as (n, 2) or as (2, n) columns give the same chart", () => {
    const rows = [[0, 1], [2, 3], [4, 5]];
    const labels = [1, 0, 1];
    const expected = [{ x: 0, y: 1, label: 1 }, { x: 2, y: 3, label: 0 }, { x: 4, y: 5, label: 1 }];
    for (const X of [rows, nd(rows), nd([[0, 2, 4], [1, 3, 5]])]) {
      const spec = scatter(X, nd([labels]), { title: "P" }) as any;
      expect(spec.data.values).toEqual(expected);
      expect(spec.encoding.color).toMatchObject({ field: "label", type: "nominal" });
    }
    expect((scatter(rows, [true, false, true]) as any).data.values[0].label).toBe(1);
    expect(() => scatter(rows, [1, 0])).toThrow("got 2 labels for 3 points");
    expect(() => scatter(nd([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toThrow("expected 2-D points of shape (n, 2) or (2, n), got shape (3, 3)");
  });

  it("decisionBoundary: predicts on a grid in the points' layout and covers it with runs of equal labels", () => {
    const X = nd([[-1, 0, 1, 2], [0, 1, 0, 1]]); // (2, n): points as columns
    const grids: number[][] = [];
    const spec = decisionBoundary((grid) => {
      grids.push(grid.shape);
      const k = grid.shape[1];
      return new NDArray(Float64Array.from({ length: k }, (_, c) => (grid.data[c] > 0.5 ? 1 : 0)), [1, k]);
    }, X, [0, 0, 1, 1], { resolution: 10, padding: 0 }) as any;
    expect(grids).toEqual([[2, 100]]);
    const [cells, points] = spec.layer;
    expect(points.data.values).toHaveLength(4);
    // x spans [-1, 2] in 10 cells of 0.3: centres > 0.5 from cell 5 (centre 0.65) on.
    for (let j = 0; j < 10; j++) {
      expect(cells.data.values.filter((c: any) => c.j === j)).toEqual([{ i: 0, i2: 5, j, label: 0 }, { i: 5, i2: 10, j, label: 1 }]);
    }
    expect(warnings(spec)).toEqual([]);
    expect(() => decisionBoundary(() => [1, 2], X, [0, 0, 1, 1])).toThrow("predict returned 2 values for 10000 grid points");
  });
});

describe("rendering", () => {
  const spec = scatter([[0, 0], [1, 1], [2, 0]], [0, 1, 0], { title: "Render" });

  it("renders synchronously the same SVG as vega's own View.toSVG()", async () => {
    const mine = toSVG(spec);
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    const reference = await view.toSVG();
    view.finalize();
    expect(mine.svg).toBe(reference);
    expect(mine.svg).toMatch(new RegExp(`^<svg [^>]*width="${mine.width}" height="${mine.height}"`));
    expect(() => toSVG({ data: { url: "data/cars.json" }, mark: "point" })).toThrow("charts are rendered from inline data only");
  });

  it("renders a PNG at twice the CSS size", () => {
    const { png, width, height } = toPNG(spec);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    expect(png.length).toBeGreaterThan(5000);
  });

  it("bundles the spec object, the PNG with its CSS size, and text — nothing else", () => {
    const { data, metadata } = chartBundle({ ...spec, $schema: undefined } as VegaLiteSpec);
    expect(Object.keys(data)).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
    expect(data["application/vnd.vegalite.v5+json"]).toMatchObject({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Render" });
    expect(typeof data["application/vnd.vegalite.v5+json"]).toBe("object");
    const png = data["image/png"] as Buffer;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * metadata["image/png"].width, 2 * metadata["image/png"].height]);
    expect(data["text/plain"]).toBe("<Vega-Lite chart: Render>");
  });
});

describe("display outside a kernel", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints the text/plain form; NDArrays as numpy's repr(), like IPython's display", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    display(nd([[1, 2.5], [3, 4]]));
    display({ [JUPYTER_DISPLAY]: () => ({ "text/html": "<b>x</b>", "text/plain": "x" }) });
    expect(write.mock.calls.map((c) => c[0])).toEqual(["array([[1. , 2.5],\n       [3. , 4. ]])\n", "x\n"]);
    expect(mimeBundle({ a: 1 })).toEqual({ "text/plain": "{ a: 1 }" });
  });
});
