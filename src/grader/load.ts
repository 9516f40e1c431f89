// An assignment folder: the instructor's source notebook and the tests module beside it
// (`tests.ts`, default-exporting defineAssignment({...})). The tests are TypeScript; they are
// compiled here (tslab's TypeScript, a dependency already) and run in the grader's own process with
// `nnlab` as the instructor entry (reference solutions included) and `nnlab/grader` as the spec API.
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join, resolve } from "node:path";
import * as ts from "@tslab/typescript-for-tslab";
import { readNotebook, type Notebook } from "../notebook/nbformat";
import type { AssignmentSpec } from "./spec";

export interface Assignment {
  dir: string;
  spec: AssignmentSpec;
  notebookPath: string;
  notebook: Notebook;
  /** Path of the tests module (never shipped to students). */
  testsPath: string;
}

const DIST = resolve(__dirname, "..");

/** Modules a tests file may import by package name. */
const PACKAGES: Record<string, string> = {
  nnlab: join(DIST, "index.js"),
  "nnlab/grader": join(DIST, "grader", "index.js"),
};

export class AssignmentError extends Error {}
AssignmentError.prototype.name = "AssignmentError";

/** Compiles and runs a tests module, returning its default export. */
export function loadTestsModule(path: string): unknown {
  const source = readFileSync(path, "utf8");
  const out = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n");
    throw new AssignmentError(`${path} does not compile:\n${text}`);
  }
  const mod = new Module(path, module);
  mod.filename = path;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  const baseRequire = Module.createRequire(path);
  (mod as unknown as { require: (id: string) => unknown }).require = Object.assign(
    (id: string) => (id in PACKAGES ? require(PACKAGES[id]) : baseRequire(id)),
    baseRequire,
  );
  (mod as unknown as { _compile(code: string, filename: string): void })._compile(out.outputText, path);
  const exported = (mod.exports as { default?: unknown }).default ?? mod.exports;
  return exported;
}

function isSpec(x: unknown): x is AssignmentSpec {
  const s = x as AssignmentSpec;
  return !!s && typeof s.name === "string" && typeof s.notebook === "string" && Array.isArray(s.questions) && typeof s.reference === "object";
}

/** Loads `<dir>/tests.ts` and the notebook it names, with errors that say what is wrong. */
export function loadAssignment(dir: string): Assignment {
  const abs = resolve(dir);
  const testsPath = join(abs, "tests.ts");
  if (!existsSync(testsPath)) throw new AssignmentError(`${dir}: no tests.ts (an assignment folder holds the source notebook and tests.ts)`);
  const spec = loadTestsModule(testsPath);
  if (!isSpec(spec)) {
    throw new AssignmentError(`${testsPath} must default-export defineAssignment({ name, notebook, reference, questions })`);
  }
  const notebookPath = join(abs, spec.notebook);
  if (!existsSync(notebookPath)) throw new AssignmentError(`${testsPath} names the notebook ${spec.notebook}, which is not in ${dir}`);
  for (const q of spec.questions) {
    if (typeof spec.reference[q.name] !== "function") {
      throw new AssignmentError(`${testsPath}: the reference has no function ${q.name} (question ${q.name})`);
    }
  }
  return { dir: abs, spec, notebookPath, notebook: readNotebook(notebookPath), testsPath };
}
