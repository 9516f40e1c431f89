// The source notebook's nbgrader metadata is sound before anything is released: schema 3, unique
// grade_ids, points only on graded cells, and a solution cell for every graded function.
import { joinLines } from "../../notebook/nbformat";
import { AssignmentError } from "../load";
import { nbgraderOf, type Transform } from "./transform";

export const checkMetadata: Transform = {
  name: "check-metadata",
  apply(nb, assignment) {
    const ids = new Map<string, number>();
    nb.cells.forEach((cell, i) => {
      const m = nbgraderOf(cell);
      if (!m) return;
      const where = `cell ${i + 1}${m.grade_id ? ` (${m.grade_id})` : ""}`;
      if (m.schema_version !== 3) throw new AssignmentError(`${where}: nbgrader schema_version must be 3, is ${String(m.schema_version)}`);
      if (!m.grade_id) throw new AssignmentError(`${where}: an nbgrader cell needs a grade_id`);
      if (ids.has(m.grade_id)) throw new AssignmentError(`${where}: grade_id ${m.grade_id} is also used by cell ${ids.get(m.grade_id)! + 1}`);
      ids.set(m.grade_id, i);
      if (m.points !== undefined && !m.grade) throw new AssignmentError(`${where}: points on a cell that is not graded (grade: false)`);
      if (m.grade && !(typeof m.points === "number" && m.points >= 0)) throw new AssignmentError(`${where}: a graded cell needs points >= 0`);
    });
    for (const q of assignment.spec.questions) {
      const has = nb.cells.some((c) => nbgraderOf(c)?.solution && new RegExp(`function\\s+${q.name}\\s*\\(`).test(joinLines(c.source)));
      if (!has) throw new AssignmentError(`no solution cell defines ${q.name}, a graded function of tests.ts`);
    }
  },
};
