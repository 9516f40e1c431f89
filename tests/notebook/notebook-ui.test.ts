// A student's Run All in the classic Notebook UI (Debian's jupyter-notebook, headless Chromium):
// no cell may still show In [*] once a later cell has output, which tslab's concurrent handling of
// shell requests used to cause. The lecture runs from a copy in a fresh temporary folder.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ARTIFACTS, launchChromium, startNotebookServer, type NotebookServer } from "../helpers/browser";

const LECTURE = join(__dirname, "..", "..", "notebooks", "lectures", "01-perceptron.ipynb");
let dir: string;
let server: NotebookServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nnlab-ui-"));
  copyFileSync(LECTURE, join(dir, "lecture.ipynb"));
  writeFileSync(join(dir, "mistakes.ipynb"), JSON.stringify({
    cells: [
      'import { np } from "nnlab";\nconst W = np.ones([4, 3]), X = np.ones([3, 2]), b = np.zeros([4, 1]);',
      "const Z = W * X;",
      "const db = np.sum(X, axis=1, keepdims=True);",
      "function forward(X: np.NDArray) {\n  return np.dot(X, W);\n}\nforward(X);",
    ].map((source, i) => ({ id: `m${i}`, cell_type: "code", metadata: {}, source, outputs: [], execution_count: null })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript (nnlab)", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  }));
  [server, browser] = await Promise.all([startNotebookServer(dir), launchChromium()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface CellState {
  prompt: string;
  outputs: number;
}

it("Run All: every cell's In [*] clears before the next cell shows output", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  await page.goto(`${server.url}/notebooks/lecture.ipynb?token=${server.token}`);
  // The kernel is up once the notebook's kernel indicator says idle.
  // (Page functions run in the browser; the tests' tsconfig has no DOM types, hence the casts.)
  type PageGlobals = {
    Jupyter?: { notebook?: { kernel?: { is_connected(): boolean } } };
    document: { querySelector(s: string): unknown };
  };
  const kernelIdle = () => {
    const g = globalThis as unknown as PageGlobals;
    return g.Jupyter?.notebook?.kernel?.is_connected() === true && g.document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null;
  };
  await page.waitForFunction(kernelIdle, undefined, { timeout: 60_000 });
  await page.click("#celllink");
  await page.click("#run_all_cells");

  const violations: string[] = [];
  let samples = 0;
  const deadline = Date.now() + 120_000;
  let states: CellState[] = [];
  for (;;) {
    states = await page.$$eval(".cell.code_cell", (cells) =>
      cells.map((c) => ({
        prompt: (c.querySelector(".input_prompt")?.textContent ?? "").replace(/\s+/g, ""),
        outputs: c.querySelectorAll(".output_area").length,
      })),
    );
    samples++;
    states.forEach((s, i) => {
      if (s.prompt !== "In[*]:") return;
      const later = states.findIndex((t, j) => j > i && t.outputs > 0);
      if (later >= 0) violations.push(`cell ${i + 1} shows In [*] while cell ${later + 1} has output`);
    });
    // Finished: nothing running or queued, the kernel idle, and the run has started.
    const started = states.some((s) => /\d/.test(s.prompt));
    const busy = states.some((s) => s.prompt === "In[*]:");
    if ((started && !busy && (await page.evaluate(kernelIdle))) || Date.now() > deadline) break;
    await page.waitForTimeout(15);
  }
  await page.screenshot({ path: join(ARTIFACTS, "notebook-run-all.png"), fullPage: true });
  const numbered = states.filter((s) => /^In\[\d+\]:$/.test(s.prompt)).length;
  console.log(`Run All: ${states.length} code cells, ${numbered} numbered, ${samples} samples of the prompts, ${violations.length} violations`);
  expect(violations).toEqual([]);
  expect(numbered).toBe(states.length);
  expect(samples).toBeGreaterThan(20);
  // No error output anywhere in the executed lecture.
  expect(await page.$$(".output_error")).toHaveLength(0);
}, 180_000);

it("a student's mistakes show TypeScript's error with the hint, and run-time errors name the cell line", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1200 } });
  await page.goto(`${server.url}/notebooks/mistakes.ipynb?token=${server.token}`);
  await page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", { timeout: 60_000 });
  // Shift+Enter on each cell, as a student steps through.
  const cells = await page.$$(".cell.code_cell");
  for (const cell of cells) {
    await cell.click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction((c) => !/\*/.test((c as unknown as { textContent: string }).textContent ?? ""),
      await cell.$(".input_prompt"), { timeout: 30_000 });
  }
  const errors = await page.$$eval(".output_error", (els) => els.map((e) => (e as unknown as { textContent: string }).textContent));
  await page.screenshot({ path: join(ARTIFACTS, "notebook-mistakes.png"), fullPage: true });
  expect(errors).toHaveLength(3);
  expect(errors[0]).toContain("hint: NDArrays have no operators in TypeScript: write np.multiply(W, X) or W.multiply(X)");
  expect(errors[1]).toContain("hint: keyword arguments are one options object in nnlab: np.sum(X, { axis: 1, keepdims: true })");
  expect(errors[2]).toContain("ValueError: shapes (3,2) and (4,3) not aligned");
  expect(errors[2]).toMatch(/Cell In\[\d+\], line 2, in forward/);
}, 120_000);
