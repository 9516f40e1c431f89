// Shared by the notebook tests that start real kernels.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

/** Points TMPDIR at a fresh directory for the file's tests, so the kernels they start write their
 *  connection files there and `expectNoKernelsLeft` can check none is left behind. */
export function useKernelTmp(prefix: string): { readonly dir: string } {
  const state = { dir: "" };
  let savedTmp: string | undefined;
  beforeAll(() => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = state.dir;
  });
  afterAll(() => {
    process.env.TMPDIR = savedTmp;
    if (savedTmp === undefined) delete process.env.TMPDIR;
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

/** No connection file left in `kernelTmp` and no child process of this test process alive. */
export function expectNoKernelsLeft(kernelTmp: string): void {
  expect(readdirSync(kernelTmp)).toEqual([]);
  // pgrep -P lists our child processes; exit status 1 means there are none.
  expect(spawnSync("pgrep", ["-P", String(process.pid)]).status).toBe(1);
}

/** The error output a timed-out cell gets. */
export function cellTimeoutError(seconds: number, outcome: string) {
  const evalue = `the cell did not finish within ${seconds} s; ${outcome}`;
  return { output_type: "error", ename: "CellTimeoutError", evalue, traceback: [`CellTimeoutError: ${evalue}`] };
}
