// A run-time error as a student should see it: numpy's exception name and message, then the cells
// it passed through, innermost first, each with its own line numbers and the offending line marked
// the way IPython marks it. Frames inside nnlab, Node and tslab are left out: they are how the
// library works, not where the student's code went wrong.
import { inspect } from "node:util";
import { sep } from "node:path";
import { cellPosition, type CellSourceMaps } from "./sourcemap";

/** What the patched tslab records for a cell it ran, keyed by the file name it ran under ("In[3]"). */
export interface CellRecord {
  count?: number | null;
  source: string;
  prefixLength: number;
  sourceMaps?: CellSourceMaps;
}

/** The fields of a Jupyter `error` message. */
export interface JupyterError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** One `at ...` line of a V8 stack. */
export interface StackFrame {
  fn: string | null;
  file: string;
  line: number;
  column: number;
}

/** Lines of context shown above the marked line of a cell. */
const CONTEXT_BEFORE = 2;
const CONTEXT_AFTER = 1;

/** Parses "    at fn (file:line:col)" and "    at file:line:col"; null for other lines. */
export function parseFrame(text: string): StackFrame | null {
  const m = /^\s*at (?:(.*?) \()?(?:async )?(.+?):(\d+):(\d+)\)?$/.exec(text);
  if (!m) return null;
  return { fn: m[1] ?? null, file: m[2], line: Number(m[3]), column: Number(m[4]) };
}

/** Folders whose frames are internals: nnlab's own dist (this file's parent folder) and anything
 *  installed under node_modules (tslab, vega, ...). */
const NNLAB_DIST = __dirname.slice(0, __dirname.lastIndexOf(sep) + 1);

export function isInternalFrame(frame: StackFrame): boolean {
  const f = frame.file;
  return (
    f.startsWith("node:") ||
    f.startsWith(NNLAB_DIST) ||
    f.includes(`${sep}node_modules${sep}`) ||
    f === "evalmachine.<anonymous>" ||
    f.startsWith("internal/")
  );
}

/** The cell lines around `line` (1-based), IPython style: "----> 2 code" for the line itself. */
export function excerpt(source: string, line: number, before = CONTEXT_BEFORE, after = CONTEXT_AFTER): string[] {
  const lines = source.split("\n");
  const from = Math.max(1, line - before);
  const to = Math.min(lines.length, line + after);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const mark = n === line ? "----> " : "      ";
    out.push(`${mark}${String(n).padStart(width)} ${lines[n - 1]}`);
  }
  return out;
}

/** A function name as the student wrote it: tslab calls cell functions through a proxy
 *  ("Proxy.forward_propagation"), and anonymous top-level code has no name. */
function displayName(fn: string | null): string | null {
  if (!fn) return null;
  const name = fn.replace(/^(?:Proxy|Object|exports)\./, "").replace(/^async /, "");
  return name === "<anonymous>" ? null : name;
}

/** The error's name and message as Python would print them: `ValueError: ...`. Non-Error
 *  values (a thrown string or object) show as numpy would show a raised object: its inspect form. */
function header(e: unknown): { ename: string; evalue: string } {
  if (e instanceof Error || (typeof e === "object" && e !== null && "message" in e && "name" in e)) {
    const err = e as Error;
    return { ename: String(err.name), evalue: String(err.message) };
  }
  return { ename: "Uncaught", evalue: inspect(e) };
}

/**
 * The Jupyter error for a value a cell threw: `ename`/`evalue` from the error, and a traceback of
 * the header line, then each frame in a cell ("Cell In[4], line 2, in forward_propagation" with the
 * lines around it) or in a file of the student's own (its path and line), innermost first.
 */
export function formatError(e: unknown, cells: ReadonlyMap<string, CellRecord>): JupyterError {
  const { ename, evalue } = header(e);
  const traceback = [`${ename}: ${evalue}`];
  const stack = e instanceof Error && typeof e.stack === "string" ? e.stack.split("\n") : [];
  for (const text of stack) {
    const frame = parseFrame(text);
    if (!frame) continue;
    const cell = cells.get(frame.file);
    if (cell) {
      const pos = cell.sourceMaps ? cellPosition(cell.sourceMaps, frame.line, frame.column, cell.prefixLength) : null;
      // A position that maps to no cell line is tslab's wrapper around the cell: not the student's.
      if (!pos) continue;
      const name = displayName(frame.fn);
      traceback.push(`Cell ${frame.file}, line ${pos.line}${name ? `, in ${name}` : ""}`);
      traceback.push(...excerpt(cell.source, pos.line));
      continue;
    }
    if (isInternalFrame(frame)) continue;
    const name = displayName(frame.fn);
    traceback.push(`File ${frame.file}:${frame.line}:${frame.column}${name ? `, in ${name}` : ""}`);
  }
  return { ename, evalue, traceback };
}
