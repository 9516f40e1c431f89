// Running notebooks: every code cell in order in a fresh tslab kernel, outputs recorded as nbformat
// 4.5, and a verdict per notebook that CI can trust (tslab's own exit codes and nbconvert's
// CellExecutionError say too little: a cell that only printed to stderr still "succeeded").
import { dirname, resolve } from "node:path";
import { Kernel, type ExecuteStatus } from "./kernel";
import { joinLines, readNotebook, TSLAB_KERNELSPEC, type CodeCell, type ErrorOutput, type Notebook } from "./nbformat";
import type { DisplayRegistry } from "./outputs";

export interface ExecuteNotebookOptions {
  /** Per-cell time limit in ms (none when absent). */
  timeout?: number;
  /** Keep running after a cell fails, as `nbconvert --allow-errors` does. Cells tagged
   *  "raises-exception" may always fail without stopping the run or failing the notebook. */
  allowErrors?: boolean;
  onCell?: (report: CellReport) => void;
}

export interface CellReport {
  /** Index in notebook.cells. */
  index: number;
  /** 1-based position among the code cells that run, and how many there are. */
  number: number;
  total: number;
  status: ExecuteStatus;
  ms: number;
  /** The cell's error output, if any (first one). */
  error?: ErrorOutput;
  /** The cell wrote to stderr. */
  stderr: boolean;
  /** The cell is tagged "raises-exception": its error is expected. */
  expectedError: boolean;
}

export interface NotebookResult {
  notebook: Notebook;
  cells: CellReport[];
  /** Code cells left unexecuted because the run stopped early. */
  skipped: number;
  /** No unexpected error output, no stderr, no timeout, no dead kernel, nothing skipped. */
  ok: boolean;
}

function hasTag(cell: CodeCell, tag: string): boolean {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

/** A report counts as a failure unless it is ok and silent on stderr, or an expected error. */
export function cellFailed(r: CellReport): boolean {
  if (r.expectedError && r.status === "error") return r.stderr;
  return r.status !== "ok" || r.error !== undefined || r.stderr;
}

/**
 * Runs the code cells of `nb` (in place: outputs and execution counts are replaced) in `kernel`,
 * which should be fresh. Empty cells are skipped, as nbclient does. Stops at the first failure
 * unless `allowErrors`; always stops on a timeout or a dead kernel.
 */
export async function executeNotebook(nb: Notebook, kernel: Kernel, opts: ExecuteNotebookOptions = {}): Promise<NotebookResult> {
  const code = nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
  for (const cell of code) {
    cell.outputs = [];
    cell.execution_count = null;
  }
  nb.metadata.kernelspec ??= { ...TSLAB_KERNELSPEC };
  nb.metadata.language_info = kernel.info.language_info;
  const runnable = code.filter((c) => joinLines(c.source).trim() !== "");
  const displays: DisplayRegistry = new Map();
  const cells: CellReport[] = [];
  let stopped = false;
  for (const [i, cell] of runnable.entries()) {
    const expectedError = hasTag(cell, "raises-exception");
    const start = performance.now();
    const r = await kernel.execute(joinLines(cell.source), {
      timeout: opts.timeout,
      stopOnError: !(opts.allowErrors || expectedError),
      displays,
    });
    cell.outputs = r.outputs;
    cell.execution_count = r.executionCount;
    const report: CellReport = {
      index: nb.cells.indexOf(cell),
      number: i + 1,
      total: runnable.length,
      status: r.status,
      ms: performance.now() - start,
      error: r.outputs.find((o): o is ErrorOutput => o.output_type === "error"),
      stderr: r.outputs.some((o) => o.output_type === "stream" && o.name === "stderr"),
      expectedError,
    };
    cells.push(report);
    opts.onCell?.(report);
    const fatal = r.status === "timeout" || r.status === "dead";
    if (fatal || (cellFailed(report) && !opts.allowErrors)) {
      stopped = true;
      break;
    }
  }
  const skipped = runnable.length - cells.length;
  return { notebook: nb, cells, skipped, ok: !stopped && skipped === 0 && !cells.some(cellFailed) };
}

export interface RunFilesOptions extends ExecuteNotebookOptions {
  onNotebookStart?: (path: string, index: number, total: number) => void;
  /** Called with each finished notebook (or the reason it could not run), e.g. to save it. */
  onNotebookEnd?: (path: string, result: NotebookResult | Error) => void | Promise<void>;
}

/**
 * Runs notebook files one after another, each in a new kernel started in the notebook's folder
 * (so relative paths work and no state leaks between notebooks). The next notebook's kernel
 * starts while the current one runs, hiding most of tslab's ~2 s start-up.
 */
export async function runNotebookFiles(paths: string[], opts: RunFilesOptions = {}): Promise<Map<string, NotebookResult | Error>> {
  const results = new Map<string, NotebookResult | Error>();
  const startFor = (i: number): Promise<Kernel> | undefined => {
    if (i >= paths.length) return undefined;
    const started = Kernel.start({ cwd: dirname(resolve(paths[i])) });
    started.catch(() => undefined); // awaited (and reported) when its notebook's turn comes
    return started;
  };
  let next = startFor(0);
  try {
    for (const [i, path] of paths.entries()) {
      opts.onNotebookStart?.(path, i, paths.length);
      const starting = next!;
      next = startFor(i + 1);
      let result: NotebookResult | Error;
      try {
        const nb = readNotebook(path);
        const kernel = await starting;
        try {
          result = await executeNotebook(nb, kernel, opts);
        } finally {
          await kernel.shutdown();
        }
      } catch (e) {
        result = e instanceof Error ? e : new Error(String(e));
        // A notebook that failed to load still owns the kernel started for it.
        await starting.then((k) => k.shutdown(), () => undefined);
      }
      results.set(path, result);
      await opts.onNotebookEnd?.(path, result);
    }
  } finally {
    await next?.then((k) => k.shutdown(), () => undefined);
  }
  return results;
}

