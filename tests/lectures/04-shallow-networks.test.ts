// The shallow-networks lecture under both clients: the shapes it prints, the linear-collapse check,
// the lab's test-case values, the zero/ones-init symmetry traces, the accuracies by hidden-layer size
// and its six charts (two of them plot.grid figures).
import { expect, it } from "vitest";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

it("04-shallow-networks runs clean under nnlab run and nbconvert, with the lab's values", async () => {
  const { ours, theirs } = await runLecture("04-shallow-networks.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    // notation and vectorization: shapes, and loop == matrix product
    expect(stdout).toContain("W1: (4, 3), x: (3, 1), b1: (4, 1)  ->  z1: (4, 1)");
    expect(stdout).toContain("Z1: (4, 5)\nA1: (4, 5)\nW2: (1, 4)\nb2: (1, 1)\nZ2: (1, 5)\nA2: (1, 5)\n");
    expect(stdout.match(/^same: true$/gm)).toHaveLength(3);
    // the forward-pass exercise on the lab's test case
    expect(stdout).toContain("A2 = [[0.21292656 0.21274673 0.21295976]]");
    expect(stdout).toContain("matches shallow.forward_propagation: true");
    // activation derivatives agree with difference quotients
    expect(stdout).toContain("tanh       g'([-3.  -0.5  0.5  3. ]) = [0.00986604 0.78644773 0.78644773 0.00986604]");
    expect(stdout).toContain("leaky ReLU g'([-3.  -0.5  0.5  3. ]) = [0.01 0.01 1.   1.  ]");
    // a linear activation collapses to one matrix; tanh does not
    expect(stdout).toContain("W' = W2 W1, shape (1, 2): ");
    expect(stdout).toContain("same as W' x + b': false");
    expect(stdout).toContain("The shape of X is: (2, 400)\nThe shape of Y is: (1, 400)\nI have m = 400 training examples!");
    // the symmetry traces (zeros, then ones), as the labs print them
    expect(stdout).toContain("Cost after iteration 0: 0.693147");
    expect(stdout).toContain("Cost after iteration 1: 0.664806");
    expect(stdout).toContain("b2 = [[0.3401992]]");
    expect(stdout).toContain("Cost after iteration 0: 1.808501");
    expect(stdout).toContain("W1 = [[1.28266063 0.62747155]\n [1.28266063 0.62747155]\n [1.28266063 0.62747155]\n [1.28266063 0.62747155]]");
    expect(stdout).toContain(" [1.28266063 0.62747155]\n [1.28266063 0.62747155]]");
    expect(stdout).toContain("W2 = [[0.30042713 0.30042713 0.30042713 0.30042713]]");
    expect(stdout).toContain("b2 = [[0.41922517]]");
    expect(stdout).toMatch(/zeros : final cost 0\.693147, accuracy 50\.0 %, distinct rows of W1: 1/);
    expect(stdout).toMatch(/ones  : final cost [\d.]+, accuracy [\d.]+ %, distinct rows of W1: 1/);
    expect(stdout).toMatch(/random: final cost [\d.]+, accuracy 8\d\.\d %, distinct rows of W1: 4/);
    // random initialization, the backward-pass exercise, training
    expect(stdout).toContain("W1 = [[-0.00416758 -0.00056267]\n [-0.02136196  0.01640271]");
    expect(stdout).toContain("dW2 = [[ 0.00078841  0.01765429 -0.00084166 -0.01022527]]\ndb2 = [[-0.16655712]]");
    expect(stdout).toContain("matches shallow.backward_propagation: true");
    expect(stdout).toContain("Cost after iteration 1000: 0.288083");
    expect(stdout).toContain("Accuracy: 90%");
    // hidden-layer sizes, the lab's accuracies
    for (const [n_h, acc] of [[1, 67.5], [2, 67.25], [3, 90.75], [4, 90.5], [5, 91.25], [20, 90.5], [50, 90.25]]) {
      expect(stdout).toContain(`Accuracy for ${n_h} hidden units: ${acc} %`);
    }
    // charts: activations (grid of 4), flower data, costs by init, boundaries by init (grid of 3),
    // size 4's boundary, boundaries by size (grid of 7)
    const charts = chartsOf(nb);
    expect(charts).toHaveLength(6);
    const specs = charts.map((c) => (c.output_type === "display_data" ? c.data["application/vnd.vegalite.v5+json"] : undefined) as { concat?: unknown[] });
    expect(specs.map((s) => s.concat?.length ?? 0)).toEqual([4, 0, 0, 3, 0, 7]);
  }
}, 300_000);
