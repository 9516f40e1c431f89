// Pictures as Vega-Lite charts: a grid of grey or RGB images (dataset samples, MNIST digits, CNN
// filters, feature maps), each with an optional title. One rect per run of equal pixels along a
// row, stored per image as parallel arrays that a `flatten` transform expands, so 16 MNIST
// digits stay a few tens of kilobytes of JSON and render in well under a second.
import { NDArray, shapeStr } from "../np/ndarray";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./spec";

/** The options of `imageGrid`. */
export interface ImageGridOptions {
  /** The chart's title, shown above the grid. Default none. */
  title?: string;
  /** One title per image, shown above it (e.g. its label or "y = 1"); "\n" starts a new line. Default none. */
  titles?: readonly (string | number | boolean)[];
  /** Images per row. Default: all images in one row, at most 8 per row. */
  columns?: number;
  /** The width of each image in CSS pixels (its height follows the aspect ratio). Default: about 84, a whole number of pixels per image pixel. */
  imageSize?: number;
  /**
   * The shape of one image, [h, w] or [h, w, channels], when `images` is flattened: (n, h*w*c),
   * one image per row, or (h*w*c, n), one per column (the labs' X), with `examplesAsColumns`.
   * A flattened image is read in numpy's row-major order, as `x.reshape(h, w, c)` would.
   */
  shape?: readonly number[];
  /** Flattened images are the columns of `images`, shape (h*w*c, n), as the labs' X. Default false. */
  examplesAsColumns?: boolean;
  /**
   * The grey levels' range [black, white]. Default: [0, 255] when any value exceeds 1, [0, 1] when
   * all values lie in [0, 1], otherwise the values' min and max (filters, feature maps).
   */
  domain?: [number, number];
  /** Scale each image to its own min..max, as is usual for CNN filters and feature maps. Default false. */
  normalize?: boolean;
  /** A light grey outline around each image. Default true. */
  frame?: boolean;
  /** Grey images' colours: "gray" (0 black, as matplotlib's cmap="gray"), "gray_r" (0 white), or a Vega scheme name such as "viridis". Default "gray". */
  cmap?: string;
}

interface Grid {
  n: number;
  h: number;
  w: number;
  c: number;
  /** pixel (k, i, j, ch) */
  at: (k: number, i: number, j: number, ch: number) => number;
}

function gridOf(images: NDArray, opts: ImageGridOptions): Grid {
  const s = images.shape;
  const d = images.data;
  if (opts.shape !== undefined) {
    const [h, w, c = 1] = opts.shape;
    if (opts.shape.length < 2 || opts.shape.length > 3) throw new Error(`shape must be [h, w] or [h, w, channels], got [${opts.shape.join(", ")}]`);
    if (images.ndim !== 2) throw new Error(`flattened images must be 2-D, got shape ${shapeStr(s)}`);
    const size = h * w * c;
    const [n, len] = opts.examplesAsColumns ? [s[1], s[0]] : [s[0], s[1]];
    if (len !== size) {
      const hint = !opts.examplesAsColumns && s[0] === size ? "; pass examplesAsColumns: true for the labs' (n_x, m) layout" : "";
      throw new Error(`images of shape (${[h, w, c].join(", ")}) have ${size} values each, but the array of shape ${shapeStr(s)} gives ${len}${hint}`);
    }
    const at = opts.examplesAsColumns
      ? (k: number, i: number, j: number, ch: number) => d[((i * w + j) * c + ch) * n + k]
      : (k: number, i: number, j: number, ch: number) => d[k * size + (i * w + j) * c + ch];
    return { n, h, w, c, at };
  }
  if (images.ndim === 3) {
    const [n, h, w] = s;
    return { n, h, w, c: 1, at: (k, i, j) => d[(k * h + i) * w + j] };
  }
  if (images.ndim === 4 && (s[3] === 1 || s[3] === 3)) {
    const [n, h, w, c] = s;
    return { n, h, w, c, at: (k, i, j, ch) => d[((k * h + i) * w + j) * c + ch] };
  }
  throw new Error(
    `expected images of shape (n, h, w), (n, h, w, 1) or (n, h, w, 3), or flattened ones with opts.shape; got shape ${shapeStr(s)}`,
  );
}

