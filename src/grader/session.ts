// A submission's kernel: started fresh (in the sandbox the caller gives), the harness installed
// before any student code, then the student's declarations defined. A declaration that does not
// compile is left out (and the reason kept), so one broken function costs only the questions that
// need it. Calls go in as data and come back as data; a call that times out or kills the kernel is
// reported, and the kernel is started again with the same declarations for the next call.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { Kernel, type KernelOptions } from "../notebook/kernel";
import type { Output } from "../notebook/nbformat";
import { decode, encode, type Encoded } from "./codec";
import type { Declaration } from "./extract";
import { CALL_MIME, installCell, type CallReply, type SocketRequest } from "./harness";

const HARNESS = join(__dirname, "harness.js");

export type CallOutcome =
  | { kind: "ok"; value: unknown; argsAfter: unknown[]; ms: number }
  | { kind: "threw"; ename: string; evalue: string; where: string[] }
  | { kind: "timeout"; seconds: number }
  | { kind: "dead"; why: string }
  | { kind: "unavailable"; why: string };

export interface SessionOptions {
  /** Kernel.start options (cwd, and the sandbox's launch/env/transport). */
  kernel: KernelOptions;
  /** Per-call time limit (ms). */
  callTimeoutMs: number;
}

interface Broken {
  why: string;
}

/** The grader could not start or prepare a kernel: nothing the submission did; retry later. */
export class GraderInfraError extends Error {}
GraderInfraError.prototype.name = "GraderInfraError";

export class StudentSession {
  private kernel: Kernel | null = null;
  /** Names defined in the kernel. */
  readonly defined = new Set<string>();
  /** Names whose declaration did not compile, and why. */
  readonly broken = new Map<string, Broken>();
  /** What the grader changed to define the submission (imports of names graded code may not use). */
  readonly notes: string[] = [];
  private decls: Declaration[] = [];
  /** The execution count of the cell that defined the declarations, and where each one sits in it. */
  private definedAs: { count: number | null; ranges: Range[] } = { count: null, ranges: [] };
  restarts = 0;
  /** The harness's socket (calls by name, no cell compilation), and the replies awaited on it. */
  private socket: Socket | null = null;
  private readonly waiting = new Map<string, (r: CallReply | null) => void>();

  private constructor(private readonly options: SessionOptions) {}

  static async open(decls: Declaration[], options: SessionOptions): Promise<StudentSession> {
    const s = new StudentSession(options);
    s.decls = decls;
    await s.start("all");
    return s;
  }

  /** Why a graded function cannot be called, or null when it can. */
  unavailable(name: string): string | null {
    if (this.defined.has(name)) return null;
    return this.broken.get(name)?.why ?? `${name} is not defined in the notebook (no function of that name was found)`;
  }

  /** A fresh kernel with the harness, then the declarations: all of them, sorting out what does not
   *  compile ("all", the first start); those known to compile ("kept", after a restart); or none
   *  (while "all" is still sorting them out). */
  private async start(declarations: "all" | "kept" | "none"): Promise<void> {
    try {
      this.kernel = await Kernel.start({ startTimeout: 30_000, ...this.options.kernel });
    } catch (e) {
      throw new GraderInfraError(`the grading kernel did not start: ${(e as Error).message}`);
    }
    const socketPath = join(this.options.kernel.cwd, `.nnlab-${randomBytes(6).toString("hex")}.sock`);
    const harness = await this.kernel.execute(installCell(HARNESS, socketPath), { timeout: 30_000 });
    if (harness.status === "ok") this.socket = await openSocket(socketPath, (r) => this.onReply(r), () => this.onSocketClosed());
    if (harness.status !== "ok") {
      await this.kernel.shutdown();
      this.kernel = null;
      throw new GraderInfraError(`the grading harness did not install: ${describeOutputs(harness.outputs)}`);
    }
    if (declarations === "all") await this.defineAll();
    else if (declarations === "kept") await this.define(this.decls.filter((d) => d.names.every((n) => !this.broken.has(n))));
  }

