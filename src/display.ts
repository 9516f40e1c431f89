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

/** Publishes one output with several representations, e.g. a chart's spec, PNG and text. */
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

/** Shows `x` in the notebook; an NDArray as IPython shows a numpy array (its repr). */
export function display(x: unknown): void {
  displayBundle(mimeBundle(x));
}