/** A value's grey level 0..255 over [lo, hi], clamped: 256 levels are all a screen shows. */
function level(v: number, lo: number, hi: number): number {
  const t = hi > lo ? (v - lo) / (hi - lo) : 0;
  return Math.round(Math.min(1, Math.max(0, t)) * 255);
}

/**
 * Shows images in a grid, each with an optional title: dataset samples, digits, CNN filters, feature maps.
 *
 * `images` is (n, h, w) grey, (n, h, w, 1) grey or (n, h, w, 3) RGB, with values 0..255 or 0..1
 * (any range for grey: see `domain` and `normalize`); or flattened, (n, h*w*c) or the labs'
 * (h*w*c, n), with `shape: [h, w, c]`. Replaces the labs' `plt.imshow(train_set_x_orig[index])`,
 * for several images at once. For a CNN's channels, put them first: example 0's feature maps of
 * A (m, n_H, n_W, n_C) are `np.transpose(A.slice(0), [2, 0, 1])`, and the filters W (f, f, 1, n_C)
 * are `np.transpose(W.reshape(f, f, -1), [2, 0, 1])`; `normalize: true` shows each on its own range.
 *
 * @param images - the images: an NDArray of shape (n, h, w), (n, h, w, 1), (n, h, w, 3), or 2-D flattened with opts.shape
 * @param opts - title, titles (one per image), columns (default min(n, 8)), imageSize (default about 84 px), shape, examplesAsColumns, domain, normalize, frame (default true), cmap; default {}
 * @returns a Vega-Lite spec (a plain object you can edit), to pass to `plot.show`
 * @example plot.show(plot.imageGrid(train_set_x_orig.slice("0:8"), { titles: ["a", "b", "c", "d", "e", "f", "g", "h"] }));
 */
