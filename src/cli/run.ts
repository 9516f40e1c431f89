// `nnlab run`: execute notebooks in the tslab kernel, report per cell, fail on any error output or
// stderr, and optionally save the executed notebooks.
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { cellFailed, runNotebookFiles, writeNotebook, type CellReport, type NotebookResult } from "../notebook";
import { parseCellTimeout, parseCommandArgs, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab run <notebook.ipynb...> [--out DIR | --inplace] [--timeout S] [--allow-errors]

Runs every code cell of each notebook, in order, in a fresh tslab kernel started in the
notebook's folder. Exits with 1 if any cell produced an error or wrote to stderr, timed out,
killed its kernel, or was not run (cells tagged "raises-exception" may fail).

Options:
  --out DIR       write the executed notebooks to DIR (same file names)
  --inplace       overwrite the notebooks with their executed versions
                  (neither: run and report only)
  --timeout S     per-cell time limit in seconds (default 120; 0 for none). A cell over the limit
                  is interrupted, its kernel killed if it does not stop, and the run moves on to
                  the next notebook
  --allow-errors  keep running a notebook's cells after one fails (it still counts as failed)`;

interface RunArgs {
  paths: string[];
  out?: string;
  inplace: boolean;
  timeoutMs?: number;
  allowErrors: boolean;
}

function parse(args: string[]): RunArgs {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      inplace: { type: "boolean", default: false },
      timeout: { type: "string", default: "120" },
      "allow-errors": { type: "boolean", default: false },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError("no notebooks given");
  if (values.out !== undefined && values.inplace) throw new UsageError("--out and --inplace exclude each other");
  const timeoutMs = parseCellTimeout(values.timeout);
  if (values.out !== undefined) {
    const names = positionals.map((p) => basename(p));
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new UsageError(`two notebooks named ${twice} would overwrite each other in --out ${values.out}`);
  }
  return {
    paths: positionals,
    out: values.out,
    inplace: values.inplace,
    timeoutMs,
    allowErrors: values["allow-errors"],
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What went wrong in a cell, in one line. */
function problem(r: CellReport): string {
  if (r.error) return `${r.error.ename}: ${r.error.evalue.split("\n")[0]}`;
  if (r.status === "aborted") return "aborted by the kernel after an earlier error";
  return r.stderr ? "wrote to stderr" : r.status;
}

function cellLine(r: CellReport): string {
  const failed = cellFailed(r);
  const status = failed ? (r.status === "ok" ? "stderr" : r.status) : r.expectedError && r.status === "error" ? "expected" : "ok";
  const width = String(r.total).length;
  const detail = failed || status === "expected" ? `  ${problem(r)}` : "";
  return `  [${String(r.number).padStart(width)}/${r.total}] ${status.padEnd(8)} ${`${Math.round(r.ms)} ms`.padStart(8)}${detail}`;
}

/** Why a notebook failed, e.g. "cell 3: TypeError: ...; 2 cells not run". */
function verdict(result: NotebookResult): string {
  const first = result.cells.find(cellFailed);
  const parts = [first ? `cell ${first.number}: ${problem(first)}` : ""];
  const more = result.cells.filter(cellFailed).length - 1;
  if (more > 0) parts.push(`${more} more failing cell${more > 1 ? "s" : ""}`);
  if (result.skipped > 0) parts.push(`${result.skipped} cell${result.skipped > 1 ? "s" : ""} not run`);
  return parts.filter(Boolean).join("; ");
}

async function run(args: string[]): Promise<number> {
  const opts = parse(args);
  if (opts.out !== undefined) mkdirSync(opts.out, { recursive: true });
  const started = performance.now();
  let cellsRun = 0;
  const failures: string[] = [];
  await runNotebookFiles(opts.paths, {
    timeout: opts.timeoutMs,
    allowErrors: opts.allowErrors,
    onNotebookStart: (path, i, total) => console.log(`[${i + 1}/${total}] ${path}`),
    onCell: (r) => {
      cellsRun++;
      console.log(cellLine(r));
    },
    onNotebookEnd: (path, result) => {
      if (result instanceof Error) {
        failures.push(`${path}: ${result.message}`);
        console.log(`  FAILED  ${result.message}`);
        return;
      }
      const target = opts.inplace ? path : opts.out !== undefined ? resolve(opts.out, basename(path)) : undefined;
      if (target) writeNotebook(target, result.notebook);
      const saved = target ? ` -> ${target}` : "";
      if (result.ok) {
        console.log(`  ok${saved}`);
      } else {
        failures.push(`${path}: ${verdict(result)}`);
        console.log(`  FAILED  ${verdict(result)}${saved}`);
      }
    },
  });
  const n = opts.paths.length;
  console.log(
    `\n${n} notebook${n > 1 ? "s" : ""}, ${cellsRun} cell${cellsRun === 1 ? "" : "s"} run in ${seconds(performance.now() - started)}: ` +
      `${n - failures.length} passed, ${failures.length} failed`,
  );
  for (const f of failures) console.log(`  FAILED ${f}`);
  return failures.length > 0 ? 1 : 0;
}

export const runCommand: Command = {
  summary: "execute notebooks in the tslab kernel (report, save, fail on errors)",
  usage: USAGE,
  run,
};
