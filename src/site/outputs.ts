// A code cell's outputs as HTML. One display bundle shows its richest MIME type: Vega-Lite (drawn by
// vega-embed in the browser, its PNG shown until then and whenever scripts cannot run), then PNG,
// SVG, HTML, markdown, plain text. Streams and tracebacks keep their text and colours.
import { createHash } from "node:crypto";
import { joinLines, type JSONValue, type MimeBundle, type Output } from "../notebook/nbformat";
import { ansiToHtml } from "./ansi";
import { escapeHtml } from "./highlight";
import { renderMarkdown, type PageContext } from "./markdown";

export const VEGA_LITE_MIMES = ["application/vnd.vegalite.v5+json", "application/vnd.vegalite.v4+json"];

/** Where a page's binary assets and chart specs go while it is rendered. */
export interface OutputSink {
  /** Stores `bytes` (e.g. a PNG) and returns its URL relative to the page. */
  asset(bytes: Buffer, extension: string): string;
  /** The page's markdown context (for markdown outputs' headings). */
  page: PageContext;
  /** Counts charts on the page (their element ids). */
  charts: number;
}

/** A content-addressed asset name: the same image is stored once. */
export function assetName(bytes: Buffer, extension: string): string {
  return `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.${extension}`;
}

function text(value: JSONValue | undefined): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : "")).join("");
  return "";
}

/** JSON for a `<script type="application/json">`: `<` escaped so `</script>` cannot end it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function png(data: MimeBundle, sink: OutputSink, alt: string, cls = "output-image"): string {
  const b64 = text(data["image/png"]).replace(/\s+/g, "");
  const src = sink.asset(Buffer.from(b64, "base64"), "png");
  return `<img class="${cls}" src="${src}" alt="${escapeHtml(alt)}">`;
}

function bundle(data: MimeBundle, sink: OutputSink): string {
  const plain = text(data["text/plain"]);
  const vega = VEGA_LITE_MIMES.find((m) => m in data);
  if (vega) {
    const spec = data[vega];
    const id = `chart-${++sink.charts}`;
    const title = typeof spec === "object" && spec && !Array.isArray(spec) && typeof spec.title === "string" ? spec.title : plain || "chart";
    const fallback = "image/png" in data ? png(data, sink, title, "chart-fallback") : `<pre class="output-text">${escapeHtml(plain)}</pre>`;
    return `<figure class="chart" data-chart="${id}"><div class="vega-chart" id="${id}" aria-label="${escapeHtml(title)}"></div>${fallback}<script type="application/json" id="${id}-spec">${scriptJson(spec)}</script></figure>`;
  }
  if ("image/png" in data) return png(data, sink, plain || "image");
  if ("image/svg+xml" in data) {
    const src = sink.asset(Buffer.from(text(data["image/svg+xml"]), "utf8"), "svg");
    return `<img class="output-image" src="${src}" alt="${escapeHtml(plain || "image")}">`;
  }
  if ("text/html" in data) return `<div class="output-html">${text(data["text/html"])}</div>`;
  if ("text/markdown" in data) return `<div class="output-markdown">${renderMarkdown(text(data["text/markdown"]), sink.page)}</div>`;
  if ("text/plain" in data) return `<pre class="output-text">${ansiToHtml(plain)}</pre>`;
  return "";
}

/** The HTML of one output. */
export function renderOutput(output: Output, sink: OutputSink): string {
  switch (output.output_type) {
    case "stream":
      return `<pre class="output-stream ${output.name === "stderr" ? "stderr" : "stdout"}">${ansiToHtml(joinLines(output.text))}</pre>`;
    case "error": {
      const trace = output.traceback.length > 0 ? output.traceback.join("\n") : `${output.ename}: ${output.evalue}`;
      return `<pre class="output-error">${ansiToHtml(trace)}</pre>`;
    }
    case "execute_result":
    case "display_data":
      return bundle(output.data, sink);
  }
}

/** All outputs of a cell; consecutive stream outputs of one name are merged, as Jupyter shows them. */
export function renderOutputs(outputs: Output[], sink: OutputSink): string {
  const merged: Output[] = [];
  for (const o of outputs) {
    const prev = merged[merged.length - 1];
    if (o.output_type === "stream" && prev?.output_type === "stream" && prev.name === o.name) {
      merged[merged.length - 1] = { ...prev, text: joinLines(prev.text) + joinLines(o.text) };
    } else merged.push(o);
  }
  return merged.map((o) => renderOutput(o, sink)).join("\n");
}
