// fit in a notebook: one output, shown at once and replaced in place while training runs
// (update_display_data, seen live by Jupyter's own client), and saved as that one output, in its
// final state, by both nnlab run and jupyter nbconvert.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { nbconvert } from "../helpers/nbconvert";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "nnlab-keras-nb-"));
const jupyterPath = join(work, "jupyter");
execFileSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "kernelspec", "--jupyter-path", jupyterPath]);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CELLS = [
  'import { np, keras, datasets } from "nnlab";\nconst [[xtr, ytr], [xte, yte]] = datasets.load_mnist();\nconst x = xtr.slice(":2000").astype("float64").divide(255);\nconst y = keras.utils.to_categorical(ytr.slice(":2000"), 10);\nconst xv = xte.slice(":500").astype("float64").divide(255);\nconst yv = keras.utils.to_categorical(yte.slice(":500"), 10);',
  'np.random.seed(0);\nconst model = keras.Sequential([keras.layers.Flatten({ input_shape: [28, 28] }), keras.layers.Dense(32, { activation: "relu" }), keras.layers.Dense(10, { activation: "softmax" })]);\nmodel.compile({ loss: "categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"] });\nconst history = await model.fit(x, y, { epochs: 3, batch_size: 32, validation_data: [xv, yv] });',
  "console.log(history.history.val_accuracy.length);",
];

interface Out { output_type: string; data?: Record<string, unknown>; text?: string | string[] }

function notebook(): string {
  return JSON.stringify({
    cells: CELLS.map((source, i) => ({ cell_type: "code", execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source })),
    metadata: { kernelspec: { display_name: "TypeScript (nnlab)", language: "typescript", name: "tslab" }, language_info: { name: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

function joined(v: unknown): string {
  return Array.isArray(v) ? v.join("") : String(v);
}

function checkSaved(path: string): void {
  const nb = JSON.parse(readFileSync(path, "utf8")) as { cells: { outputs: Out[] }[] };
  const outs = nb.cells[1].outputs;
  expect(outs.map((o) => o.output_type)).toEqual(["display_data"]);
  const data = outs[0].data!;
  expect(Object.keys(data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "text/plain"]);
  const text = joined(data["text/plain"]).split("\n");
  expect(text).toHaveLength(6);
  expect(text[0]).toBe("Epoch 1/3");
  expect(text[4]).toBe("Epoch 3/3");
  expect(text[5]).toMatch(/^63\/63 \[={30}\] - \d+s \d+(us|ms)\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$/);
  // the chart's title is the final state
  const spec = data["application/vnd.vegalite.v5+json"] as { title: { text: string; subtitle: string } };
  expect(spec.title.text).toBe("Epoch 3/3");
  expect(spec.title.subtitle).toMatch(/^63\/63 - \d+s/);
  expect(joined(nb.cells[2].outputs[0].text)).toBe("3\n");
}

describe("keras fit in a notebook", () => {
  it("one output, saved in its final state by nnlab run and jupyter nbconvert", async () => {
    const nbPath = join(work, "fit.ipynb");
    writeFileSync(nbPath, notebook());
    await Promise.all([
      run(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "run", nbPath, "--out", join(work, "ours")]),
      nbconvert(["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", join(work, "theirs"), nbPath], {
        env: { ...process.env, JUPYTER_PATH: jupyterPath },
      }),
    ]);
    checkSaved(join(work, "ours", "fit.ipynb"));
    checkSaved(join(work, "theirs", "fit.ipynb"));
  }, 120_000);

  it("the output appears when training starts and is updated while it runs (Jupyter's client)", async () => {
    const { stdout } = await run("/usr/bin/python3", [join(__dirname, "clients", "live_progress.py")], { env: { ...process.env, JUPYTER_PATH: jupyterPath } });
    const events = JSON.parse(stdout) as [number | string, string, string | null, string][];
    const reply = events.pop()!;
    expect(reply[0]).toBe("reply");
    expect(reply[2]).toBe("ok");
    const replyAt = reply[1] as unknown as number;
    expect(events.filter((e) => e[1] === "stderr")).toEqual([]);
    expect(events[0][1]).toBe("display_data");
    expect(events[0][3]).toBe("Epoch 1/3");
    const updates = events.slice(1);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    for (const u of updates) {
      expect(u[1]).toBe("update_display_data");
      expect(u[2]).toBe(events[0][2]);
    }
    // live: the first output came before the second epoch had even started, not at the end
    const firstEpochEnd = updates.find((u) => /^188\/188 \[/.test(u[3]))!;
    expect(firstEpochEnd).toBeDefined();
    expect(replyAt - (events[0][0] as number)).toBeGreaterThan(0.3);
    expect((firstEpochEnd[0] as number)).toBeLessThan(replyAt - 0.1);
  }, 120_000);
});
