// No outputs and execution counts in the released notebook (the instructor's run would show the
// solutions' results).
import type { Transform } from "./transform";

export const clearOutputs: Transform = {
  name: "clear-outputs",
  apply(nb) {
    for (const cell of nb.cells) {
      if (cell.cell_type !== "code") continue;
      cell.outputs = [];
      cell.execution_count = null;
    }
  },
};
