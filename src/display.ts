// One way to show rich output from a notebook cell: a single display_data message carrying a
// MIME bundle, published through the tslab kernel running this process (patched by nnlab to
// accept bundles, see patches/). Outside a kernel (plain Node scripts) the text/plain part is printed.
import { inspect } from "node:util";

/** MIME type -> representation. Uint8Array values are sent base64-encoded. */
export type MimeData = { [mime: string]: unknown };

/** Deno's convention, honoured by nnlab's kernel too: an object with this method displays as the
 *  bundle it returns, both through display(x) and as a cell's last expression. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

interface TslabDisplayImpl {
  id?: string;
  bundle?: (data: MimeData, metadata?: MimeData) => void;
}

interface TslabDisplay {
  display: TslabDisplayImpl;
  newDisplay?: () => TslabDisplayImpl;
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

/** A handle on one output that can be replaced in place, as IPython's DisplayHandle. */
export interface DisplayHandle {
  /** The output's display_id (Jupyter's transient display_id). */
  readonly display_id: string;
  /** Replaces the output (every output showing this display_id) with a new bundle: Jupyter's update_display_data. */
  update(data: MimeData, metadata?: MimeData): void;
}

/** The handle display(x, { display_id }) returns: update(y) shows the value y in place of x. */
export interface ValueDisplayHandle {
  /** The output's display_id. */
  readonly display_id: string;
  /** Shows `y` (as display(y) would) in place of the output. */
  update(y: unknown): void;
}

/** Options of displayBundle and display. */
export interface DisplayOptions {
  /** Give the output a display_id (true: a random one) and return a handle whose update() replaces it in place. */
  display_id?: string | true;
}

/**
 * Whether this code runs inside nnlab's tslab kernel (a notebook), rather than a plain Node script.
 *
 * @returns true inside the kernel
 * @example if (inKernel()) displayBundle({ "text/markdown": "**hi**", "text/plain": "hi" });
 */
export function inKernel(): boolean {
  return kernelTslab() !== undefined;
}

/**
 * Publishes one cell output with several representations, e.g. a chart's spec, PNG and text.
 *
 * The front end shows the richest type it can render. Outside a kernel (a plain Node script) the
 * text/plain part is printed. The same as IPython's `display(data, raw=True)` with a MIME bundle.
 * With `{ display_id }` it returns a handle whose `update(data, metadata)` replaces this output in
 * place (Jupyter's update_display_data), as IPython's `display(..., display_id=True)` does: one
 * output that shows a computation's progress instead of a wall of text.
 *
 * @param data - MIME type to representation, e.g. { "text/html": "<b>hi</b>", "text/plain": "hi" }; Uint8Array values are sent base64-encoded
 * @param metadata - per-MIME-type metadata, e.g. { "image/png": { width: 400, height: 300 } }; default {}
 * @param opts - { display_id }: a string, or true for a random one; then a DisplayHandle is returned
 * @returns a DisplayHandle when opts.display_id is given, else undefined
 * @example const h = displayBundle({ "text/plain": "step 1" }, {}, { display_id: true }); h.update({ "text/plain": "step 2" });
 */
export function displayBundle(data: MimeData, metadata: MimeData, opts: { display_id: string | true }): DisplayHandle;
export function displayBundle(data: MimeData, metadata?: MimeData, opts?: DisplayOptions): DisplayHandle | undefined;
export function displayBundle(data: MimeData, metadata: MimeData = {}, opts: DisplayOptions = {}): DisplayHandle | undefined {
  const tslab = kernelTslab();
  const wanted = opts.display_id;
  if (!tslab) {
    process.stdout.write(`${String(data["text/plain"] ?? "")}\n`);
    if (wanted === undefined) return undefined;
    const id = wanted === true ? Math.random().toString(16).slice(2) : wanted;
    return { display_id: id, update: (d: MimeData) => process.stdout.write(`${String(d["text/plain"] ?? "")}\n`) };
  }
  if (typeof tslab.display.bundle !== "function") {
    throw new Error("this tslab has no display.bundle: nnlab's tslab patch is not applied (run `npm install`, which runs patch-package)");
  }
  if (wanted === undefined) {
    tslab.display.bundle(data, metadata);
    return undefined;
  }
  if (typeof tslab.newDisplay !== "function") throw new Error("this tslab has no newDisplay: display ids need tslab >= 1.0");
  // tslab's Display with an id sends display_data the first time and update_display_data after.
  const d = tslab.newDisplay();
  if (typeof wanted === "string") d.id = wanted;
  d.bundle!(data, metadata);
  return { display_id: d.id!, update: (nd: MimeData, nm: MimeData = {}) => d.bundle!(nd, nm) };
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
 * With `{ display_id: true }` it returns a handle whose `update(y)` shows `y` in place of `x`
 * (IPython's display(x, display_id=True)).
 *
 * @param x - the value to show
 * @param opts - { display_id }: a string, or true for a random one; then a DisplayHandle is returned
 * @returns a DisplayHandle when opts.display_id is given, else undefined
 * @example display(np.zeros([2, 3]));
 */
export function display(x: unknown, opts: DisplayOptions = {}): ValueDisplayHandle | undefined {
  const handle = displayBundle(mimeBundle(x), {}, opts);
  if (!handle) return undefined;
  return { display_id: handle.display_id, update: (y: unknown) => handle.update(mimeBundle(y)) };
}
