// One running tslab kernel: a child process started with a connection file, driven over ZeroMQ
// (shell and control as DEALER, iopub as SUB). We own the process, so a dead kernel is seen from
// its exit event rather than heartbeats; a stuck one is found by the per-cell timeout.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import * as zmq from "zeromq";
import { channelAddress, createConnectionFile, type ConnectionFile } from "./connection";
import type { JSONObject, Output } from "./nbformat";
import { clientError, OutputCollector, type DisplayRegistry } from "./outputs";
import { deserialize, newMessage, serialize, type Message } from "./wire";

export interface KernelOptions {
  /** Working directory of the kernel: the notebook's folder, so relative paths and imports resolve there. */
  cwd: string;
  /** How long the kernel may take to answer its first kernel_info_request (ms). Default 60 s. */
  startTimeout?: number;
  env?: NodeJS.ProcessEnv;
  /** How the kernel process is started: given Node and its arguments (the tslab bin and its
   *  options), returns the command to spawn. The grader's sandbox wraps the kernel this way
   *  (namespaces, limits, another user, Node's permission flags). Default: Node itself. */
  launch?: (node: string, args: string[], connectionDir: string) => { command: string; args: string[] };
  /** "ipc" puts the kernel's sockets in the connection file's folder (Unix sockets) instead of
   *  TCP on 127.0.0.1, for kernels in their own network namespace. Default "tcp". */
  transport?: "tcp" | "ipc";
}

export interface ExecuteOptions {
  /** Per-cell time limit (ms); no limit when absent. */
  timeout?: number;
  /** How long a timed-out cell gets to answer the interrupt before the kernel is killed (ms). Default 2 s. */
  interruptGrace?: number;
  /** The protocol's stop_on_error: whether a failure aborts requests queued behind this one. Default true. */
  stopOnError?: boolean;
  /** Shared across the cells of a notebook so update_display_data can reach earlier cells. */
  displays?: DisplayRegistry;
}

export type ExecuteStatus = "ok" | "error" | "aborted" | "timeout" | "dead";

export interface ExecuteResult {
  status: ExecuteStatus;
  executionCount: number | null;
  outputs: Output[];
  /** After a timeout: false when the kernel ignored the interrupt and was killed (its state is gone). */
  kernelSurvived: boolean;
}

export interface KernelInfo {
  language_info: { name: string } & JSONObject;
  implementation?: string;
  protocol_version?: string;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The tslab the project pins; its bin script is what `tslab kernel` runs. */
export function tslabBin(): string {
  return join(dirname(require.resolve("tslab/package.json")), "bin", "tslab");
}

// Kernels still running when this process exits (even on an uncaught error) are killed and their
// connection files removed, so no run leaves processes or files behind.
const live = new Set<Kernel>();
process.on("exit", () => {
  for (const k of live) k.killNow();
});

/** Kills every kernel this process started and waits (up to `ms`) until each has exited, so none is
 *  left as a zombie when the process ends on a signal. */
export async function killAllKernels(ms = 2000): Promise<void> {
  await Promise.race([Promise.all([...live].map((k) => k.kill())), sleep(ms)]);
}

const STDERR_TAIL = 4096;

/** How tslab reports that a port of its connection file was taken between our choosing it and its
 *  binding it: the patched tslab prints "tslab: cannot bind <address> from the connection file:
 *  Address already in use" and exits with status 1. */
const PORT_TAKEN = /EADDRINUSE|Address already in use/;
/** Start-ups retried with fresh ports after such a lost race. */
const PORT_RETRIES = 4;

/** The kernel could not bind a port of its connection file: another process took it first. */
class PortTakenError extends Error {}

export class Kernel {
  readonly session = randomUUID();
  info!: KernelInfo;
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly iopub = new zmq.Subscriber({ linger: 0 });
  private readonly replies = new Map<string, (msg: Message) => void>();
  private readonly iopubHandlers = new Map<string, (msg: Message) => void>();
  private exitInfo: Exit | null = null;
  private readonly exited: Promise<Exit>;
  private stderrTail = "";
  private closed = false;
  /** Settles when the kernel reports a port of its connection file taken (PORT_TAKEN). */
  private portTaken!: Promise<"port taken">;

