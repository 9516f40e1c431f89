// The Gradescope autograder zip, run in a local folder laid out as Gradescope's container is
// (/autograder/source = the unpacked zip, /autograder/submission, /autograder/results). setup.sh's
// `npm ci` is stood in for by a hard-linked copy of this checkout's node_modules (a real folder, as
// npm makes it, with nnlab's self-link pointing at the unpacked package); run_autograder itself
// runs as Gradescope runs it.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist", "cli", "main.js");
const ASSIGNMENT = join(ROOT, "notebooks", "assignments", "shallow");
let work: string;
let zipPath: string;
let exported: SpawnSyncReturns<string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-gradescope-test-"));
  zipPath = join(work, "shallow.zip");
  exported = spawnSync(process.execPath, [CLI, "export", "gradescope", ASSIGNMENT, "--out", zipPath], { encoding: "utf8" });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh /autograder with the zip unpacked in source/ and `submission` (file name -> content). */
function autograder(submission: Record<string, string>): string {
  const root = mkdtempSync(join(work, "autograder-"));
  const files = unzipSync(readFileSync(zipPath));
  for (const [name, data] of Object.entries(files)) {
    const p = join(root, "source", name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
  chmodSync(join(root, "source", "run_autograder"), 0o755);
  chmodSync(join(root, "source", "setup.sh"), 0o755);
  const nm = join(root, "source", "nnlab", "node_modules");
  // Hard links where the file system allows them (fast), a plain copy otherwise. The self-link
  // node_modules/nnlab -> .. is relative, so it points at the unpacked package, as after npm ci.
  const linked = spawnSync("cp", ["-al", join(ROOT, "node_modules"), nm]);
  if (linked.status !== 0) expect(spawnSync("cp", ["-a", join(ROOT, "node_modules"), nm]).status).toBe(0);
  mkdirSync(join(root, "submission"));
  for (const [name, text] of Object.entries(submission)) writeFileSync(join(root, "submission", name), text);
  return root;
}

function runAutograder(root: string) {
  const r = spawnSync("bash", [join(root, "source", "run_autograder")], { encoding: "utf8", env: { ...process.env, NNLAB_AUTOGRADER_ROOT: root }, timeout: 180_000 });
  const results = JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8"));
  return { r, results };
}

it("packs setup.sh, run_autograder, nnlab's build and the assignment", () => {
  expect(exported.status, `${exported.stdout}${exported.stderr}`).toBe(0);
  const names = Object.keys(unzipSync(readFileSync(zipPath)));
  for (const f of ["setup.sh", "run_autograder", "assignment/tests.ts", "assignment/shallow.ipynb", "nnlab/package.json", "nnlab/dist/grader/gradescope-run.js", "nnlab/dist/student.js"]) {
    expect(names).toContain(f);
  }
  expect(readFileSync(join(ROOT, "package.json"), "utf8")).toContain('"fflate"');
});

it("grades a correct submission into a valid results.json", () => {
  const { r, results } = runAutograder(autograder({ "shallow.ipynb": readFileSync(join(ASSIGNMENT, "shallow.ipynb"), "utf8") }));
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/isolation: /);
  expect(results.score).toBe(19);
  expect(results.tests.length).toBeGreaterThan(10);
  for (const t of results.tests) {
    expect(typeof t.name).toBe("string");
    expect(t.name.split(":")[0]).toMatch(/^(layer_sizes|initialize_parameters|forward_propagation|compute_cost|backward_propagation|update_parameters|nn_model|predict)$/);
    expect(["passed", "failed"]).toContain(t.status);
    expect(["visible", "hidden", "after_due_date"]).toContain(t.visibility);
    expect(t.score).toBeLessThanOrEqual(t.max_score);
  }
});

it("grades a broken submission (not a notebook, under another name) and still writes results.json", () => {
  const { r, results } = runAutograder(autograder({ "my_work.ipynb": "{ not json" }));
  expect(r.status).toBe(0);
  expect(results.score).toBe(0);
  expect(results.tests[0].output).toContain("could not be graded");
  const none = runAutograder(autograder({ "notes.txt": "no notebook here" }));
  expect(none.results.score).toBe(0);
  expect(none.results.tests[0].output).toContain("no notebook found in the submission: upload shallow.ipynb");
});
