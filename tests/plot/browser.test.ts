// A chart output from a real kernel, seen in headless Chromium two ways:
//  - where Vega-Lite is rendered: the spec object through vega-embed 6 + vega-lite 5, the call
//    JupyterLab's renderer makes (the page has no PNG, so any chart pixels are vega-embed's);
//  - in HTML exported by Debian's `jupyter nbconvert --to html`, which shows the PNG.
// Each page is screenshotted and the screenshot decoded: both label colours must be on it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runNotebookFiles, type NotebookResult } from "../../src/notebook/execute";
import { writeNotebook, type DisplayDataOutput } from "../../src/notebook/nbformat";

const ROOT = join(__dirname, "..", "..");
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-browser-"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function chromium(args: string[]): string {
  return execFileSync("/usr/bin/chromium", [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${mkdtempSync(join(work, "profile-"))}`,
    "--window-size=1000,900", "--virtual-time-budget=10000", ...args,
  ], { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 }).toString();
}

/** RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
function decodePNG(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colorType, , , interlace] = png.subarray(24, 29);
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, color type ${colorType}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const pred = [0, a, b, Math.floor((a + b) / 2), Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][filter];
      px[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + pred) & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(px.subarray(i * bpp, i * bpp + 3), i * 4);
    rgba[i * 4 + 3] = bpp === 4 ? px[i * bpp + 3] : 255;
  }
  return { width, height, rgba };
}

/** Pixels in the two first colours of Vega's default scheme (#4c78a8 blue, #f58518 orange),
 *  with slack for antialiasing and the points' 0.9 opacity. */
function labelColours(png: Buffer): { blue: number; orange: number } {
  const { rgba } = decodePNG(png);
  let blue = 0;
  let orange = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
    if (Math.abs(r - 88) < 25 && Math.abs(g - 128) < 25 && Math.abs(b - 172) < 25) blue++;
    if (Math.abs(r - 245) < 25 && Math.abs(g - 145) < 30 && Math.abs(b - 45) < 45) orange++;
  }
  return { blue, orange };
}

it("shows a chart output interactively with vega-embed and as its PNG in nbconvert HTML", async () => {
  const path = join(ROOT, "tests", "notebooks", "chart.ipynb");
  const result = (await runNotebookFiles([path], { timeout: 60_000 })).get(path) as NotebookResult;
  expect(result.ok).toBe(true);
  const executed = join(work, "chart.ipynb");
  writeNotebook(executed, result.notebook);
  const cell = result.notebook.cells.find((c) => c.cell_type === "code");
  const output = (cell?.cell_type === "code" ? cell.outputs[0] : undefined) as DisplayDataOutput;
  const spec = output.data["application/vnd.vegalite.v5+json"];

  const lib = (p: string) => `file://${join(ROOT, "node_modules", p)}`;
  const page = join(work, "vega.html");
  writeFileSync(page, `<!doctype html>
<html><head><meta charset="utf-8">
<script src="${lib("vega/build/vega.min.js")}"></script>
<script src="${lib("vega-lite/build/vega-lite.min.js")}"></script>
<script src="${lib("vega-embed/build/vega-embed.min.js")}"></script>
</head><body><div id="chart"></div><script>
vegaEmbed("#chart", ${JSON.stringify(spec)}, { actions: true, defaultStyle: true, mode: "vega-lite" })
  .then(() => { document.body.dataset.status = "rendered"; })
  .catch((e) => { document.body.dataset.status = "error: " + e; });
</script></body></html>`);
  const dom = chromium(["--dump-dom", `file://${page}`]);
  expect(dom).toContain('data-status="rendered"');
  expect(dom).toMatch(/<canvas[^>]*class="marks"/);
  const interactive = join(work, "vega.png");
  chromium([`--screenshot=${interactive}`, `file://${page}`]);

  execFileSync("jupyter", ["nbconvert", "--to", "html", executed, "--output-dir", work], { stdio: "pipe" });
  const html = readFileSync(join(work, "chart.html"), "utf8");
  const size = output.metadata["image/png"] as { width: number; height: number };
  expect(html).toContain(`<img src="data:image/png;base64,${output.data["image/png"]}"\nwidth=${size.width}\nheight=${size.height}`);
  const exported = join(work, "exported.png");
  chromium([`--screenshot=${exported}`, `file://${join(work, "chart.html")}`]);

  for (const shot of [interactive, exported]) {
    const { blue, orange } = labelColours(readFileSync(shot));
    expect({ shot, blue: blue > 40, orange: orange > 40 }).toEqual({ shot, blue: true, orange: true });
  }
  // Not vacuous: a blank page has none of either colour.
  const blank = join(work, "blank.html");
  writeFileSync(blank, "<!doctype html><p>no chart</p>");
  const blankShot = join(work, "blank.png");
  chromium([`--screenshot=${blankShot}`, `file://${blank}`]);
  expect(labelColours(readFileSync(blankShot))).toEqual({ blue: 0, orange: 0 });
}, 180_000);
