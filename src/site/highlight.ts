// Code highlighted at build time with highlight.js: code cells as TypeScript, fenced blocks in
// their declared language (plain, escaped text when highlight.js does not know it).
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import javascript from "highlight.js/lib/languages/javascript";
import python from "highlight.js/lib/languages/python";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("python", python);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);

/** `&`, `<`, `>`, `"` and `'` as HTML entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const ALIASES: { [alias: string]: string } = { ts: "typescript", js: "javascript", sh: "bash" };

/** The highlighted HTML of `code` (the inside of a `<code>` element). */
export function highlight(code: string, language = "typescript"): string {
  const lang = language.toLowerCase();
  const name = ALIASES[lang] ?? lang;
  if (!hljs.getLanguage(name)) return escapeHtml(code);
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
