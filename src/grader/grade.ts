// Grading one submission: find the graded functions by name, define them in a fresh kernel, run
// every case against them and against the reference, compare here, and score. One test per
// behaviour, as Gradescope's results.json wants them: a signature check per function (no points,
// its own message) and one test per case, named "<function>: <case>".
import * as np from "../np";
import * as nn from "../nn";
import * as testcases from "../labs/testcases";
import * as datasets from "../datasets";
import { joinLines, type Notebook } from "../notebook/nbformat";
import type { KernelOptions } from "../notebook/kernel";
import { compareValues, deepCopy, mutatedInputs } from "./compare";
import { extractDeclarations, type Declaration } from "./extract";
import { StudentSession, type CallOutcome } from "./session";
import { caseName, type AssignmentSpec, type CaseLib, type Impl, type Question, type TestCase, type Visibility } from "./spec";

export const LIB: CaseLib = { np, nn, testcases, datasets };

/** One entry of results.json's `tests` (Gradescope's field names). */
export interface TestResult {
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: Visibility;
  /** nnlab's: which graded function the test belongs to. */
  question: string;
}

export interface SubmissionResult {
  score: number;
  max_score: number;
  tests: TestResult[];
  /** About the submission as a whole (moved or duplicated functions, a notebook that did not parse). */
  notes: string[];
  execution_time: number;
  /** Kernel restarts after timeouts or crashes. */
  restarts: number;
  /** The graded functions' source as found in the submission (for the feedback page). */
  sources: Record<string, string>;
}

/** Thrown inside a case's run when a student call fails: the case fails with this message. */
class CallFailure extends Error {}

function outcomeMessage(name: string, o: CallOutcome): string {
  switch (o.kind) {
    case "threw":
      return `${name} raised ${o.ename}: ${o.evalue}${o.where.length ? `\n    ${o.where.join("\n    ")}` : ""}`;
    case "timeout":
      return `${name} did not return within ${o.seconds} s (an endless loop?); it was stopped`;
    case "dead":
      return `the kernel died while ${name} ran (memory limit, process.exit or a crash): ${o.why}`;
    case "unavailable":
      return o.why;
    default:
      return "";
  }
}

/** The student's functions as a case sees them: each call goes to the kernel; the first call of a
 *  case that changes its arguments is remembered, as DLAI's checks report it. */
function studentImpl(session: StudentSession, q: Question, mutations: string[]): Impl {
  return new Proxy({} as Impl, {
    get: (_t, name: string) => async (...args: unknown[]) => {
      const before = deepCopy(args);
      const o = await session.call(name, args);
      if (o.kind !== "ok") throw new CallFailure(outcomeMessage(name, o));
      const params = q.name === name ? q.params : [];
      for (const m of mutatedInputs(before, o.argsAfter, params)) mutations.push(`${name} changed its argument ${m}`);
      return o.value;
    },
  });
}

/** The reference solutions as a case sees them (arguments copied, as a student call copies them). */
export function referenceImpl(spec: AssignmentSpec): Impl {
  return new Proxy({} as Impl, {
    get: (_t, name: string) => async (...args: unknown[]) => {
      const fn = spec.reference[name] as unknown as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn !== "function") throw new Error(`the reference has no function ${name}`);
      return fn(...deepCopy(args));
    },
  });
}

/** Expected values, computed once per assignment (the reference is deterministic: cases seed). */
const expectedCache = new WeakMap<AssignmentSpec, Map<string, Promise<unknown>>>();

export function expectedValue(spec: AssignmentSpec, q: Question, c: TestCase): Promise<unknown> {
  let m = expectedCache.get(spec);
  if (!m) expectedCache.set(spec, (m = new Map()));
  const key = caseName(q, c);
  let v = m.get(key);
  if (!v) {
    v = c.expected !== undefined ? Promise.resolve(c.expected) : c.run(referenceImpl(spec), LIB, c.data);
    m.set(key, v);
  }
  return v;
}

function signatureTest(q: Question, decl: Declaration | undefined, why: string | null): TestResult {
  const base = { name: `${q.name}: defined with the lab's signature`, score: 0, max_score: 0, visibility: "visible" as const, question: q.name };
  const wanted = `${q.name}(${q.params.join(", ")})`;
  if (!decl) return { ...base, status: "failed", output: `${why ?? `${q.name} is not defined`}. Expected a function ${wanted}.` };
  const got = decl.params ?? [];
  if (got.length !== q.params.length) {
    return { ...base, status: "failed", output: `${q.name} takes ${got.length} parameter${got.length === 1 ? "" : "s"} (${got.join(", ")}); the lab's is ${wanted}` };
  }
  const renamed = got.filter((p, i) => p !== q.params[i]);
  if (why) return { ...base, status: "failed", output: why };
  return {
    ...base,
    status: "passed",
    output: renamed.length ? `${q.name} is defined; its parameters are named (${got.join(", ")}), the lab's ${wanted}` : `${wanted} is defined`,
  };
}

