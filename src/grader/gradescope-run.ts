// run_autograder's entry: grade, and whatever happens, leave a results.json Gradescope can read.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runGradescope } from "./gradescope";

const root = process.env.NNLAB_AUTOGRADER_ROOT ?? "/autograder";
runGradescope(root).then(
  (r) => console.log(`graded: ${r.score} of ${r.max_score} in ${r.execution_time.toFixed(1)} s`),
  (e: unknown) => {
    // Even the assignment could not be loaded: a visible failed test says so.
    const message = e instanceof Error ? e.stack ?? e.message : String(e);
    console.error(message);
    mkdirSync(join(root, "results"), { recursive: true });
    writeFileSync(join(root, "results", "results.json"), JSON.stringify({
      score: 0,
      output: "The autograder failed before grading; your instructor has been shown the error.",
      tests: [{ name: "Autograder", status: "failed", score: 0, max_score: 0, output: "The autograder failed to run.", visibility: "visible" }],
      stdout_visibility: "hidden",
    }, null, 1));
  },
);
