// A student's Run All in the classic Notebook UI (Debian's jupyter-notebook, headless Chromium):
// no cell may still show In [*] once a later cell has output, which tslab's concurrent handling of
// shell requests used to cause. The lecture runs from a copy in a fresh temporary folder.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ARTIFACTS, launchChromium, startNotebookServer, type NotebookServer } from "../helpers/browser";

const LECTURE = join(__dirname, "..", "..", "notebooks", "lectures", "initialization-symmetry.ipynb");
let dir: string;
let server: NotebookServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nnlab-ui-"));
  copyFileSync(LECTURE, join(dir, "lecture.ipynb"));
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
