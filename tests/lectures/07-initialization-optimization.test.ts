// The initialization-and-optimization lecture under both clients: the Initialization lab's costs and
// accuracies for zeros, large random and He, the activation scales through a deep ReLU stack, the
// exercises, gradient checking passing on the right backward pass and failing on a buggy one, the
// mini-batches, the optimizers' costs and accuracies on the moons, and its five charts.
import { expect, it } from "vitest";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

it("07-initialization-optimization runs clean under nnlab run and nbconvert, with the labs' values", async () => {
  const { ours, theirs } = await runLecture("07-initialization-optimization.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    expect(stdout).toContain("train_X: (2, 300), train_Y: (1, 300), test_X: (2, 100), test_Y: (1, 100)");
    // Initialization lab: each run's first cost, then train and test accuracy
    const runs = stdout.split(/^--- /m);
    const run = (name: string) => runs.find((r) => r.startsWith(name)) ?? "";
    expect(run("zeros initialization")).toMatch(
      /^Cost after iteration 0: 0\.6931471805599453\n(Cost after iteration 1000: 0\.69314718055994\d+\n)On the train set:\nAccuracy: 0\.5\nOn the test set:\nAccuracy: 0\.5\n/m,
    );
    expect(run("random initialization")).toContain("Cost after iteration 0: inf\n");
    expect(run("random initialization")).toContain("On the train set:\nAccuracy: 0.83\nOn the test set:\nAccuracy: 0.86\n");
    expect(run("he initialization")).toMatch(/Cost after iteration 0: 0\.88305374634\d+\n/);
    expect(run("he initialization")).toContain("On the train set:\nAccuracy: 0.9933333333333333\nOn the test set:\nAccuracy: 0.96\n");
    expect(run("he initialization").match(/^Cost after iteration \d+:/gm)).toHaveLength(15);
    // activations through 20 ReLU layers: vanish, stay near 1 with He, explode
    expect(stdout).toMatch(/scale 0\.01 +std of the activations .* layer 20: [\d.]+e-2\d/);
    expect(stdout).toMatch(/scale He: sqrt\(2\/100\) +std of the activations .* layer 20: [\d.]+e\+0/);
    expect(stdout).toMatch(/scale 0\.5 +std of the activations .* layer 20: [\d.]+e\+1\d/);
    // the He exercise: the lab's values for [2, 4, 1]
    expect(stdout).toContain("W1 = [[ 1.78862847  0.43650985]\n [ 0.09649747 -1.8634927 ]\n [-0.2773882  -0.35475898]\n [-0.08274148 -0.62700068]]");
    expect(stdout).toContain("W2 = [[-0.03098412 -0.33744411 -0.92904268  0.62552248]]");
    expect(stdout).toContain("matches initialization.initialize_parameters_he: true");
    // gradient checking: right backward below 2e-7, buggy one far above, and the culprits named
    expect(stdout).toContain("theta: (47, 1)");
    const good = stdout.match(/Your backward propagation works perfectly fine! difference = ([\d.e-]+)/);
    expect(good).not.toBeNull();
    expect(Number(good![1])).toBeLessThan(2e-7);
    const bad = stdout.match(/There is a mistake in the backward propagation! difference = ([\d.e-]+)/);
    expect(bad).not.toBeNull();
    expect(Number(bad![1])).toBeCloseTo(0.28509, 4);
    expect(stdout).toContain("gradients that differ: db1, dW2");
    // mini-batches of the moons
    expect(stdout).toContain("X: (2, 300), Y: (1, 300): 5 mini-batches");
    expect(stdout).toContain("mini-batch 4: X (2, 64), Y (1, 64)\nmini-batch 5: X (2, 44), Y (1, 44)");
    // the Adam exercise
    expect(stdout).toContain("matches nn.update_parameters_with_adam: true");
    // the optimizers: the lab's first costs; accuracies after 3000 epochs (the lab's 5000 give 0.7167 and 0.9433)
    expect(run("Gradient descent")).toContain("Cost after epoch 0: 0.702405\n");
    expect(run("Gradient descent")).toContain("Accuracy: 0.6833333333333333");
    expect(run("Momentum")).toContain("Cost after epoch 0: 0.702413\n");
    expect(run("Momentum")).toContain("Accuracy: 0.6833333333333333");
    expect(run("RMSprop")).toMatch(/Accuracy: 0\.94\d*/);
    expect(run("Adam")).toContain("Cost after epoch 0: 0.702166\n");
    expect(run("Adam")).toContain("Accuracy: 0.9333333333333333");
    for (const name of ["Gradient descent", "Momentum", "RMSprop", "Adam"]) {
      expect(run(name).match(/^Cost after epoch \d+: /gm), name).toHaveLength(3);
    }
    // charts: circles, boundaries by init (grid of 3), moons, cost curves (4 series), boundaries by optimizer (grid of 4)
    const charts = chartsOf(nb);
    expect(charts).toHaveLength(5);
    const specs = charts.map((c) => (c.output_type === "display_data" ? c.data["application/vnd.vegalite.v5+json"] : undefined) as {
      concat?: unknown[];
      data?: { values: { series?: string }[] };
    });
    expect(specs.map((s) => s.concat?.length ?? 0)).toEqual([0, 3, 0, 0, 4]);
    expect(new Set(specs[3].data!.values.map((v) => v.series))).toEqual(new Set(["Gradient descent", "Momentum", "RMSprop", "Adam"]));
    expect(specs[3].data!.values).toHaveLength(4 * 30);
  }
}, 300_000);
