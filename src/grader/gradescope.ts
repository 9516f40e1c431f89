// Gradescope: `nnlab export gradescope` packs an autograder zip (setup.sh, run_autograder, nnlab's
// built package and the assignment), and `runGradescope` is what run_autograder calls inside
// Gradescope's container: it grades the one submission in /autograder/submission and always writes
// /autograder/results/results.json, even when everything else fails. Gradescope runs each
// submission in its own container on its own machine: that is how an instructor grades past one
// machine. The root folder can be moved (NNLAB_AUTOGRADER_ROOT) to test the layout locally.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { parseNotebook } from "../notebook/nbformat";
import { failAll, gradeNotebook, type SubmissionResult } from "./grade";
import { loadAssignment } from "./load";
import { gradescopeResults } from "./report";
import { createSandbox } from "./sandbox";

const PACKAGE_ROOT = resolve(__dirname, "..", "..");

/** What of nnlab's package goes into the zip (built; setup.sh installs its dependencies). */
const PACKAGE_PARTS = ["package.json", "package-lock.json", "dist", "datasets", "patches", "grader.js", "grader.d.ts"];

function addTree(zip: Zippable, root: string, rel: string, under: string): void {
  const abs = join(root, rel);
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) addTree(zip, root, join(rel, name), under);
  } else {
    zip[`${under}/${rel.split("\\").join("/")}`] = [readFileSync(abs), { mode: statSync(abs).mode }] as never;
  }
}

const SETUP = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get install -y -qq ca-certificates curl gnupg
  # Node 20 from the distribution when it has it, else Node's own packages.
  if apt-cache policy nodejs | grep -q 'Candidate: 20\\.'; then apt-get install -y -qq nodejs npm; else
    curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y -qq nodejs; fi
fi
# The sandbox's tools (bubblewrap, util-linux's setpriv/prlimit) when the image lets them work.
apt-get install -y -qq bubblewrap util-linux fonts-dejavu-core || true
cd /autograder/source/nnlab
npm ci --no-audit --no-fund
`;

const RUN = `#!/usr/bin/env bash
# Gradescope runs this for each submission; it always writes /autograder/results/results.json.
cd "\${NNLAB_AUTOGRADER_ROOT:-/autograder}/source/nnlab" && exec node dist/grader/gradescope-run.js
`;

export interface ExportResult {
  path: string;
  bytes: number;
  files: number;
}

/** Packs the autograder zip for the assignment in `dir`. */
export function exportGradescope(dir: string, out: string): ExportResult {
  const a = loadAssignment(dir);
  const zip: Zippable = {};
  zip["setup.sh"] = [Buffer.from(SETUP), { mode: 0o755 }] as never;
  zip["run_autograder"] = [Buffer.from(RUN), { mode: 0o755 }] as never;
  for (const part of PACKAGE_PARTS) addTree(zip, PACKAGE_ROOT, part, "nnlab");
  for (const name of readdirSync(a.dir).sort()) {
    const f = join(a.dir, name);
    if (statSync(f).isFile()) zip[`assignment/${name}`] = readFileSync(f);
  }
  zip["assignment.json"] = Buffer.from(JSON.stringify({ name: a.spec.name, notebook: a.spec.notebook }));
  const bytes = zipSync(zip, { level: 6 });
  writeFileSync(out, bytes);
  return { path: out, bytes: bytes.length, files: Object.keys(zip).length };
}

/** The submission notebook: `<name>.ipynb` if present, else the only .ipynb anywhere in the folder. */
function findSubmission(dir: string, name: string): string | null {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else if (n.endsWith(".ipynb") && !f.includes(".ipynb_checkpoints")) found.push(f);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.find((f) => f.endsWith(`/${name}.ipynb`)) ?? (found.length === 1 ? found[0] : null);
}

/** Grades /autograder/submission into /autograder/results/results.json (root movable for tests). */
export async function runGradescope(root = process.env.NNLAB_AUTOGRADER_ROOT ?? "/autograder"): Promise<SubmissionResult> {
  const resultsDir = join(root, "results");
  mkdirSync(resultsDir, { recursive: true });
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
  const write = (r: SubmissionResult) => writeFileSync(join(resultsDir, "results.json"), JSON.stringify(gradescopeResults(r, version), null, 1));
  const a = loadAssignment(join(root, "source", "assignment"));
  const started = Date.now();
  let result: SubmissionResult;
  const path = findSubmission(join(root, "submission"), a.spec.name);
  if (!path) {
    result = failAll(a.spec, `no notebook found in the submission: upload ${a.spec.name}.ipynb`, started);
    write(result);
    return result;
  }
  const work = mkdtempSync(join(tmpdir(), "nnlab-gradescope-"));
  try {
    const nb = parseNotebook(readFileSync(path, "utf8"), relative(join(root, "submission"), path));
    const sandbox = createSandbox({ workDir: work });
    console.log(`isolation: ${sandbox.describe()}`);
    try {
      result = await gradeNotebook(a.spec, nb, { kernel: sandbox.kernelOptions() });
    } finally {
      sandbox.dispose();
    }
  } catch (e) {
    result = failAll(a.spec, `the submission could not be graded: ${(e as Error).message}`, started);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  write(result);
  return result;
}
