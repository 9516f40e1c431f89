// `nnlab export gradescope`: the autograder zip for Gradescope.
import { resolve } from "node:path";
import { exportGradescope } from "../grader/gradescope";
import { loadAssignment } from "../grader/load";
import { parseCommandArgs, reportingAssignmentErrors, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab export gradescope <assignment-dir> [--out FILE.zip]

Writes the autograder zip to upload to a Gradescope programming assignment (default
<name>-gradescope.zip): setup.sh installs Node 20 and nnlab's dependencies in the image,
run_autograder grades /autograder/submission/<name>.ipynb in a sandboxed kernel and writes
/autograder/results/results.json (always, even when the submission breaks everything).`;

async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  const [target, dir] = parsed.positionals;
  if (target !== "gradescope") throw new UsageError(target ? `unknown export target '${target}' (known: gradescope)` : "give the target: gradescope");
  if (!dir || parsed.positionals.length !== 2) throw new UsageError("give one assignment folder");
  return reportingAssignmentErrors("export", async () => {
    const name = loadAssignment(dir).spec.name;
    const r = exportGradescope(dir, resolve(parsed.values.out ?? `${name}-gradescope.zip`));
    console.log(`wrote ${r.path} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.files} files)`);
    return 0;
  });
}

export const exportCommand: Command = { summary: "package an assignment's autograder (gradescope)", usage: USAGE, run };
