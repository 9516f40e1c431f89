// Whole notebooks in real kernels: `nnlab run` (the built CLI, dist/cli/main.js) and the
// runNotebookFiles API it sits on. Needs `npm run build` first (npm test does it).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNotebook, type CodeCell, type Notebook, type Output } from "../../src/notebook/nbformat";
import { runNotebookFiles, type NotebookResult } from "../../src/notebook/execute";
import { expectNoKernelsLeft, useKernelTmp } from "../helpers/kernels";

const ROOT = join(__dirname, "..", "..");
const NB = join(__dirname, "..", "notebooks");
const CLI = join(ROOT, "dist", "cli", "main.js");
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-run-"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// After `work` is made: from here on tmpdir() is the directory the kernels of this file use.
const kernelTmp = useKernelTmp("nnlab-run-kernels-");

const codeCells = (nb: Notebook) => nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
const text = (o: Output) => (o.output_type === "stream" ? [o.text].flat().join("") : undefined);

/** Every executed notebook in `dir` passes Debian's nbformat validator (one Python process). */
function validateWithNbformat(dir: string): string {
  const script = "import sys, glob, nbformat\nfor p in sorted(glob.glob(sys.argv[1] + '/*.ipynb')):\n    nbformat.validate(nbformat.read(p, as_version=4))\n    print('valid', p.split('/')[-1])";
  return execFileSync("/usr/bin/python3", ["-c", script, dir]).toString();
}

