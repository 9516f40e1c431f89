// What an assignment's tests are: `notebooks/assignments/<name>/tests.ts` default-exports
// `defineAssignment({...})`. A question is one graded function; its cases run against an
// implementation (the student's functions, called in their kernel, or the reference solution,
// called here) and are compared with compare.ts. Every case is `run(impl, lib)`: simple cases call
// one function, composite ones (the symmetry traces) call several, feeding one's output to the next.
import type { Tolerance } from "./compare";
import type * as npModule from "../np";
import type * as nnModule from "../nn";
import type * as testcasesModule from "../labs/testcases";
import type * as datasetsModule from "../datasets";

/** Gradescope's visibilities (results.json): when a student sees a case's result. */
export type Visibility = "visible" | "hidden" | "after_due_date";

/** The graded functions of an assignment, by name; student calls are asynchronous (they go to the
 *  student's kernel), so cases always await them. */
export type Impl = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** What a case may use besides the implementation. Cases shipped to students (visible ones, in the
 *  released check module) run from their source text, so they must use only their two arguments. */
export interface CaseLib {
  np: typeof npModule;
  nn: typeof nnModule;
  testcases: typeof testcasesModule;
  datasets: typeof datasetsModule;
}

export interface TestCase {
  /** Short name; the full test name is "<function>: <name>" (e.g. "nn_model: zero-init trace"). */
  name: string;
  points: number;
  /** Default "visible". */
  visibility?: Visibility;
  /** Default compare.ts's DEFAULT_TOLERANCE (rtol 1e-7, atol 1e-9). */
  tolerance?: Tolerance;
  /** Produces the value to compare. Use only the arguments (see CaseLib): visible cases are shipped
   *  to students as the function's source text, without the tests file around it. */
  run: (impl: Impl, lib: CaseLib, data: any) => Promise<unknown>;
  /** Plain data passed to `run` as its third argument (and shipped with visible cases), so one
   *  `run` serves several cases (the zero-init and ones-init traces). */
  data?: unknown;
  /** The expected value when it is published (the lab's printed values); otherwise the reference
   *  implementation's result of `run` is expected. */
  expected?: unknown;
  /** What to tell the student when the case fails, after the comparison's own report. */
  message?: string;
}

export interface Question {
  /** The graded function, as the lab names it. */
  name: string;
  /** Its parameters as the lab names them (the signature check counts and names them). */
  params: string[];
  /** Other graded functions this question's cases call (a trace calls four): if one of them does
   *  not compile or is missing, these cases fail with a message that says so. */
  uses?: string[];
  cases: TestCase[];
}

export interface AssignmentSpec {
  /** The assignment's name: the released notebook is `<name>.ipynb`. */
  name: string;
  /** The instructor's source notebook, relative to the assignment folder. */
  notebook: string;
  /** The reference solutions, by function name (usually a lab module of nnlab's instructor entry). */
  reference: Record<string, (...args: never[]) => unknown>;
  questions: Question[];
  /** Seconds a single call of a student function may take (default 10). */
  timeoutPerCall?: number;
}

/** Identity, for type checking the tests file: `export default defineAssignment({...})`. */
export function defineAssignment(spec: AssignmentSpec): AssignmentSpec {
  const names = new Set<string>();
  for (const q of spec.questions) {
    for (const c of q.cases) {
      const full = `${q.name}: ${c.name}`;
      if (names.has(full)) throw new Error(`assignment ${spec.name}: two cases are named "${full}"`);
      names.add(full);
      if (!(c.points >= 0)) throw new Error(`assignment ${spec.name}: case "${full}" needs points >= 0`);
    }
  }
  return spec;
}

/** The full name of a case, as results.json and the check print it. */
export function caseName(q: Question, c: TestCase): string {
  return `${q.name}: ${c.name}`;
}

export function totalPoints(spec: AssignmentSpec): number {
  return spec.questions.reduce((s, q) => s + q.cases.reduce((t, c) => t + c.points, 0), 0);
}
