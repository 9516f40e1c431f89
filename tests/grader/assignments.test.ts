// The logistic, deep and initialization assignments (notebooks/assignments/<name>/): each source
// notebook is an nbgrader source in the shape of the shallow one (a solution cell per graded
// function, then its locked, graded check cell worth that function's points); the reference gives
// the labs' published values on the visible cases; and, in real kernels, the instructor's notebook
// scores full marks and releases, the released notebook scores 0 with "not implemented" messages,
// equivalent formulas keep full marks and hard-coded shapes lose the hidden cases.
//
// The assignments' tests.ts files import "nnlab" and "nnlab/grader", which the loader maps to the
// build, so everything here comes from dist/ (npm test builds first).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const ASSIGNMENTS = join(ROOT, "notebooks", "assignments");
const load = createRequire(__filename);
const { loadAssignment } = load(join(DIST, "grader", "load.js")) as typeof import("../../src/grader/load");
const { expectedValue, gradeNotebook } = load(join(DIST, "grader", "grade.js")) as typeof import("../../src/grader/grade");
const { releaseAssignment } = load(join(DIST, "grader", "release", "release.js")) as typeof import("../../src/grader/release/release");
const { compareValues } = load(join(DIST, "grader", "compare.js")) as typeof import("../../src/grader/compare");
const { readNotebook, joinLines } = load(join(DIST, "notebook", "nbformat.js")) as typeof import("../../src/notebook/nbformat");
const { np } = load(join(DIST, "index.js")) as typeof import("../../src/index");

type Spec = ReturnType<typeof loadAssignment>["spec"];
type Notebook = ReturnType<typeof readNotebook>;
type Cell = Notebook["cells"][number];

const NAMES = ["logistic", "deep", "initialization"] as const;
/** What the student entry of nnlab (src/student.ts) exports: all a graded notebook may import. */
const STUDENT_EXPORTS = new Set(["np", "nn", "testcases", "datasets", "plot", "display", "displayBundle", "NDArray"]);

