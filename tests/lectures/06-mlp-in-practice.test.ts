// Lecture 6, multilayer perceptrons in practice: XOR, the playground experiments, breast cancer
// and MNIST, run under both clients; the key printed figures and the charts are checked in each.
import { expect, it } from "vitest";
import { chartsOf, expectLectureForm, runLecture, stdoutOf } from "../helpers/lectures";

const FILE = "06-mlp-in-practice.ipynb";

/** The number printed after `label` (e.g. "test accuracy: 97.37 %" -> 97.37). */
function figure(stdout: string, label: string): number {
  const at = stdout.indexOf(label);
  expect(at, `"${label}" printed`).toBeGreaterThanOrEqual(0);
  return Number(/-?\d+(\.\d+)?/.exec(stdout.slice(at + label.length))![0]);
}

it("the notebook follows the lecture conventions: outputs cleared, exercises with stubs and solutions", () => {
  expectLectureForm(FILE, "Multilayer perceptrons in practice", ["xor_parameters", "confusion_matrix"]);
});

it("06-mlp-in-practice runs clean under nnlab run and nbconvert, and its networks learn", async () => {
  const { ours, theirs } = await runLecture(FILE);
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    // XOR: one layer is stuck at 0.5 everywhere; a hidden layer learns it; the hand-made 2-2-1 computes it.
    expect(stdout).toContain("no hidden layer:  outputs [[0.5 0.5 0.5 0.5]], accuracy 50 %");
    expect(stdout).toContain("2-4-1 tanh network: outputs [[0. 1. 1. 0.]], accuracy 100 %");
    expect(stdout).toContain("2-4-1: XOR learnt from 10 of 10 random starts");
    expect(figure(stdout, "2-2-1: XOR learnt from")).toBeLessThan(10);
    expect(stdout).toContain("hand-made 2-2-1: outputs [[0. 1. 1. 0.]]");
    // Playground: straight boundaries fail everywhere; features, hidden layers and a non-linearity fix it.
    const baseline = stdout.split("\n").find((l) => l.startsWith("no hidden layer, x1 and x2:"))!;
    for (const set of ["circles", "xor", "gaussian", "spiral"]) expect(figure(baseline, ` ${set} `), set).toBeLessThan(70);
    const engineered = /engineered features, no hidden layer: ([\d.]+) %, ([\d.]+) %, ([\d.]+) %, ([\d.]+) %/.exec(stdout)!;
    expect(engineered.slice(1, 4).map(Number).every((a) => a > 95)).toBe(true);
    expect(Number(engineered[4])).toBeLessThan(80);
    expect(figure(stdout, "[16,16]")).toBeGreaterThan(95);
    expect(figure(stdout, "spiral, hidden [8,8]: linear")).toBeLessThan(60);
    for (const activation of ["sigmoid", "tanh", "relu"]) {
      expect(figure(stdout.split("spiral, hidden [8,8]:")[1], ` ${activation} `), activation).toBeGreaterThan(90);
    }
    expect(stdout).toMatch(/hidden \[8, 8\] relu\s+(100\.0|9\d\.\d)\s+(100\.0|9\d\.\d)\s+(100\.0|9\d\.\d)\s+(100\.0|9\d\.\d)/);
    // Breast cancer: the data as shipped, an accurate network, a confusion matrix of the 114 test rows.
    expect(stdout).toContain("data 569 x 30, target 569");
    expect(stdout).toContain("classes: 0 = malignant (212), 1 = benign (357)");
    expect(stdout).toContain("X_train 30 x 455, X_test 30 x 114");
    expect(figure(stdout, "train accuracy:")).toBeGreaterThan(95);
    expect(figure(stdout, "test accuracy:")).toBeGreaterThan(93);
    const matrix = /predicted\):\n\[\[\s*(\d+)\s+(\d+)\]\n \[\s*(\d+)\s+(\d+)\]\]/.exec(stdout)!;
    const cells = matrix.slice(1).map(Number);
    expect(cells.reduce((a, b) => a + b)).toBe(114);
    expect(cells[0] + cells[3]).toBeGreaterThan(106);
    expect(figure(stdout, "(sensitivity):")).toBeGreaterThan(90);
    // MNIST with softmax: the shapes, one-hot labels, a few epochs of mini-batches, test accuracy.
    expect(stdout).toContain("Xd_train 784 x 10000, Yd_train 10 x 10000, Xd_test 784 x 2000");
    expect(stdout).toContain("first labels: [5 0 4 1 9 2]");
    expect(stdout).toContain("Cost after epoch 2: ");
    expect(figure(stdout, "digits train accuracy:")).toBeGreaterThan(93);
    expect(figure(stdout, "digits test accuracy:")).toBeGreaterThan(89);
    const misclassified = Number(/(\d+) of 2000 test digits misclassified/.exec(stdout)![1]);
    expect(misclassified).toBeLessThan(200);
    expect(misclassified).toBeGreaterThan(0);
    expect(stdout).toContain("per-digit test accuracy: 0: ");
    // Charts: XOR, four playground grids, the cancer cost and confusion matrix, digits, their cost,
    // their confusion matrix and the misclassified digits.
    expect(chartsOf(nb).length).toBe(11);
  }
}, 300_000);
