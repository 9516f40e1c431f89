// `nnlab grade` killed with SIGKILL halfway through a batch, then run again: every submission ends
// up graded exactly once, the ones finished before the kill are kept as they were, and the killed
// run leaves no kernel behind.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist", "cli", "main.js");
const ASSIGNMENT = join(ROOT, "notebooks", "assignments", "shallow");
const N = 6;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-batch-"));
  mkdirSync(join(work, "subs"));
  for (let i = 0; i < N; i++) copyFileSync(join(ASSIGNMENT, "shallow.ipynb"), join(work, "subs", `student${i}.ipynb`));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const done = (out: string) => (existsSync(out) ? readdirSync(out).filter((d) => existsSync(join(out, d, "result.nnlab.json"))) : []);

it("resumes after SIGKILL with every result present exactly once", async () => {
  const out = join(work, "grades");
  const first = spawn(process.execPath, [CLI, "grade", ASSIGNMENT, join(work, "subs"), "--out", out, "--jobs", "2"], { stdio: "ignore" });
  const deadline = Date.now() + 180_000;
  while (done(out).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const kept = done(out);
  expect(kept.length).toBeGreaterThanOrEqual(2);
  expect(kept.length).toBeLessThan(N);
  const before = new Map(kept.map((k) => [k, readFileSync(join(out, k, "results.json"), "utf8")]));
  const mtimes = new Map(kept.map((k) => [k, statSync(join(out, k, "results.json")).mtimeMs]));
  // The killed grader's kernels die with it (the sandbox with its parent, the kernel with its
  // connection to the grader); one that was being started at the instant of the kill can outlive
  // it, and the next run stops it first (checked after that run, below).
  const again = spawnSync(process.execPath, [CLI, "grade", ASSIGNMENT, join(work, "subs"), "--out", out, "--jobs", "2"], { encoding: "utf8", timeout: 300_000 });
  expect(again.status, again.stdout + again.stderr).toBe(0);
  expect(again.stdout).toContain(`${kept.length} of ${N} submissions already graded`);
  expect(done(out).sort()).toEqual(Array.from({ length: N }, (_, i) => `student${i}`));
  for (const k of kept) {
    expect(readFileSync(join(out, k, "results.json"), "utf8")).toBe(before.get(k));
    expect(statSync(join(out, k, "results.json")).mtimeMs).toBe(mtimes.get(k));
  }
  const rows = readFileSync(join(out, "grades.csv"), "utf8").trim().split("\n").slice(1);
  expect(rows.map((r) => r.split(",")[0]).sort()).toEqual(Array.from({ length: N }, (_, i) => `student${i}`));
  for (const r of rows) expect(r.endsWith(",19,19")).toBe(true);
  for (let i = 0; i < N; i++) {
    const res = JSON.parse(readFileSync(join(out, `student${i}`, "results.json"), "utf8"));
    expect(res.score).toBe(19);
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(spawnSync("pgrep", ["-f", "nnlab-grade-"]).status, "no sandboxed kernel left running").toBe(1);
}, 420_000);
