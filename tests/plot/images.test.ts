// imageGrid: input layouts, the compact run-length data, colour scales and titles, its errors, and
// renders whose pixels are read back to check every image lands where it should, upright.
import { Resvg } from "@resvg/resvg-js";
import * as vegaLite from "vega-lite";
import { describe, expect, it } from "vitest";
import { load_dataset } from "../../src/datasets/images";
import { NDArray } from "../../src/np/ndarray";
import * as plot from "../../src/plot";
import { imageGrid } from "../../src/plot/images";
import { toPNG, toSVG } from "../../src/plot/render";
import type { VegaLiteSpec } from "../../src/plot/spec";

const nd = (values: number[], shape: number[]) => new NDArray(Float64Array.from(values), shape);

/** Compiles with vega-lite and returns its warnings and errors. */
function warnings(spec: VegaLiteSpec): string[] {
  const seen: string[] = [];
  const logger = { level: () => logger, info: () => logger, debug: () => logger, warn: (...m: unknown[]) => (seen.push(m.join(" ")), logger), error: (...m: unknown[]) => (seen.push(m.join(" ")), logger) };
  vegaLite.compile(spec, { logger: logger as never });
  return seen;
}

/** Renders at 1 CSS pixel per pixel and returns a reader of RGB at (x, y). */
function pixels(spec: VegaLiteSpec): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const { svg } = toSVG(spec);
  const img = new Resvg(svg, { font: { loadSystemFonts: true } }).render();
  const px = img.pixels;
  return {
    width: img.width,
    height: img.height,
    rgb: (x, y) => {
      const o = 4 * (Math.floor(y) * img.width + Math.floor(x));
      return [px[o], px[o + 1], px[o + 2]];
    },
  };
}

/** The default padding vega-lite puts around the plot. */
const PAD = 5;

