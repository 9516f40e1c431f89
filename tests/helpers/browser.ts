// Headless Debian Chromium driven by playwright-core, and the classic Jupyter Notebook server from
// Debian, for the tests that look at what a person sees. Screenshots go to build/test-artifacts/.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ARTIFACTS = join(__dirname, "..", "..", "build", "test-artifacts");

/** Chromium as root in a closed network: no sandbox, no background networking (see the env notes). */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface NotebookServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** Debian's classic `jupyter notebook` serving `dir` on loopback, with a random token. */
export async function startNotebookServer(dir: string): Promise<NotebookServer> {
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const child: ChildProcess = spawn("jupyter", [
    "notebook", "--no-browser", "--allow-root", `--port=${port}`, "--ip=127.0.0.1",
    `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`, "--NotebookApp.disable_check_xsrf=False",
  ], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, JUPYTER_RUNTIME_DIR: join(dir, ".runtime") } });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/status?token=${token}`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`jupyter notebook did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    token,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