  /** Defines the declarations, leaving out those that do not compile (round by round: a
   *  declaration that needs a left-out one fails to compile in the next round). */
  private async defineAll(): Promise<void> {
    let pending = [...this.decls];
    for (let round = 0; round <= this.decls.length && pending.length > 0; round++) {
      const { code, ranges } = assemble(pending);
      const r = await this.kernel!.execute(code, { timeout: 60_000, stopOnError: false });
      this.definedAs = { count: r.executionCount, ranges };
      const err = r.outputs.find((o) => o.output_type === "error");
      if (r.status === "ok" && !err) break;
      if (r.status === "timeout" || r.status === "dead") {
        // Declarations only: this means something at the top level loops or crashes. Leave out
        // the values (functions cannot run at definition) and try again once.
        for (const d of pending) if (d.kind === "value") this.markBroken(d, `defining ${d.names.join(", ")} did not finish`);
        pending = pending.filter((d) => d.kind !== "value");
        if (!this.kernel!.alive) await this.restartKernelOnly();
        continue;
      }
      if (err && err.output_type === "error" && err.ename === "TSError") {
        const byDecl = new Map<Declaration, string[]>();
        for (const line of err.traceback) {
          const m = /^(\d+):(\d+) - (.*)$/.exec(line);
          if (!m) continue;
          const at = Number(m[1]);
          const range = ranges.find((x) => at >= x.from && at <= x.to);
          if (!range) continue;
          const rel = at - range.from + 1;
          const msgs = byDecl.get(range.decl) ?? [];
          msgs.push(`line ${rel} of ${range.decl.names[0]} (cell ${range.decl.cell + 1}): ${m[3]}`);
          byDecl.set(range.decl, msgs);
        }
        if (byDecl.size === 0) {
          // Not attributable: give up on everything rather than guess.
          for (const d of pending) this.markBroken(d, `the notebook's code does not compile: ${err.evalue.split("\n")[0]}`);
          return;
        }
        for (const [d, msgs] of byDecl) {
          // An import of names the grading entry does not have (nnlab's reference solutions:
          // `shallow`, `deep`, ...) loses those names only, not the whole import.
          const missing = d.kind === "import" ? msgs.map((m) => /has no exported member '([\w$]+)'/.exec(m)?.[1]).filter((x): x is string => !!x) : [];
          if (missing.length && missing.length === msgs.length) {
            const kept = d.names.filter((n) => !missing.includes(n));
            d.text = d.text.replace(/\{[^}]*\}/, `{ ${kept.join(", ")} }`);
            d.names = kept;
            this.notes.push(`the notebook imports ${missing.join(", ")} from a module that graded code cannot use; graded without ${missing.length > 1 ? "them" : "it"}`);
            byDecl.delete(d);
            continue;
          }
          this.markBroken(d, `${d.names[0]} does not compile: ${msgs.join("; ")}`);
        }
        pending = pending.filter((d) => !byDecl.has(d));
        continue;
      }
      // A run-time error while defining (a class's static code, a value) leaves the rest defined.
      break;
    }
    for (const d of pending) for (const n of d.names) if (!this.broken.has(n)) this.defined.add(n);
    this.decls = pending;
  }

  private markBroken(d: Declaration, why: string): void {
    for (const n of d.names) this.broken.set(n, { why });
  }

  private async define(decls: Declaration[]): Promise<void> {
    if (decls.length === 0) return;
    const { code, ranges } = assemble(decls);
    const r = await this.kernel!.execute(code, { timeout: 60_000, stopOnError: false });
    this.definedAs = { count: r.executionCount, ranges };
  }

  /** The student's frames of a kernel traceback, in the notebook's terms: the function, its cell,
   *  the line within the function and the line itself. The grader's own call cells are left out. */
  private studentFrames(traceback: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < traceback.length; i++) {
      const m = /^Cell In\[(\d+)\], line (\d+)(?:, in (.+))?$/.exec(traceback[i]);
      if (!m || Number(m[1]) !== this.definedAs.count) continue;
      const at = Number(m[2]);
      const range = this.definedAs.ranges.find((x) => at >= x.from && at <= x.to);
      if (!range) continue;
      const marked = traceback.slice(i + 1).find((l) => l.startsWith("---->"));
      const text = marked ? marked.replace(/^---->\s*\d+\s?/, "").trim() : "";
      out.push(`in ${m[3] ?? range.decl.names[0]}, line ${at - range.from + 1} (cell ${range.decl.cell + 1}): ${text}`);
    }
    return out;
  }

  private async restartKernelOnly(): Promise<void> {
    await this.closeKernel();
    await this.start("none");
  }

  private onReply(r: CallReply): void {
    this.waiting.get(r.nonce)?.(r);
  }

  private onSocketClosed(): void {
    this.socket = null;
    for (const resolve of this.waiting.values()) resolve(null);
  }

  /** Calls a student function with `args` (sent as data); never throws for what the student did.
   *  The call goes over the harness's socket; a call that throws is run once more as a cell, whose
   *  error report has the student's frames mapped to their cells. */
  async call(name: string, args: unknown[]): Promise<CallOutcome> {
    const why = this.unavailable(name);
    if (why) return { kind: "unavailable", why };
    if (!this.kernel || !this.kernel.alive) await this.restart();
    // No socket (the harness could not listen): every call goes as a cell.
    if (!this.socket) return this.callViaCell(name, args);
    const nonce = randomBytes(12).toString("hex");
    const request: SocketRequest = { nonce, name, args: encode(args) as Encoded[] };
    let timer: NodeJS.Timeout | undefined;
    const reply = await new Promise<CallReply | null | "timeout">((resolve) => {
      this.waiting.set(nonce, resolve);
      timer = setTimeout(() => resolve("timeout"), this.options.callTimeoutMs);
      this.socket!.write(`${JSON.stringify(request)}\n`);
    });
    clearTimeout(timer);
    this.waiting.delete(nonce);
    if (reply === "timeout") {
      await this.restart();
      return { kind: "timeout", seconds: this.options.callTimeoutMs / 1000 };
    }
    if (reply === null) {
      // The socket closed: the kernel died during the call.
      const why = this.kernel ? this.kernel.log.trim().split("\n").slice(-1)[0] || "it exited" : "it exited";
      await this.restart();
      return { kind: "dead", why };
    }
    if (reply.ok) return { kind: "ok", value: decode(reply.value), argsAfter: decode(reply.argsAfter) as unknown[], ms: reply.ms };
    const again = await this.callViaCell(name, args);
    return again.kind === "threw" ? again : { kind: "threw", ...reply.error };
  }

  /** The same call run as a cell (for the kernel's source-mapped error report). */
  private async callViaCell(name: string, args: unknown[]): Promise<CallOutcome> {
    if (!this.kernel || !this.kernel.alive) {
      await this.restart();
    }
    const nonce = randomBytes(12).toString("hex");
    const payload = JSON.stringify({ nonce, args: encode(args) as Encoded[] });
    // The harness is a global the type checker does not know; nothing a student declares can shadow
    // it (extract.ts drops declarations of __nnlab names).
    // (The await stands on its own line so that tslab sees a top-level await.)
    const code = `// @ts-ignore\nconst __nnlab_pending__ = __nnlab_call__(${name}, ${JSON.stringify(payload)});\nawait __nnlab_pending__;`;
    const r = await this.kernel!.execute(code, { timeout: this.options.callTimeoutMs, stopOnError: false });
    if (r.status === "timeout") {
      await this.restart();
      return { kind: "timeout", seconds: this.options.callTimeoutMs / 1000 };
    }
    if (r.status === "dead") {
      const why = describeOutputs(r.outputs);
      await this.restart();
      return { kind: "dead", why };
    }
    const reply = findReply(r.outputs, nonce);
    if (!reply) {
      const err = r.outputs.find((o) => o.output_type === "error");
      if (err && err.output_type === "error") return { kind: "threw", ename: err.ename, evalue: err.evalue, where: [] };
      return { kind: "threw", ename: "GraderError", evalue: "the call sent back no result", where: [] };
    }
    if (!reply.ok) {
      const err = r.outputs.find((o) => o.output_type === "error");
      const where = err && err.output_type === "error" ? this.studentFrames(err.traceback) : [];
      return { kind: "threw", ...reply.error, where: where.length ? where : reply.error.where };
    }
    return { kind: "ok", value: decode(reply.value), argsAfter: decode(reply.argsAfter) as unknown[], ms: reply.ms };
  }

  private async restart(): Promise<void> {
    this.restarts++;
    await this.closeKernel();
    await this.start("kept");
  }

  private async closeKernel(): Promise<void> {
    this.socket?.destroy();
    this.socket = null;
    await this.kernel?.shutdown();
    this.kernel = null;
  }

  async close(): Promise<void> {
    await this.closeKernel();
  }
}