describe("imageGrid spec", () => {
  it("(n, h, w) grey: one datum per image holding runs of equal grey levels along each row", () => {
    // Two 2x3 images: [[0, 0, 255], [7, 7, 7]] and [[1, 2, 3], [4, 5, 6]].
    const spec = imageGrid(nd([0, 0, 255, 7, 7, 7, 1, 2, 3, 4, 5, 6], [2, 2, 3])) as any;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const [pixelsLayer] = spec.layer;
    expect(pixelsLayer.data.values).toEqual([
      { k: 0, n: [2, 1, 3], v: [0, 255, 7] },
      { k: 1, n: [1, 1, 1, 1, 1, 1], v: [1, 2, 3, 4, 5, 6] },
    ]);
    // The pixels and a frame around each image; no titles, so no text layer.
    expect(spec.layer.map((l: any) => l.mark.type)).toEqual(["rect", "rect"]);
    expect(spec.layer[1].data.values).toEqual([{ x: 0, x2: 3, y: 0, y2: 2 }, { x: 4, x2: 7, y: 0, y2: 2 }]);
    expect(spec.layer[1].mark).toMatchObject({ filled: false, stroke: "#c8c8c8" });
    expect((imageGrid(nd([0, 1], [1, 1, 2]), { frame: false }) as any).layer).toHaveLength(1);
    // Values above 1: the 0..255 range, black to white, linear in RGB as matplotlib's "gray".
    expect(pixelsLayer.encoding.color.scale).toMatchObject({ domain: [0, 255], range: ["#000000", "#ffffff"], interpolate: "rgb" });
    // A run starts where the lengths before it in its image end.
    expect(pixelsLayer.transform.slice(0, 2)).toEqual([
      { flatten: ["n", "v"] },
      { window: [{ op: "sum", field: "n", as: "e" }], groupby: ["k"], frame: [null, 0] },
    ]);
    // 28 CSS pixels per image pixel (84 / 3), images 1 unit apart.
    expect([spec.width, spec.height]).toEqual([(3 + 1 + 3) * 28, 2 * 28]);
    expect(warnings(spec)).toEqual([]);
  });

  it("the same images as (n, h, w, 1), as (n, h*w) rows and as the labs' (h*w, n) columns give the same data", () => {
    const flat = [0, 0, 255, 7, 7, 7, 1, 2, 3, 4, 5, 6];
    const reference = (imageGrid(nd(flat, [2, 2, 3])) as any).layer[0].data.values;
    expect((imageGrid(nd(flat, [2, 2, 3, 1])) as any).layer[0].data.values).toEqual(reference);
    expect((imageGrid(nd(flat, [2, 6]), { shape: [2, 3] }) as any).layer[0].data.values).toEqual(reference);
    const columns = nd(Array.from({ length: 12 }, (_, t) => flat[(t % 2) * 6 + Math.floor(t / 2)]), [6, 2]);
    expect((imageGrid(columns, { shape: [2, 3, 1], examplesAsColumns: true }) as any).layer[0].data.values).toEqual(reference);
    // The dataset's own images, flattened the labs' way, still read right.
    const [X] = load_dataset();
    const four = X.slice("0:4");
    const labs = X.reshape(X.shape[0], -1).T.slice(":", "0:4");
    expect((imageGrid(labs, { shape: [28, 28], examplesAsColumns: true }) as any).layer[0].data.values).toEqual(
      (imageGrid(four) as any).layer[0].data.values,
    );
  });

  it("grey levels 0..255 over the domain: 0..1 values, signed values, an explicit domain, per-image normalisation, colour maps", () => {
    const levels = (spec: any) => spec.layer[0].data.values.map((d: any) => d.v);
    // 0..1 values: 0..1 is black..white.
    expect(levels(imageGrid(nd([0, 0.25, 0.5, 1], [1, 2, 2])))).toEqual([[0, 64, 128, 255]]);
    // Values of both signs: their min..max.
    expect(levels(imageGrid(nd([-2, 0, 1, 3], [1, 2, 2])))).toEqual([[0, 102, 153, 255]]);
    // An explicit domain; values beyond it are clamped (and 10, 20 become one run of white).
    const clamped = imageGrid(nd([0, 5, 10, 20], [1, 2, 2]), { domain: [0, 10] }) as any;
    expect(clamped.layer[0].data.values).toEqual([{ k: 0, n: [1, 1, 2], v: [0, 128, 255] }]);
    // normalize: each image over its own min..max (runs merge equal levels).
    expect(levels(imageGrid(nd([-1, 0, 1, 1, 10, 20, 30, 30], [2, 2, 2]), { normalize: true }))).toEqual([[0, 128, 255], [0, 128, 255]]);
    // A constant image is black rather than a division by zero.
    expect(levels(imageGrid(nd([4, 4], [1, 1, 2]), { normalize: true }))).toEqual([[0]]);
    const scale = (spec: any) => spec.layer[0].encoding.color.scale;
    expect(scale(imageGrid(nd([0, 0.5], [1, 1, 2])))).toMatchObject({ domain: [0, 255], range: ["#000000", "#ffffff"] });
    expect(scale(imageGrid(nd([0, 1], [1, 1, 2]), { cmap: "gray_r" })).range).toEqual(["#ffffff", "#000000"]);
    expect(scale(imageGrid(nd([0, 1], [1, 1, 2]), { cmap: "viridis" }))).toMatchObject({ domain: [0, 255], scheme: "viridis" });
  });

  it("RGB: one hex colour per pixel, used as is", () => {
    const spec = imageGrid(nd([255, 0, 0, 255, 0, 0, 0, 0, 255, 0.5 * 255, 255, 0], [1, 2, 2, 3])) as any;
    expect(spec.layer[0].data.values).toEqual([{ k: 0, n: [2, 1, 1], v: ["#ff0000", "#0000ff", "#80ff00"] }]);
    expect(spec.layer[0].encoding.color).toEqual({ field: "v", type: "nominal", scale: null, legend: null });
    expect(warnings(spec)).toEqual([]);
  });

  it("titles per image, a chart title, columns and image size", () => {
    const spec = imageGrid(nd(Array(5 * 4).fill(1), [5, 2, 2]), { titles: ["a", "b", 3, true, "e"], title: "Five", columns: 2, imageSize: 40 }) as any;
    expect(spec.title).toBe("Five");
    const text = spec.layer.find((l: any) => l.mark.type === "text");
    expect(text.data.values.map((d: any) => d.t)).toEqual(["a", "b", "3", "true", "e"]);
    // 2 columns of 40 px images, 3 rows; each title sits above its image's column centre.
    expect(spec.width).toBe((2 + 1 + 2) * 20);
    expect(text.data.values[0].x).toBe(1);
    expect(text.data.values[3].x).toBe(3 + 1);
    expect(warnings(spec)).toEqual([]);
  });

  it("titles of several lines: room for every line, the first line placed so the last ends above the image", () => {
    const spec = imageGrid(nd(Array(2 * 784).fill(0), [2, 28, 28]), { titles: ["true: shirt\n→ coat", "one line"] }) as any;
    const text = spec.layer.find((l: any) => l.mark.type === "text");
    expect(text.data.values.map((d: any) => d.t)).toEqual([["true: shirt", "→ coat"], "one line"]);
    // 3 px per image pixel; 2 lines of 12 px and 3 px of margin take ceil(27 / 3) = 9 image pixels above each image.
    expect(spec.height).toBe((9 + 28) * 3);
    expect(text.data.values[1].y * 3).toBeCloseTo(9 * 3 - 2);
    expect(text.data.values[0].y * 3).toBeCloseTo(9 * 3 - 2 - 12);
    const { svg } = toSVG(spec);
    expect(svg).toContain("<tspan>true: shirt</tspan><tspan x=\"0\" dy=\"12\">→ coat</tspan>");
  });

  it("explains wrong inputs", () => {
    expect(() => imageGrid(nd([1, 2, 3, 4], [2, 2]))).toThrow("expected images of shape (n, h, w), (n, h, w, 1) or (n, h, w, 3), or flattened ones with opts.shape; got shape (2, 2)");
    expect(() => imageGrid(nd(Array(8).fill(0), [4, 2]), { shape: [2, 2] })).toThrow(
      "images of shape (2, 2, 1) have 4 values each, but the array of shape (4, 2) gives 2; pass examplesAsColumns: true for the labs' (n_x, m) layout",
    );
    expect(() => imageGrid(nd([0, 1], [2, 1, 1]), { titles: ["one"] })).toThrow("got 1 titles for 2 images");
    expect(() => imageGrid(nd([0, NaN], [1, 1, 2]))).toThrow("images contain NaN or infinite values");
    expect(() => imageGrid(nd([], [0, 2, 2]))).toThrow("no images to show");
  });
});