  private constructor(
    readonly options: KernelOptions,
    private readonly child: ChildProcess,
    private readonly connection: ConnectionFile,
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    let onPortTaken = (): void => {};
    this.portTaken = new Promise((resolve) => {
      onPortTaken = () => resolve("port taken");
    });
    const keepTail = (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
      if (this.lostPortRace()) onPortTaken();
    };
    child.stdout?.on("data", keepTail);
    child.stderr?.on("data", keepTail);
    const info = connection.info;
    this.shell.connect(channelAddress(info, "shell"));
    this.control.connect(channelAddress(info, "control"));
    this.iopub.connect(channelAddress(info, "iopub"));
    this.iopub.subscribe();
    this.listen(this.shell, this.replies);
    this.listen(this.control, this.replies);
    this.listen(this.iopub, this.iopubHandlers);
    live.add(this);
  }

  /** Starts a kernel and waits until it answers on shell and its iopub messages reach us. Over TCP,
   *  the ports are chosen free but bound by the kernel moments later; if another process took one
   *  in between, the kernel is stopped and started again on fresh ports (up to PORT_RETRIES times). */
  static async start(options: KernelOptions): Promise<Kernel> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await Kernel.startOnce(options);
      } catch (e) {
        if (!(e instanceof PortTakenError) || attempt >= PORT_RETRIES) throw e;
      }
    }
  }

  private static async startOnce(options: KernelOptions): Promise<Kernel> {
    const connection = await createConnectionFile("tslab", options.transport ?? "tcp");
    const args = [tslabBin(), "kernel", "--config-path", connection.path];
    const { command, args: argv } = options.launch
      ? options.launch(process.execPath, args, connection.dir)
      : { command: process.execPath, args };
    const child = spawn(command, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const kernel = new Kernel(options, child, connection);
    try {
      await kernel.handshake(options.startTimeout ?? 60_000);
    } catch (e) {
      await kernel.shutdown();
      throw e;
    }
    return kernel;
  }

  get alive(): boolean {
    return this.exitInfo === null && !this.closed;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Path of the connection file; it is deleted (with its folder) when the kernel is shut down. */
  get connectionFile(): string {
    return this.connection.path;
  }

  /** What the kernel printed outside any cell (start-up failures, crashes), last few KB. */
  get log(): string {
    return this.stderrTail;
  }

  /** Runs `code` and collects its outputs. Never throws for kernel-side failures: see `status`. */
  async execute(code: string, opts: ExecuteOptions = {}): Promise<ExecuteResult> {
    const collector = new OutputCollector(opts.displays);
    const result = (status: ExecuteStatus, kernelSurvived = this.alive): ExecuteResult => ({
      status,
      executionCount: collector.executionCount,
      outputs: collector.finish(),
      kernelSurvived,
    });
    if (!this.alive) {
      collector.push(clientError("DeadKernelError", "the kernel is not running"));
      return result("dead");
    }
    const req = newMessage("execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: opts.stopOnError ?? true,
    }, this.session);
    const done = this.exchange(this.shell, req, (msg) => collector.handle(msg));
    try {
      const outcome = await raceTimeout(done.finished, opts.timeout);
      if (outcome !== "timeout") return result(replyStatus(outcome));
      // Timed out: interrupt (SIGINT breaks tslab's synchronous loops and pending awaits), and kill
      // the kernel if it does not answer within the grace period.
      collector.dropErrors = true;
      this.interrupt();
      const afterInterrupt = await raceTimeout(done.finished, opts.interruptGrace ?? 2000);
      const survived = afterInterrupt !== "timeout";
      if (!survived) await this.kill();
      const seconds = (opts.timeout ?? 0) / 1000;
      collector.push(clientError(
        "CellTimeoutError",
        `the cell did not finish within ${seconds} s; ` +
          (survived ? "it was interrupted" : "the kernel did not respond to the interrupt and was killed"),
      ));
      return result("timeout", survived);
    } catch (e) {
      if (!(e instanceof KernelDiedError)) throw e;
      collector.push(clientError("DeadKernelError", e.message, this.stderrTail ? this.stderrTail.trimEnd().split("\n") : []));
      return result("dead", false);
    } finally {
      done.cancel();
    }
  }

  /**
   * Any other shell request (inspect_request, complete_request, is_complete_request, ...): sends
   * it and resolves with the reply's content. Rejects if the kernel dies or does not answer in time.
   */
  async request(msgType: string, content: JSONObject, timeout = 30_000): Promise<JSONObject> {
    if (!this.alive) throw new Error("the kernel is not running");
    const ex = this.exchange(this.shell, newMessage(msgType, content, this.session), () => undefined);
    try {
      const reply = await raceTimeout(ex.reply, timeout);
      if (reply === "timeout") throw new Error(`no reply to ${msgType} within ${timeout / 1000} s`);
      return reply.content as JSONObject;
    } finally {
      ex.cancel();
    }
  }

  /** What Shift+Tab shows: the kernel's inspect reply (text/plain) for the code at `cursorPos`. */
  async inspect(code: string, cursorPos = code.length): Promise<{ found: boolean; text: string }> {
    const r = await this.request("inspect_request", { code, cursor_pos: cursorPos, detail_level: 0 });
    const data = (r.data ?? {}) as { "text/plain"?: string };
    return { found: r.found === true, text: data["text/plain"] ?? "" };
  }

  /** What Tab shows: the kernel's complete reply for the code at `cursorPos`. */
  async complete(code: string, cursorPos = code.length): Promise<JSONObject> {
    return this.request("complete_request", { code, cursor_pos: cursorPos });
  }

  /** SIGINT, which tslab turns into an interrupt of the running cell. */
  interrupt(): void {
    if (this.alive) this.child.kill("SIGINT");
  }

  /** Asks the kernel to exit (shutdown_request on control), then escalates to SIGTERM and SIGKILL. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    if (this.exitInfo === null) {
      const req = newMessage("shutdown_request", { restart: false }, this.session);
      const ack = this.exchange(this.control, req, () => undefined);
      await Promise.race([this.exited, sleep(3000)]);
      ack.cancel();
      if (this.exitInfo === null && !(await this.signalAndWait("SIGTERM", 1000))) await this.signalAndWait("SIGKILL", 5000);
    }
    this.close();
  }

  /** A fresh kernel in the same directory, after shutting this one down. */
  async restart(): Promise<Kernel> {
    await this.shutdown();
    return Kernel.start(this.options);
  }

  /** Kills the process at once (no shutdown request) and waits for it to go. */
  async kill(): Promise<void> {
    if (this.exitInfo === null) await this.signalAndWait("SIGKILL", 5000);
    this.close();
  }

  /** Synchronous last resort for process exit handlers. */
  killNow(): void {
    if (this.exitInfo === null) this.child.kill("SIGKILL");
    this.close();
  }

  private async signalAndWait(signal: NodeJS.Signals, ms: number): Promise<boolean> {
    this.child.kill(signal);
    await Promise.race([this.exited, sleep(ms)]);
    return this.exitInfo !== null;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    live.delete(this);
    for (const s of [this.shell, this.control, this.iopub]) s.close();
    this.connection.remove();
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber, handlers: Map<string, (msg: Message) => void>): Promise<void> {
    try {
      for await (const frames of socket) {
        let msg: Message;
        try {
          msg = deserialize(frames, this.connection.info.key).msg;
        } catch {
          continue; // unsigned or malformed: not from our kernel
        }
        const parent = msg.parent_header.msg_id;
        if (parent) handlers.get(parent)?.(msg);
      }
    } catch (e) {
      // Closing a socket ends its iteration with an error; anything else is worth seeing.
      if (!this.closed) throw e;
    }
  }

  /**
   * Sends a request and follows it: `reply` settles with its reply on the request's channel,
   * `finished` once the kernel's "idle" status for it has also come on iopub (the channels are not
   * ordered relative to each other, so outputs are complete only then). Both reject with
   * KernelDiedError if the kernel exits first.
   */
  private exchange(socket: zmq.Dealer, req: Message<unknown>, onIopub: (msg: Message) => void) {
    const id = req.header.msg_id;
    let idle = false;
    let markIdle = () => {};
    const reply = new Promise<Message>((resolve, reject) => {
      this.replies.set(id, resolve);
      this.exited.then((exit) => reject(new KernelDiedError(exit)));
      socket.send(serialize(req, this.connection.info.key)).catch(reject);
    });
    const idleSeen = new Promise<void>((resolve) => {
      markIdle = resolve;
    });
    this.iopubHandlers.set(id, (msg) => {
      if (msg.header.msg_type !== "status") onIopub(msg);
      else if ((msg.content as { execution_state?: string }).execution_state === "idle" && !idle) {
        idle = true;
        markIdle();
      }
    });
    const finished = Promise.all([reply, idleSeen]).then(([r]) => r);
    // Callers may stop waiting (timeouts, shutdown); never leave an unhandled rejection behind.
    reply.catch(() => undefined);
    finished.catch(() => undefined);
    return {
      reply,
      finished,
      cancel: () => {
        this.replies.delete(id);
        this.iopubHandlers.delete(id);
      },
    };
  }

  /** The kernel said a TCP port of its connection file was taken before it could bind it. */
  private lostPortRace(): boolean {
    return this.connection.info.transport === "tcp" && PORT_TAKEN.test(this.stderrTail);
  }

  private async handshake(timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    const failure = (why: string) => new Error(`the tslab kernel ${why}${this.stderrTail ? `:\n${this.stderrTail}` : ""}`);
    const portTaken = () => new PortTakenError(failure("could not bind a port of its connection file").message);
    // The first request waits for tslab to load TypeScript and bind its sockets (~2 s)...
    const first = this.exchange(this.shell, newMessage("kernel_info_request", {}, this.session), () => undefined);
    try {
      const reply = await raceTimeout(Promise.race([first.reply, this.portTaken]), timeout);
      if (reply === "port taken") throw portTaken();
      if (reply === "timeout") throw failure(`did not answer within ${timeout / 1000} s`);
      this.info = reply.content as unknown as KernelInfo;
    } catch (e) {
      if (e instanceof KernelDiedError) throw this.lostPortRace() ? portTaken() : failure(`exited during start-up (${e.message})`);
      throw e;
    } finally {
      first.cancel();
    }
    // ...then, since a SUB socket receives only once its subscription has reached the publisher,
    // probe until iopub traffic for our own request arrives; before that, outputs could be lost.
    for (;;) {
      const probe = this.exchange(this.shell, newMessage("kernel_info_request", {}, this.session), () => undefined);
      const outcome = await raceTimeout(probe.finished, 250);
      probe.cancel();
      if (outcome !== "timeout") return;
      if (Date.now() > deadline) throw failure(`sent no iopub messages within ${timeout / 1000} s`);
    }
  }
}

export class KernelDiedError extends Error {
  constructor(readonly exit: Exit) {
    super(`kernel died: ${exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`}`);
  }
}

function replyStatus(reply: Message): ExecuteStatus {
  const status = (reply.content as { status?: string }).status;
  return status === "ok" ? "ok" : status === "abort" || status === "aborted" ? "aborted" : "error";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function raceTimeout<T>(p: Promise<T>, ms: number | undefined): Promise<T | "timeout"> {
  if (ms === undefined) return p;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
