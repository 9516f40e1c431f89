// "Export as notebook": a .ipynb (nbformat 4.5, the tslab kernelspec of notebooks/lectures/) that
// rebuilds the page's run with nnlab. Its model cell is the source of model.ts itself (the page
// embeds it at build time), so the notebook trains with the very code the page's worker ran, and
// its last cell prints the losses at the step the page showed, formatted as the page formats them.
import { configToHash } from "./url";
import type { PlaygroundConfig } from "./config";

/** The notebook's import line: nnlab by its package name, as every notebook imports it. */
export const NOTEBOOK_IMPORT = 'import { np, nn, datasets } from "nnlab";';

/**
 * The model's source as a notebook cell: its relative imports replaced by the import of nnlab,
 * `export` dropped (a notebook has no modules).
 *
 * @param source - the text of src/playground/config.ts, then of src/playground/model.ts
 * @returns the cell's source
 * @example const code = modelCell(configSource + "\n" + modelSource);
 */
export function modelCell(source: string): string {
  const lines = source.split("\n").filter((l) => !/^import .* from "\.\.?\//.test(l));
  const body = lines.map((l) => l.replace(/^export (?=(const|function|interface|type|class|let) )/, "")).join("\n");
  return `${NOTEBOOK_IMPORT}\n${body.trim()}\n`;
}

interface Cell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l) => l !== "");
}

function markdown(id: string, text: string): Cell {
  return { cell_type: "markdown", id, metadata: {}, source: lines(text) };
}

function code(id: string, text: string): Cell {
  return { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: lines(text) };
}

/** What the page showed when the notebook was exported. */
export interface ShownRun {
  step: number;
  train: string;
  test: string;
}

/**
 * The line the notebook's last cell prints, and the page shows under its loss chart.
 *
 * @param run - the step and the formatted losses
 * @returns e.g. "step 100: train loss 0.012345, test loss 0.023456"
 * @example lossLine({ step: 100, train: "0.012345", test: "0.023456" });
 */
export function lossLine(run: ShownRun): string {
  return `step ${run.step}: train loss ${run.train}, test loss ${run.test}`;
}

/**
 * The exported notebook: markdown describing the run, the model's code, the configuration, and a
 * cell that trains for the page's number of steps and prints the losses.
 *
 * @param config - the page's configuration
 * @param run - the step and losses the page showed
 * @param modelSource - the text of config.ts and model.ts (embedded in the page's bundle)
 * @param pageUrl - the page's address without the fragment, for the link back (optional)
 * @returns the notebook as a JSON-ready object
 * @example const nb = buildNotebook(config, { step: 10, train: "0.5", test: "0.6" }, MODEL_SOURCE);
 */
export function buildNotebook(config: PlaygroundConfig, run: ShownRun, modelSource: string, pageUrl = ""): object {
  const hash = configToHash(config);
  const hidden = config.hidden.length === 0 ? "no hidden layer" : `hidden layers of ${config.hidden.join(", ")} units (${config.activation})`;
  const intro = [
    "# A playground run, rebuilt with nnlab",
    "",
    `The neural-network playground trained this network: the **${config.dataset}** data set (noise ${config.noise} %, ` +
      `${config.trainRatio} % for training, batches of ${config.batchSize}), inputs ${config.features.join(", ")}, ${hidden}, ` +
      `${config.problem}, learning rate ${config.learningRate}, regularization ${config.regularization}` +
      `${config.regularization === "none" ? "" : ` (rate ${config.regularizationRate})`}, seed ${config.seed}.`,
    "",
    `At step ${run.step} the page showed: train loss ${run.train}, test loss ${run.test}. ` +
      "The cells below rebuild the same data and network from the same seed and train it for the same number of steps, " +
      "so the last cell prints the same numbers.",
    "",
    `The page's settings: \`#${hash}\`${pageUrl ? ` ([open them in the playground](${pageUrl}#${hash}))` : ""}.`,
  ].join("\n");
  const cells: Cell[] = [
    markdown("playground-1", intro),
    markdown(
      "playground-2",
      "## The model\n\nThe playground's own code (the page's Web Worker runs it): data, features, the forward and " +
        "backward pass, one training step (an epoch of mini-batch gradient descent).",
    ),
    code("playground-3", modelCell(modelSource)),
    markdown("playground-4", "## The run\n\nThe configuration the page had:"),
    code("playground-5", `const config: PlaygroundConfig = ${JSON.stringify(config, null, 2)};`),
    code(
      "playground-6",
      [
        "const pg = createPlayground(config);",
        `for (let i = 0; i < ${run.step}; i++) trainStep(pg);`,
        "const { train, test } = losses(pg);",
        "console.log(`step ${pg.step}: train loss ${formatLoss(train)}, test loss ${formatLoss(test)}`);",
      ].join("\n"),
    ),
  ];
  return {
    cells,
    metadata: {
      kernelspec: { display_name: "TypeScript (nnlab)", language: "typescript", name: "tslab" },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}
