export * from "./dist/grader/index";