export function imageGrid(images: NDArray, opts: ImageGridOptions = {}): VegaLiteSpec {
  const { n, h, w, c, at } = gridOf(images, opts);
  if (n === 0) throw new Error("no images to show");
  if (opts.titles !== undefined && opts.titles.length !== n) throw new Error(`got ${opts.titles.length} titles for ${n} images`);
  const columns = Math.max(1, Math.min(n, opts.columns ?? 8));
  const rows = Math.ceil(n / columns);
  // By default a whole number of CSS pixels per image pixel (about 84 px per image), so rects meet without seams.
  const scale = opts.imageSize !== undefined ? opts.imageSize / w : Math.max(1, Math.round(84 / w));
  const gap = Math.max(1, Math.round(Math.max(h, w) / 8));
  const titled = opts.titles !== undefined;
  // Titles may have several lines ("true: shirt\npredicted: coat"); grid units above each image for them.
  const titleLines = titled ? opts.titles!.map((t) => String(t).split("\n")) : [];
  const lineCount = Math.max(0, ...titleLines.map((l) => l.length));
  const titleRoom = titled ? Math.ceil((3 + 12 * lineCount) / scale) : 0;
  const cellW = w + gap;
  const cellH = h + gap + titleRoom;
  const totalW = columns * cellW - gap;
  const totalH = rows * cellH - gap;

  // The value range of the whole grid, for the default domain.
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let ch = 0; ch < c; ch++) {
    const v = at(k, i, j, ch);
    if (!Number.isFinite(v)) throw new Error("images contain NaN or infinite values");
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const domain: [number, number] = opts.domain ?? (hi > 1 && lo >= 0 ? [0, 255] : lo >= 0 && hi <= 1 ? [0, 1] : [lo, hi]);

  // Per image: runs of equal grey levels (0..255 over the domain, as a PNG would store them) or
  // colours along each row, as parallel arrays n (run length) and v (level or "#rrggbb"). Runs never
  // cross a row; where a run starts follows from the lengths before it.
  const values = [];
  for (let k = 0; k < n; k++) {
    let [klo, khi] = domain;
    if (opts.normalize) {
      klo = Infinity;
      khi = -Infinity;
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let ch = 0; ch < c; ch++) {
        const v = at(k, i, j, ch);
        klo = Math.min(klo, v);
        khi = Math.max(khi, v);
      }
    }
    const shown = (i: number, j: number): number | string =>
      c === 3
        ? "#" + level(at(k, i, j, 0), klo, khi).toString(16).padStart(2, "0") + level(at(k, i, j, 1), klo, khi).toString(16).padStart(2, "0") +
          level(at(k, i, j, 2), klo, khi).toString(16).padStart(2, "0")
        : level(at(k, i, j, 0), klo, khi);
    const len: number[] = [];
    const v: (number | string)[] = [];
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; ) {
        const x = shown(i, j);
        let j2 = j + 1;
        while (j2 < w && shown(i, j2) === x) j2++;
        len.push(j2 - j);
        v.push(x);
        j = j2;
      }
    }
    values.push({ k, n: len, v });
  }

  const width = Math.round(totalW * scale);
  const height = Math.round(totalH * scale);
  const axisless = { axis: null };
  const place = [
    { flatten: ["n", "v"] },
    // Where each run ends: the running sum of the lengths within its image (in the arrays' order).
    { window: [{ op: "sum" as const, field: "n", as: "e" }], groupby: ["k"], frame: [null, 0] as [null, number] },
    // Image k sits in grid cell (row floor(k / columns), column k % columns); a run starts at pixel p = e - n, (floor(p / w), p % w).
    { calculate: `(datum.k % ${columns}) * ${cellW} + (datum.e - datum.n) % ${w}`, as: "x" },
    { calculate: `datum.x + datum.n`, as: "x2" },
    { calculate: `floor(datum.k / ${columns}) * ${cellH} + ${titleRoom} + floor((datum.e - datum.n) / ${w})`, as: "y" },
    { calculate: `datum.y + 1`, as: "y2" },
  ];
  const xScale = { domain: [0, totalW], nice: false, zero: false };
  const yScale = { domain: [0, totalH], nice: false, zero: false, reverse: true };
  const grey = [0, 255];
  const cmap = opts.cmap ?? "gray";
  const colour =
    c === 3
      ? { field: "v", type: "nominal" as const, scale: null, legend: null }
      : {
        field: "v",
        type: "quantitative" as const,
        legend: null,
        scale: cmap === "gray" || cmap === "gray_r"
          ? { domain: grey, range: cmap === "gray" ? ["#000000", "#ffffff"] : ["#ffffff", "#000000"], interpolate: "rgb" as const, clamp: true, nice: false, zero: false }
          : { domain: grey, scheme: cmap, clamp: true, nice: false, zero: false },
      };
  const pixels = {
    data: { values },
    transform: place,
    mark: { type: "rect" as const },
    encoding: {
      x: { field: "x", type: "quantitative" as const, scale: xScale, ...axisless },
      x2: { field: "x2" },
      y: { field: "y", type: "quantitative" as const, scale: yScale, ...axisless },
      y2: { field: "y2" },
      color: colour,
    },
  };
  const layers: object[] = [pixels];
  if (opts.frame ?? true) {
    // A light outline around each image, so white pixels at its border still show where it ends.
    layers.push({
      data: {
        values: Array.from({ length: n }, (_, k) => {
          const [x, y] = [(k % columns) * cellW, Math.floor(k / columns) * cellH + titleRoom];
          return { x, x2: x + w, y, y2: y + h };
        }),
      },
      mark: { type: "rect", filled: false, stroke: "#c8c8c8", strokeWidth: 1 },
      encoding: {
        x: { field: "x", type: "quantitative", scale: xScale, ...axisless },
        x2: { field: "x2" },
        y: { field: "y", type: "quantitative", scale: yScale, ...axisless },
        y2: { field: "y2" },
      },
    });
  }
  if (titled) {
    layers.push({
      data: { values: titleLines.map((t, k) => ({ x: (k % columns) * cellW + w / 2, y: Math.floor(k / columns) * cellH + titleRoom - (2 + 12 * (t.length - 1)) / scale, t: t.length === 1 ? t[0] : t })) },
      // The first line's baseline: vega stacks further lines below it. Without a canvas vega guesses a
      // text's width as 0.8 x font size per character, about 1.5 times the real width; a limit of
      // a cell and a half-gap fits what a browser, which measures text, shows without overlap.
      mark: { type: "text", baseline: "bottom", fontSize: 10, lineHeight: 12, limit: Math.max(20, (cellW + gap / 2) * scale) },
      encoding: {
        x: { field: "x", type: "quantitative", scale: xScale, ...axisless },
        y: { field: "y", type: "quantitative", scale: yScale, ...axisless },
        text: { field: "t", type: "nominal" },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    width,
    height,
    view: { stroke: null },
    layer: layers,
  } as VegaLiteSpec;
}
