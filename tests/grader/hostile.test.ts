// A corpus of broken and hostile submissions of the shallow assignment, graded in one batch by
// `nnlab grade` (sandboxed, two at a time): each gets the score a careful human grader would give,
// with a message saying why, and nothing one does reaches another's result or the grader's files.
// Most variants are the instructor's notebook with one function changed; an attack is written so
// that the function gives the right answer only when the attack fails, so full marks prove the
// sandbox held. (Everything comes from dist/: tests.ts imports the built nnlab.)
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist", "cli", "main.js");
const ASSIGNMENT = join(ROOT, "notebooks", "assignments", "shallow");
const SOURCE = JSON.parse(readFileSync(join(ASSIGNMENT, "shallow.ipynb"), "utf8"));
// What a submission must not be able to change for the submissions after it: a package every
// kernel loads (nothing rebuilds it), and nnlab's build.
const GUARDED = join(ROOT, "node_modules", "tslab", "package.json");
const BUILD_FILE = join(ROOT, "dist", "np", "index.js");

type Cell = { cell_type: string; id: string; metadata: Record<string, unknown>; source: string | string[]; outputs?: unknown[]; execution_count?: null };
const text = (c: Cell) => [c.source].flat().join("");
const clone = () => JSON.parse(JSON.stringify(SOURCE)) as { cells: Cell[]; [k: string]: unknown };
const cellOf = (nb: { cells: Cell[] }, fn: string) => nb.cells.find((c) => c.cell_type === "code" && text(c).includes(`function ${fn}(`))!;

/** The instructor's notebook with one function's body replaced (its signature kept). */
function withBody(fn: string, body: string, signature?: string) {
  const nb = clone();
  const cell = cellOf(nb, fn);
  const src = text(cell);
  const sig = signature ?? src.slice(0, src.indexOf("{") + 1);
  cell.source = `${sig}\n${body}\n}`;
  return nb;
}

const LAYER_SIZES_OK = "  return [X.shape[0], 4, Y.shape[0]];";

interface Variant {
  name: string;
  content: string | object;
  score: number;
  /** Fragments the results must contain (messages a student needs). */
  says?: string[];
}

