// Compile errors of a cell as a student should see them: TypeScript's message with the cell line
// and column, the line itself with the span underlined, and, where the error is one of the numpy
// habits every student brings (W * X, axis=1, A[i, j], print(x), ...), one hint line saying the
// nnlab spelling.
import { hintsFor, type Diagnostic } from "./hints";
import type { JupyterError } from "./traceback";

export type { Diagnostic } from "./hints";

/** TypeScript names types of other files as import("/abs/path/node_modules/nnlab/dist/np/ndarray").NDArray:
 *  the student wrote NDArray. */
export function cleanMessage(text: string): string {
  return text.replace(/import\("[^"]*"\)\./g, "");
}

/** The cell line of a diagnostic with the span underlined ("^^^"), as two lines. */
export function underline(src: string, d: Diagnostic): string[] {
  const lines = src.split("\n");
  const text = lines[d.start.line];
  if (text === undefined) return [];
  const gutter = `${d.start.line + 1} | `;
  const endCol = d.end && d.end.line === d.start.line ? d.end.character : text.length;
  const width = Math.max(1, Math.min(endCol, text.length) - d.start.character);
  return [
    `    ${gutter}${text}`,
    `    ${" ".repeat(gutter.length - 2)}| ${" ".repeat(d.start.character)}${"^".repeat(width)}`,
  ];
}

function location(d: Diagnostic): string {
  return `${d.fileName ? `${d.fileName} ` : ""}${d.start.line + 1}:${d.start.character + 1}`;
}

/**
 * The Jupyter error for a cell that did not compile. `evalue` keeps tslab's one line per
 * diagnostic ("1:5 - message") plus the hints; the traceback adds the underlined cell line under
 * each diagnostic of the cell (not of imported files) and each hint once, under the first
 * diagnostic it answers.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], src: string): JupyterError {
  const traceback: string[] = [];
  const summary: string[] = [];
  const given = new Set<string>();
  let lastStart = -1;
  for (const d of diagnostics) {
    const message = `${location(d)} - ${cleanMessage(d.messageText)}`;
    traceback.push(message);
    summary.push(message);
    const inCell = !d.fileName;
    // Chained messages of one error share its position: underline once.
    if (inCell && d.start.offset !== lastStart) traceback.push(...underline(src, d));
    if (inCell) lastStart = d.start.offset;
    for (const hint of inCell ? hintsFor(d, src) : []) {
      if (given.has(hint)) continue;
      given.add(hint);
      traceback.push(`    hint: ${hint}`);
      summary.push(`hint: ${hint}`);
    }
  }
  return { ename: "TSError", evalue: summary.join("\n"), traceback };
}
