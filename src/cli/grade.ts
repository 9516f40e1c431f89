// `nnlab grade`: grade submissions of an assignment, each in its own sandboxed kernel.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { collectSubmissions, gradeBatch } from "../grader/batch";
import { AssignmentError, loadAssignment } from "../grader/load";
import { createSandbox } from "../grader/sandbox";
import { parseCommandArgs, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab grade <assignment-dir> <submission.ipynb | folder>... [--out DIR] [--jobs N]

Grades each submission (a notebook, or every .ipynb in a folder) against the assignment's tests,
in its own fresh kernel, temporary folder and sandbox, and writes
  DIR/<submission>/results.json   Gradescope's format, one test per behaviour
  DIR/<submission>/feedback.html  for the student: their code, scores and messages
  DIR/grades.csv                  one row per submission, one column per question
(default DIR: grades/). Run it again after an interruption: finished submissions are kept.

Options:
  --out DIR    where results go (default grades/)
  --jobs N     submissions graded at once (default 2)
  --unsafe-no-sandbox
               run the kernels without isolation (debugging the grader with trusted notebooks only)`;

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: {
    out: { type: "string", default: "grades" },
    jobs: { type: "string", default: "2" },
    "unsafe-no-sandbox": { type: "boolean", default: false },
  } });
  const [dir, ...inputs] = parsed.positionals;
  if (!dir || inputs.length === 0) throw new UsageError("give the assignment folder and at least one submission");
  const jobs = Number(parsed.values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a whole number >= 1, got '${parsed.values.jobs}'`);
  let assignment;
  let submissions;
  try {
    assignment = loadAssignment(dir);
    submissions = collectSubmissions(inputs);
  } catch (e) {
    if (e instanceof AssignmentError || e instanceof Error) {
      console.error(`nnlab grade: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const out = resolve(parsed.values.out!);
  let described = false;
  const started = Date.now();
  console.log(`grading ${submissions.length} submission${submissions.length === 1 ? "" : "s"} of ${assignment.spec.name}, ${jobs} at a time, into ${out}`);
  const entries = await gradeBatch(assignment, submissions, {
    out,
    jobs,
    version: version(),
    log: (l) => console.log(l),
    kernelFor: (workDir) => {
      if (parsed.values["unsafe-no-sandbox"]) {
        if (!described) console.log("isolation: NONE (--unsafe-no-sandbox): submissions run with the grader's own rights");
        described = true;
        return { options: { cwd: workDir }, dispose: () => undefined };
      }
      const sandbox = createSandbox({ workDir });
      if (!described) {
        described = true;
        console.log(`isolation: ${sandbox.describe()}`);
      }
      return { options: sandbox.kernelOptions(), dispose: () => sandbox.dispose() };
    },
  });
  const width = Math.max(10, ...entries.map((e) => e.key.length));
  console.log(`\n${"submission".padEnd(width)}  score`);
  for (const e of entries) {
    const note = e.infraError ? "  GRADER ERROR: not graded, run again" : e.resumed ? "  (kept from an earlier run)" : "";
    console.log(`${e.key.padEnd(width)}  ${e.result.score}/${e.result.max_score}${note}`);
  }
  const mean = entries.reduce((s, e) => s + e.result.score, 0) / Math.max(1, entries.length);
  console.log(`\n${entries.length} graded in ${((Date.now() - started) / 1000).toFixed(1)} s; mean ${mean.toFixed(2)} of ${assignment.spec.questions.reduce((s, q) => s + q.cases.reduce((t, c) => t + c.points, 0), 0)}; ${join(out, "grades.csv")}`);
  const infra = entries.filter((e) => e.infraError);
  if (infra.length) {
    console.error(`nnlab grade: the grader failed on ${infra.length} submission${infra.length === 1 ? "" : "s"} (${infra.map((e) => e.key).join(", ")}): run the command again to grade them`);
    return 1;
  }
  return 0;
}

export const gradeCommand: Command = { summary: "grade submissions in sandboxed kernels (results.json, feedback, grades.csv)", usage: USAGE, run };
