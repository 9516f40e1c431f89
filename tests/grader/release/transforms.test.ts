// The release transforms, one by one.
import { describe, expect, it } from "vitest";
import { checkMetadata } from "../../../src/grader/release/check-metadata";
import { clearOutputs } from "../../../src/grader/release/clear-outputs";
import { clearSolutions, stubSolutions } from "../../../src/grader/release/clear-solutions";
import { lockCells } from "../../../src/grader/release/lock-cells";
import type { Assignment } from "../../../src/grader/load";
import type { Notebook } from "../../../src/notebook/nbformat";

const meta = (grade_id: string, o: { solution?: boolean; grade?: boolean; locked?: boolean; points?: number } = {}) => ({
  nbgrader: { schema_version: 3, grade: o.grade ?? false, solution: o.solution ?? false, locked: o.locked ?? false, grade_id, ...(o.points !== undefined ? { points: o.points } : {}) },
});

function notebook(): Notebook {
  return {
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [
      { id: "a", cell_type: "code", metadata: meta("setup", { locked: true }), source: "import { np } from 'nnlab';", outputs: [{ output_type: "stream", name: "stdout", text: "x" }], execution_count: 3 },
      { id: "b", cell_type: "code", metadata: meta("f", { solution: true }), source: "function f(x: number): number {\n  // BEGIN SOLUTION\n  return 2 * x;\n  // END SOLUTION\n}", outputs: [], execution_count: null },
      { id: "c", cell_type: "code", metadata: meta("check_f", { grade: true, locked: true, points: 2 }), source: 'await check("f", f);', outputs: [], execution_count: null },
    ],
  } as Notebook;
}
const assignment = { spec: { questions: [{ name: "f", params: ["x"], cases: [] }] } } as unknown as Assignment;

describe("clear-solutions", () => {
  it("replaces each region by a stub at its indentation, keeping the signature", () => {
    expect(stubSolutions("function f(x: number): number {\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}", "cell 2")).toBe(
      'function f(x: number): number {\n    // YOUR CODE HERE\n    throw new Error("f is not implemented yet: write it where it says YOUR CODE HERE");\n}',
    );
  });
  it("refuses unbalanced regions, saying where", () => {
    expect(() => stubSolutions("// BEGIN SOLUTION\nx", "cell 2")).toThrow("cell 2: BEGIN SOLUTION on line 1 has no END SOLUTION");
    expect(() => stubSolutions("x\n// END SOLUTION", "cell 2")).toThrow("cell 2: END SOLUTION without BEGIN SOLUTION (line 2)");
  });
  it("refuses a solution region in a cell not marked as a solution", () => {
    const nb = notebook();
    nb.cells[0].source = "// BEGIN SOLUTION\n// END SOLUTION";
    expect(() => clearSolutions.apply(nb, assignment)).toThrow("cell 1 has a solution region but is not a solution cell");
  });
});

describe("lock-cells and clear-outputs", () => {
  it("locks graded and locked cells, leaves solutions editable but not deletable, clears outputs", () => {
    const nb = notebook();
    lockCells.apply(nb, assignment);
    clearOutputs.apply(nb, assignment);
    expect(nb.cells.map((c) => [c.metadata.editable, c.metadata.deletable])).toEqual([[false, false], [true, false], [false, false]]);
    expect(nb.cells[0]).toMatchObject({ outputs: [], execution_count: null });
  });
});

describe("check-metadata", () => {
  it("accepts the sound notebook", () => {
    expect(() => checkMetadata.apply(notebook(), assignment)).not.toThrow();
  });
  it("refuses duplicate grade_ids, points on ungraded cells and a graded function without a solution cell", () => {
    const dup = notebook();
    (dup.cells[2].metadata.nbgrader as { grade_id: string }).grade_id = "f";
    expect(() => checkMetadata.apply(dup, assignment)).toThrow("cell 3 (f): grade_id f is also used by cell 2");
    const pts = notebook();
    pts.cells[0].metadata = meta("setup", { points: 1 });
    expect(() => checkMetadata.apply(pts, assignment)).toThrow("cell 1 (setup): points on a cell that is not graded");
    const missing = { spec: { questions: [{ name: "g", params: [], cases: [] }] } } as unknown as Assignment;
    expect(() => checkMetadata.apply(notebook(), missing)).toThrow("no solution cell defines g");
  });
});
