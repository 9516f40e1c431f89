// The grader's side inside a student's kernel: one function, installed before any student code runs,
// that calls a student function with inputs sent as data and sends back, as data, what it returned,
// what it threw, and what its arguments look like afterwards (to catch functions that modify their
// inputs). Nothing here compares: the expected values never enter the student's kernel.
//
// The grader runs `await __nnlab_call__(fn, "<payload>")` as a cell. The reply is one display_data
// of MIME type CALL_MIME carrying the request's nonce, so output a student's code prints cannot pass
// for a reply. The function is a non-writable, non-configurable global, this module is strict (a
// sloppy-mode student function cannot reach its caller's arguments through `.caller`), and it uses
// only intrinsics captured at load time.
"use strict";
import { decode, encode, type Encoded } from "./codec";

export const CALL_MIME = "application/vnd.nnlab.call+json";

export interface CallRequest {
  nonce: string;
  args: Encoded[];
}

export type CallReply =
  | { nonce: string; ok: true; value: Encoded; argsAfter: Encoded[]; ms: number }
  | { nonce: string; ok: false; error: { ename: string; evalue: string; where: string[] }; ms: number };

const jsonParse = JSON.parse;
const now = Date.now;
const defineProperty = Object.defineProperty;
const stringOf = String;

/** The lines of a student's stack that are in their cells ("at forward (In[4]:3:12)"). */
function cellFrames(e: unknown): string[] {
  const stack = e !== null && typeof e === "object" && typeof (e as { stack?: unknown }).stack === "string" ? (e as { stack: string }).stack : "";
  const out: string[] = [];
  const lines = stack.split("\n");
  for (let i = 0; i < lines.length && out.length < 6; i++) if (/\(?In\[\d+\]:\d+:\d+\)?$/.test(lines[i])) out.push(lines[i].trim());
  return out;
}

function errorOf(e: unknown): { ename: string; evalue: string; where: string[] } {
  if (e !== null && typeof e === "object" && "message" in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { ename: stringOf(err.name ?? "Error"), evalue: stringOf(err.message), where: cellFrames(e) };
  }
  return { ename: "Uncaught", evalue: stringOf(e), where: [] };
}

type Send = (data: Record<string, unknown>) => void;

/** Installs `__nnlab_call__` in the kernel; `send` publishes one display_data bundle. */
export function install(send: Send): void {
  const call = async (fn: unknown, payload: string): Promise<void> => {
    const req = jsonParse(payload) as CallRequest;
    const started = now();
    let reply: CallReply;
    let thrown: { error: unknown } | null = null;
    try {
      if (typeof fn !== "function") throw new TypeError(`is not a function (it is ${fn === null ? "null" : typeof fn})`);
      const args = decode(req.args) as unknown[];
      let value = (fn as (...a: unknown[]) => unknown)(...args);
      if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") value = await value;
      reply = { nonce: req.nonce, ok: true, value: encode(value), argsAfter: encode(args) as Encoded[], ms: now() - started };
    } catch (e) {
      reply = { nonce: req.nonce, ok: false, error: errorOf(e), ms: now() - started };
      thrown = { error: e };
    }
    send({ [CALL_MIME]: reply });
    // The kernel's own error report names the cells and lines (source-mapped); the grader reads it.
    if (thrown) throw thrown.error;
  };
  defineProperty(globalThis, "__nnlab_call__", { value: call, writable: false, configurable: false, enumerable: false });
}

/** The cell that installs the harness, with tslab's display writer captured before student code.
 *  Everything is local to one function: tslab turns a cell's top-level names into shared exports
 *  that a later cell could redeclare. */
export function installCell(harnessPath: string): string {
  return [
    "(() => {",
    '  const t = require("tslab");',
    "  const bundle = t.display.bundle.bind(t.display);",
    `  require(${JSON.stringify(harnessPath)}).install((data: any) => bundle(data));`,
    "})();",
  ].join("\n");
}
