// A notebook in a fresh temporary folder, far from this repository, as a student's own folder, a
// downloaded submission or a grading container has it: the registered kernel resolves nnlab for
// the type checker and at run time, in cells and in a local .ts module, under `nnlab run` and
// under Debian's `jupyter nbconvert --execute`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { nbconvert } from "../helpers/nbconvert";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli", "main.js");
let dir: string;

const CELLS = [
  'import { np, shallow } from "nnlab";\nimport { double } from "./helper";\nnp.random.seed(1);\nconst X = np.random.randn(2, 3);',
  "console.log(String(X));\nconsole.log(String(double(X).shape));",
  "const [A2] = shallow.forward_propagation(X, shallow.initialize_parameters(2, 4, 1));\nconsole.log(A2.shape);",
];

function write(path: string): void {
  writeFileSync(path, JSON.stringify({
    cells: CELLS.map((source, i) => ({ id: `c${i}`, cell_type: "code", metadata: {}, source, outputs: [], execution_count: null })),
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  }));
}

const stdout = (nb: { cells: { outputs: { output_type: string; text?: string | string[] }[] }[] }) =>
  nb.cells.map((c) => c.outputs.map((o) => (o.output_type === "stream" ? [o.text].flat().join("") : `<${o.output_type}>`)).join(""));

const EXPECTED = [
  "",
  "[[ 1.62434536 -0.61175641 -0.52817175]\n [-1.07296862  0.86540763 -2.3015387 ]]\n2,3\n",
  "[ 1, 3 ]\n",
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nnlab-anywhere-"));
  expect(existsSync(join(dir, "node_modules"))).toBe(false);
  // A local module that itself imports nnlab: compiled by tslab from the notebook's folder.
  writeFileSync(join(dir, "helper.ts"), 'import { np } from "nnlab";\nexport function double(x: np.NDArray): np.NDArray {\n  return np.multiply(x, 2);\n}\n');
  write(join(dir, "student.ipynb"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs under nnlab run from a fresh temporary folder", () => {
  const r = spawnSync(process.execPath, [CLI, "run", "student.ipynb", "--out", "ran"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(stdout(JSON.parse(readFileSync(join(dir, "ran", "student.ipynb"), "utf8")))).toEqual(EXPECTED);
});

it("runs under Debian's jupyter nbconvert --execute with the registered tslab kernel", async () => {
  await nbconvert(["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab",
    "--output", "nbconvert.ipynb", "student.ipynb"], { cwd: dir, timeout: 120_000 });
  expect(stdout(JSON.parse(readFileSync(join(dir, "nbconvert.ipynb"), "utf8")))).toEqual(EXPECTED);
}, 130_000);
