// The Jupyter client against the real (patched) tslab kernel, one kernel for the whole file.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "../../src/notebook/kernel";
import { cellTimeoutError } from "../helpers/kernels";

let kernel: Kernel;

beforeAll(async () => {
  kernel = await Kernel.start({ cwd: join(__dirname, "..", "notebooks") });
});

afterAll(async () => {
  await kernel?.shutdown();
});

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("tslab kernel over ZeroMQ", () => {
  it("runs tslab 1.0.22 exactly as patched by patches/tslab+1.0.22.patch", () => {
    // Reverse-applying the patch succeeds only if node_modules/tslab is 1.0.22 plus exactly this patch.
    execFileSync("git", ["apply", "--reverse", "--check", "patches/tslab+1.0.22.patch"], { cwd: join(__dirname, "..", "..") });
    expect(require("tslab/package.json").version).toBe("1.0.22");
  });

  it("starts with a connection file and answers kernel_info", () => {
    expect(kernel.info.language_info.name).toBe("typescript");
    expect(existsSync(kernel.connectionFile)).toBe(true);
    expect(processExists(kernel.pid!)).toBe(true);
  });

  it("records stdout and the last expression as execute_result, with execution counts", async () => {
    const r = await kernel.execute('const greeting: string = "hi";\nconsole.log(greeting);\n[1, 2].map((x) => x * 10)');
    expect(r.status).toBe("ok");
    expect(r.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "hi\n" },
      { output_type: "execute_result", execution_count: r.executionCount, data: { "text/plain": "[ 10, 20 ]" }, metadata: {} },
    ]);
    const next = await kernel.execute("greeting.length");
    expect(next.executionCount).toBe(r.executionCount! + 1);
    expect(next.outputs).toEqual([{ output_type: "execute_result", execution_count: next.executionCount, data: { "text/plain": "2" }, metadata: {} }]);
  });

  it("a shorthand property naming an earlier cell's variable reads that variable (patched converter)", async () => {
    await kernel.execute("const W1_s = 1;\nlet b1_s = 2;");
    const r = await kernel.execute(
      "function g(W1_s: number) { return { W1_s }; }\nconsole.log({ W1_s, b1_s }, g(7));\n({ b1_s } = { b1_s: 5 });\nconsole.log(b1_s);",
    );
    expect(r.status).toBe("ok");
    expect(r.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "{ W1_s: 1, b1_s: 2 } { W1_s: 7 }\n5\n" }]);
  });

  it("reports a type error as an error message, and runs the cell sent right after it", async () => {
    const bad = await kernel.execute('const n: number = "oops";');
    expect(bad.status).toBe("error");
    expect(bad.outputs).toEqual([{
      output_type: "error",
      ename: "TSError",
      evalue: "1:7 - Type 'string' is not assignable to type 'number'.",
      traceback: [
        "1:7 - Type 'string' is not assignable to type 'number'.",
        '    1 | const n: number = "oops";',
        "      |       ^",
      ],
    }]);
    // tslab used to abort every request for 200 ms after an error, whatever the client asked.
    const after = await kernel.execute('console.log("after")');
    expect(after.status).toBe("ok");
    expect(after.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "after\n" }]);
  });

  it("reports a runtime throw with ename, evalue and a traceback without tslab's own frames", async () => {
    const r = await kernel.execute('function inner(o: any) { return o.a.b; }\nconsole.log("start");\ninner({});', { stopOnError: false });
    expect(r.status).toBe("error");
    expect(r.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "start\n" });
    const err = r.outputs[1];
    expect(err.output_type).toBe("error");
    if (err.output_type !== "error") return;
    expect([err.ename, err.evalue]).toEqual(["TypeError", "Cannot read properties of undefined (reading 'b')"]);
    expect(err.traceback[0]).toBe("TypeError: Cannot read properties of undefined (reading 'b')");
    // nnlab's hooks (tests/kernel) name the cell and line; tslab's and Node's frames are cut.
    expect(err.traceback[1]).toMatch(/^Cell In\[\d+\], line 1, in inner$/);
    expect(err.traceback.join("\n")).not.toMatch(/tslab|node:vm|evalmachine/);
    const thrown = await kernel.execute('throw "plain string";', { stopOnError: false });
    expect(thrown.outputs).toEqual([{ output_type: "error", ename: "Uncaught", evalue: "'plain string'", traceback: ["Uncaught: 'plain string'"] }]);
  });

  it("aborts requests queued behind a failure only when stop_on_error is set", async () => {
    const [failed, queued] = await Promise.all([
      kernel.execute("throw new Error('first');"),
      kernel.execute('console.log("queued")'),
    ]);
    expect([failed.status, queued.status]).toEqual(["error", "aborted"]);
    expect(queued.outputs).toEqual([]);
    const [failed2, queued2] = await Promise.all([
      kernel.execute("throw new Error('first');", { stopOnError: false }),
      kernel.execute('console.log("queued")'),
    ]);
    expect([failed2.status, queued2.status]).toEqual(["error", "ok"]);
    expect(queued2.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "queued\n" }]);
  });

  it("publishes a multi-MIME bundle with metadata through the patched tslab.display.bundle", async () => {
    const r = await kernel.execute([
      'import * as tslab from "tslab";',
      'tslab.display.bundle({ "application/vnd.example+json": { a: [1, 2] }, "image/png": new Uint8Array([137, 80, 78, 71]), "text/plain": "example" },',
      '  { "image/png": { width: 2, height: 1 } });',
    ].join("\n"));
    expect(r.status).toBe("ok");
    expect(r.outputs).toEqual([{
      output_type: "display_data",
      data: { "application/vnd.example+json": { a: [1, 2] }, "image/png": "iVBORw==", "text/plain": "example" },
      metadata: { "image/png": { width: 2, height: 1 } },
    }]);
  });

  it("interrupts a synchronous infinite loop on timeout and keeps the kernel and its state", async () => {
    const r = await kernel.execute("while (true) {}", { timeout: 1500 });
    expect(r.status).toBe("timeout");
    expect(r.kernelSurvived).toBe(true);
    expect(r.outputs).toEqual([cellTimeoutError(1.5, "it was interrupted")]);
    const still = await kernel.execute("greeting");
    expect(still.outputs).toEqual([{ output_type: "execute_result", execution_count: still.executionCount, data: { "text/plain": "'hi'" }, metadata: {} }]);
  });

  it("reports process.exit() in a cell as a dead kernel, without hanging, cleans up, and restarts", async () => {
    const pid = kernel.pid!;
    const r = await kernel.execute('console.log("bye");\nprocess.exit(3);');
    expect(r.status).toBe("dead");
    expect(r.kernelSurvived).toBe(false);
    expect(kernel.alive).toBe(false);
    expect(r.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "bye\n" });
    expect(r.outputs[1]).toMatchObject({ output_type: "error", ename: "DeadKernelError", evalue: "kernel died: exit code 3" });
    const again = await kernel.execute("1");
    expect(again.status).toBe("dead");
    const dead = kernel;
    kernel = await dead.restart();
    expect(processExists(pid)).toBe(false);
    expect(existsSync(join(dead.connectionFile, ".."))).toBe(false);
    expect(kernel.pid).not.toBe(pid);
    // A new process: the execution count starts again.
    const fresh = await kernel.execute("1 + 1");
    expect(fresh.outputs).toEqual([{ output_type: "execute_result", execution_count: 1, data: { "text/plain": "2" }, metadata: {} }]);
  });
});