export interface GradeOptions {
  kernel: KernelOptions;
  /** Per-call time limit (ms); default the assignment's timeoutPerCall or 10 s. */
  callTimeoutMs?: number;
  onTest?: (t: TestResult) => void;
}

/** Every case as failed with one message (a notebook that cannot be read, a kernel that will not start). */
export function failAll(spec: AssignmentSpec, message: string, started = Date.now()): SubmissionResult {
  const tests: TestResult[] = [];
  for (const q of spec.questions) {
    for (const c of q.cases) {
      tests.push({ name: caseName(q, c), score: 0, max_score: c.points, status: "failed", output: message, visibility: c.visibility ?? "visible", question: q.name });
    }
  }
  return summarize(tests, [message], started, 0, {});
}

function summarize(tests: TestResult[], notes: string[], started: number, restarts: number, sources: Record<string, string>): SubmissionResult {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    score: round(tests.reduce((s, t) => s + t.score, 0)),
    max_score: round(tests.reduce((s, t) => s + t.max_score, 0)),
    tests,
    notes,
    execution_time: (Date.now() - started) / 1000,
    restarts,
    sources,
  };
}

/** Grades a parsed notebook. */
export async function gradeNotebook(spec: AssignmentSpec, nb: Notebook, opts: GradeOptions): Promise<SubmissionResult> {
  const started = Date.now();
  const graded = spec.questions.map((q) => q.name);
  const { declarations, notes } = extractDeclarations(nb, graded);
  if (!nb.cells.some((c) => c.cell_type === "code" && joinLines(c.source).trim())) notes.push("the notebook has no code");
  const session = await StudentSession.open(declarations, {
    kernel: opts.kernel,
    callTimeoutMs: opts.callTimeoutMs ?? (spec.timeoutPerCall ?? 10) * 1000,
  });
  // Each graded function's definition (extraction keeps only the last of duplicates).
  const definitions = new Map<string, Declaration>();
  for (const d of declarations) if (d.kind === "function") for (const n of d.names) definitions.set(n, d);
  const tests: TestResult[] = [];
  const push = (t: TestResult) => {
    tests.push(t);
    opts.onTest?.(t);
  };
  try {
    for (const q of spec.questions) {
      push(signatureTest(q, definitions.get(q.name), session.unavailable(q.name)));
      for (const c of q.cases) push(await runCase(spec, q, c, session));
    }
  } finally {
    await session.close();
  }
  const sources: Record<string, string> = {};
  for (const q of spec.questions) {
    const d = definitions.get(q.name);
    if (d) sources[q.name] = d.text;
  }
  return summarize(tests, [...notes, ...session.notes], started, session.restarts, sources);
}

async function runCase(spec: AssignmentSpec, q: Question, c: TestCase, session: StudentSession): Promise<TestResult> {
  const base = { name: caseName(q, c), max_score: c.points, visibility: c.visibility ?? ("visible" as Visibility), question: q.name };
  const fail = (output: string): TestResult => ({ ...base, score: 0, status: "failed", output });
  for (const dep of [q.name, ...(q.uses ?? [])]) {
    const why = session.unavailable(dep);
    if (why) return fail(dep === q.name ? why : `this case calls ${dep}: ${why}`);
  }
  let want: unknown;
  try {
    want = await expectedValue(spec, q, c);
  } catch (e) {
    return fail(`grader error: the reference solution failed on this case (${(e as Error).message}); tell your instructor`);
  }
  const mutations: string[] = [];
  let got: unknown;
  try {
    got = await c.run(studentImpl(session, q, mutations), LIB, c.data);
  } catch (e) {
    if (e instanceof CallFailure) return fail(e.message);
    return fail(`the case could not use what the functions returned: ${(e as Error).name}: ${(e as Error).message}`);
  }
  const problems = compareValues(got, want, c.tolerance);
  if (mutations.length) problems.push(...[...new Set(mutations)].map((m) => `${m}; the lab's functions must not modify their inputs`));
  if (problems.length === 0) return { ...base, score: c.points, status: "passed", output: "passed" };
  return fail([...problems, ...(c.message ? [c.message] : [])].join("\n"));
}