const scratch = mkdtempSync(join(tmpdir(), "nnlab-assignments-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function nbgrader(cell: Cell): Record<string, unknown> | undefined {
  return (cell.metadata as { nbgrader?: Record<string, unknown> }).nbgrader;
}

function caseOf(spec: Spec, question: string, name: string) {
  const q = spec.questions.find((x) => x.name === question);
  const c = q?.cases.find((x) => x.name === name);
  if (!q || !c) throw new Error(`${spec.name} has no case "${question}: ${name}"`);
  return [q, c] as const;
}

describe.each(NAMES)("the %s assignment's source", (name) => {
  const { spec, notebook } = loadAssignment(join(ASSIGNMENTS, name));

  it("is nbformat 4.5 for the tslab kernel, every cell with a unique id and every nbgrader cell a unique grade_id", () => {
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
    expect(notebook.metadata.kernelspec?.name).toBe("tslab");
    const ids = notebook.cells.map((c) => (c as { id?: string }).id);
    expect(ids.every((id) => typeof id === "string" && /^[a-zA-Z0-9_-]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const gradeIds = notebook.cells.map(nbgrader).filter((m) => m).map((m) => m!.grade_id);
    expect(new Set(gradeIds).size).toBe(gradeIds.length);
    for (const m of notebook.cells.map(nbgrader).filter((x) => x)) expect(m!.schema_version).toBe(3);
  });

  it("has a locked setup cell that imports only the student entry's names and the check module", () => {
    const setup = notebook.cells.find((c) => nbgrader(c)?.grade_id === "setup")!;
    expect(nbgrader(setup)).toMatchObject({ locked: true, grade: false, solution: false });
    const text = joinLines(setup.source);
    expect(text).toContain(`import { check } from "./${name}_checks";`);
    const imported = /import \{([^}]*)\} from "nnlab";/.exec(text)![1].split(",").map((s) => s.trim());
    expect(imported.filter((n) => !STUDENT_EXPORTS.has(n))).toEqual([]);
  });

  it("has, per graded function in order, a solution cell and right after it a locked check cell worth its cases' points", () => {
    const checks = notebook.cells.filter((c) => nbgrader(c)?.grade === true);
    expect(checks.map((c) => nbgrader(c)!.grade_id)).toEqual(spec.questions.map((q) => `check_${q.name}`));
    for (const q of spec.questions) {
      const i = notebook.cells.findIndex((c) => nbgrader(c)?.grade_id === q.name);
      const solution = notebook.cells[i];
      expect(nbgrader(solution)).toMatchObject({ solution: true, grade: false, locked: false });
      const text = joinLines(solution.source);
      expect(text).toMatch(new RegExp(`^function ${q.name}\\(`));
      // the whole body is the solution region, so the released stub still type-checks
      expect(text).toMatch(/\{\n {2}\/\/ BEGIN SOLUTION\n[\s\S]*\n {2}\/\/ END SOLUTION\n\}$/);
      const check = notebook.cells[i + 1];
      expect(joinLines(check.source)).toBe(`await check("${q.name}", ${q.name});`);
      expect(nbgrader(check)).toMatchObject({ grade: true, solution: false, locked: true, points: q.cases.reduce((s, c) => s + c.points, 0) });
    }
  });

  it("keeps at least one case from the students (hidden or after the due date), with other inputs than the lab's", () => {
    const kept = spec.questions.flatMap((q) => q.cases).filter((c) => (c.visibility ?? "visible") !== "visible");
    expect(kept.length).toBeGreaterThan(0);
  });
});

const nd = (x: number[][]) => np.array(x);
const zeros = (r: number, c: number) => np.zeros([r, c]);

/** The labs' published outputs on their own test cases (the values their notebooks print). */
const PUBLISHED: Record<(typeof NAMES)[number], [question: string, name: string, expected: unknown][]> = {
  logistic: [
    ["sigmoid", "the lab's test case, sigmoid([0, 2])", np.array([0.5, 0.88079708])],
    ["initialize_with_zeros", "dim = 2", [zeros(2, 1), 0]],
    ["propagate", "the lab's test case", [{ dw: nd([[0.99845601], [2.39507239]]), db: 0.00145557813678 }, 5.801545319394553]],
    [
      "optimize", "the lab's test case, 100 iterations, learning rate 0.009",
      [{ w: nd([[0.19033591], [0.12259159]]), b: 1.92535983008 }, { dw: nd([[0.67752042], [1.41625495]]), db: 0.219194504541 }, [5.801545319394553]],
    ],
    ["predict", "the lab's test case", nd([[1, 1, 0]])],
  ],
  deep: [
    [
      "initialize_parameters", "the lab's test case, (3, 2, 1)",
      { W1: nd([[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]]), b1: zeros(2, 1), W2: nd([[0.01744812, -0.00761207]]), b2: zeros(1, 1) },
    ],
    [
      "initialize_parameters_deep", "the lab's test case, [5, 4, 3]",
      {
        W1: nd([
          [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
          [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
          [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
          [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068],
        ]),
        b1: zeros(4, 1),
        W2: nd([[-0.01185047, -0.0020565, 0.01486148, 0.00236716], [-0.01023785, -0.00712993, 0.00625245, -0.00160513], [-0.00768836, -0.00230031, 0.00745056, 0.01976111]]),
        b2: zeros(3, 1),
      },
    ],
    ["linear_forward", "the lab's test case", nd([[3.26295337, -1.23429987]])],
    ["linear_activation_forward", "the lab's test case, sigmoid", nd([[0.96890023, 0.11013289]])],
    ["linear_activation_forward", "the lab's test case, relu", nd([[3.43896131, 0]])],
    ["L_model_forward", "the lab's test case, two hidden layers", nd([[0.03921668, 0.70498921, 0.19734387, 0.04728177]])],
    ["L_model_forward", "the lab's test case, one hidden layer", nd([[0.17007265, 0.2524272]])],
    ["compute_cost", "the lab's test case", 0.41493159961539694],
    [
      "linear_backward", "the lab's test case",
      [nd([[0.51822968, -0.19517421], [-0.40506361, 0.15255393], [2.37496825, -0.89445391]]), nd([[-0.10076895, 1.40685096, 1.64992505]]), nd([[0.50629448]])],
    ],
    [
      "linear_activation_backward", "the lab's test case, sigmoid",
      [nd([[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]]), nd([[0.10266786, 0.09778551, -0.01968084]]), nd([[-0.05729622]])],
    ],
    [
      "linear_activation_backward", "the lab's test case, relu",
      [nd([[0.44090989, 0], [0.37883606, 0], [-0.2298228, 0]]), nd([[0.44513824, 0.37371418, -0.10478989]]), nd([[-0.20837892]])],
    ],
    [
      "L_model_backward", "the lab's test case",
      {
        dW1: nd([[0.41010002, 0.07807203, 0.13798444, 0.10502167], [0, 0, 0, 0], [0.05283652, 0.01005865, 0.01777766, 0.0135308]]),
        db1: nd([[-0.22007063], [0], [-0.02835349]]),
        dA1: nd([[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]]),
      },
    ],
    [
      "update_parameters", "the lab's test case, learning rate 0.1",
      {
        W1: nd([[-0.59562069, -0.09991781, -2.14584584, 1.82662008], [-1.76569676, -0.80627147, 0.51115557, -1.18258802], [-1.0535704, -0.86128581, 0.68284052, 2.20374577]]),
        b1: nd([[-0.04659241], [-1.28888275], [0.53405496]]),
        W2: nd([[-0.55569196, 0.0354055, 1.32964895]]),
        b2: nd([[-0.84610769]]),
      },
    ],
  ],
  initialization: [
    ["initialize_parameters_zeros", "the lab's test case, [3, 2, 1]", { W1: zeros(2, 3), b1: zeros(2, 1), W2: zeros(1, 2), b2: zeros(1, 1) }],
    [
      "initialize_parameters_random", "the lab's test case, [3, 2, 1]",
      { W1: nd([[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]]), b1: zeros(2, 1), W2: nd([[-0.82741481, -6.27000677]]), b2: zeros(1, 1) },
    ],
    [
      "initialize_parameters_he", "the lab's test case, [2, 4, 1]",
      {
        W1: nd([[1.78862847, 0.43650985], [0.09649747, -1.8634927], [-0.2773882, -0.35475898], [-0.08274148, -0.62700068]]),
        b1: zeros(4, 1),
        W2: nd([[-0.03098412, -0.33744411, -0.92904268, 0.62552248]]),
        b2: zeros(1, 1),
      },
    ],
    // Training: with zeros the lab's model prints log 2 at every iteration it prints; He, its 15 printed costs.
    ["initialize_parameters_zeros", "the lab's model trained from it, 2000 iterations: the costs", { costs: new Array(20).fill(0.6931471805599453) }],
    [
      "initialize_parameters_he", "the lab's full run, 15,000 iterations (costs every 1000)",
      {
        costs: [
          0.8830537463419761, 0.6879825919728063, 0.6751286264523371, 0.6526117768893807, 0.6082958970572938, 0.5304944491717495,
          0.4138645817071794, 0.3117803464844441, 0.23696215330322562, 0.18597287209206836, 0.1501555628037182,
          0.12325079292273548, 0.09917746546525937, 0.0845705595402428, 0.07357895962677366,
        ],
      },
    ],
  ],
};

/** The first element of a [value, cache] pair, for the forward steps whose caches the labs do not print. */
const FIRST_ONLY = new Set(["linear_forward", "linear_activation_forward", "L_model_forward"]);

describe.each(NAMES)("the %s assignment's reference", (name) => {
  const { spec } = loadAssignment(join(ASSIGNMENTS, name));
  it.each(PUBLISHED[name].map(([q, c, v]) => [`${q}: ${c}`, q, c, v] as const))("gives the lab's published values: %s", async (_label, q, c, published) => {
    const [question, tc] = caseOf(spec, q, c);
    let got = await expectedValue(spec, question, tc);
    if (FIRST_ONLY.has(q)) got = (got as unknown[])[0];
    // numpy prints 8 decimals: the published digits are within 5e-9 of the value
    expect(compareValues(got, published, { rtol: 1e-10, atol: 5e-9 })).toEqual([]);
  });
});

it("the reference's L_model_forward keeps one cache per layer (the lab prints their count: 3 and 2)", async () => {
  const { spec } = loadAssignment(join(ASSIGNMENTS, "deep"));
  const two = await expectedValue(spec, ...caseOf(spec, "L_model_forward", "the lab's test case, two hidden layers"));
  const one = await expectedValue(spec, ...caseOf(spec, "L_model_forward", "the lab's test case, one hidden layer"));
  expect([((two as unknown[])[1] as unknown[]).length, ((one as unknown[])[1] as unknown[]).length]).toEqual([3, 2]);
});

/** The instructor's notebook with some source replaced (a student's variant), written to scratch. */
function variant(name: string, label: string, edits: [from: string, to: string][]): Notebook {
  const nb = JSON.parse(readFileSync(join(ASSIGNMENTS, name, `${name}.ipynb`), "utf8")) as Notebook;
  for (const [from, to] of edits) {
    const cell = nb.cells.find((c) => joinLines(c.source).includes(from));
    if (!cell) throw new Error(`${name}: no cell contains ${from}`);
    cell.source = joinLines(cell.source).replace(from, to);
  }
  writeFileSync(join(scratch, `${name}-${label}.ipynb`), JSON.stringify(nb));
  return nb;
}

function workDir(label: string): string {
  const dir = join(scratch, "work", label);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe.each(NAMES)("the %s assignment, in real kernels", (name) => {
  const dir = join(ASSIGNMENTS, name);

  it("releases: full marks for the instructor, a stubbed notebook and a checks module without hidden cases, and 0 for the release as is", async () => {
    const out = join(scratch, "release", name);
    const r = await releaseAssignment(dir, { out, workDir: workDir(`release-${name}`) });
    expect(r.instructor.score).toBe(r.instructor.max_score);
    expect(r.instructor.tests.filter((t) => t.status !== "passed")).toEqual([]);

    const { spec } = loadAssignment(dir);
    const released = readNotebook(r.notebookPath);
    const text = released.cells.map((c) => joinLines(c.source)).join("\n");
    expect(text).not.toMatch(/BEGIN SOLUTION/);
    for (const q of spec.questions) expect(text).toContain(`throw new Error("${q.name} is not implemented yet`);
    const checks = readFileSync(r.checksPath, "utf8");
    for (const c of spec.questions.flatMap((q) => q.cases)) {
      expect(checks.includes(JSON.stringify(c.name)), c.name).toBe((c.visibility ?? "visible") === "visible");
    }

    // The release as a student receives it: every function stubbed, so every case fails and says so.
    const graded = await gradeNotebook(spec, released, { kernel: { cwd: workDir(`released-${name}`) } });
    expect(graded.score).toBe(0);
    expect(graded.max_score).toBe(r.instructor.max_score);
    const cases = graded.tests.filter((t) => t.max_score > 0);
    expect(cases.filter((t) => !/ is not implemented yet: write it where it says YOUR CODE HERE/.test(t.output))).toEqual([]);
  }, 240_000);
});

describe("submissions in real kernels", () => {
  it("logistic: other spellings of the same formulas keep full marks", async () => {
    const { spec } = loadAssignment(join(ASSIGNMENTS, "logistic"));
    const nb = variant("logistic", "spellings", [
      ["const dw = np.dot(X, dZ.T).multiply(1 / m);", "const dw = np.dot(X, dZ.T).divide(m);"],
      ["const db = np.sum(dZ) / m;", "const db = np.mean(dZ);"],
      ["w = np.subtract(w, np.multiply(learning_rate, grads.dw));", "w = w.subtract(grads.dw.multiply(learning_rate));"],
    ]);
    const r = await gradeNotebook(spec, nb, { kernel: { cwd: workDir("logistic-spellings") } });
    expect(r.tests.filter((t) => t.status !== "passed")).toEqual([]);
  }, 240_000);

  it("deep: a forward pass with the depth of the lab's test case hard-coded passes that case and loses the hidden one", async () => {
    const { spec } = loadAssignment(join(ASSIGNMENTS, "deep"));
    const nb = variant("deep", "hardcoded-depth", [
      ["const L = Math.floor(Object.keys(parameters).length / 2);\n  for (let l = 1; l < L; l++) {\n    const A_prev", "const L = 3;\n  for (let l = 1; l < L; l++) {\n    const A_prev"],
    ]);
    const r = await gradeNotebook(spec, nb, { kernel: { cwd: workDir("deep-hardcoded") } });
    const status = Object.fromEntries(r.tests.filter((t) => t.question === "L_model_forward").map((t) => [t.name, t.status]));
    expect(status["L_model_forward: the lab's test case, two hidden layers"]).toBe("passed");
    expect(status["L_model_forward: four layers, [3, 5, 4, 2, 1]"]).toBe("failed");
    expect(r.tests.filter((t) => t.question !== "L_model_forward" && t.status !== "passed")).toEqual([]);
  }, 240_000);

  it("initialization: weights one ulp away (randn / 0.1, sqrt(2) / sqrt(n)) keep full marks, the training cases included; sqrt(1 / n) does not", async () => {
    const { spec } = loadAssignment(join(ASSIGNMENTS, "initialization"));
    const close = variant("initialization", "ulp", [
      [".multiply(Math.sqrt(2 / layers_dims[l - 1]))", ".multiply(Math.sqrt(2)).divide(Math.sqrt(layers_dims[l - 1]))"],
      ["np.random.randn(layers_dims[l], layers_dims[l - 1]).multiply(10)", "np.random.randn(layers_dims[l], layers_dims[l - 1]).divide(0.1)"],
    ]);
    const r = await gradeNotebook(spec, close, { kernel: { cwd: workDir("initialization-ulp") } });
    expect(r.tests.filter((t) => t.status !== "passed")).toEqual([]);

    const wrong = variant("initialization", "xavier", [[".multiply(Math.sqrt(2 / layers_dims[l - 1]))", ".multiply(Math.sqrt(1 / layers_dims[l - 1]))"]]);
    const w = await gradeNotebook(spec, wrong, { kernel: { cwd: workDir("initialization-xavier") } });
    const failed = w.tests.filter((t) => t.status === "failed").map((t) => t.name);
    expect(failed).toEqual(spec.questions.find((q) => q.name === "initialize_parameters_he")!.cases.map((c) => `initialize_parameters_he: ${c.name}`));
    expect(w.tests.find((t) => t.name.includes("trained from it") && t.question === "initialize_parameters_he")!.output).toContain("the first cost is 0.8830537");
  }, 240_000);
});
