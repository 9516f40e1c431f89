// Per-cell timeouts against the real kernel: a synchronous infinite loop and a never-resolving
// promise are interrupted; a loop SIGINT cannot reach gets its kernel killed; in every case the
// run goes on with the next notebook in a new kernel.
import { join } from "node:path";
import { expect, it } from "vitest";
import { runNotebookFiles, type NotebookResult } from "../../src/notebook/execute";
import type { CodeCell } from "../../src/notebook/nbformat";
import { cellTimeoutError, expectNoKernelsLeft, useKernelTmp } from "../helpers/kernels";

const NB = join(__dirname, "..", "notebooks");
const kernelTmp = useKernelTmp("nnlab-timeout-kernels-");

it("interrupts or kills timed-out cells and continues with the next notebook", async () => {
  const names = ["timeout-loop", "timeout-promise", "timeout-stuck", "plain"];
  const results = await runNotebookFiles(names.map((n) => join(NB, `${n}.ipynb`)), { timeout: 2500 });
  const [loop, promise, stuck, plain] = [...results.values()] as NotebookResult[];
  const expectedEnd = ["it was interrupted", "it was interrupted", "the kernel did not respond to the interrupt and was killed"];
  [loop, promise, stuck].forEach((timedOut, i) => {
    expect(timedOut.ok).toBe(false);
    expect(timedOut.cells.map((c) => c.status)).toEqual(["timeout"]);
    expect(timedOut.skipped).toBe(1);
    const [cell, after] = timedOut.notebook.cells as CodeCell[];
    expect(cell.outputs[0]).toMatchObject({ output_type: "stream", name: "stdout", text: expect.stringMatching(/^before the (loop|wait)\n$/) });
    expect(cell.outputs[1]).toEqual(cellTimeoutError(2.5, expectedEnd[i]));
    expect(after.outputs).toEqual([]);
  });
  // The notebook after them ran completely, in a fresh kernel.
  expect(plain.ok).toBe(true);
  expect(plain.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok"]);
  expectNoKernelsLeft(kernelTmp.dir);
}, 180_000);
