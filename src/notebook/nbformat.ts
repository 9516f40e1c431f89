// nbformat 4.5: the notebook types, reading (with upgrade of older 4.x minors), a validator that
// follows the published JSON schema rule by rule, and a writer whose layout matches Jupyter's
// (sorted keys, one-space indent, text split into lines) so notebooks diff cleanly whoever saved them.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

/** A string, or the same string split into lines (each keeping its "\n"), as nbformat stores text. */
export type MultilineString = string | string[];
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };
export type JSONObject = { [key: string]: JSONValue };
/** MIME type -> representation, e.g. {"text/plain": "...", "image/png": "<base64>"}. */
export type MimeBundle = { [mime: string]: JSONValue };

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: JSONObject;
}
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: JSONObject;
}
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

interface CellBase {
  id: string;
  metadata: JSONObject;
  source: MultilineString;
}
export interface CodeCell extends CellBase {
  cell_type: "code";
  execution_count: number | null;
  outputs: Output[];
}
export interface MarkdownCell extends CellBase {
  cell_type: "markdown";
  attachments?: { [name: string]: MimeBundle };
}
export interface RawCell extends CellBase {
  cell_type: "raw";
  attachments?: { [name: string]: MimeBundle };
}
export type Cell = CodeCell | MarkdownCell | RawCell;

export interface KernelSpecMetadata {
  name: string;
  display_name: string;
  language?: string;
}
export interface NotebookMetadata {
  kernelspec?: KernelSpecMetadata;
  language_info?: { name: string } & JSONObject;
  [key: string]: unknown;
}
export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: NotebookMetadata;
  cells: Cell[];
}

/** The kernelspec nnlab's notebooks run on (what `tslab install` registers). */
export const TSLAB_KERNELSPEC: KernelSpecMetadata = {
  name: "tslab",
  display_name: "TypeScript",
  language: "typescript",
};

export function joinLines(text: MultilineString): string {
  return typeof text === "string" ? text : text.join("");
}

/** Splits after each "\n", keeping it, as nbformat stores text on disk. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A fresh cell id: 16 hex characters, well inside the schema's 1-64 [a-zA-Z0-9-_]. */
export function newCellId(): string {
  return randomBytes(8).toString("hex");
}

export function newNotebook(cells: Cell[] = []): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { ...TSLAB_KERNELSPEC } }, cells };
}

export function codeCell(source: string, metadata: JSONObject = {}): CodeCell {
  return { id: newCellId(), cell_type: "code", metadata, source, execution_count: null, outputs: [] };
}

export function markdownCell(source: string): MarkdownCell {
  return { id: newCellId(), cell_type: "markdown", metadata: {}, source };
}

/**
 * Parses notebook JSON. nbformat 4.0-4.4 notebooks are upgraded to 4.5 by giving each cell an id,
 * as nbformat's own reader does; anything else that is not valid 4.5 is rejected with every problem.
 */
export function parseNotebook(json: string, name = "notebook"): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`${name}: not valid JSON: ${(e as Error).message}`);
  }
  if (isObject(raw) && raw.nbformat === 4 && typeof raw.nbformat_minor === "number" && raw.nbformat_minor < 5) {
    raw.nbformat_minor = 5;
    if (Array.isArray(raw.cells)) {
      for (const cell of raw.cells) if (isObject(cell) && cell.id === undefined) cell.id = newCellId();
    }
  }
  const problems = validateNotebook(raw);
  if (problems.length > 0) {
    throw new Error(`${name}: not a valid nbformat 4.5 notebook:\n  ${problems.join("\n  ")}`);
  }
  return raw as Notebook;
}

export function readNotebook(path: string): Notebook {
  return parseNotebook(readFileSync(path, "utf8"), path);
}

/** Jupyter's on-disk layout: keys sorted, indent 1, text split into lines, final newline. */
export function serializeNotebook(nb: Notebook): string {
  return stringifySorted(splitNotebookText(nb)) + "\n";
}

export function writeNotebook(path: string, nb: Notebook): void {
  const problems = validateNotebook(nb);
  if (problems.length > 0) throw new Error(`refusing to write an invalid notebook to ${path}:\n  ${problems.join("\n  ")}`);
  writeFileSync(path, serializeNotebook(nb));
}

// nbformat splits source, stream text and the text-like MIME types into lines; JSON MIME types and
// base64 images stay as they are.
const SPLIT_MIMES = new Set(["application/javascript", "image/svg+xml"]);

function splitBundle(bundle: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(bundle)) {
    out[mime] = typeof value === "string" && (mime.startsWith("text/") || SPLIT_MIMES.has(mime)) ? splitLines(value) : value;
  }
  return out;
}

function splitOutput(output: Output): Output {
  switch (output.output_type) {
    case "stream":
      return { ...output, text: splitLines(joinLines(output.text)) };
    case "display_data":
    case "execute_result":
      return { ...output, data: splitBundle(output.data) };
    case "error":
      return output;
  }
}

