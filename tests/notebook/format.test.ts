// nbformat, the wire protocol, output collection and connection files: no kernel needed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createConnectionFile } from "../../src/notebook/connection";
import { cellFailed, type CellReport } from "../../src/notebook/execute";
import {
  codeCell,
  newNotebook,
  parseNotebook,
  readNotebook,
  serializeNotebook,
  splitLines,
  validateNotebook,
  writeNotebook,
  type Notebook,
} from "../../src/notebook/nbformat";
import { OutputCollector, type DisplayRegistry } from "../../src/notebook/outputs";
import { deserialize, newMessage, serialize, sign, SignatureError, type Message } from "../../src/notebook/wire";

const NOTEBOOKS = join(__dirname, "..", "notebooks");

function validNotebook(): Notebook {
  const nb = newNotebook([{ ...codeCell("console.log(1)"), id: "c1" }]);
  const cell = nb.cells[0];
  if (cell.cell_type === "code") {
    cell.execution_count = 1;
    cell.outputs = [
      { output_type: "stream", name: "stdout", text: "1\n" },
      { output_type: "execute_result", execution_count: 1, data: { "text/plain": "2" }, metadata: {} },
      { output_type: "display_data", data: { "application/vnd.vegalite.v5+json": { mark: "point" }, "image/png": "iVBOR" }, metadata: { "image/png": { width: 10, height: 5 } } },
      { output_type: "error", ename: "TypeError", evalue: "x", traceback: ["TypeError: x"] },
    ];
  }
  return nb;
}

describe("nbformat", () => {
  it("accepts a valid 4.5 notebook and the committed test notebooks", () => {
    expect(validateNotebook(validNotebook())).toEqual([]);
    for (const name of ["plain", "chart", "type-error"]) expect(readNotebook(join(NOTEBOOKS, `${name}.ipynb`)).cells.length).toBeGreaterThan(2);
  });

  it("reports each schema violation with its path", () => {
    const nb = validNotebook() as unknown as { [k: string]: any };
    nb.nbformat_minor = 4;
    nb.extra = true;
    nb.cells[0].id = "bad id!";
    nb.cells[0].execution_count = -1;
    nb.cells[0].outputs[0].name = 3;
    nb.cells[0].outputs[1].data["text/plain"] = { not: "text" };
    nb.cells[0].outputs[2].transient = {};
    nb.cells[0].outputs[3].traceback = "one string";
    nb.cells.push({ id: "m", cell_type: "markdown", metadata: { tags: ["a", "a"] }, source: ["x", 1] });
    nb.cells.push({ id: "m", cell_type: "heading", metadata: {}, source: "" });
    expect(validateNotebook(nb)).toEqual([
      "notebook: unexpected property 'extra'",
      "nbformat_minor: expected an integer >= 5",
      "cells[0].id: 'bad id!' is not 1-64 characters of [a-zA-Z0-9-_]",
      "cells[0].execution_count: expected an integer >= 0 or null",
      "cells[0].outputs[0].name: expected a string",
      'cells[0].outputs[1].data["text/plain"]: expected a string or an array of strings',
      "cells[0].outputs[2]: unexpected property 'transient'",
      "cells[0].outputs[3].traceback: expected an array",
      "cells[1].source: expected a string or an array of strings",
      "cells[1].metadata.tags: tags must be unique",
      'cells[2].cell_type: expected "code", "markdown" or "raw", got "heading"',
      "cells[2].id: duplicate cell id 'm'",
    ]);
  });

  it("agrees with Debian's nbformat validator on what it writes", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnlab-nbformat-"));
    try {
      const path = join(dir, "nb.ipynb");
      writeNotebook(path, validNotebook());
      const out = execFileSync("/usr/bin/python3", ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", path]);
      expect(out.toString().trim()).toBe("valid");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("upgrades 4.4 notebooks by adding cell ids", () => {
    const old = { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: "markdown", metadata: {}, source: "hi" }] };
    const nb = parseNotebook(JSON.stringify(old));
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.cells[0].id).toMatch(/^[0-9a-f]{16}$/);
    expect(() => parseNotebook('{"nbformat": 3}', "x.ipynb")).toThrow(/x.ipynb: not a valid nbformat 4.5 notebook/);
  });

  it("writes Jupyter's layout: sorted keys, indent 1, text as lines, JSON and base64 untouched", () => {
    const text = serializeNotebook(validNotebook());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 1,\n   "id": "c1",');
    const back = JSON.parse(text);
    expect(back.cells[0].outputs[0].text).toEqual(["1\n"]);
    expect(back.cells[0].outputs[1].data["text/plain"]).toEqual(["2"]);
    expect(back.cells[0].outputs[2].data["image/png"]).toBe("iVBOR");
    expect(back.cells[0].outputs[2].data["application/vnd.vegalite.v5+json"]).toEqual({ mark: "point" });
    expect(splitLines("a\nb\n\nc")).toEqual(["a\n", "b\n", "\n", "c"]);
    expect(splitLines("")).toEqual([]);
    // Round trip: what we write reads back to the same notebook content.
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });
});

