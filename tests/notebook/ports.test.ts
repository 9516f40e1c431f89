// Kernel.start over TCP: the ports of a connection file are chosen free, but the kernel binds them
// moments later, and another process may take one in between (seen in CI: tslab's "Address already
// in use" on its stderr, and a client waiting its whole start-up timeout). The start is then retried
// on fresh ports. Here the first connection file names a port this test holds, so the first
// start-up must lose the race.
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as connection from "../../src/notebook/connection";
import { Kernel } from "../../src/notebook/kernel";

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