describe("imageGrid renders", () => {
  it("every pixel in its place, upright: the rendered grid reads back as the input", () => {
    // Three 4x5 images with distinct values, 10 CSS pixels per image pixel, 2 per row.
    const n = 3, h = 4, w = 5;
    const values = Array.from({ length: n * h * w }, (_, t) => (t * 37) % 256);
    const spec = imageGrid(nd(values, [n, h, w]), { imageSize: 50, columns: 2, frame: false });
    const img = pixels(spec);
    const gap = 1; // max(1, round(5 / 8)) image pixels between images
    expect([img.width, img.height]).toEqual([2 * PAD + (2 * w + gap) * 10, 2 * PAD + (2 * h + gap) * 10]);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const x = PAD + ((k % 2) * (w + gap) + j) * 10 + 5;
          const y = PAD + (Math.floor(k / 2) * (h + gap) + i) * 10 + 5;
          const [r, g, b] = img.rgb(x, y);
          const v = values[(k * h + i) * w + j];
          expect(Math.abs(r - v), `image ${k} pixel (${i}, ${j})`).toBeLessThanOrEqual(1);
          expect([g, b]).toEqual([r, r]);
        }
      }
    }
    // The empty fourth cell stays white.
    expect(img.rgb(PAD + (w + gap) * 10 + 25, PAD + (h + gap) * 10 + 20)).toEqual([255, 255, 255]);
  });

  it("RGB pixels keep their colours", () => {
    const img = pixels(imageGrid(nd([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0], [1, 2, 2, 3]), { imageSize: 40, frame: false }));
    expect(img.rgb(PAD + 10, PAD + 10)).toEqual([255, 0, 0]);
    expect(img.rgb(PAD + 30, PAD + 10)).toEqual([0, 255, 0]);
    expect(img.rgb(PAD + 10, PAD + 30)).toEqual([0, 0, 255]);
    expect(img.rgb(PAD + 30, PAD + 30)).toEqual([255, 255, 0]);
  });

  it("16 of the dataset's 28x28 images with titles: a compact spec, a PNG in well under a second", () => {
    const [X, Y] = load_dataset();
    const titles = Array.from(Y.data.subarray(0, 16), (y) => (y ? "shirt" : "non-shirt"));
    const t0 = performance.now();
    const spec = plot.imageGrid(X.slice("0:16"), { titles, title: "Training images" });
    const { png, width, height } = toPNG(spec);
    const seconds = (performance.now() - t0) / 1000;
    expect(JSON.stringify(spec).length).toBeLessThan(100_000);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    // 8 images of 84 px (3 px per pixel) per row, 4-pixel gaps; two rows; the frames' strokes reach 1 px beyond.
    expect(width).toBe(2 * PAD + (8 * 28 + 7 * 4) * 3 + 2);
    expect(seconds).toBeLessThan(3);
    const { svg } = toSVG(spec);
    expect(svg).toContain(">Training images</text>");
    expect(svg.match(/>non-shirt<\/text>/g)!.length + (svg.match(/>shirt<\/text>/g) ?? []).length).toBe(16);
    expect(svg.match(/stroke="#c8c8c8"/g)).toHaveLength(16);
  });
});
