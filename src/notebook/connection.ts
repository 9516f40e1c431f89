// The connection file a Jupyter kernel is started with: where its five sockets listen and the
// HMAC key that signs every message.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ConnectionInfo {
  /** tcp: `ip` is an address and the ports are TCP ports; ipc: `ip` is a path prefix and each
   *  socket is the Unix socket `<ip>-<port>` (Jupyter's form, which the patched tslab builds too). */
  transport: "tcp" | "ipc";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: "hmac-sha256";
  kernel_name: string;
}

export type Channel = "shell" | "iopub" | "stdin" | "control" | "hb";

/** A channel's zeromq address, in Jupyter's forms: tcp://<ip>:<port>, ipc://<ip>-<port>. */
export function channelAddress(info: ConnectionInfo, channel: Channel): string {
  const port = info[`${channel}_port`];
  return info.transport === "tcp" ? `tcp://${info.ip}:${port}` : `ipc://${info.ip}-${port}`;
}

/** Ports the OS reports free right now. The kernel binds them moments later; a lost race (another
 *  process took one in between) shows up as tslab's "Address already in use", and Kernel.start
 *  starts again with a new connection file. */
async function freePorts(ip: string, n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, ip, () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface ConnectionFile {
  info: ConnectionInfo;
  path: string;
  /** The private folder holding the file (and, for ipc, the sockets). */
  dir: string;
  /** Deletes the file and its private directory. Safe to call twice. */
  remove(): void;
}

/** Writes a fresh connection file (random ports on 127.0.0.1, or Unix sockets in its own folder for
 *  "ipc"; a random key) readable only by us. */
export async function createConnectionFile(kernelName = "tslab", transport: "tcp" | "ipc" = "tcp"): Promise<ConnectionFile> {
  const dir = mkdtempSync(join(tmpdir(), "nnlab-kernel-"));
  const ip = transport === "ipc" ? join(dir, "kernel") : "127.0.0.1";
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = transport === "ipc" ? [1, 2, 3, 4, 5] : await freePorts(ip, 5);
  const info: ConnectionInfo = {
    transport,
    ip,
    shell_port,
    iopub_port,
    stdin_port,
    control_port,
    hb_port,
    key: randomBytes(32).toString("hex"),
    signature_scheme: "hmac-sha256",
    kernel_name: kernelName,
  };
  const path = join(dir, "connection.json");
  writeFileSync(path, JSON.stringify(info, null, 1), { mode: 0o600 });
  return { info, path, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
