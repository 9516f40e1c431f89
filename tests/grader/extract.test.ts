// Finding graded functions by name however the cells were rearranged.
import { describe, expect, it } from "vitest";
import { extractDeclarations } from "../../src/grader/extract";
import type { Notebook } from "../../src/notebook/nbformat";

function nb(cells: [type: "code" | "markdown" | "raw", source: string][]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map(([cell_type, source], i) =>
      cell_type === "code"
        ? { id: `c${i}`, cell_type, metadata: {}, source, outputs: [], execution_count: null }
        : { id: `c${i}`, cell_type, metadata: {}, source },
    ),
  } as Notebook;
}

describe("extractDeclarations", () => {
  it("keeps imports, functions, types and literal constants; leaves out statements that compute", () => {
    const r = extractDeclarations(nb([
      ["code", 'import { np } from "nnlab";\nimport { check } from "./shallow_checks";\nconst LR = 1.2, NAMES = ["W1", "b1"];\nconst X = np.ones([2, 2]);\ntype P = Record<string, number>;'],
      ["code", "function f(a: number, b = 2) { return a + b; }\nconsole.log(f(1));\nawait check('f', f);"],
      ["code", "const g = (x: number) => x * 2;\nlet trained = nn_model(X, 10000);"],
    ]), ["f", "g"]);
    expect(r.declarations.map((d) => [d.kind, d.names.join(",")])).toEqual([
      ["import", "np"], ["value", "LR,NAMES"], ["type", "P"], ["function", "f"], ["function", "g"],
    ]);
    expect(r.declarations.find((d) => d.names[0] === "f")!.params).toEqual(["a", "b"]);
    expect(r.notes).toEqual([]);
  });

  it("grades the last of duplicated functions, with a note, whatever the cell order", () => {
    const r = extractDeclarations(nb([
      ["code", "function h() { return 2; }"],
      ["markdown", "some text"],
      ["code", "function h() { return 1; }"],
    ]), ["h"]);
    expect(r.declarations.map((d) => d.text)).toEqual(["function h() { return 1; }"]);
    expect(r.notes).toEqual(["h is defined 2 times (cells 1, 3); the last one is graded"]);
  });

  it("finds a graded function in a cell retyped as markdown, and says so", () => {
    const r = extractDeclarations(nb([
      ["markdown", "function layer_sizes(X, Y) {\n  return [X.shape[0], 4, Y.shape[0]];\n}"],
      ["raw", "```ts\nfunction predict(p, X) { return X; }\n```"],
    ]), ["layer_sizes", "predict"]);
    expect(r.declarations.map((d) => [d.names[0], d.fromMarkdown])).toEqual([["layer_sizes", true], ["predict", true]]);
    expect(r.notes[0]).toMatch(/^layer_sizes was found in a markdown cell \(cell 1\) and graded as code/);
  });

  it("ignores declarations of the grader's own names", () => {
    const r = extractDeclarations(nb([["code", "function __nnlab_call__() {}\nfunction f() {}"]]), ["f"]);
    expect(r.declarations.map((d) => d.names[0])).toEqual(["f"]);
    expect(r.notes).toContain("declarations of __nnlab names were ignored (the grader's own)");
  });
});
