// What grading writes: Gradescope's results.json (one test per behaviour), the student's feedback
// page (their code, each question's score and message, never a hidden test's content), and the
// class's grades.csv (one row per submission, one column per question, the total).
import type { SubmissionResult, TestResult } from "./grade";
import type { AssignmentSpec } from "./spec";

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: "text";
  visibility: "visible";
  stdout_visibility: "hidden";
  tests: { name: string; number: string; score: number; max_score: number; status: "passed" | "failed"; output: string; visibility: string; tags: string[] }[];
  extra_data: { max_score: number; notes: string[]; restarts: number; nnlab: string };
}

export function gradescopeResults(r: SubmissionResult, version: string): GradescopeResults {
  const questions = [...new Set(r.tests.map((t) => t.question))];
  const counters = new Map<string, number>();
  return {
    score: r.score,
    execution_time: Math.round(r.execution_time * 10) / 10,
    output: [`${r.score} of ${r.max_score} points.`, ...r.notes].join("\n"),
    output_format: "text",
    visibility: "visible",
    stdout_visibility: "hidden",
    tests: r.tests.map((t) => {
      const q = questions.indexOf(t.question) + 1;
      const k = (counters.get(t.question) ?? 0) + 1;
      counters.set(t.question, k);
      return {
        name: t.name,
        number: `${q}.${k}`,
        score: t.score,
        max_score: t.max_score,
        status: t.status,
        output: t.output,
        visibility: t.visibility,
        tags: [t.question],
      };
    }),
    extra_data: { max_score: r.max_score, notes: r.notes, restarts: r.restarts, nnlab: version },
  };
}

/** Per question: points scored and possible. */
export function questionScores(spec: AssignmentSpec, r: SubmissionResult): { name: string; score: number; max: number }[] {
  return spec.questions.map((q) => {
    const ts = r.tests.filter((t) => t.question === q.name);
    return { name: q.name, score: ts.reduce((s, t) => s + t.score, 0), max: ts.reduce((s, t) => s + t.max_score, 0) };
  });
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** grades.csv: a header, then one row per submission (in the order given). */
export function gradesCsv(spec: AssignmentSpec, rows: { submission: string; result: SubmissionResult }[]): string {
  const header = ["submission", ...spec.questions.map((q) => q.name), "total", "max"];
  const lines = [header.map(csvField).join(",")];
  for (const { submission, result } of rows) {
    const qs = questionScores(spec, result);
    lines.push([submission, ...qs.map((q) => q.score), result.score, result.max_score].map(csvField).join(","));
  }
  return lines.join("\n") + "\n";
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The student's feedback page: self-contained HTML, no scripts. Hidden tests show only that they
 *  exist and what they were worth; their names' details, inputs and messages stay with the grader. */
export function feedbackHtml(spec: AssignmentSpec, submission: string, r: SubmissionResult, code: Map<string, string>): string {
  const rows = questionScores(spec, r)
    .map((q) => {
      const tests = r.tests.filter((t) => t.question === q.name);
      const shown = tests.filter((t) => t.visibility !== "hidden");
      const hidden = tests.filter((t) => t.visibility === "hidden");
      const items = shown.map((t: TestResult) => {
        const mark = t.status === "passed" ? "passed" : "failed";
        const pts = t.max_score > 0 ? ` <span class="pts">${t.score} / ${t.max_score}</span>` : "";
        const msg = t.status === "passed" ? "" : `<pre>${esc(t.output)}</pre>`;
        return `<li class="${mark}"><span class="mark">${mark === "passed" ? "✓" : "✗"}</span> ${esc(t.name)}${pts}${msg}</li>`;
      });
      if (hidden.length) {
        const pts = hidden.reduce((s, t) => s + t.max_score, 0);
        const got = hidden.reduce((s, t) => s + t.score, 0);
        items.push(`<li class="hidden-tests">${hidden.length} hidden test${hidden.length > 1 ? "s" : ""}: ${got} / ${pts} point${pts === 1 ? "" : "s"}</li>`);
      }
      const src = code.get(q.name);
      const codeBlock = src ? `<details><summary>your ${esc(q.name)}</summary><pre class="code">${esc(src)}</pre></details>` : "";
      return `<section><h2>${esc(q.name)} <span class="pts">${q.score} / ${q.max}</span></h2><ul>${items.join("")}</ul>${codeBlock}</section>`;
    })
    .join("\n");
  const notes = r.notes.length ? `<ul class="notes">${r.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(spec.name)}: ${esc(submission)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
.pts { color: #555; font-weight: normal; font-size: .9rem; margin-left: .4rem; }
ul { list-style: none; padding-left: 0; } li { margin: .25rem 0; }
.passed .mark { color: #1a7f37; } .failed .mark { color: #cf222e; } .hidden-tests { color: #555; }
pre { background: #f6f8fa; padding: .5rem .7rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; margin: .3rem 0 .5rem 1.2rem; }
pre.code { white-space: pre; overflow-x: auto; }
.notes { background: #fff8c5; padding: .5rem 1rem; }
</style></head><body>
<h1>${esc(spec.name)}: ${esc(submission)}</h1>
<p><strong>${r.score} of ${r.max_score} points</strong></p>
${notes}
${rows}
</body></html>
`;
}
