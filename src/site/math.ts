// `$...$` and `$$...$$` in lecture markdown, rendered to HTML with KaTeX at build time. A markdown-it
// plugin: a block rule for `$$` blocks (the delimiters on their own lines or around the formula) and
// an inline rule for `$...$` (Pandoc's rules: the opening `$` is not followed by a space, the closing
// one not preceded by a space nor followed by a digit, so "$5 and $6" stays text) and inline `$$...$$`.
// A formula KaTeX cannot parse is an error of the build, with the formula in the message.
import katex from "katex";
import type MarkdownIt from "markdown-it";

type StateBlock = MarkdownIt.StateBlock;
type StateInline = MarkdownIt.StateInline;

/** A formula KaTeX rejected. */
export class MathError extends Error {}

/** Renders one formula (inline or display) to KaTeX HTML+MathML. */
export function renderMath(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, strict: "ignore", output: "htmlAndMathml" });
  } catch (e) {
    const what = e instanceof Error ? e.message : String(e);
    throw new MathError(`cannot typeset ${displayMode ? "$$" : "$"}${tex}${displayMode ? "$$" : "$"}: ${what}`);
  }
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = display ? 2 : 1;
  let pos = start + open;
  if (pos >= state.posMax) return false;
  if (!display && isSpace(src.charCodeAt(pos))) return false;
  // Find the closing delimiter, skipping escaped dollars (\$ inside a formula).
  for (;;) {
    const found = src.indexOf(display ? "$$" : "$", pos);
    if (found < 0 || found >= state.posMax) return false;
    if (src.charCodeAt(found - 1) === BACKSLASH) {
      pos = found + 1;
      continue;
    }
    if (!display) {
      if (isSpace(src.charCodeAt(found - 1))) return false;
      const after = src.charCodeAt(found + 1);
      if (after >= 0x30 && after <= 0x39) return false;
      if (found === start + 1) return false; // "$$" handled as display
    }
    if (!silent) {
      const token = state.push(display ? "math_display_inline" : "math_inline", "math", 0);
      token.content = src.slice(start + open, found);
      token.markup = display ? "$$" : "$";
    }
    state.pos = found + open;
    return true;
  }
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // an indented code block
  if (pos + 2 > max || state.src.slice(pos, pos + 2) !== "$$") return false;
  pos += 2;
  let first = state.src.slice(pos, max);
  let content: string;
  let line = startLine;
  const closesOnFirst = first.trim().endsWith("$$") && first.trim().length >= 2;
  if (closesOnFirst) {
    // `$$ x $$` on one line: a block only if nothing follows the closing `$$`.
    const trimmed = first.trim();
    content = trimmed.slice(0, -2);
    if (content.includes("$$")) return false;
  } else {
    const lines = [first];
    let closed = false;
    while (++line < endLine) {
      pos = state.bMarks[line] + state.tShift[line];
      max = state.eMarks[line];
      if (pos < max && state.tShift[line] < state.blkIndent) break;
      const text = state.src.slice(pos, max);
      const end = text.trimEnd();
      if (end.endsWith("$$")) {
        lines.push(end.slice(0, -2));
        closed = true;
        break;
      }
      lines.push(text);
    }
    if (!closed) return false;
    content = lines.join("\n");
    first = "";
  }
  if (silent) return true;
  state.line = line + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content.trim();
  token.markup = "$$";
  token.map = [startLine, state.line];
  return true;
}

/** The markdown-it plugin: registers the math rules and their renderers. */
export function mathPlugin(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, i) => renderMath(tokens[i].content, false);
  md.renderer.rules.math_display_inline = (tokens, i) => renderMath(tokens[i].content, true);
  md.renderer.rules.math_block = (tokens, i) => `<div class="math-display">${renderMath(tokens[i].content, true)}</div>\n`;
}