function splitNotebookText(nb: Notebook): Notebook {
  const cells = nb.cells.map((cell): Cell => {
    const source = splitLines(joinLines(cell.source));
    if (cell.cell_type === "code") return { ...cell, source, outputs: cell.outputs.map(splitOutput) };
    const attachments = cell.attachments && mapValues(cell.attachments, splitBundle);
    return attachments ? { ...cell, source, attachments } : { ...cell, source };
  });
  return { ...nb, cells };
}

function mapValues<T, U>(obj: { [k: string]: T }, f: (v: T) => U): { [k: string]: U } {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(v)]));
}

/** JSON.stringify with keys sorted at every level (Python's sort_keys=True), indent 1. */
function stringifySorted(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isObject(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
  }, 1);
}

// ---------------------------------------------------------------------------------------------
// Validation. Each check mirrors a rule of nbformat.v4.5.schema.json; messages name the JSON path.

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  /** Checks the keys of an object: required present, nothing outside `allowed` (when given). */
  keys(path: string, obj: { [key: string]: unknown }, required: string[], allowed?: string[]): void {
    for (const k of required) if (!(k in obj)) this.add(path, `missing required property '${k}'`);
    if (allowed) for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.add(path, `unexpected property '${k}'`);
  }
  type(path: string, v: unknown, want: "string" | "boolean" | "object" | "array"): boolean {
    const ok = want === "object" ? isObject(v) : want === "array" ? Array.isArray(v) : typeof v === want;
    if (!ok) this.add(path, `expected ${want === "array" || want === "object" ? "an " : "a "}${want}`);
    return ok;
  }
  multiline(path: string, v: unknown): void {
    if (typeof v === "string") return;
    if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) this.add(path, "expected a string or an array of strings");
  }
  count(path: string, v: unknown, nullable: boolean, minimum: number): void {
    if (v === null && nullable) return;
    if (typeof v !== "number" || !Number.isInteger(v) || v < minimum) {
      this.add(path, `expected an integer >= ${minimum}${nullable ? " or null" : ""}`);
    }
  }
}

const CELL_ID = /^[a-zA-Z0-9-_]+$/;
const JSON_MIME = /^application\/(.*\+)?json$/;

/** Every way `nb` departs from nbformat 4.5 (empty when valid), plus duplicate cell ids. */
export function validateNotebook(nb: unknown): string[] {
  const p = new Problems();
  if (!p.type("notebook", nb, "object")) return p.list;
  const o = nb as { [key: string]: unknown };
  p.keys("notebook", o, ["metadata", "nbformat_minor", "nbformat", "cells"], ["metadata", "nbformat_minor", "nbformat", "cells"]);
  if ("nbformat" in o && o.nbformat !== 4) p.add("nbformat", "expected 4");
  if ("nbformat_minor" in o) p.count("nbformat_minor", o.nbformat_minor, false, 5);
  if ("metadata" in o) validateNotebookMetadata(p, o.metadata);
  if ("cells" in o && p.type("cells", o.cells, "array")) {
    const seen = new Set<string>();
    (o.cells as unknown[]).forEach((cell, i) => {
      validateCell(p, `cells[${i}]`, cell);
      const id = isObject(cell) ? cell.id : undefined;
      if (typeof id === "string") {
        if (seen.has(id)) p.add(`cells[${i}].id`, `duplicate cell id '${id}'`);
        seen.add(id);
      }
    });
  }
  return p.list;
}

function validateNotebookMetadata(p: Problems, md: unknown): void {
  if (!p.type("metadata", md, "object")) return;
  const m = md as { [key: string]: unknown };
  if ("kernelspec" in m && p.type("metadata.kernelspec", m.kernelspec, "object")) {
    const ks = m.kernelspec as { [key: string]: unknown };
    p.keys("metadata.kernelspec", ks, ["name", "display_name"]);
    for (const k of ["name", "display_name"]) if (k in ks) p.type(`metadata.kernelspec.${k}`, ks[k], "string");
  }
  if ("language_info" in m && p.type("metadata.language_info", m.language_info, "object")) {
    const li = m.language_info as { [key: string]: unknown };
    p.keys("metadata.language_info", li, ["name"]);
    for (const k of ["name", "file_extension", "mimetype", "pygments_lexer"]) {
      if (k in li) p.type(`metadata.language_info.${k}`, li[k], "string");
    }
    if ("codemirror_mode" in li && typeof li.codemirror_mode !== "string" && !isObject(li.codemirror_mode)) {
      p.add("metadata.language_info.codemirror_mode", "expected a string or an object");
    }
  }
  if ("orig_nbformat" in m) p.count("metadata.orig_nbformat", m.orig_nbformat, false, 1);
  if ("title" in m) p.type("metadata.title", m.title, "string");
  if ("authors" in m) p.type("metadata.authors", m.authors, "array");
}

const CELL_KEYS: { [type: string]: string[] } = {
  code: ["id", "cell_type", "metadata", "source", "outputs", "execution_count"],
  markdown: ["id", "cell_type", "metadata", "source", "attachments"],
  raw: ["id", "cell_type", "metadata", "source", "attachments"],
};

