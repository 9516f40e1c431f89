// Every lecture notebook runs clean in the real tslab kernel, importing the built package by name,
// and the symmetry lecture shows the labs' zero/ones-init reference values.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cellFailed, runNotebookFiles, type NotebookResult } from "../src/notebook/execute";
import type { Output } from "../src/notebook/nbformat";

const LECTURES = join(__dirname, "..", "notebooks", "lectures");

it("every lecture notebook executes without an error or stderr output", async () => {
  const paths = readdirSync(LECTURES).filter((f) => f.endsWith(".ipynb")).map((f) => join(LECTURES, f));
  expect(paths.length).toBeGreaterThan(0);
  const results = await runNotebookFiles(paths, { timeout: 120_000 });
  for (const path of paths) {
    const result = results.get(path) as NotebookResult;
    const failures = result.cells.filter(cellFailed).map((c) => `${path} cell ${c.index}: ${c.status} ${c.error?.evalue ?? ""}`);
    expect(failures).toEqual([]);
    expect(result.ok).toBe(true);
  }

  const symmetry = (results.get(join(LECTURES, "initialization-symmetry.ipynb")) as NotebookResult).notebook;
  const stdout = symmetry.cells
    .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .map((o: Output) => (o.output_type === "stream" ? [o.text].flat().join("") : ""))
    .join("");
  expect(stdout).toContain("Cost after iteration 1: 0.664806");
  expect(stdout).toContain("b2 = [[0.3401992]]");
  expect(stdout).toContain(" [1.28266063 0.62747155]\n [1.28266063 0.62747155]]");
  expect(stdout).toContain("W2 = [[0.30042713 0.30042713 0.30042713 0.30042713]]");
  const charts = symmetry.cells
    .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .filter((o) => o.output_type === "display_data" && "image/png" in o.data);
  expect(charts.length).toBe(4);
}, 300_000);
