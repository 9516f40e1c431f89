// A second, independent client: Debian's `jupyter nbconvert --execute` (nbclient, jupyter_client)
// runs the same notebooks on the same patched tslab kernel and must record the same outputs and
// execution counts as nnlab's client. The kernelspec is the one `nnlab kernelspec` writes, in a
// private JUPYTER_PATH.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { nbconvert } from "../helpers/nbconvert";
import { runNotebookFiles, type NotebookResult } from "../../src/notebook/execute";
import { joinLines, readNotebook, type Notebook, type Output } from "../../src/notebook/nbformat";

const ROOT = join(__dirname, "..", "..");
const NB = join(__dirname, "..", "notebooks");
const NAMES = ["plain", "runtime-error", "chart", "display"];
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-nbconvert-"));
  execFileSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "kernelspec", "--jupyter-path", join(work, "jupyter")]);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** What a saved notebook records per code cell, with text joined (files split it into lines). */
function recorded(nb: Notebook): { count: number | null; outputs: Output[] }[] {
  const flat = (o: Output): Output => {
    if (o.output_type === "stream") return { ...o, text: joinLines(o.text) };
    if (o.output_type === "error") return o;
    const data = Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, Array.isArray(v) && k.startsWith("text/") ? v.join("") : v]));
    return { ...o, data };
  };
  return nb.cells.flatMap((c) => (c.cell_type === "code" ? [{ count: c.execution_count, outputs: c.outputs.map(flat) }] : []));
}

it("jupyter nbconvert --execute records the same outputs as nnlab's client", async () => {
  const out = join(work, "out");
  const paths = NAMES.map((n) => join(NB, `${n}.ipynb`));
  // Both clients at once: each mostly waits for its own kernels.
  const [, ours] = await Promise.all([
    nbconvert([
      "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
      "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", out, ...paths,
    ], {
      env: { ...process.env, JUPYTER_PATH: join(work, "jupyter") },
    }),
    runNotebookFiles(paths, { allowErrors: true, timeout: 60_000 }),
  ]);
  for (const name of NAMES) {
    const mine = ours.get(join(NB, `${name}.ipynb`)) as NotebookResult;
    const theirs = readNotebook(join(out, `${name}.ipynb`));
    expect({ name, cells: recorded(mine.notebook) }).toEqual({ name, cells: recorded(theirs) });
  }
  // The comparison is not vacuous: errors, results and the chart bundle are there.
  const chart = recorded(readNotebook(join(out, "chart.ipynb")));
  expect(Object.keys((chart[0].outputs[0] as { data: object }).data)).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
  expect(chart[2].outputs[0]).toMatchObject({ output_type: "error", ename: "TSError" });
  const runtime = recorded(readNotebook(join(out, "runtime-error.ipynb")));
  expect(runtime.map((c) => c.count)).toEqual([1, 2, 3]);
  expect(runtime[1].outputs[1]).toMatchObject({ output_type: "error", ename: "TypeError" });
  expect(runtime[2].outputs).toEqual([{ output_type: "stream", name: "stdout", text: "still running\n" }]);
}, 180_000);
