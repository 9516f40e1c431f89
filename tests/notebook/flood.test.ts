// Cells that print far too much: the kernel sends at most a cell's cap and says how much it cut,
// `nnlab run` stays linear in what it receives, and SIGTERM/SIGINT end a run at once, kernels too.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyCarriageReturns } from "../../src/notebook/outputs";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli", "main.js");
let dir: string;

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ id: `c${i}`, cell_type: "code", metadata: {}, source, outputs: [], execution_count: null })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nnlab-flood-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a cell printing 50 MB on one line, and 50 MB in 500,000 lines, finishes in seconds with the cut reported", () => {
  const path = join(dir, "flood.ipynb");
  writeFileSync(path, notebook([
    'console.log("x".repeat(50_000_000));',
    'const line = "y".repeat(99);\nfor (let i = 0; i < 500_000; i++) console.log(line);',
    'console.log("after");',
  ]));
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, "run", path, "--out", join(dir, "out")], { encoding: "utf8", timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(seconds).toBeLessThan(30);
  const nb = JSON.parse(readFileSync(join(dir, "out", "flood.ipynb"), "utf8"));
  const text = (i: number) => nb.cells[i].outputs.map((o: { text: string | string[] }) => [o.text].flat().join("")).join("");
  expect(text(0).length).toBeLessThan(1_100_000);
  expect(text(0).startsWith("x".repeat(1000))).toBe(true);
  expect(text(0)).toMatch(/\n\[output cut: 49,000,001 more characters \(1 line\) not shown; a cell shows at most 1,000,000 characters\]\n$/);
  expect(text(1)).toMatch(/\[output cut: 49,000,000 more characters \(490,000 lines\) not shown/);
  expect(text(2)).toBe("after\n");
  console.log(`50 MB floods: nnlab run took ${seconds.toFixed(1)} s`);
});

it("SIGTERM and SIGINT end nnlab run promptly, kernel included, even while a cell floods output", async () => {
  const path = join(dir, "spam.ipynb");
  writeFileSync(path, notebook(['while (true) console.log("spam spam spam");']));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const child = spawn(process.execPath, [CLI, "run", path], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    // Wait until the kernel runs the cell (the CLI has printed the notebook's name).
    const deadline = Date.now() + 30_000;
    while (!out.includes("spam.ipynb") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    const kernels = spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean).map(Number);
    expect(kernels.length, "the kernel is a child of nnlab run").toBeGreaterThan(0);
    const sent = Date.now();
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(code).toBe(signal === "SIGTERM" ? 143 : 130);
    await new Promise((r) => setTimeout(r, 300));
    for (const pid of kernels) expect(spawnSync("kill", ["-0", String(pid)]).status, `kernel ${pid} is gone`).not.toBe(0);
  }
});

it("carriage returns are applied in one linear pass, as nbconvert's regex would apply them", () => {
  const nbconvert = (t: string) => t.replace(/[^\n]*\r(?=[^\n])/g, "");
  const chars = ["a", "\r", "\n"];
  for (let len = 0; len <= 7; len++) {
    for (let k = 0; k < 3 ** len; k++) {
      let t = "";
      for (let i = 0, x = k; i < len; i++, x = Math.floor(x / 3)) t += chars[x % 3];
      expect(applyCarriageReturns(t), JSON.stringify(t)).toBe(nbconvert(t));
    }
  }
  const started = performance.now();
  expect(applyCarriageReturns("x".repeat(20_000_000) + "\r")).toHaveLength(20_000_001);
  expect(performance.now() - started).toBeLessThan(2000);
});
