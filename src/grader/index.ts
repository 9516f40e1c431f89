// The grader's public API, for assignment tests files: `import { defineAssignment } from "nnlab/grader"`.
export { defineAssignment, caseName, totalPoints } from "./spec";
export type { AssignmentSpec, Question, TestCase, Impl, CaseLib, Visibility } from "./spec";
export { compareValues, DEFAULT_TOLERANCE } from "./compare";
export type { Tolerance } from "./compare";
export { runCheck, CheckFailed } from "./check";
export type { CheckCase } from "./check";
