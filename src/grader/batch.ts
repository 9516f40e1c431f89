// Grading many submissions: each in its own fresh kernel and temporary folder (in the sandbox the
// caller provides), `jobs` at a time, with progress and an ETA. Results are written atomically, one
// folder per submission, so an interrupted batch (even by SIGKILL) resumes where it stopped
// without regrading or doubling anything; grades.csv is rebuilt from the results on disk. Nothing a
// submission does (a crash, a hang, a flood of output, a garbage file) reaches another's result.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { KernelOptions } from "../notebook/kernel";
import { parseNotebook } from "../notebook/nbformat";
import { failAll, gradeNotebook, type SubmissionResult } from "./grade";
import { GraderInfraError } from "./session";
import { killOrphanedSandboxes } from "./sandbox";
import type { Assignment } from "./load";
import { feedbackHtml, gradescopeResults, gradesCsv } from "./report";

export interface BatchOptions {
  out: string;
  jobs: number;
  /** Kernel options for a submission's kernel, given its fresh working folder (the sandbox). */
  kernelFor: (workDir: string) => { options: KernelOptions; dispose(): void };
  version: string;
  log?: (line: string) => void;
  /** Largest submission file read (bytes); larger ones score 0 with a message. Default 20 MB. */
  maxNotebookBytes?: number;
}

export interface BatchEntry {
  key: string;
  path: string;
  result: SubmissionResult;
  /** Already graded by an earlier run of the batch. */
  resumed: boolean;
  /** The grader, not the submission, failed (a kernel that would not start): not marked done, so
   *  the next run grades it again. */
  infraError?: string;
}

/** Submission files: .ipynb files given directly, and those in given folders (one level). */
export function collectSubmissions(inputs: string[]): { key: string; path: string }[] {
  const files: string[] = [];
  for (const input of inputs) {
    const p = resolve(input);
    if (!existsSync(p)) throw new Error(`no such submission: ${input}`);
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const f = join(p, name);
        if (statSync(f).isFile() && name.endsWith(".ipynb")) files.push(f);
      }
    } else {
      files.push(p);
    }
  }
  const keys = new Map<string, string>();
  return files.map((path) => {
    let key = basename(path).replace(/\.ipynb$/, "");
    if (keys.has(key) && keys.get(key) !== path) key = `${basename(dirname(path))}-${key}`;
    if (keys.has(key) && keys.get(key) !== path) throw new Error(`two submissions would both be named ${key}: ${keys.get(key)} and ${path}`);
    keys.set(key, path);
    return { key, path };
  });
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function readResult(dir: string): SubmissionResult | null {
  const file = join(dir, "result.nnlab.json");
  if (!existsSync(file) || !existsSync(join(dir, "results.json"))) return null;
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as SubmissionResult;
    return Array.isArray(r.tests) ? r : null;
  } catch {
    return null;
  }
}

async function gradeOne(a: Assignment, path: string, opts: BatchOptions): Promise<SubmissionResult & { infraError?: string }> {
  const started = Date.now();
  let text: string;
  try {
    const size = statSync(path).size;
    const max = opts.maxNotebookBytes ?? 20_000_000;
    if (size > max) return failAll(a.spec, `the submission is ${(size / 1e6).toFixed(1)} MB; notebooks over ${max / 1e6} MB are not graded`, started);
    text = readFileSync(path, "utf8");
  } catch (e) {
    return failAll(a.spec, `the submission could not be read: ${(e as Error).message}`, started);
  }
  let nb;
  try {
    nb = parseNotebook(text, basename(path));
  } catch (e) {
    return failAll(a.spec, `not a notebook this grader can read: ${(e as Error).message}`, started);
  }
  const work = mkdtempSync(join(tmpdir(), "nnlab-grade-"));
  const sandbox = opts.kernelFor(work);
  try {
    return await gradeNotebook(a.spec, nb, { kernel: sandbox.options });
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof GraderInfraError) {
      return { ...failAll(a.spec, `the grader failed, not your notebook: ${message.split("\n")[0]}; it will be graded again`, started), infraError: message };
    }
    return failAll(a.spec, `grading stopped: ${message}`, started);
  } finally {
    sandbox.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

function eta(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** Grades the submissions; returns every entry (graded now or resumed), in the order given. */
export async function gradeBatch(a: Assignment, submissions: { key: string; path: string }[], opts: BatchOptions): Promise<BatchEntry[]> {
  const log = opts.log ?? (() => undefined);
  const orphans = killOrphanedSandboxes();
  if (orphans) log(`stopped ${orphans} sandboxed kernel${orphans === 1 ? "" : "s"} left over by an earlier grader that was killed`);
  mkdirSync(opts.out, { recursive: true });
  const entries: (BatchEntry | undefined)[] = new Array(submissions.length);
  const todo: number[] = [];
  submissions.forEach((s, i) => {
    const done = readResult(join(opts.out, s.key));
    if (done) entries[i] = { ...s, result: done, resumed: true };
    else todo.push(i);
  });
  const resumed = submissions.length - todo.length;
  if (resumed) log(`${resumed} of ${submissions.length} submissions already graded in ${opts.out} (kept)`);
  const started = Date.now();
  let finished = 0;
  const total = todo.length;
  const width = String(total).length;
  const worker = async () => {
    for (;;) {
      const i = todo.shift();
      if (i === undefined) return;
      const s = submissions[i];
      const { infraError, ...result } = await gradeOne(a, s.path, opts);
      const dir = join(opts.out, s.key);
      mkdirSync(dir, { recursive: true });
      writeAtomic(join(dir, "feedback.html"), feedbackHtml(a.spec, s.key, result, new Map(Object.entries(result.sources))));
      writeAtomic(join(dir, "results.json"), JSON.stringify(gradescopeResults(result, opts.version), null, 1));
      // Written last: its presence marks the submission as done.
      if (!infraError) writeAtomic(join(dir, "result.nnlab.json"), JSON.stringify(result));
      entries[i] = { ...s, result, resumed: false, infraError };
      finished++;
      const elapsed = Date.now() - started;
      const left = (elapsed / finished) * (total - finished);
      const bar = `${"#".repeat(Math.round((20 * finished) / Math.max(1, total)))}`.padEnd(20, ".");
      const verdict = infraError ? `GRADER ERROR (will be retried): ${infraError.split("\n")[0]}` : `${result.score}/${result.max_score}`;
      log(`[${bar}] ${String(finished).padStart(width)}/${total}  ${s.key}: ${verdict} in ${result.execution_time.toFixed(1)} s  ETA ${eta(left)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, todo.length)) }, worker));
  const all = entries.filter((e): e is BatchEntry => e !== undefined);
  writeAtomic(join(opts.out, "grades.csv"), gradesCsv(a.spec, all.map((e) => ({ submission: e.key, result: e.result }))));
  return all;
}
