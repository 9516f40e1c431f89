// Lecture 8, convolutional networks: convolution, padding, stride and pooling by hand, the cnn lab's
// step-by-step functions, then a small Keras CNN on MNIST (live progress chart, filters, feature
// maps, confusion matrix), run under both clients; the key printed figures and the charts are
// checked in each.
import { expect, it } from "vitest";
import { chartsOf, expectLectureForm, runLecture, stdoutOf } from "../helpers/lectures";

const FILE = "08-convolutional-networks.ipynb";

it("the notebook follows the lecture conventions: outputs cleared, exercises with stubs and solutions", () => {
  expectLectureForm(FILE, "Convolutional networks", ["conv_output_size", "conv_params"]);
});

it("08-convolutional-networks runs clean under nnlab run and nbconvert, and its CNN learns", async () => {
  const { ours, theirs } = await runLecture(FILE);
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    // the vertical edge found by hand
    expect(stdout).toContain("[[ 0. 30. 30.  0.]\n [ 0. 30. 30.  0.]\n [ 0. 30. 30.  0.]\n [ 0. 30. 30.  0.]]");
    expect(stdout).toContain("pad 1, stride 2: output shape (1, 3, 3, 1)");
    expect(stdout).toContain("n=28, f=3, pad=0, stride=1: 26");
    expect(stdout).toContain("n=6, f=3, pad=1, stride=2: 3");
    expect(stdout).toContain("max pooling:\n[[6. 5.]\n [3. 8.]]");
    expect(stdout).toContain("average pooling:\n[[3.5  2.  ]\n [1.5  3.75]]");
    // the lab's conv_forward check value
    expect(stdout).toContain("Z's mean = 0.5511276474566768");
    expect(stdout).toContain("conv_params(3, 8, 16) = 1168, Keras: 1168");
    expect(stdout).toContain("Total params: 5,258");
    const acc = Number(/test accuracy: ([\d.]+) %/.exec(stdout)![1]);
    expect(acc).toBeGreaterThan(88);
    expect(stdout).toMatch(/correct: \d+ of 1000; most frequent mistake: \d taken for \d/);
    // the live fit output (one, in its final state), the filters, two sets of feature maps, the confusion matrix
    const charts = chartsOf(nb);
    expect(charts).toHaveLength(5);
    const fitText = String(charts[0].output_type === "display_data" ? ([] as string[]).concat(charts[0].data["text/plain"] as string).join("") : "");
    expect(fitText.split("\n")[4]).toBe("Epoch 3/3");
  }
}, 180_000);
