// The student self-check: `check("forward_propagation", forward_propagation)` in the released
// notebook runs that function's visible cases right there, with the same comparison as the batch
// grader (compare.ts), and says what is wrong: a throw, a wrong type or shape, which entries differ
// and by how much, a modified input. It ends with a thrown AssertionError when a case fails, so
// the cell shows as failed, and it never reads a pass as a grade: hidden tests run at grading.
import { compareValues, deepCopy, mutatedInputs, type Tolerance } from "./compare";
import { decode, type Encoded } from "./codec";
import type { CaseLib, Impl } from "./spec";

/** A visible case as the released check module holds it. */
export interface CheckCase {
  question: string;
  name: string;
  points: number;
  params: string[];
  uses: string[];
  tolerance?: Tolerance;
  data?: unknown;
  expected: Encoded;
  message?: string;
  run: (f: Impl, lib: CaseLib, data: unknown) => Promise<unknown> | unknown;
}

export class CheckFailed extends Error {}
CheckFailed.prototype.name = "AssertionError";

/** The functions the student defined in earlier cells (tslab keeps a cell's top-level names in
 *  `__tslab__.exports`), for cases that call more than the function being checked. */
function studentFunction(name: string): ((...a: unknown[]) => unknown) | undefined {
  const exportsOf = (globalThis as { __tslab__?: { exports?: Record<string, unknown> } }).__tslab__?.exports;
  const f = exportsOf?.[name];
  return typeof f === "function" ? (f as (...a: unknown[]) => unknown) : undefined;
}

class CallError extends Error {}

export async function runCheck(cases: readonly CheckCase[], name: string, fn: unknown, lib: CaseLib, print: (s: string) => void = console.log): Promise<void> {
  const mine = cases.filter((c) => c.question === name);
  if (mine.length === 0) {
    const known = [...new Set(cases.map((c) => c.question))].join(", ");
    throw new CheckFailed(`no visible tests for "${name}"; this notebook checks ${known}`);
  }
  if (typeof fn !== "function") throw new CheckFailed(`check("${name}", ...) needs the function itself, got ${typeof fn}`);
  let failed = 0;
  for (const c of mine) {
    const mutations: string[] = [];
    const impl = new Proxy({} as Impl, {
      get: (_t, called: string) => async (...args: unknown[]) => {
        const f = called === name ? (fn as (...a: unknown[]) => unknown) : studentFunction(called);
        if (!f) throw new CallError(`this test also calls ${called}: define it (and run its cell) first`);
        const before = deepCopy(args);
        let out: unknown;
        try {
          out = await f(...args);
        } catch (e) {
          throw new CallError(`${called} raised ${(e as Error).name}: ${(e as Error).message}`);
        }
        for (const m of mutatedInputs(before, args, called === name ? c.params : [])) mutations.push(`${called} changed its argument ${m}`);
        return out;
      },
    });
    let problems: string[];
    try {
      const got = await c.run(impl, lib, c.data);
      problems = compareValues(got, decode(c.expected), c.tolerance);
    } catch (e) {
      problems = [e instanceof CallError ? e.message : `the test could not use the result: ${(e as Error).name}: ${(e as Error).message}`];
    }
    problems.push(...[...new Set(mutations)].map((m) => `${m} (the lab's functions must not modify their inputs)`));
    if (problems.length === 0) {
      print(`ok      ${name}: ${c.name}`);
    } else {
      failed++;
      print(`FAILED  ${name}: ${c.name}`);
      for (const p of problems) print(p.split("\n").map((l) => `    ${l}`).join("\n"));
      if (c.message) print(`    ${c.message}`);
    }
  }
  if (failed === 0) {
    const which = mine.length === 1 ? `The visible test of ${name} passed.` : `All ${mine.length} visible tests of ${name} passed.`;
    print(`${which} (Hidden tests run when the notebook is graded.)`);
    return;
  }
  throw new CheckFailed(`${failed} of ${mine.length} visible test${mine.length === 1 ? "" : "s"} of ${name} failed (see above)`);
}
