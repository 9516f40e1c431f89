// Graded, locked and test cells cannot be edited or deleted in the student's notebook (Jupyter's
// `editable`/`deletable` cell metadata); solution cells can be edited but not deleted.
import { nbgraderOf, type Transform } from "./transform";

export const lockCells: Transform = {
  name: "lock-cells",
  apply(nb) {
    for (const cell of nb.cells) {
      const m = nbgraderOf(cell);
      if (!m) continue;
      if (m.solution) {
        cell.metadata.editable = true;
        cell.metadata.deletable = false;
      } else if (m.locked || m.grade) {
        cell.metadata.editable = false;
        cell.metadata.deletable = false;
      }
    }
  },
};