describe("tslab kernel over Unix sockets (transport ipc)", () => {
  // Jupyter names a channel's socket <ip>-<port> (ipc://<ip>-<port>); tslab 1.0.22 bound <ip>:<port>,
  // so no Jupyter client set to ipc (shared machines, where other users can reach loopback TCP
  // ports) ever reached it. nnlab's own client and the grader's sandbox use ipc too.
  it("answers Jupyter's own client (jupyter_client) set to transport ipc", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnlab-ipc-"));
    try {
      const script = [
        "import sys",
        `sys.path.insert(0, ${JSON.stringify(join(__dirname, "..", "helpers"))})`,
        "from tslab_client import start",
        `km, kc = start("tslab", timeout=60, transport="ipc", ip=${JSON.stringify(join(dir, "kernel"))})`,
        "reply = kc.execute_interactive('6 * 7', timeout=60, output_hook=lambda m: m['msg_type'] == 'execute_result' and print(m['content']['data']['text/plain']))",
        "print(reply['content']['status'])",
        "kc.stop_channels(); km.shutdown_kernel(now=True)",
      ].join("\n");
      const out = execFileSync("/usr/bin/python3", ["-c", script], { encoding: "utf8", timeout: 90_000 });
      expect(out.trim().split("\n")).toEqual(["42", "ok"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 100_000);

  it("nnlab's client over ipc: sockets named as Jupyter names them", async () => {
    const k = await Kernel.start({ cwd: join(__dirname, "..", "notebooks"), transport: "ipc" });
    try {
      const dir = join(k.connectionFile, "..");
      expect(readdirSync(dir).filter((f) => f.startsWith("kernel")).sort()).toEqual(["kernel-1", "kernel-2", "kernel-3", "kernel-4", "kernel-5"]);
      const r = await k.execute("6 * 7");
      expect(r.outputs).toEqual([{ output_type: "execute_result", execution_count: r.executionCount, data: { "text/plain": "42" }, metadata: {} }]);
    } finally {
      await k.shutdown();
    }
  }, 90_000);
});