function validateCell(p: Problems, path: string, cell: unknown): void {
  if (!p.type(path, cell, "object")) return;
  const c = cell as { [key: string]: unknown };
  const allowed = CELL_KEYS[String(c.cell_type)];
  if (!allowed) {
    p.add(`${path}.cell_type`, `expected "code", "markdown" or "raw", got ${JSON.stringify(c.cell_type)}`);
    return;
  }
  p.keys(path, c, allowed.filter((k) => k !== "attachments"), allowed);
  if ("id" in c && p.type(`${path}.id`, c.id, "string")) {
    const id = c.id as string;
    if (!CELL_ID.test(id) || id.length > 64) p.add(`${path}.id`, `'${id}' is not 1-64 characters of [a-zA-Z0-9-_]`);
  }
  if ("source" in c) p.multiline(`${path}.source`, c.source);
  if ("metadata" in c) validateCellMetadata(p, `${path}.metadata`, c.metadata, c.cell_type === "code");
  if ("attachments" in c && p.type(`${path}.attachments`, c.attachments, "object")) {
    for (const [name, bundle] of Object.entries(c.attachments as object)) validateBundle(p, `${path}.attachments.${name}`, bundle);
  }
  if (c.cell_type !== "code") return;
  if ("execution_count" in c) p.count(`${path}.execution_count`, c.execution_count, true, 0);
  if ("outputs" in c && p.type(`${path}.outputs`, c.outputs, "array")) {
    (c.outputs as unknown[]).forEach((out, i) => validateOutput(p, `${path}.outputs[${i}]`, out));
  }
}

function validateCellMetadata(p: Problems, path: string, md: unknown, isCode: boolean): void {
  if (!p.type(path, md, "object")) return;
  const m = md as { [key: string]: unknown };
  if ("name" in m && p.type(`${path}.name`, m.name, "string") && (m.name as string).length === 0) {
    p.add(`${path}.name`, "must not be empty");
  }
  if ("tags" in m && p.type(`${path}.tags`, m.tags, "array")) {
    const tags = m.tags as unknown[];
    tags.forEach((t, i) => {
      if (typeof t !== "string" || t.length === 0 || t.includes(",")) p.add(`${path}.tags[${i}]`, "expected a non-empty string without commas");
    });
    if (new Set(tags).size !== tags.length) p.add(`${path}.tags`, "tags must be unique");
  }
  if ("jupyter" in m) p.type(`${path}.jupyter`, m.jupyter, "object");
  if (!isCode) return;
  if ("collapsed" in m) p.type(`${path}.collapsed`, m.collapsed, "boolean");
  if ("scrolled" in m && m.scrolled !== true && m.scrolled !== false && m.scrolled !== "auto") {
    p.add(`${path}.scrolled`, 'expected true, false or "auto"');
  }
  if ("execution" in m && p.type(`${path}.execution`, m.execution, "object")) {
    for (const [k, v] of Object.entries(m.execution as object)) p.type(`${path}.execution.${k}`, v, "string");
  }
}

function validateBundle(p: Problems, path: string, bundle: unknown): void {
  if (!p.type(path, bundle, "object")) return;
  for (const [mime, value] of Object.entries(bundle as object)) {
    // JSON MIME types may hold any JSON value; every other type holds text.
    if (!JSON_MIME.test(mime)) p.multiline(`${path}["${mime}"]`, value);
  }
}

const OUTPUT_KEYS: { [type: string]: string[] } = {
  execute_result: ["output_type", "data", "metadata", "execution_count"],
  display_data: ["output_type", "data", "metadata"],
  stream: ["output_type", "name", "text"],
  error: ["output_type", "ename", "evalue", "traceback"],
};

function validateOutput(p: Problems, path: string, out: unknown): void {
  if (!p.type(path, out, "object")) return;
  const o = out as { [key: string]: unknown };
  const keys = OUTPUT_KEYS[String(o.output_type)];
  if (!keys) {
    p.add(`${path}.output_type`, `unknown output type ${JSON.stringify(o.output_type)}`);
    return;
  }
  p.keys(path, o, keys, keys);
  if ("data" in o) validateBundle(p, `${path}.data`, o.data);
  if ("metadata" in o) p.type(`${path}.metadata`, o.metadata, "object");
  if ("execution_count" in o) p.count(`${path}.execution_count`, o.execution_count, true, 0);
  if ("name" in o) p.type(`${path}.name`, o.name, "string");
  if ("text" in o) p.multiline(`${path}.text`, o.text);
  for (const k of ["ename", "evalue"]) if (k in o) p.type(`${path}.${k}`, o[k], "string");
  if ("traceback" in o && p.type(`${path}.traceback`, o.traceback, "array")) {
    if ((o.traceback as unknown[]).some((s) => typeof s !== "string")) p.add(`${path}.traceback`, "expected an array of strings");
  }
}
