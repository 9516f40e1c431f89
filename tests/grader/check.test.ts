// The student's side: `nnlab release` refuses a broken source and releases a sound one; in the
// released notebook's kernel, `await check(...)` says what is wrong with the same comparison as the
// grader (a throw, a wrong shape, entries that differ, a modified input) or that the visible tests
// passed, without reading that as a grade.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "../../src/notebook/kernel";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist", "cli", "main.js");
const ASSIGNMENT = join(ROOT, "notebooks", "assignments", "shallow");
let work: string;
let kernel: Kernel;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "nnlab-check-"));
  const r = spawnSync(process.execPath, [CLI, "release", ASSIGNMENT, "--out", join(work, "release")], { encoding: "utf8", timeout: 300_000 });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  kernel = await Kernel.start({ cwd: join(work, "release") });
  const nb = JSON.parse(readFileSync(join(work, "release", "shallow.ipynb"), "utf8"));
  const setup = nb.cells.find((c: { metadata: { nbgrader?: { grade_id: string } } }) => c.metadata.nbgrader?.grade_id === "setup");
  const s = await kernel.execute([setup.source].flat().join(""));
  expect(s.status, JSON.stringify(s.outputs)).toBe("ok");
}, 300_000);
afterAll(async () => {
  await kernel?.shutdown();
  rmSync(work, { recursive: true, force: true });
});

async function check(code: string): Promise<{ text: string; error?: string }> {
  const r = await kernel.execute(code, { stopOnError: false });
  const text = r.outputs.filter((o) => o.output_type === "stream").map((o) => [(o as { text: string | string[] }).text].flat().join("")).join("");
  const err = r.outputs.find((o) => o.output_type === "error") as { ename: string; evalue: string } | undefined;
  return { text, error: err && `${err.ename}: ${err.evalue}` };
}

describe("await check(...) in the released notebook", () => {
  it("a stub: says it is not implemented, and the cell fails", async () => {
    const r = await check('function layer_sizes(X: NDArray, Y: NDArray): [number, number, number] {\n  throw new Error("layer_sizes is not implemented yet");\n}\nawait check("layer_sizes", layer_sizes);');
    expect(r.text).toContain("FAILED  layer_sizes: the lab's test case");
    expect(r.text).toContain("layer_sizes raised Error: layer_sizes is not implemented yet");
    expect(r.error).toBe("AssertionError: 1 of 1 visible test of layer_sizes failed (see above)");
  });

  it("a wrong shape: expected vs got", async () => {
    const r = await check("function initialize_parameters(n_x: number, n_h: number, n_y: number): Parameters {\n  np.random.seed(2);\n  return { W1: np.random.randn(n_x, n_h).multiply(0.01), b1: np.zeros([n_h, 1]), W2: np.random.randn(n_y, n_h).multiply(0.01), b2: np.zeros([n_y, 1]) };\n}\nawait check(\"initialize_parameters\", initialize_parameters);");
    expect(r.text).toContain("the return value.W1: wrong shape: expected (4, 2), got (2, 4)");
  });

  it("entries that differ, and by how much", async () => {
    const r = await check("function compute_cost(A2: NDArray, Y: NDArray, parameters?: Parameters): number {\n  return -np.sum(np.multiply(np.log(A2), Y)) / Y.shape[1];\n}\nawait check(\"compute_cost\", compute_cost);");
    expect(r.text).toMatch(/the return value: expected 0\.69305\d*, got /);
  });

  it("a function that modifies its input", async () => {
    const r = await check([
      "function update_parameters(parameters: Parameters, grads: Parameters, learning_rate = 1.2): Parameters {",
      "  for (const k of [\"W1\", \"b1\", \"W2\", \"b2\"]) parameters[k] = np.subtract(parameters[k], np.multiply(grads[\"d\" + k], learning_rate));",
      "  return parameters;",
      "}",
      'await check("update_parameters", update_parameters);',
    ].join("\n"));
    expect(r.text).toContain("update_parameters changed its argument parameters.W1 (the lab's functions must not modify their inputs)");
  });

  it("a correct function: passed, and hidden tests still to come", async () => {
    const r = await check("function layer_sizes(X: NDArray, Y: NDArray): [number, number, number] {\n  return [X.shape[0], 4, Y.shape[0]];\n}\nawait check(\"layer_sizes\", layer_sizes);");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain("ok      layer_sizes: the lab's test case");
    expect(r.text).toContain("The visible test of layer_sizes passed. (Hidden tests run when the notebook is graded.)");
  });
});

it("nnlab release refuses a source whose own solutions do not score full marks, saying which tests fail", () => {
  const broken = join(work, "broken");
  cpSync(ASSIGNMENT, broken, { recursive: true });
  const nbPath = join(broken, "shallow.ipynb");
  writeFileSync(nbPath, readFileSync(nbPath, "utf8").replace("const n_h = 4;", "const n_h = 5;"));
  const r = spawnSync(process.execPath, [CLI, "release", broken, "--out", join(work, "never")], { encoding: "utf8", timeout: 300_000 });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("not released: the instructor's solutions score");
  expect(r.stderr).toContain("layer_sizes: the lab's test case");
  expect(spawnSync("test", ["-e", join(work, "never", "shallow.ipynb")]).status).not.toBe(0);
}, 300_000);
