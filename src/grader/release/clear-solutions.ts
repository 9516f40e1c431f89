// Solution regions become stubs that still type-check: the code between `// BEGIN SOLUTION` and
// `// END SOLUTION` is replaced, at its indentation, by a comment and a throw naming the function,
// so the signature and return type stay and a student sees what to write where.
import { joinLines, splitLines } from "../../notebook/nbformat";
import { AssignmentError } from "../load";
import { nbgraderOf, type Transform } from "./transform";

const BEGIN = /^(\s*)\/\/\s*BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;

/** The name of the function a line belongs to: the last `function name(` above it. */
function enclosingFunction(lines: string[], at: number): string | null {
  for (let i = at; i >= 0; i--) {
    const m = /function\s+([A-Za-z_$][\w$]*)\s*[(<]/.exec(lines[i]);
    if (m) return m[1];
  }
  return null;
}

export function stubSolutions(source: string, where: string): string {
  const lines = source.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]);
    if (!begin) {
      if (END.test(lines[i])) throw new AssignmentError(`${where}: END SOLUTION without BEGIN SOLUTION (line ${i + 1})`);
      out.push(lines[i]);
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && END.test(l));
    if (end < 0) throw new AssignmentError(`${where}: BEGIN SOLUTION on line ${i + 1} has no END SOLUTION`);
    if (lines.slice(i + 1, end).some((l) => BEGIN.test(l))) throw new AssignmentError(`${where}: nested BEGIN SOLUTION (line ${i + 1})`);
    const indent = begin[1];
    const fn = enclosingFunction(lines, i);
    out.push(`${indent}// YOUR CODE HERE`);
    out.push(`${indent}throw new Error("${fn ?? "this code"} is not implemented yet: write it where it says YOUR CODE HERE");`);
    i = end;
  }
  return out.join("\n");
}

export const clearSolutions: Transform = {
  name: "clear-solutions",
  apply(nb) {
    nb.cells.forEach((cell, i) => {
      const m = nbgraderOf(cell);
      const text = joinLines(cell.source);
      if (!m?.solution) {
        if (/\/\/\s*BEGIN SOLUTION/.test(text)) throw new AssignmentError(`cell ${i + 1} has a solution region but is not a solution cell (nbgrader solution: false)`);
        return;
      }
      const stubbed = cell.cell_type === "code" ? stubSolutions(text, `cell ${i + 1} (${m.grade_id})`) : "YOUR ANSWER HERE";
      cell.source = splitLines(stubbed);
    });
  },
};
