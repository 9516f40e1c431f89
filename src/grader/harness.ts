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
import { createServer, type Socket } from "node:net";
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
const jsonStringify = JSON.stringify;
const now = Date.now;
const defineProperty = Object.defineProperty;
const stringOf = String;
const exitProcess = process.exit.bind(process);

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

/** Calls `fn` with the request's arguments: the reply, and the error if it threw. */
async function perform(fn: unknown, req: CallRequest): Promise<{ reply: CallReply; thrown: { error: unknown } | null }> {
  const started = now();
  try {
    if (typeof fn !== "function") throw new TypeError(`is not a function (it is ${fn === null ? "null" : typeof fn})`);
    const args = decode(req.args) as unknown[];
    let value = (fn as (...a: unknown[]) => unknown)(...args);
    if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") value = await value;
    return { reply: { nonce: req.nonce, ok: true, value: encode(value), argsAfter: encode(args) as Encoded[], ms: now() - started }, thrown: null };
  } catch (e) {
    return { reply: { nonce: req.nonce, ok: false, error: errorOf(e), ms: now() - started }, thrown: { error: e } };
  }
}

/** A call over the socket: the function by name (one of the cells' top-level names). */
export interface SocketRequest extends CallRequest {
  name: string;
}

/**
 * Serves calls on a Unix socket, one JSON document per line each way, so a call costs no cell
 * (tslab type-checks every cell it runs, ~50 ms). Functions are looked up in `names`, tslab's
 * table of the cells' top-level names. A call that never returns is the grader's to end (it kills
 * the kernel).
 */
function serve(socketPath: string, names: Record<string, unknown>): void {
  const server = createServer((conn: Socket) => {
    let buf = "";
    conn.setEncoding("utf8");
    conn.on("data", (chunk: string) => {
      buf += chunk;
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const req = jsonParse(line) as SocketRequest;
        void perform(names[req.name], req).then(({ reply }) => conn.write(`${jsonStringify(reply)}\n`));
      }
    });
    conn.on("error", () => undefined);
    // The grader holds this connection for the kernel's whole life: when it goes (the grader
    // exited, or was killed), the kernel goes too, whatever the sandbox's own death signals caught.
    conn.on("close", () => exitProcess(0));
  });
  server.listen(socketPath);
}

/**
 * Installs the harness in the kernel: `__nnlab_call__(fn, payload)` for calls run as cells (`send`
 * publishes the reply as one display_data bundle; a throw is rethrown so the kernel reports it with
 * the cells' own line numbers), and, given a socket path, the socket server for calls by name.
 */
export function install(send: Send, socketPath?: string, names?: Record<string, unknown>): void {
  const call = async (fn: unknown, payload: string): Promise<void> => {
    const { reply, thrown } = await perform(fn, jsonParse(payload) as CallRequest);
    send({ [CALL_MIME]: reply });
    if (thrown) throw thrown.error;
  };
  defineProperty(globalThis, "__nnlab_call__", { value: call, writable: false, configurable: false, enumerable: false });
  if (socketPath && names) serve(socketPath, names);
}

/** The cell that installs the harness, with tslab's display writer captured before student code.
 *  Everything is local to one function: tslab turns a cell's top-level names into shared exports
 *  that a later cell could redeclare. */
export function installCell(harnessPath: string, socketPath?: string): string {
  return [
    "(() => {",
    '  const t = require("tslab");',
    "  const bundle = t.display.bundle.bind(t.display);",
    "  const names = (globalThis as any).__tslab__.exports;",
    `  require(${JSON.stringify(harnessPath)}).install((data: any) => bundle(data), ${socketPath ? JSON.stringify(socketPath) : "undefined"}, names);`,
    "})();",
  ].join("\n");
}
