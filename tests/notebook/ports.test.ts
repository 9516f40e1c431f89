// Kernel.start over TCP: the ports of a connection file are chosen free, but the kernel binds them
// moments later, and another process may take one in between (seen in CI: tslab's "Address already
// in use" on its stderr, and a client waiting its whole start-up timeout). The start is then retried
// on fresh ports. Here the first connection file names a port this test holds, so the first
// start-up must lose the race. Below: the patched tslab's own exit on such a port, and the tests'
// nbconvert helper, which starts nbconvert again after it.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as connection from "../../src/notebook/connection";
import { Kernel, tslabBin } from "../../src/notebook/kernel";
import { nbconvert, PORT_RACE, PORT_RACE_ATTEMPTS } from "../helpers/nbconvert";

const calls: connection.ConnectionInfo[] = [];
let held: Server;
let heldPort = 0;

vi.mock("../../src/notebook/connection", async (importOriginal) => {
  const real = await importOriginal<typeof connection>();
  return {
    ...real,
    createConnectionFile: async (...args: Parameters<typeof real.createConnectionFile>) => {
      const file = await real.createConnectionFile(...args);
      if (calls.length === 0 && file.info.transport === "tcp") {
        // the first file's shell port is one this test is listening on
        file.info.shell_port = heldPort;
        writeFileSync(file.path, JSON.stringify(file.info, null, 1), { mode: 0o600 });
      }
      calls.push(file.info);
      return file;
    },
  };
});

describe("Kernel.start when a port is taken before the kernel binds it", () => {
  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, "127.0.0.1", resolve));
    heldPort = (held.address() as { port: number }).port;
  });
  afterAll(() => held.close());

  it("starts again on fresh ports, well within the start-up timeout", async () => {
    const t0 = Date.now();
    const kernel = await Kernel.start({ cwd: process.cwd(), startTimeout: 60_000 });
    try {
      expect(calls.length).toBe(2);
      expect(calls[0].shell_port).toBe(heldPort);
      expect(calls[1].shell_port).not.toBe(heldPort);
      expect(Date.now() - t0).toBeLessThan(30_000);
      const r = await kernel.execute("6 * 7");
      expect(r.outputs).toEqual([{ output_type: "execute_result", execution_count: r.executionCount, data: { "text/plain": "42" }, metadata: {} }]);
    } finally {
      await kernel.shutdown();
    }
  }, 90_000);
});

/** A connection file whose iopub port this test holds (listening), so a kernel cannot bind it. */
async function takenConnectionFile(): Promise<{ port: number; file: connection.ConnectionFile; release: () => void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const real = await vi.importActual<typeof connection>("../../src/notebook/connection");
  const file = await real.createConnectionFile();
  writeFileSync(file.path, JSON.stringify({ ...file.info, iopub_port: port }), { mode: 0o600 });
  return { port, file, release: () => (file.remove(), server.close()) };
}

describe("the patched tslab kernel when a port of its connection file is taken", () => {
  it("exits at once with status 1 and names the address (so Jupyter's restarter and nbclient see it die)", async () => {
    const { port, file, release } = await takenConnectionFile();
    try {
      const t0 = Date.now();
      const child = spawn(process.execPath, [tslabBin(), "kernel", "--config-path", file.path], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b));
      child.stderr.on("data", (b: Buffer) => (out += b));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect({ code, out: out.trim() }).toEqual({
        code: 1,
        out: `tslab: cannot bind tcp://127.0.0.1:${port} from the connection file: Address already in use`,
      });
      expect(out).toMatch(PORT_RACE);
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      release();
    }
  }, 30_000);
});

describe("tests' nbconvert helper when the kernel loses the port race", () => {
  it("sees nbclient fail fast, starts nbconvert again, and gives up after PORT_RACE_ATTEMPTS", async () => {
    // A kernelspec whose kernel reads a connection file of ours, one port of which this test holds:
    // every start-up loses the race, as a kernel does when another process took a port first.
    const { file, release } = await takenConnectionFile();
    const work = mkdtempSync(join(tmpdir(), "nnlab-ports-"));
    try {
      mkdirSync(join(work, "kernels", "taken"), { recursive: true });
      writeFileSync(join(work, "kernels", "taken", "kernel.json"), JSON.stringify({
        argv: [process.execPath, tslabBin(), "kernel", "--config-path", file.path], display_name: "taken", language: "typescript",
      }));
      const nb = join(work, "one.ipynb");
      writeFileSync(nb, JSON.stringify({
        nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "taken", display_name: "taken", language: "typescript" } },
        cells: [{ id: "a", cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: ["1 + 1"] }],
      }));
      const races: number[] = [];
      const t0 = Date.now();
      const err = await nbconvert(["nbconvert", "--to", "notebook", "--execute", "--output-dir", work, nb], {
        env: { ...process.env, JUPYTER_PATH: work },
        onPortRace: (n) => races.push(n),
      }).then(() => null, (e: { stderr: string }) => e);
      expect(races).toEqual(Array.from({ length: PORT_RACE_ATTEMPTS }, (_, i) => i + 1));
      expect(err?.stderr).toMatch(PORT_RACE);
      expect(err?.stderr).toContain("Kernel died before replying to kernel_info");
      // each attempt fails in seconds, not after nbclient's 60 s start-up timeout
      expect(Date.now() - t0).toBeLessThan(PORT_RACE_ATTEMPTS * 20_000);
    } finally {
      rmSync(work, { recursive: true, force: true });
      release();
    }
  }, 120_000);
});
