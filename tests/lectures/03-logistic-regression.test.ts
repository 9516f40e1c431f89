// The logistic-regression lecture: the lab's reference values (sigmoid, propagate), the computation
// graph, the image set's shapes and the trained classifier's accuracies, under both clients.
import { expect, it } from "vitest";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";
import type { Notebook } from "../../src/notebook/nbformat";

/** The outputs of the code cells tagged `tag`. */
function taggedOutputs(nb: Notebook, tag: string) {
  return nb.cells.filter((c) => c.cell_type === "code" && (c.metadata.tags as string[] | undefined)?.includes(tag)).map((c) => (c.cell_type === "code" ? c.outputs : []));
}

it("03-logistic-regression runs clean under nnlab run and nbconvert, with the lab's values", async () => {
  const { ours, theirs } = await runLecture("03-logistic-regression.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    // The exercises' stubs run silently; the solutions give the lab's values.
    expect(taggedOutputs(nb, "exercise")).toEqual([[], []]);
    expect(taggedOutputs(nb, "solution")).toHaveLength(2);
    expect(stdout).toContain("sigmoid([0, 2]) = [0.5        0.88079708]\n");
    expect(stdout).toContain("cross-entropy: bends down on 0.0 % of the w grid");
    expect(stdout).toMatch(/squared error: bends down on [1-9]\d\.\d % of the w grid/);
    expect(stdout).toContain("forward:  u = b*c = 6, v = a + u = 11, J = 3*v = 33\n");
    expect(stdout).toContain("backward: dJ/dv = 3, dJ/da = 3, dJ/du = 3, dJ/db = 6, dJ/dc = 9\n");
    expect(stdout).toContain("numerical: dJ/da ≈ 3.000000, dJ/db ≈ 6.000000, dJ/dc ≈ 9.000000\n");
    expect(stdout).toContain("chain rule: dw1 = -0.531516, dw2 = 0.177172, db = -0.354344\nnumerical:  dw1 = -0.531516, dw2 = 0.177172, db = -0.354344\n");
    expect(stdout).toMatch(/for loop: {3}c = 250116\.56073\d+ {2}\d+\.\d ms\nvectorized: c = 250116\.56073\d+ {2}\d+\.\d ms\n/);
    expect(stdout).toContain("dw = [[0.99845601]\n [2.39507239]]\ndb = 0.001455578136784208\ncost = 5.801545319394553\nsame as logistic.propagate: true\n");
    expect(stdout).toContain(
      "Number of training examples: m_train = 209\nNumber of testing examples: m_test = 50\nHeight/Width of each image: num_px = 28\n" +
        "Each image is of size: (28, 28, 1)\ntrain_set_x shape: (209, 28, 28, 1)\ntrain_set_y shape: (1, 209)\n" +
        "test_set_x shape: (50, 28, 28, 1)\ntest_set_y shape: (1, 50)\n",
    );
    expect(stdout).toContain("train_set_x_flatten shape: (784, 209)\ntest_set_x_flatten shape: (784, 50)\n");
    expect(stdout).toContain("Cost after iteration 1900: 0.300716\ntrain accuracy: 91.38755980861244 %\ntest accuracy: 80.0 %\n");
    expect(stdout).toContain("test set: 40 of 50 right; non-shirts called shirts: 3, shirts missed: 7\n");
    expect(stdout).toContain("learning rate is: 0.01\ntrain accuracy: 92.82296650717703 %\ntest accuracy: 84.0 %\n");
    expect(stdout).toContain("learning rate is: 0.0001\ntrain accuracy: 65.55023923444976 %\ntest accuracy: 34.0 %\n");
    // sigmoid, losses, two cost curves, training images, columns read back, cost, weights, confusion matrix, mistakes, learning rates
    expect(chartsOf(nb).length).toBe(10);
  }
}, 300_000);
