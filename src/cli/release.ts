// `nnlab release`: the student notebook (and its check module) from an assignment's source, after
// grading the instructor's own notebook, which must score full marks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { releaseAssignment } from "../grader/release/release";
import { parseCommandArgs, reportingAssignmentErrors, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab release <assignment-dir> [--out DIR]

Writes the student notebook DIR/<name>.ipynb and its check module DIR/<name>_checks.ts
(default DIR: release/<name>/). Solution regions become stubs that type-check, hidden tests
stay out, graded and test cells are locked. Refuses, saying why, unless the instructor's
notebook scores full marks with the assignment's tests.

An assignment folder holds the instructor's source notebook (nbgrader cell metadata, schema 3;
solutions between // BEGIN SOLUTION and // END SOLUTION) and tests.ts (see
notebooks/assignments/shallow/).`;

async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  if (parsed.positionals.length !== 1) throw new UsageError("give one assignment folder");
  const work = mkdtempSync(join(tmpdir(), "nnlab-release-"));
  try {
    return await reportingAssignmentErrors("release", async () => {
      const r = await releaseAssignment(parsed.positionals[0], { out: parsed.values.out, workDir: work, log: (l) => console.log(l) });
      console.log(`released: ${r.notebookPath}`);
      return 0;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const releaseCommand: Command = { summary: "write the student notebook of an assignment (after checking its solutions)", usage: USAGE, run };
