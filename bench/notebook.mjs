// Notebook execution speed, measured in one run on this machine:
//   - tslab kernel start (spawn -> kernel_info answered -> iopub live), and its shutdown;
//   - wall time of `nnlab run` and of Debian's `jupyter nbconvert --execute` on the same notebooks
//     (both on the same patched tslab; nbconvert through a private kernelspec, as in CI).
// Usage: npm run build && node bench/notebook.mjs [notebook.ipynb ...] [--repeat N]
// Default notebooks: the passing ones under tests/notebooks.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { Kernel } = require(join(ROOT, "dist", "notebook", "kernel.js"));

const args = process.argv.slice(2);
const repeatAt = args.indexOf("--repeat");
const repeat = repeatAt >= 0 ? Number(args.splice(repeatAt, 2)[1]) : 3;
const notebooks = (args.length ? args : ["plain", "chart", "display"].map((n) => join(ROOT, "tests", "notebooks", `${n}.ipynb`))).map((p) => resolve(p));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

function timed(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const work = mkdtempSync(join(tmpdir(), "nnlab-bench-"));
try {
  // Kernel start-up, measured directly.
  const starts = [];
  const stops = [];
  for (let i = 0; i < repeat; i++) {
    let t = performance.now();
    const kernel = await Kernel.start({ cwd: dirname(notebooks[0]) });
    starts.push(performance.now() - t);
    t = performance.now();
    await kernel.shutdown();
    stops.push(performance.now() - t);
  }

  const kernels = join(work, "jupyter", "kernels", "tslab");
  mkdirSync(kernels, { recursive: true });
  writeFileSync(join(kernels, "kernel.json"), JSON.stringify({ argv: ["tslab", "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" }));
  const env = { ...process.env, JUPYTER_PATH: join(work, "jupyter"), PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}` };
  const nnlab = [];
  const nbconvert = [];
  // Interleaved, so both clients see the same machine load.
  for (let i = 0; i < repeat; i++) {
    nnlab.push(timed(() => execFileSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "run", ...notebooks, "--out", join(work, "nnlab")], { stdio: "pipe" })));
    nbconvert.push(timed(() => execFileSync("jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", join(work, "nbconvert"), ...notebooks], { env, stdio: "pipe" })));
  }

  const row = (label, xs, extra = "") => console.log(`  ${label.padEnd(28)} ${fmt(median(xs))}  (min ${fmt(Math.min(...xs))}${extra})`);
  console.log(`notebook execution: ${notebooks.map((p) => p.split("/").pop()).join(", ")}; median of ${repeat} runs`);
  row("tslab kernel start", starts, `; shutdown ${fmt(median(stops))}`);
  row("nnlab run", nnlab);
  row("jupyter nbconvert --execute", nbconvert);
  console.log(`  ${"nbconvert / nnlab".padEnd(28)} ${(median(nbconvert) / median(nnlab)).toFixed(2)}x`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
