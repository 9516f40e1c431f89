// The symmetry lecture shows the labs' zero/ones-init reference values under both clients.
import { expect, it } from "vitest";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

it("initialization-symmetry runs clean under nnlab run and nbconvert, with the labs' traces", async () => {
  const { ours, theirs } = await runLecture("initialization-symmetry.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    expect(stdout).toContain("Cost after iteration 1: 0.664806");
    expect(stdout).toContain("b2 = [[0.3401992]]");
    expect(stdout).toContain(" [1.28266063 0.62747155]\n [1.28266063 0.62747155]]");
    expect(stdout).toContain("W2 = [[0.30042713 0.30042713 0.30042713 0.30042713]]");
    expect(chartsOf(nb).length).toBe(4);
  }
}, 300_000);
