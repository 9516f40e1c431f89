// The grader's throughput: 100 submissions of the shallow assignment (correct, wrong and hostile
// mixed) graded by `nnlab grade --jobs 2` in its sandbox, against what a bare kernel start costs:
//   node bench/grade.mjs [N]      (after `npm run build`; about 3-4 minutes)
// Prints submissions per minute, seconds per submission (wall time x jobs / N), and the kernel
// start-up it contains (a bare Kernel.start + shutdown, and the same kernel started in the sandbox).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDist, printTable } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..");
const ASSIGNMENT = join(ROOT, "notebooks", "assignments", "shallow");
const N = Number(process.argv[2] ?? 100);
const JOBS = 2;
const { Kernel } = loadDist("notebook/kernel.js");
const { createSandbox } = loadDist("grader/sandbox.js");

const source = JSON.parse(readFileSync(join(ASSIGNMENT, "shallow.ipynb"), "utf8"));
const text = (c) => [c.source].flat().join("");
function variant(kind) {
  const nb = JSON.parse(JSON.stringify(source));
  const cell = (fn) => nb.cells.find((c) => c.cell_type === "code" && text(c).includes(`function ${fn}(`));
  const body = (fn, b) => {
    const c = cell(fn);
    const s = text(c);
    c.source = `${s.slice(0, s.indexOf("{") + 1)}\n${b}\n}`;
  };
  switch (kind) {
    case "correct": break;
    case "one-minus-A1": cell("backward_propagation").source = text(cell("backward_propagation")).replace("np.power(A1, 2)", "A1"); break;
    case "renamed": cell("predict").source = text(cell("predict")).replace("function predict(", "function predict_labels("); break;
    case "throws": body("forward_propagation", "  throw new Error('oops');"); break;
    case "type-error": body("update_parameters", "  const lr: string = learning_rate;\n  return parameters;"); break;
    case "infinite-loop": body("predict", "  while (true) {}"); break;
    case "memory-bomb": body("predict", "  const a: Float64Array[] = [];\n  for (;;) a.push(new Float64Array(5e7));"); break;
    case "process-exit": body("compute_cost", "  process.exit(1);"); break;
    case "flood": body("layer_sizes", "  console.log('x'.repeat(2e7));\n  return [X.shape[0], 4, Y.shape[0]];"); break;
    case "garbage": return "not a notebook";
  }
  return JSON.stringify(nb);
}
// 40 % correct, 30 % wrong, 30 % hostile.
const MIX = [
  ...Array(8).fill("correct"), "one-minus-A1", "one-minus-A1", "renamed", "throws", "type-error", "correct",
  "infinite-loop", "memory-bomb", "process-exit", "flood", "garbage", "one-minus-A1",
];

const work = mkdtempSync(join(tmpdir(), "nnlab-bench-grade-"));
try {
  const subs = join(work, "subs");
  mkdirSync(subs);
  const counts = {};
  for (let i = 0; i < N; i++) {
    const kind = MIX[i % MIX.length];
    counts[kind] = (counts[kind] ?? 0) + 1;
    writeFileSync(join(subs, `s${String(i).padStart(3, "0")}-${kind}.ipynb`), variant(kind));
  }

  // Kernel start-up, bare and sandboxed (median of 3).
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const startOnce = async (sandboxed) => {
    const dir = mkdtempSync(join(work, "k-"));
    const sb = sandboxed ? createSandbox({ workDir: dir }) : null;
    const t0 = performance.now();
    const k = await Kernel.start(sb ? sb.kernelOptions() : { cwd: dir });
    await k.execute('import { np } from "nnlab";');
    const t = (performance.now() - t0) / 1000;
    await k.shutdown();
    sb?.dispose();
    return t;
  };
  const bare = [], boxed = [];
  for (let i = 0; i < 3; i++) {
    bare.push(await startOnce(false));
    boxed.push(await startOnce(true));
  }

  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "grade", ASSIGNMENT, subs, "--out", join(work, "out"), "--jobs", String(JOBS)], { encoding: "utf8" });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  const rows = readFileSync(join(work, "out", "grades.csv"), "utf8").trim().split("\n").slice(1);
  const perSub = (wall * JOBS) / N;
  console.log(`${N} submissions (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}), --jobs ${JOBS}, on ${(await import("node:os")).cpus().length} cores`);
  printTable(["measure", "value"], [
    ["submissions graded", String(rows.length)],
    ["wall time", `${wall.toFixed(1)} s`],
    ["submissions per minute", (N / (wall / 60)).toFixed(1)],
    ["seconds per submission (wall x jobs / N)", perSub.toFixed(2)],
    ["bare kernel start + import nnlab (median of 3)", `${median(bare).toFixed(2)} s`],
    ["sandboxed kernel start + import nnlab", `${median(boxed).toFixed(2)} s`],
    ["per-submission overhead over a bare kernel start", `${(perSub - median(bare)).toFixed(2)} s`],
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
