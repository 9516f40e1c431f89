// One executed lecture notebook as a page body: markdown cells typeset, code cells highlighted with
// their outputs, `solution` cells collapsed (or left out of the student build), the outline, and the
// per-section text the search index is built from.
import { joinLines, type Cell, type Notebook } from "../notebook/nbformat";
import { escapeHtml, highlight } from "./highlight";
import { markdownText, PageContext, renderMarkdown, type Heading } from "./markdown";
import { renderOutputs, type OutputSink } from "./outputs";

export interface SearchSection {
  /** The section's anchor on its page ("" for the top of the page). */
  anchor: string;
  heading: string;
  text: string;
}

export interface RenderedLecture {
  title: string;
  /** The first paragraph after the title, as HTML (the index's summary). */
  summary: string;
  headings: Heading[];
  body: string;
  sections: SearchSection[];
  /** How many charts the page draws. */
  charts: number;
  /** Solution cells shown (collapsed) or left out. */
  solutions: number;
}

export interface RenderOptions {
  /** Leave out every cell tagged `solution`. */
  student: boolean;
  /** Stores images; returns their URL relative to the page. */
  asset: (bytes: Buffer, extension: string) => string;
}

/** The cell's tags (nbformat `metadata.tags`). */
export function cellTags(cell: Cell): string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/** True for a cell the student build must not contain. */
export function isSolution(cell: Cell): boolean {
  return cellTags(cell).includes("solution");
}

/** Renders an executed lecture notebook into a page body. */
export function renderLecture(nb: Notebook, fallbackTitle: string, opts: RenderOptions): RenderedLecture {
  const page = new PageContext();
  const sink: OutputSink = { asset: opts.asset, page, charts: 0 };
  const parts: string[] = [];
  const sections: SearchSection[] = [{ anchor: "", heading: fallbackTitle, text: "" }];
  let summary = "";
  let solutions = 0;
  const addText = (text: string) => {
    const current = sections[sections.length - 1];
    current.text = current.text ? `${current.text}\n${text}` : text;
  };
  for (const cell of nb.cells) {
    const source = joinLines(cell.source);
    if (cell.cell_type === "markdown") {
      const before = page.headings.length;
      const html = renderMarkdown(source, page);
      parts.push(`<section class="cell markdown-cell">${html}</section>`);
      // Split the cell's text at its headings into search sections.
      const found = page.headings.slice(before);
      const text = markdownText(source);
      if (found.length === 0) addText(text);
      else {
        const lines = text.split("\n");
        let at = 0;
        for (const h of found) {
          const idx = lines.findIndex((l, i) => i >= at && l.trim() === h.text.replace(/\$/g, "").trim());
          if (idx > at) addText(lines.slice(at, idx).join("\n"));
          if (h.level === 1 && sections.length === 1 && sections[0].text === "") sections[0] = { anchor: h.id, heading: h.text, text: "" };
          else if (h.level <= 3) sections.push({ anchor: h.id, heading: h.text, text: "" });
          at = idx >= 0 ? idx + 1 : at;
        }
        if (at < lines.length) addText(lines.slice(at).join("\n"));
      }
      if (!summary && page.headings.some((h) => h.level === 1)) {
        const para = /<p>([\s\S]*?)<\/p>/.exec(html);
        if (para) summary = para[1];
      }
      continue;
    }
    if (cell.cell_type !== "code") continue;
    const solution = isSolution(cell);
    if (solution && opts.student) continue;
    if (source.trim() === "" && cell.outputs.length === 0) continue;
    const prompt = cell.execution_count === null ? "In [ ]:" : `In [${cell.execution_count}]:`;
    const input = `<div class="input"><span class="prompt" aria-hidden="true">${prompt}</span><pre class="code hljs"><code class="language-typescript">${highlight(source)}</code></pre></div>`;
    const outputs = cell.outputs.length ? `<div class="outputs">${renderOutputs(cell.outputs, sink)}</div>` : "";
    const tags = cellTags(cell);
    const cls = ["cell", "code-cell", ...tags.filter((t) => /^[a-z-]+$/.test(t)).map((t) => `tag-${t}`)].join(" ");
    if (solution) {
      solutions++;
      parts.push(`<details class="${cls} solution"><summary>Solution</summary>${input}${outputs}</details>`);
    } else {
      parts.push(`<div class="${cls}">${input}${outputs}</div>`);
      addText(source);
    }
  }
  const h1 = page.headings.find((h) => h.level === 1);
  return {
    title: h1?.text.replace(/\$/g, "") ?? fallbackTitle,
    summary,
    headings: page.headings,
    body: parts.join("\n"),
    sections: sections.filter((s) => s.text.trim() !== "" || s.anchor !== ""),
    charts: sink.charts,
    solutions,
  };
}

/** The heading as HTML for lists (the rendered inline HTML). */
export function headingHtml(h: Heading): string {
  return h.html || escapeHtml(h.text);
}