function variants(dir: string, otherSubmission: string): Variant[] {
  const moved = clone();
  moved.cells = [...moved.cells].reverse();
  const duplicated = clone();
  const ls = cellOf(duplicated, "layer_sizes");
  duplicated.cells.splice(duplicated.cells.indexOf(ls), 0, { ...ls, id: "dup", source: "function layer_sizes(X, Y) { return [0, 0, 0]; }" });
  const deleted = clone();
  deleted.cells = deleted.cells.filter((c) => c !== cellOf(deleted, "layer_sizes"));
  const markdown = clone();
  const fp = cellOf(markdown, "forward_propagation");
  fp.cell_type = "markdown";
  delete fp.outputs;
  delete fp.execution_count;
  const renamed = clone();
  const pr = cellOf(renamed, "predict");
  pr.source = text(pr).replace("function predict(", "function predict_labels(");
  const swapped = withBody("compute_cost", "  const m = Y.shape[1];\n  return -np.sum(np.add(np.multiply(np.log(A2), Y), np.multiply(np.log(np.subtract(1, A2)), np.subtract(1, Y)))) / m;",
    "function compute_cost(Y: NDArray, A2: NDArray, parameters?: Parameters): number {");
  const importsSolutions = withBody("layer_sizes", "  return shallow.layer_sizes(X, Y);");
  const setup = importsSolutions.cells.find((c) => text(c).startsWith("import { np"))!;
  setup.source = text(setup).replace("import { np, nn,", "import { np, shallow, nn,");
  const hostileLayerSizes = (attack: string) => withBody("layer_sizes", `  try {\n${attack}\n  } catch (e) {\n${LAYER_SIZES_OK}\n  }\n  return [0, 0, 0];`);
  return [
    { name: "not-json", content: "this is not a notebook {", score: 0, says: ["not a notebook this grader can read"] },
    { name: "wrong-nbformat", content: { ...clone(), nbformat: 3 }, score: 0, says: ["not a notebook this grader can read"] },
    { name: "empty", content: { ...clone(), cells: [] }, score: 0, says: ["layer_sizes is not defined in the notebook"] },
    // nn_model calls layer_sizes: it no longer compiles, so its cases go too (a grader would say the same).
    { name: "cell-deleted", content: deleted, score: 11, says: ["layer_sizes is not defined in the notebook", "nn_model does not compile"] },
    { name: "cell-duplicated", content: duplicated, score: 19, says: ["layer_sizes is defined 2 times"] },
    { name: "cells-moved", content: moved, score: 19 },
    { name: "cell-as-markdown", content: markdown, score: 19, says: ["forward_propagation was found in a markdown cell"] },
    { name: "function-renamed", content: renamed, score: 18, says: ["predict is not defined in the notebook"] },
    // (Y, A2) swapped: compute_cost's case and the traces (which record costs) fail; the rest passes.
    { name: "signature-changed", content: swapped, score: 14, says: ["its parameters are named (Y, A2, parameters)"] },
    { name: "syntax-error", content: withBody("backward_propagation", "  const m = X.shape[1;\n  return {};"), score: 10, says: ["backward_propagation does not compile"] },
    { name: "type-error", content: withBody("update_parameters", "  const lr: string = learning_rate;\n  return parameters;"), score: 12, says: ["update_parameters does not compile", "Type 'number' is not assignable to type 'string'"] },
    { name: "runtime-throw", content: withBody("predict", "  throw new RangeError('predict exploded');"), score: 18, says: ["predict raised RangeError: predict exploded"] },
    { name: "infinite-loop", content: withBody("layer_sizes", "  while (true) {}"), score: 15, says: ["layer_sizes did not return within 6 s"] },
    { name: "never-resolves", content: withBody("predict", "  return new Promise(() => {}) as any;"), score: 18, says: ["predict did not return within 6 s"] },
    { name: "timers-left", content: withBody("layer_sizes", `  setInterval(() => console.log("tick"), 1);\n${LAYER_SIZES_OK}`), score: 19 },
    {
      name: "memory-bomb", content: withBody("predict", "  const hog: Float64Array[] = [];\n  for (;;) hog.push(new Float64Array(50_000_000));"),
      score: 18, says: ["predict"],
    },
    { name: "process-exit", content: withBody("predict", "  process.exit(3);"), score: 18, says: ["the kernel died while predict ran"] },
    { name: "child-process", content: hostileLayerSizes(`    require("child_process").execSync("touch ${join(dir, "pwned")}");`), score: 19 },
    {
      name: "monkeypatch", score: 19,
      content: withBody("layer_sizes", [
        "  JSON.stringify = () => '{}';",
        "  JSON.parse = () => ({});",
        "  Object.defineProperty(Object.prototype, 'polluted', { value: 1, writable: true, enumerable: true });",
        "  Math.random = () => 0.5;",
        "  try { (globalThis as any).__nnlab_call__ = null; } catch {}",
        "  try { (require('nnlab') as any).np.testing = null; } catch {}",
        LAYER_SIZES_OK,
      ].join("\n")),
    },
    {
      name: "reads-grader-files", score: 19,
      content: hostileLayerSizes([
        `    const fs = require("fs");`,
        `    fs.readFileSync(${JSON.stringify(join(ASSIGNMENT, "tests.ts"))}, "utf8");`,
        `    fs.readFileSync(${JSON.stringify(otherSubmission)}, "utf8");`,
        `    fs.readFileSync(${JSON.stringify(join(ROOT, "dist", "labs", "shallow.js"))}, "utf8");`,
      ].join("\n")),
    },
    {
      name: "writes-node-modules", score: 19,
      content: hostileLayerSizes([
        `    const fs = require("fs");`,
        `    try { fs.writeFileSync(${JSON.stringify(BUILD_FILE)}, "module.exports = {};"); return [0, 0, 0] as any; } catch {}`,
        `    fs.writeFileSync(${JSON.stringify(GUARDED)}, "{}");`,
      ].join("\n")),
    },
    // nnlab's own answers are not importable in the grader: only what used them is lost.
    { name: "imports-solutions", content: importsSolutions, score: 11, says: ["imports shallow from a module that graded code cannot use", "layer_sizes does not compile"] },
    { name: "requires-solutions", score: 19, content: hostileLayerSizes(`    const s = require(${JSON.stringify(join(ROOT, "dist", "labs", "shallow.js"))});\n    if (typeof s.layer_sizes !== "function") throw new Error("no");\n    return [0, 0, 0] as any;`) },
    { name: "output-flood", content: withBody("layer_sizes", `  console.log("x".repeat(30_000_000));\n${LAYER_SIZES_OK}`), score: 19 },
    { name: "big-file", score: 19, content: hostileLayerSizes(`    require("fs").writeFileSync("big.bin", Buffer.alloc(100 * 1024 * 1024));\n    return [0, 0, 0] as any;`) },
  ];
}

