import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/playground/config";
import { buildNotebook, lossLine, modelCell } from "../../src/playground/notebook";

const src = (f: string) => readFileSync(join(__dirname, "..", "..", "src", "playground", f), "utf8");

describe("playground notebook export", () => {
  it("turns config.ts + model.ts into one cell importing nnlab by name", () => {
    const cell = modelCell(`${src("config.ts")}\n${src("model.ts")}`);
    expect(cell.split("\n")[0]).toBe('import { np, nn, datasets } from "nnlab";');
    expect(cell).not.toMatch(/^import .* from "\./m);
    expect(cell).not.toMatch(/^export /m);
    expect(cell).toContain("function createPlayground(config: PlaygroundConfig): Playground {");
  });

  it("writes nbformat 4.5 with the tslab kernelspec, cell ids, no outputs, and the step to train", () => {
    const nb = buildNotebook({ ...DEFAULT_CONFIG, seed: 9 }, { step: 42, train: "0.1", test: "0.2" }, src("model.ts")) as any;
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    expect(nb.metadata).toEqual({
      kernelspec: { display_name: "TypeScript (nnlab)", language: "typescript", name: "tslab" }, language_info: { name: "typescript" },
    });
    expect(nb.cells.map((c: any) => c.id)).toEqual(["playground-1", "playground-2", "playground-3", "playground-4", "playground-5", "playground-6"]);
    for (const c of nb.cells.filter((c: any) => c.cell_type === "code")) expect([c.execution_count, c.outputs]).toEqual([null, []]);
    expect(nb.cells[0].source[0]).toBe("# A playground run, rebuilt with nnlab\n");
    expect(nb.cells[5].source.join("")).toContain("for (let i = 0; i < 42; i++) trainStep(pg);");
    expect(nb.cells[4].source.join("")).toContain('"seed": 9');
    expect(lossLine({ step: 42, train: "0.1", test: "0.2" })).toBe("step 42: train loss 0.1, test loss 0.2");
  });
});