describe("wire protocol", () => {
  const key = "secret";

  it("signs the four JSON frames with HMAC-SHA256 and verifies them on receipt", () => {
    const msg = newMessage("execute_request", { code: "1" }, "session-1");
    const frames = serialize(msg, key, [Buffer.from("peer")]);
    expect(frames[1].toString()).toBe("<IDS|MSG>");
    // Independent check of the signature: Python's hmac over the same frames.
    const py = execFileSync("/usr/bin/python3", ["-c", [
      "import hmac, hashlib, sys",
      "h = hmac.new(b'secret', digestmod=hashlib.sha256)",
      "[h.update(bytes.fromhex(a)) for a in sys.argv[1:]]",
      "print(h.hexdigest())",
    ].join("\n"), ...frames.slice(3, 7).map((f) => f.toString("hex"))]);
    expect(frames[2].toString()).toBe(py.toString().trim());
    expect(sign(key, frames.slice(3, 7))).toBe(frames[2].toString());

    const { identities, msg: back } = deserialize(frames, key);
    expect(identities.map(String)).toEqual(["peer"]);
    expect(back.header).toEqual(msg.header);
    expect(back.content).toEqual({ code: "1" });
  });

  it("rejects a tampered message or a wrong key", () => {
    const frames = serialize(newMessage("status", { execution_state: "idle" }, "s"), key);
    const tampered = [...frames];
    tampered[5] = Buffer.from('{"execution_state":"busy"}');
    expect(() => deserialize(tampered, key)).toThrow(SignatureError);
    expect(() => deserialize(frames, "other")).toThrow(SignatureError);
    expect(() => deserialize(frames.slice(0, 3), key)).toThrow(/malformed/);
  });
});

function iopub(msgType: string, content: object): Message {
  return { ...newMessage(msgType, content, "s"), content: content as Message["content"] };
}

describe("output collection", () => {
  it("merges consecutive chunks of a stream, applies \\r overwrites, and numbers results", () => {
    const c = new OutputCollector();
    c.handle(iopub("execute_input", { code: "", execution_count: 7 }));
    c.handle(iopub("stream", { name: "stdout", text: "a" }));
    c.handle(iopub("stream", { name: "stdout", text: "b\n10%\r50%\r100%\n" }));
    c.handle(iopub("stream", { name: "stderr", text: "warn\n" }));
    c.handle(iopub("stream", { name: "stdout", text: "c\n" }));
    c.handle(iopub("execute_result", { execution_count: 7, data: { "text/plain": "1" }, metadata: {} }));
    expect(c.executionCount).toBe(7);
    expect(c.finish()).toEqual([
      { output_type: "stream", name: "stdout", text: "ab\n100%\n" },
      { output_type: "stream", name: "stderr", text: "warn\n" },
      { output_type: "stream", name: "stdout", text: "c\n" },
      { output_type: "execute_result", execution_count: 7, data: { "text/plain": "1" }, metadata: {} },
    ]);
  });

  it("clears now or before the next output, and updates displays across cells", () => {
    const displays: DisplayRegistry = new Map();
    const first = new OutputCollector(displays);
    first.handle(iopub("display_data", { data: { "text/plain": "v1" }, metadata: {}, transient: { display_id: "d" } }));
    const second = new OutputCollector(displays);
    second.handle(iopub("stream", { name: "stdout", text: "gone" }));
    second.handle(iopub("clear_output", { wait: false }));
    second.handle(iopub("stream", { name: "stdout", text: "kept" }));
    second.handle(iopub("clear_output", { wait: true }));
    expect(second.outputs).toHaveLength(1);
    second.handle(iopub("update_display_data", { data: { "text/plain": "v2" }, metadata: {}, transient: { display_id: "d" } }));
    second.handle(iopub("error", { ename: "E", evalue: "v", traceback: ["t"] }));
    expect(first.finish()).toEqual([{ output_type: "display_data", data: { "text/plain": "v2" }, metadata: {} }]);
    expect(second.finish()).toEqual([{ output_type: "error", ename: "E", evalue: "v", traceback: ["t"] }]);
  });
});

describe("connection file", () => {
  it("is private, names five distinct ports and a key, and is removed with its folder", async () => {
    const conn = await createConnectionFile();
    const info = JSON.parse(readFileSync(conn.path, "utf8"));
    expect(statSync(conn.path).mode & 0o777).toBe(0o600);
    const ports = [info.shell_port, info.iopub_port, info.stdin_port, info.control_port, info.hb_port];
    expect(new Set(ports).size).toBe(5);
    expect(info).toMatchObject({ transport: "tcp", ip: "127.0.0.1", signature_scheme: "hmac-sha256", kernel_name: "tslab" });
    expect(info.key).toMatch(/^[0-9a-f]{64}$/);
    conn.remove();
    expect(existsSync(conn.path)).toBe(false);
    expect(existsSync(join(conn.path, ".."))).toBe(false);
  });
});

describe("what fails a notebook", () => {
  const report = (over: Partial<CellReport>): CellReport => ({ index: 0, number: 1, total: 1, status: "ok", ms: 1, stderr: false, expectedError: false, ...over });
  const error = { output_type: "error" as const, ename: "E", evalue: "v", traceback: [] };

  it("any error output, stderr text or unfinished cell; an expected error only if it also wrote stderr", () => {
    expect(cellFailed(report({}))).toBe(false);
    expect(cellFailed(report({ stderr: true }))).toBe(true);
    expect(cellFailed(report({ status: "error", error }))).toBe(true);
    for (const status of ["aborted", "timeout", "dead"] as const) expect(cellFailed(report({ status }))).toBe(true);
    expect(cellFailed(report({ status: "error", error, expectedError: true }))).toBe(false);
    expect(cellFailed(report({ status: "error", error, expectedError: true, stderr: true }))).toBe(true);
    expect(cellFailed(report({ status: "timeout", error, expectedError: true }))).toBe(true);
  });
});