interface Range {
  decl: Declaration;
  from: number;
  to: number;
}

/** The declarations as one cell, and which lines of it each one occupies. */
function assemble(decls: Declaration[]): { code: string; ranges: Range[] } {
  const ranges: Range[] = [];
  const parts: string[] = [];
  let line = 1;
  for (const d of decls) {
    const n = d.text.split("\n").length;
    ranges.push({ decl: d, from: line, to: line + n - 1 });
    parts.push(d.text);
    line += n + 1;
  }
  return { code: parts.join("\n\n"), ranges };
}

/** Connects to the harness's socket (retrying while the server starts listening, up to 2 s);
 *  replies are one JSON document per line. Null when it cannot be reached. */
async function openSocket(path: string, onReply: (r: CallReply) => void, onClose: () => void): Promise<Socket | null> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const sock = await tryConnect(path, onReply, onClose);
    if (sock) return sock;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

function tryConnect(path: string, onReply: (r: CallReply) => void, onClose: () => void): Promise<Socket | null> {
  return new Promise((resolve) => {
    const sock = connect(path);
    let buf = "";
    sock.setEncoding("utf8");
    sock.once("connect", () => {
      sock.on("close", onClose);
      resolve(sock);
    });
    sock.once("error", () => resolve(null));
    sock.on("data", (chunk: string) => {
      buf += chunk;
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          onReply(JSON.parse(line) as CallReply);
        } catch {
          // a garbled line: its call times out
        }
      }
    });
  });
}

function findReply(outputs: Output[], nonce: string): CallReply | null {
  for (const o of outputs) {
    if (o.output_type !== "display_data") continue;
    const r = (o.data as Record<string, unknown>)[CALL_MIME] as CallReply | undefined;
    if (r && typeof r === "object" && r.nonce === nonce) return r;
  }
  return null;
}

function describeOutputs(outputs: Output[]): string {
  const err = outputs.find((o) => o.output_type === "error");
  if (err && err.output_type === "error") return `${err.ename}: ${err.evalue}`;
  return "no output";
}
