// The deep-networks lecture: the dimension table, the lab's reference values for L_model_forward and
// linear_backward, the gradient check, and the trained networks' accuracies, under both clients.
import { expect, it } from "vitest";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

it("05-deep-networks runs clean under nnlab run and nbconvert, with the dimension table and the accuracies", async () => {
  const { ours, theirs } = await runLecture("05-deep-networks.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    expect(stdout).toContain(
      "layer  n[l]  W[l]        b[l]     Z[l]        A[l]        dW[l]       db[l]\n" +
        "    1    20  (20, 784)   (20, 1)     (20, 209)   (20, 209)   (20, 784)   (20, 1)\n" +
        "    2     7  (7, 20)     (7, 1)      (7, 209)    (7, 209)    (7, 20)     (7, 1)\n" +
        "    3     5  (5, 7)      (5, 1)      (5, 209)    (5, 209)    (5, 7)      (5, 1)\n" +
        "    4     1  (1, 5)      (1, 1)      (1, 209)    (1, 209)    (1, 5)      (1, 1)\n",
    );
    expect(stdout).toContain("every shape as the table says: true\n");
    expect(stdout).toContain("AL = [[0.03921668 0.70498921 0.19734387 0.04728177]]\nLength of caches list = 3\nsame as deep.L_model_forward: true\n");
    expect(stdout).toContain(
      "dA_prev = [[ 0.51822968 -0.19517421]\n [-0.40506361  0.15255393]\n [ 2.37496825 -0.89445391]]\n" +
        "dW = [[-0.10076895  1.40685096  1.64992505]]\ndb = [[0.50629448]]\nsame as deep.linear_backward: true\n",
    );
    expect(stdout).toMatch(/43 parameters checked; relative difference \d\.\de-(9|1\d): the backward pass is right\n/);
    expect(stdout).toContain("Cost after iteration 0: 0.690135127088623\n");
    expect(stdout).toContain("Cost after iteration 1999: ");
    expect(stdout).toMatch(/2000 iterations in \d+\.\d s/);
    expect(stdout).toContain(
      "2-layer network [784, 7, 1]:\nAccuracy: 0.9282296650717701\nAccuracy: 0.8200000000000001\n" +
        "4-layer network [784, 20, 7, 5, 1]:\nAccuracy: 0.9760765550239232\nAccuracy: 0.8800000000000001\n",
    );
    expect(stdout).toContain("total: 15893 parameters\n");
    // cost, confusion matrix, misclassified images, 2 vs 4 layers
    expect(chartsOf(nb).length).toBe(4);
  }
}, 300_000);
