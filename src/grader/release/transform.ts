// The release pipeline is a declared list of small notebook transforms, one per file, each with its
// own test (as nbgrader builds its commands). A transform gets the notebook (a copy it may change)
// and the assignment, and throws AssignmentError when the source is not fit to release.
import type { Notebook } from "../../notebook/nbformat";
import type { Assignment } from "../load";

export interface Transform {
  name: string;
  apply(nb: Notebook, assignment: Assignment): void;
}

/** nbgrader's cell metadata, schema version 3. */
export interface NbgraderMetadata {
  schema_version: 3;
  grade: boolean;
  solution: boolean;
  locked: boolean;
  grade_id: string;
  points?: number;
  task?: boolean;
}

export function nbgraderOf(cell: { metadata: Record<string, unknown> }): NbgraderMetadata | undefined {
  const m = cell.metadata.nbgrader as NbgraderMetadata | undefined;
  return m && typeof m === "object" ? m : undefined;
}
