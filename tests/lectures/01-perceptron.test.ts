// The perceptron lecture: the lab's figures (eta 0.1, 10 epochs on setosa vs versicolor: weights
// [-0.4 -0.68 1.82], no misclassification from the 6th epoch) under both clients, and the
// non-separable runs whose errors never reach 0. Every printed value below is numpy's output for
// the same computation (Raschka's Perceptron class, as in tests/fixtures/gen_labs.py).
import { expect, it } from "vitest";
import { joinLines, type Notebook } from "../../src/notebook/nbformat";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

/** The code cells tagged `tag`, as [source, number of outputs]. */
function tagged(nb: Notebook, tag: string): [string, number][] {
  return nb.cells.flatMap((c) =>
    c.cell_type === "code" && ((c.metadata as { tags?: string[] }).tags ?? []).includes(tag) ? [[joinLines(c.source), c.outputs.length] as [string, number]] : [],
  );
}

it("01-perceptron runs clean under nnlab run and nbconvert, with the lab's weights and errors", async () => {
  const { ours, theirs } = await runLecture("01-perceptron.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    // McCulloch–Pitts gates.
    expect(stdout).toContain("x1 x2 | AND  OR  NAND\n 0  0 |  0    0    1\n 0  1 |  0    1    1\n 1  0 |  0    1    1\n 1  1 |  1    1    0\n");
    expect(stdout).toContain("X.shape: (100, 2), y.shape: (100,)\n[[5.1 1.4]\n [4.9 1.4]\n [4.7 1.3]]\nsetosa (-1): 50, versicolor (1): 50\n");
    // The first epoch by hand: two updates.
    expect(stdout).toContain("sample 0: x = [5.1 1.4], y = -1, z = 0.000, prediction 1 -> w = [-0.2  -1.02 -0.28]\n");
    expect(stdout).toContain("sample 50: x = [7.  4.7], y = 1, z = -8.656, prediction -1 -> w = [0.   0.38 0.66]\nupdates in epoch 1: 2\n");
    // classic.Perceptron(0.1, 10), then the exercise's solution, print the lab's figures.
    const lab = "Weights: [-0.4  -0.68  1.82]\nMisclassifications per epoch: [2, 2, 3, 2, 1, 0, 0, 0, 0, 0]\n";
    expect(stdout.split(lab).length - 1).toBe(2);
    expect(stdout).toContain("same weights as classic.Perceptron: true\n");
    expect(stdout).toContain("decision boundary: petal length = 0.2198 + 0.3736 * sepal length\nmisclassified: 0 of 100\n");
    // Versicolor vs virginica (shuffled with np.random.seed(1)): never 0.
    expect(stdout).toContain(
      "Misclassifications per epoch: [48, 37, 37, 39, 26, 22, 26, 22, 28, 30, 26, 19, 26, 19, 21, 23, 21, 19, 19, 17, 19, 19, 19, 19, 19, 19, 21, 15, 17, 19, 15, 17, 17, 19, 15, 19, 15, 13, 15, 15, 15, 19, 13, 17, 13, 19, 13, 17, 13, 15]\n" +
        "fewest in one epoch: 13\nmisclassified by the final weights: 14 of 100\n",
    );
    // XOR: never 0 on (x1, x2); 0 from the 8th epoch with x1*x2 (the exercise's solution).
    expect(stdout).toContain("Misclassifications per epoch: [3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]\nWeights: [ 0.  -0.2  0. ]\n");
    expect(stdout).toContain("Misclassifications per epoch: [3, 3, 4, 3, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\nWeights: [-0.2  0.2  0.2 -0.6]\n");
    // Unit step, two scatters, three error curves, two decision-region plots.
    // Two exercises: a stub that runs silently, then its solution.
    const stubs = tagged(nb, "exercise");
    expect(stubs.map(([src, outputs]) => [src.includes("// YOUR CODE HERE"), outputs])).toEqual([[true, 0], [true, 0]]);
    expect(tagged(nb, "solution")).toHaveLength(2);
    const charts = chartsOf(nb);
    expect(charts.length).toBe(8);
    const titles = charts.map((c) => (c.output_type === "display_data" ? (c.data["application/vnd.vegalite.v5+json"] as { title?: string }).title : ""));
    expect(titles).toEqual([
      "The unit step φ(z)", "Iris: setosa vs versicolor", "Perceptron: misclassifications per epoch", "Perceptron (eta = 0.1, 10 epochs)",
      "Iris: versicolor vs virginica", "Versicolor vs virginica: the errors never reach 0", "Perceptron after 50 epochs (versicolor vs virginica)",
      "XOR: misclassifications per epoch",
    ]);
  }
}, 300_000);
