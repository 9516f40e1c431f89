// Lecture markdown to HTML: CommonMark (markdown-it) with math typeset by KaTeX, fenced code
// highlighted, an id on every heading (unique within the page) and the page's outline collected.
// Links to sibling notebooks (`04-shallow-networks.ipynb#section`) become links to their pages.
import MarkdownIt from "markdown-it";
import { escapeHtml, highlight } from "./highlight";
import { mathPlugin } from "./math";

export interface Heading {
  level: number;
  /** The heading as plain text (math as its TeX source). */
  text: string;
  /** The heading rendered inline (math typeset). */
  html: string;
  id: string;
}

/** The page-wide state markdown rendering needs: ids used so far and the headings found. */
export class PageContext {
  readonly headings: Heading[] = [];
  private readonly used = new Set<string>();

  /** A URL-safe id from `text`, made unique within the page (`-2`, `-3`, ...). */
  uniqueId(text: string): string {
    const base =
      text
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "section";
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

function createRenderer(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code, lang) => `<pre class="code hljs"><code>${highlight(code, lang || "text")}</code></pre>`,
  });
  md.use(mathPlugin);
  md.renderer.rules.heading_open = (tokens, i, options, env, self) => {
    const page = (env as { page?: PageContext }).page;
    const inline = tokens[i + 1];
    if (page && inline?.type === "inline") {
      const text = (inline.children ?? []).map((t) => (t.type === "math_inline" ? `$${t.content}$` : t.content)).join("");
      const id = page.uniqueId(text.replace(/\$[^$]*\$/g, (m) => m.slice(1, -1)));
      tokens[i].attrSet("id", id);
      page.headings.push({ level: Number(tokens[i].tag.slice(1)), text, html: md.renderInline(inline.content, env), id });
    }
    return self.renderToken(tokens, i, options);
  };
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const href = String(tokens[i].attrGet("href") ?? "");
    if (href && !/^[a-z]+:/i.test(href)) tokens[i].attrSet("href", href.replace(/\.ipynb(?=$|#)/, ".html"));
    return defaultLink(tokens, i, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/** Renders one markdown cell's source into HTML, adding its headings to `page`. */
export function renderMarkdown(source: string, page: PageContext): string {
  return renderer.render(source, { page });
}

/** Plain text of markdown (for the search index): markup and math delimiters dropped. */
export function markdownText(source: string): string {
  const tokens = renderer.parse(source, {});
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.type === "inline") for (const c of t.children ?? []) parts.push(c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" ? " " : "");
    if (t.type === "fence" || t.type === "code_block") parts.push(t.content);
    if (t.type === "paragraph_close" || t.type === "heading_close") parts.push("\n");
  }
  return parts.join("").replace(/[ \t]+/g, " ").trim();
}

export { escapeHtml };
