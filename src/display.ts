// One way to show rich output from a notebook cell: a single display_data message carrying a
// MIME bundle, published through the tslab kernel running this process (patched by nnlab to
// accept bundles, see patches/). Outside a kernel (plain Node scripts) the text/plain part is printed.
import { inspect } from "node:util";

/** MIME type -> representation. Uint8Array values are sent base64-encoded. */
export type MimeData = { [mime: string]: unknown };

/** Deno's convention, honoured by nnlab's kernel too: an object with this method displays as the
 *  bundle it returns, both through display(x) and as a cell's last expression. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

interface TslabDisplay {
  display: { bundle?: (data: MimeData, metadata?: MimeData) => void };
}

/** The tslab module of the kernel this code runs in, or undefined outside a kernel. */
function kernelTslab(): TslabDisplay | undefined {
  // tslab's Jupyter server module is loaded exactly when this process is the kernel. Checking the
  // module cache avoids loading tslab (and its TypeScript compiler) in ordinary scripts.
  let server: string;
  try {
    server = require.resolve("tslab/dist/jupyter.js");
  } catch {
    return undefined;
  }
  return require.cache[server] ? (require("tslab") as TslabDisplay) : undefined;
}

/**
 * Publishes one cell output with several representations, e.g. a chart's spec, PNG and text.
 *
 * The front end shows the richest type it can render. Outside a kernel (a plain Node script) the
 * text/plain part is printed. The same as IPython's `display(data, raw=True)` with a MIME bundle.
 *
 * @param data - MIME type to representation, e.g. { "text/html": "<b>hi</b>", "text/plain": "hi" }; Uint8Array values are sent base64-encoded
 * @param metadata - per-MIME-type metadata, e.g. { "image/png": { width: 400, height: 300 } }; default {}
 * @example displayBundle({ "text/markdown": "**Accuracy: 99 %**", "text/plain": "Accuracy: 99 %" });
 */
export function displayBundle(data: MimeData, metadata: MimeData = {}): void {
  const tslab = kernelTslab();
  if (!tslab) {
    process.stdout.write(`${String(data["text/plain"] ?? "")}\n`);
    return;
  }
  if (typeof tslab.display.bundle !== "function") {
    throw new Error("this tslab has no display.bundle: nnlab's tslab patch is not applied (run `npm install`, which runs patch-package)");
  }
  tslab.display.bundle(data, metadata);
}

/** The bundle for `x`: its own [JUPYTER_DISPLAY]() bundle, else text/plain as a cell's last
 *  expression shows it (util.inspect). */
export function mimeBundle(x: unknown): MimeData {
  const own = (x as { [JUPYTER_DISPLAY]?: unknown } | null | undefined)?.[JUPYTER_DISPLAY];
  if (typeof own === "function") return own.call(x) as MimeData;
  return { "text/plain": inspect(x) };
}

/**
 * Shows a value in the notebook cell's output, as IPython's `display(x)` does.
 *
 * An NDArray shows its numpy repr, `array([[1., 2.]])`, as IPython shows a numpy array; an object
 * with a `[Symbol.for("Jupyter.display")]()` method shows the bundle it returns; anything else
 * shows as a cell's last expression would. Useful to show several values from one cell.
 *
 * @param x - the value to show
 * @example display(np.zeros([2, 3]));
 */
export function display(x: unknown): void {
  displayBundle(mimeBundle(x));
}