describe("nnlab run", () => {
  it("runs notebooks, reports each cell, saves valid nbformat 4.5, and fails on errors", () => {
    const out = join(work, "out");
    const names = ["plain", "type-error", "runtime-error", "exit", "chart", "display"];
    const r = spawnSync(process.execPath, [CLI, "run", ...names.map((n) => join(NB, `${n}.ipynb`)), "--out", out, "--timeout", "60"], {
      encoding: "utf8",
      env: process.env,
    });
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`[1/6] ${join(NB, "plain.ipynb")}`);
    expect(lines[1]).toMatch(/^ {2}\[1\/4\] ok +\d+ ms$/);
    expect(r.stdout).toMatch(/\[2\/3\] error +\d+ ms {2}TSError: 1:7 - Type 'string' is not assignable to type 'number'\./);
    expect(r.stdout).toMatch(/\[2\/3\] dead +\d+ ms {2}DeadKernelError: kernel died: exit code 3/);
    expect(r.stdout).toMatch(/\[3\/3\] expected +\d+ ms {2}TSError: 2:\d+ - Type '"lines"' is not assignable to type 'AnyMark'\. Did you mean '"line"'\?/);
    expect(r.stdout).toMatch(/\n6 notebooks, 17 cells run in [\d.]+ s: 3 passed, 3 failed\n/);
    expect(r.stdout).toContain(`FAILED ${join(NB, "exit.ipynb")}: cell 2: DeadKernelError: kernel died: exit code 3; 1 cell not run`);
    expect(validateWithNbformat(out).trim().split("\n")).toEqual(names.sort().map((n) => `valid ${n}.ipynb`));

    // plain: every ordinary output kind, counts 1..n, the empty cell skipped
    const plain = codeCells(readNotebook(join(out, "plain.ipynb")));
    expect(plain.map((c) => c.execution_count)).toEqual([1, null, 2, 3, 4]);
    expect(plain.map((c) => c.outputs)).toEqual([
      [{ output_type: "stream", name: "stdout", text: ["sum 6\n"] }],
      [],
      [
        { output_type: "stream", name: "stdout", text: ["x = 1\n", "x = 2\n", "x = 3\n"] },
        { output_type: "execute_result", execution_count: 2, data: { "text/plain": ["[ 1, 4, 9 ]"] }, metadata: {} },
      ],
      [{ output_type: "execute_result", execution_count: 3, data: { "text/plain": ["'awaited'"] }, metadata: {} }],
      [{ output_type: "execute_result", execution_count: 4, data: { "text/plain": ["{ name: 'tslab', values: [ 1, 2, 3 ] }"] }, metadata: {} }],
    ]);
    const saved = readNotebook(join(out, "plain.ipynb"));
    expect(saved.metadata.kernelspec).toEqual({ name: "tslab", display_name: "TypeScript", language: "typescript" });
    expect(saved.metadata.language_info?.name).toBe("typescript");

    // runtime error: a proper error output; the run stops there without --allow-errors
    const rt = codeCells(readNotebook(join(out, "runtime-error.ipynb")));
    expect(rt[1].outputs[1]).toMatchObject({ output_type: "error", ename: "TypeError", evalue: "Cannot read properties of undefined (reading 'value')" });
    expect(rt[2]).toMatchObject({ execution_count: null, outputs: [] });

    // the notebook after the dead kernel ran in a fresh kernel
    const chart = codeCells(readNotebook(join(out, "chart.ipynb")));
    const bundle = chart[0].outputs[0];
    expect(bundle.output_type).toBe("display_data");
    if (bundle.output_type !== "display_data") return;
    expect(Object.keys(bundle.data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
    const spec = bundle.data["application/vnd.vegalite.v5+json"] as { $schema: string; mark: unknown; title: string };
    expect(spec).toMatchObject({ $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Points", mark: { type: "point" } });
    const png = Buffer.from(bundle.data["image/png"] as string, "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const size = bundle.metadata["image/png"] as { width: number; height: number };
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * size.width, 2 * size.height]);
    expect(size.width).toBeGreaterThan(200);
    expect(bundle.data["text/plain"]).toEqual(["<Vega-Lite chart: Points>"]);
    expect(chart[2].outputs[0]).toMatchObject({ output_type: "error", ename: "TSError" });

    // NDArrays as IPython shows numpy arrays: display(a) and the last expression give repr(a),
    // console.log(a) gives print(a); objects display through their Jupyter.display bundle
    const disp = codeCells(readNotebook(join(out, "display.ipynb")));
    const numpyRepr = ["array([[1. , 2.5],\n", "       [3. , 4. ]])"]; // repr(np.array([[1, 2.5], [3, 4]])), numpy 1.24
    expect(disp[0].outputs).toEqual([
      { output_type: "display_data", data: { "text/plain": numpyRepr }, metadata: {} },
      { output_type: "stream", name: "stdout", text: ["[[1.  2.5]\n", " [3.  4. ]]\n"] },
    ]);
    expect(disp[1].outputs).toEqual([{ output_type: "execute_result", execution_count: 2, data: { "text/plain": numpyRepr }, metadata: {} }]);
    expect(disp[2].outputs).toEqual([{ output_type: "display_data", data: { "text/markdown": ["**bold**"], "text/plain": ["bold"] }, metadata: {} }]);
    expect(disp[3].outputs[0]).toMatchObject({ data: { "text/html": ["<b>two types</b>"] }, metadata: { "text/html": { isolated: false } } });
    expectNoKernelsLeft(kernelTmp.dir);
  }, 180_000);

  it("exits 0 when every cell succeeds, and leaves notebooks alone without --out/--inplace", () => {
    const r = spawnSync(process.execPath, [CLI, "run", join(NB, "plain.ipynb")], { encoding: "utf8" });
    expect(r.stdout).toMatch(/\n1 notebook, 4 cells run in [\d.]+ s: 1 passed, 0 failed\n/);
    expect(r.status).toBe(0);
    expect(codeCells(readNotebook(join(NB, "plain.ipynb"))).every((c) => c.outputs.length === 0)).toBe(true);
  });

  it("rejects bad arguments with usage and exit code 2", () => {
    const r = spawnSync(process.execPath, [CLI, "run", "a.ipynb", "--out", "x", "--inplace"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("nnlab run: --out and --inplace exclude each other\n\nUsage: nnlab run");
    const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    expect(help.stdout).toMatch(/^Usage: nnlab <command> \[options\]\n\nCommands:\n {2}run {9}execute notebooks/);
    expect(help.stdout).toMatch(/\n {2}kernelspec {2}register the pinned tslab kernel/);
  });
});

describe("runNotebookFiles with allowErrors", () => {
  it("keeps running the cells after a runtime throw", async () => {
    const path = join(NB, "runtime-error.ipynb");
    const r = (await runNotebookFiles([path], { allowErrors: true, timeout: 60_000 })).get(path) as NotebookResult;
    expect(r.ok).toBe(false);
    expect(r.skipped).toBe(0);
    expect(r.cells.map((c) => c.status)).toEqual(["ok", "error", "ok"]);
    expect(codeCells(r.notebook)[2].outputs.map(text)).toEqual(["still running\n"]);
    expect(codeCells(r.notebook).map((c) => c.execution_count)).toEqual([1, 2, 3]);
    expectNoKernelsLeft(kernelTmp.dir);
  });
});