let work: string;
let out: string;
let run: SpawnSyncReturns<string>;
let release: SpawnSyncReturns<string>;
let list: Variant[];
const guardedHash = () => createHash("sha256").update(readFileSync(GUARDED)).digest("hex");
let hashBefore: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-hostile-"));
  out = join(work, "grades");
  const subs = join(work, "submissions");
  mkdirSync(subs);
  list = variants(work, join(subs, "cells-moved.ipynb"));
  for (const v of list) writeFileSync(join(subs, `${v.name}.ipynb`), typeof v.content === "string" ? v.content : JSON.stringify(v.content));
  // The assignment's own three: the instructor's solutions, the released notebook as it is, and
  // the lab's classic mistake, 1 - A1 for the derivative of tanh in backward_propagation.
  release = spawnSync(process.execPath, [CLI, "release", ASSIGNMENT, "--out", join(work, "release")], { encoding: "utf8", timeout: 300_000 });
  writeFileSync(join(subs, "instructor.ipynb"), JSON.stringify(SOURCE));
  if (existsSync(join(work, "release", "shallow.ipynb"))) writeFileSync(join(subs, "released.ipynb"), readFileSync(join(work, "release", "shallow.ipynb")));
  const oneMinus = clone();
  const bp = cellOf(oneMinus, "backward_propagation");
  bp.source = text(bp).replace("np.subtract(1, np.power(A1, 2))", "np.subtract(1, A1)");
  writeFileSync(join(subs, "one-minus-A1.ipynb"), JSON.stringify(oneMinus));
  hashBefore = guardedHash();
  run = spawnSync(process.execPath, [CLI, "grade", ASSIGNMENT, subs, "--out", out, "--jobs", "2"], { encoding: "utf8", timeout: 900_000 });
}, 960_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("hostile and broken submissions", () => {
  it("the batch finishes, says which isolation was in force, and grades every submission once", () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/isolation: .*bubblewrap/);
    const csv = readFileSync(join(out, "grades.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(list.length + 4);
    console.log(run.stdout.split("\n").filter((l) => l.startsWith("[") || /graded in/.test(l)).join("\n"));
  });

  for (const name of [
    "not-json", "wrong-nbformat", "empty", "cell-deleted", "cell-duplicated", "cells-moved", "cell-as-markdown", "function-renamed",
    "signature-changed", "syntax-error", "type-error", "runtime-throw", "infinite-loop", "never-resolves", "timers-left", "memory-bomb",
    "process-exit", "child-process", "monkeypatch", "reads-grader-files", "writes-node-modules", "imports-solutions", "requires-solutions",
    "output-flood", "big-file",
  ]) {
    it(name, () => {
      const v = list.find((x) => x.name === name)!;
      const results = JSON.parse(readFileSync(join(out, name, "results.json"), "utf8"));
      const all = JSON.stringify(results);
      expect(results.score, `${name}: ${results.tests.filter((t: { status: string }) => t.status === "failed").map((t: { name: string; output: string }) => `${t.name}: ${t.output}`).join("\n")}`).toBe(v.score);
      for (const s of v.says ?? []) expect(all).toContain(s);
      expect(existsSync(join(out, name, "feedback.html"))).toBe(true);
    });
  }

  it("nothing escaped: no file written outside the submission, nnlab's build untouched", () => {
    expect(existsSync(join(work, "pwned"))).toBe(false);
    expect(guardedHash()).toBe(hashBefore);
  });

  it("the feedback page shows the student's code and scores, never a hidden case's details", () => {
    const html = readFileSync(join(out, "function-renamed", "feedback.html"), "utf8");
    expect(html).toContain("18 of 19 points");
    expect(html).toContain("your layer_sizes");
    expect(html).toMatch(/hidden tests?: \d+ \/ \d+ points?/);
    expect(html).not.toContain("other shapes");
    expect(html).not.toContain("a wider batch");
  });
});

describe("the shallow assignment", () => {
  const tests = (name: string) => JSON.parse(readFileSync(join(out, name, "results.json"), "utf8")).tests as
    { name: string; score: number; max_score: number; status: string; output: string }[];

  it("releases: the instructor's solutions score full marks, stubs and check module are written", () => {
    expect(release.status, `${release.stdout}${release.stderr}`).toBe(0);
    expect(release.stdout).toContain("full marks (19 of 19)");
    const released = readFileSync(join(work, "release", "shallow.ipynb"), "utf8");
    expect(released).not.toContain("BEGIN SOLUTION");
    expect(released).not.toContain("np.power(A1, 2)");
    const checks = readFileSync(join(work, "release", "shallow_checks.ts"), "utf8");
    expect(checks).toContain("zero-init trace");
    expect(checks).not.toContain("other shapes"); // a hidden case
    expect(checks).not.toContain("10,000 iterations");
  });

  it("the instructor's notebook scores 19 of 19", () => {
    expect(JSON.parse(readFileSync(join(out, "instructor", "results.json"), "utf8")).score).toBe(19);
  });

  it("the released notebook, submitted as is, scores 0 with not-implemented messages", () => {
    const ts = tests("released").filter((t) => t.max_score > 0);
    expect(ts.every((t) => t.score === 0)).toBe(true);
    expect(ts.filter((t) => /is not implemented yet/.test(t.output)).length).toBe(ts.length);
  });

  it("1 - A1 keeps the zero-init trace and loses the ones-init trace and backward_propagation", () => {
    const ts = tests("one-minus-A1");
    const by = (n: string) => ts.find((t) => t.name === n)!;
    expect(by("nn_model: zero-init trace")).toMatchObject({ status: "passed", score: 2 });
    expect(by("nn_model: ones-init trace")).toMatchObject({ status: "failed", score: 0 });
    expect(by("nn_model: ones-init trace").output).toContain("check the derivative of tanh");
    expect(by("backward_propagation: the lab's test case")).toMatchObject({ status: "failed", score: 0 });
    expect(by("backward_propagation: the lab's test case").output).toMatch(/dW1: 8 of 8 entries differ \(100%\)/);
    expect(ts.filter((t) => t.name.startsWith("forward_propagation") || t.name.startsWith("layer_sizes")).every((t) => t.status === "passed")).toBe(true);
  });
});
