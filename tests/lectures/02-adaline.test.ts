// The Adaline lecture: the lab's AdalineGD runs (eta 0.01 diverges on the raw features, 0.0001
// crawls, 0.01 converges on standardized ones), AdalineSGD with shuffling and partial_fit, and the
// exercises (SSE gradient, mini-batches), under both clients. Every printed array below is
// numpy's output for the same computation (Raschka's classes as in tests/fixtures/gen_labs.py;
// the mini-batch loop written the same way in numpy).
import { expect, it } from "vitest";
import { joinLines, type Notebook } from "../../src/notebook/nbformat";
import { chartsOf, runLecture, stdoutOf } from "../helpers/lectures";

/** The code cells tagged `tag`, as [source, number of outputs]. */
function tagged(nb: Notebook, tag: string): [string, number][] {
  return nb.cells.flatMap((c) =>
    c.cell_type === "code" && ((c.metadata as { tags?: string[] }).tags ?? []).includes(tag) ? [[joinLines(c.source), c.outputs.length] as [string, number]] : [],
  );
}

it("02-adaline runs clean under nnlab run and nbconvert, with the lab's costs and weights", async () => {
  const { ours, theirs } = await runLecture("02-adaline.ipynb");
  for (const nb of [ours, theirs]) {
    const stdout = stdoutOf(nb);
    expect(stdout).toContain("J(0) = 50\n");
    // The gradient exercise: analytic = numerical.
    expect(stdout).toContain("analytic:  [ -30.8   -215.684 -222.128]\nnumerical: [ -30.8   -215.684 -222.128]\nclose: true\n");
    // Learning rates on the raw features.
    expect(stdout).toContain(
      "eta = 0.01:   cost_ = [5.00000000e+01 2.23085396e+03 3.47597704e+06 5.42337272e+09\n" +
        " 8.46179156e+12 1.32024701e+16 2.05990914e+19 3.21396346e+22\n 5.01457124e+25 7.82396100e+28]\n",
    );
    expect(stdout).toContain(
      "eta = 0.0001: cost_ = [50.         48.06916269 46.75624785 45.67588153 44.69132935 43.75388836\n" +
        " 42.84602749 41.96125761 41.09700496 40.25208795]\n",
    );
    // The stability bound 2 / lambda_max (numpy's eigvalsh: 4049.99399, 181.23892).
    expect(stdout).toContain("raw features: lambda_max = 4050.0, so eta must stay below 2 / lambda_max = 0.000494\n");
    expect(stdout).toContain("means ~ 0: true, standard deviations: [1. 1.]\n");
    expect(stdout).toContain("standardized: lambda_max = 181.2, so eta must stay below 2 / lambda_max = 0.011035\n");
    // AdalineGD(0.01, 15) on standardized features.
    expect(stdout).toContain(
      "standardized, eta = 0.01: cost_ = [50.         33.82690622 23.15304865 16.10855631 11.45935877  8.39099887\n" +
        "  6.36595425  5.02947293  4.14742701  3.56529767  3.18110614  2.92754886\n  2.76020708  2.64976548  2.57687665]\n" +
        "w_ = [ 0.     -0.1263  1.1048]\nmisclassified: 0 of 100\n",
    );
    // AdalineSGD(0.01, 15, shuffle, random_state 1), then partial_fit on the first sample.
    expect(stdout).toContain(
      "cost_ = [0.20186245 0.07249804 0.05472222 0.04571922 0.03921525 0.03475628\n" +
        " 0.03160972 0.02923329 0.02800449 0.02701902 0.02635451 0.02594118\n 0.02559982 0.02539889 0.02511715]\n" +
        "w_ = [ 0.01081067 -0.13961527  1.07501121]\nmisclassified: 0 of 100\n",
    );
    expect(stdout).toContain("before: w_ = [ 0.01081067 -0.13961527  1.07501121]\nafter:  w_ = [ 0.01079579 -0.13960662  1.0750263 ]\n");
    // The mini-batch exercise (b = 10, seed 1); b = n reproduces AdalineGD.
    expect(stdout).toContain(
      "mini-batch (b = 10): cost = [0.21373217 0.07271461 0.05620794 0.04574401 0.03879533 0.03423395\n" +
        " 0.03119092 0.02925253 0.02787868 0.0268643  0.02653546 0.02567567\n 0.02510854 0.02507979 0.02507689]\n" +
        "w = [-0.00746988 -0.15160277  1.06601839]\nb = n is batch gradient descent: true\n" +
        "updates in 15 epochs: batch 15, mini-batch 150, stochastic 1500\n",
    );
    // Activations, the two learning rates side by side, raw vs standardized, GD regions, SGD cost
    // and regions, the three methods compared.
    // Two exercises: a stub that runs silently, then its solution.
    const stubs = tagged(nb, "exercise");
    expect(stubs.map(([src, outputs]) => [src.includes("// YOUR CODE HERE"), outputs])).toEqual([[true, 0], [true, 0]]);
    expect(tagged(nb, "solution")).toHaveLength(2);
    const charts = chartsOf(nb);
    expect(charts.length).toBe(7);
    const specs = charts.map((c) => (c.output_type === "display_data" ? (c.data["application/vnd.vegalite.v5+json"] as Record<string, any>) : {}));
    expect(specs[1].concat).toHaveLength(2);
    expect(specs[1].concat[0].encoding.y.scale).toEqual({ type: "log" });
    expect(specs[6].encoding.color.sort).toEqual(["batch (AdalineGD)", "mini-batch, b = 10", "stochastic (AdalineSGD)"]);
    expect(specs.map((s) => (typeof s.title === "string" ? s.title : s.title?.text))).toEqual([
      "Activations", "Adaline on the raw features", "Adaline, eta = 0.01: standardization fixes convergence (log scale)",
      "Adaline - Gradient Descent (eta = 0.01, 15 epochs)", "Adaline - Stochastic Gradient Descent",
      "Adaline - Stochastic Gradient Descent (eta = 0.01, 15 epochs)", "Average cost per sample, eta = 0.01 on standardized features",
    ]);
  }
}, 300_000);
