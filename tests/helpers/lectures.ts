// One lecture notebook, executed by both clients at once: `nnlab run` (the CLI, the notebook
// engine) and Debian's `jupyter nbconvert --execute` (nbclient) on the same patched tslab kernel.
// Both must finish clean (no error output, nothing on stderr) in under the lecture time limit;
// the executed notebooks come back for the lecture's own content checks.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { joinLines, readNotebook, type Notebook, type Output } from "../../src/notebook/nbformat";
import { nbconvert } from "./nbconvert";

const ROOT = join(__dirname, "..", "..");
export const LECTURES_DIR = join(ROOT, "notebooks", "lectures");
/** Each lecture runs top to bottom in under this many seconds on the CI machine. */
export const LECTURE_LIMIT_S = 60;

export interface LectureRun {
  /** The notebook as `nnlab run --out` saved it. */
  ours: Notebook;
  /** The notebook as `jupyter nbconvert --execute` saved it. */
  theirs: Notebook;
  oursSeconds: number;
  theirsSeconds: number;
}

const run = promisify(execFile);

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, (performance.now() - t0) / 1000];
}

/** Every output of every code cell, in order. */
export function outputsOf(nb: Notebook): Output[] {
  return nb.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []));
}

/** All stdout text of a notebook, joined. */
export function stdoutOf(nb: Notebook): string {
  return outputsOf(nb)
    .map((o) => (o.output_type === "stream" && o.name === "stdout" ? joinLines(o.text) : ""))
    .join("");
}

/** The display outputs carrying a Vega-Lite chart (with its PNG fallback). */
export function chartsOf(nb: Notebook): Output[] {
  return outputsOf(nb).filter(
    (o) => o.output_type === "display_data" && "application/vnd.vegalite.v5+json" in o.data && "image/png" in o.data,
  );
}

/** A lecture's committed form: the tslab kernelspec, `title` as its first line, every code cell's
 *  outputs cleared, and exercise stubs (`// YOUR CODE HERE`) and solutions defining `functions`
 *  in that order. */
export function expectLectureForm(file: string, title: string, functions: string[]): void {
  const nb = JSON.parse(readFileSync(join(LECTURES_DIR, file), "utf8")) as {
    cells: { cell_type: string; source: string[]; outputs?: unknown[]; execution_count?: number | null; metadata: { tags?: string[] } }[];
    metadata: { kernelspec: { name: string } };
  };
  expect(nb.metadata.kernelspec.name).toBe("tslab");
  expect(nb.cells[0].source[0]).toBe(`# ${title}\n`);
  for (const c of nb.cells.filter((c) => c.cell_type === "code")) {
    expect(c.outputs).toEqual([]);
    expect(c.execution_count).toBeNull();
  }
  const tagged = (tag: string) => nb.cells.filter((c) => c.metadata.tags?.includes(tag)).map((c) => c.source.join(""));
  expect(tagged("exercise").map((s) => /function (\w+)/.exec(s)![1])).toEqual(functions);
  expect(tagged("solution").map((s) => /function (\w+)/.exec(s)![1])).toEqual(functions);
  for (const stub of tagged("exercise")) expect(stub).toContain("// YOUR CODE HERE");
}

/** What went wrong in a saved notebook: error outputs and stderr streams, one line each. */
export function problemsOf(nb: Notebook): string[] {
  const problems: string[] = [];
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    for (const o of c.outputs) {
      if (o.output_type === "error") problems.push(`cell ${i}: ${o.ename}: ${o.evalue.split("\n")[0]}`);
      if (o.output_type === "stream" && o.name === "stderr") problems.push(`cell ${i}: stderr: ${joinLines(o.text).slice(0, 200)}`);
    }
    if (c.execution_count === null) problems.push(`cell ${i}: not executed`);
  });
  return problems;
}

/**
 * Runs `notebooks/lectures/<file>` under both clients concurrently and checks each finished clean
 * within the time limit. Returns both executed notebooks.
 */
export async function runLecture(file: string): Promise<LectureRun> {
  const work = mkdtempSync(join(tmpdir(), "nnlab-lecture-"));
  try {
    const jupyterPath = join(work, "jupyter");
    execFileSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "kernelspec", "--jupyter-path", jupyterPath]);
    const path = join(LECTURES_DIR, file);
    const [[, oursSeconds], [, theirsSeconds]] = await Promise.all([
      timed(() =>
        run(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "run", path, "--out", join(work, "ours"), "--timeout", String(LECTURE_LIMIT_S)], {
          maxBuffer: 64 << 20,
        }).catch((e: { stdout?: string; message: string }) => {
          throw new Error(`nnlab run ${file} failed:\n${e.stdout ?? e.message}`);
        }),
      ),
      timed(() =>
        nbconvert([
          "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
          "--ExecutePreprocessor.kernel_name=tslab", `--ExecutePreprocessor.timeout=${LECTURE_LIMIT_S}`,
          "--output-dir", join(work, "theirs"), path,
        ], { env: { ...process.env, JUPYTER_PATH: jupyterPath } }),
      ),
    ]);
    const ours = readNotebook(join(work, "ours", file));
    const theirs = readNotebook(join(work, "theirs", file));
    expect({ client: "nnlab run", problems: problemsOf(ours) }).toEqual({ client: "nnlab run", problems: [] });
    expect({ client: "nbconvert", problems: problemsOf(theirs) }).toEqual({ client: "nbconvert", problems: [] });
    expect(oursSeconds, `${file} under nnlab run`).toBeLessThan(LECTURE_LIMIT_S);
    expect(theirsSeconds, `${file} under nbconvert`).toBeLessThan(LECTURE_LIMIT_S);
    return { ours, theirs, oursSeconds, theirsSeconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
