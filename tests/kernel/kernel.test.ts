// The kernel hooks (src/kernel) as a student meets them, in one real tslab kernel: every habit of
// the hint table gets its hint, run-time errors name numpy's exception and the cell's own line,
// Shift+Tab shows docstrings, Tab carries signatures, and `__` names survive across cells.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kernel } from "../../src/notebook/kernel";
import type { ErrorOutput } from "../../src/notebook/nbformat";
import { HINT_RULES, HINT_SETUP } from "../../src/kernel/hints";

let kernel: Kernel;
let dir: string;

beforeAll(async () => {
  // A folder outside the repository: the kernel must find nnlab on its own.
  dir = mkdtempSync(join(tmpdir(), "nnlab-kernel-"));
  kernel = await Kernel.start({ cwd: dir });
  const setup = await kernel.execute(HINT_SETUP);
  expect(setup.status, JSON.stringify(setup.outputs)).toBe("ok");
});

afterAll(async () => {
  await kernel?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

async function errorOf(code: string): Promise<ErrorOutput> {
  const r = await kernel.execute(code);
  const err = r.outputs.find((o): o is ErrorOutput => o.output_type === "error");
  expect(err, `${code} -> ${JSON.stringify(r.outputs)}`).toBeDefined();
  return err!;
}

describe("numpy habits get a hint", () => {
  for (const rule of HINT_RULES) {
    for (const h of rule.habits) {
      it(h.habit, async () => {
        const err = await errorOf(h.example);
        expect(err.ename).toBe("TSError");
        const hints = err.traceback.filter((l) => l.trimStart().startsWith("hint: "));
        expect(hints.join("\n")).toContain(h.expected);
        // The hint is in evalue too (what nnlab run and nbconvert print in their summaries).
        expect(err.evalue).toContain(h.expected);
      });
    }
  }

  it("a correct cell gets no hint and the underline marks the span", async () => {
    const err = await errorOf("const q: string = 5;");
    expect(err.traceback).toEqual([
      "1:7 - Type 'number' is not assignable to type 'string'.",
      "    1 | const q: string = 5;",
      "      |       ^",
    ]);
  });

  it("type names are shown as written, without import(...) paths", async () => {
    const err = await errorOf("const Zb = np.dot(W, X) + b;");
    expect(err.evalue).toContain("Operator '+' cannot be applied to types 'NDArray' and 'NDArray'.");
    expect(err.evalue).not.toContain("import(");
  });
});

describe("run-time errors point at the student's line", () => {
  it("names the cell and line, with the line marked, and cuts nnlab's frames", async () => {
    const err = await errorOf("const ok = np.ones([4, 3]);\nconst bad = ok.add(np.ones([4, 2]));");
    expect(err.ename).toBe("ValueError");
    expect(err.evalue).toBe("operands could not be broadcast together with shapes (4,3) (4,2) ");
    expect(err.traceback[0]).toBe("ValueError: operands could not be broadcast together with shapes (4,3) (4,2) ");
    expect(err.traceback[1]).toMatch(/^Cell In\[\d+\], line 2$/);
    expect(err.traceback).toContain("----> 2 const bad = ok.add(np.ones([4, 2]));");
    expect(err.traceback.join("\n")).not.toMatch(/dist[/\\]np|node:internal|evalmachine|tslab/);
  });

  it("follows a call into a function defined in an earlier cell", async () => {
    const def = await kernel.execute(
      "function forward(X: NDArray): NDArray {\n  // one comment line\n  const Z = np.dot(W, X);\n  return Z;\n}",
    );
    expect(def.status).toBe("ok");
    const err = await errorOf("const X3 = np.ones([3, 5]);\nforward(X3);");
    expect(err.ename).toBe("ValueError");
    const cells = err.traceback.filter((l) => l.startsWith("Cell In["));
    expect(cells).toHaveLength(2);
    expect(cells[0]).toMatch(/^Cell In\[\d+\], line 3, in forward$/);
    expect(cells[1]).toMatch(/^Cell In\[\d+\], line 2$/);
    expect(err.traceback).toContain("----> 3   const Z = np.dot(W, X);");
  });

  it("maps lines after type-only code and in async cells", async () => {
    const err = await errorOf(
      "interface Box {\n  v: number;\n}\ntype T = number;\nawait new Promise((r) => setTimeout(r, 1));\nthrow new RangeError('line 6');",
    );
    expect(err.ename).toBe("RangeError");
    expect(err.traceback[1]).toMatch(/^Cell In\[\d+\], line 6$/);
  });

  it("IndexError and AxisError are numpy's classes, exported from np", async () => {
    const idx = await errorOf("np.ones([2, 2]).get(5, 0);");
    expect(idx.ename).toBe("IndexError");
    const axis = await errorOf("np.sum(np.ones([2, 2]), { axis: 2 });");
    expect(axis.ename).toBe("AxisError");
    const r = await kernel.execute(
      "let caught = '';\ntry { np.ones([2]).reshape(3); } catch (e) { if (e instanceof np.ValueError) caught = 'ValueError'; }\ncaught",
    );
    expect(r.outputs).toEqual([{ output_type: "execute_result", execution_count: expect.any(Number), data: { "text/plain": "'ValueError'" }, metadata: {} }]);
  });

  it("-z on an array (which TypeScript accepts) fails with the nnlab spelling instead of giving NaN", async () => {
    const err = await errorOf("const s = np.divide(1, np.add(1, np.exp(-z)));");
    expect(err.ename).toBe("TypeError");
    expect(err.evalue).toContain("z.negative()");
    expect(err.traceback[1]).toMatch(/^Cell In\[\d+\], line 1$/);
  });

  it("a thrown non-error value is shown as it is", async () => {
    const err = await errorOf("throw { code: 7 };");
    expect(err.ename).toBe("Uncaught");
    expect(err.evalue).toBe("{ code: 7 }");
  });
});

describe("help where Jupyter users look", () => {
  it("inspect shows a lab function's docstring in numpy's layout", async () => {
    const r = await kernel.inspect("import { shallow } from 'nnlab';\nshallow.forward_propagation");
    expect(r.found).toBe(true);
    expect(r.text.split("\n")[0]).toMatch(/^function forward_propagation\(X: /);
    expect(r.text).toContain("Parameters\n----------\nX : ");
    expect(r.text).toContain("Returns\n-------");
    expect(r.text).toContain("Example\n-------");
    expect(r.text).not.toContain("(alias)");
  });

  it("inspect on np.sum (Shift+Tab) returns its docstring, not just `const sum: Reduction`", async () => {
    const r = await kernel.inspect("np.sum");
    expect(r.found).toBe(true);
    expect(r.text.split("\n")[0]).toBe("const sum: Reduction");
    expect(r.text).toContain("Sum of array elements");
    expect(r.text).toContain("Mirrors numpy.sum");
    expect(r.text).toMatch(/Parameters\n----------\na : /);
    expect(r.text).toContain("Example\n-------\nnp.sum(");
  });

  it("completion replies carry each match's kind and signature", async () => {
    const r = await kernel.complete("np.su");
    expect(r.matches).toContain("sum");
    const types = (r.metadata as { _jupyter_types_experimental: { text: string; type: string; signature: string }[] })
      ._jupyter_types_experimental;
    const sum = types.find((t) => t.text === "sum")!;
    expect(sum.signature).toMatch(/sum/);
    expect(sum.type).not.toBe("");
  });
});

describe("identifiers starting with __", () => {
  it("are usable in later cells", async () => {
    expect((await kernel.execute("const __hidden = 41;\nfunction __twice(x: number) { return 2 * x; }")).status).toBe("ok");
    const r = await kernel.execute("__twice(__hidden) - 40");
    expect(r.status).toBe("ok");
    expect(r.outputs[0]).toMatchObject({ output_type: "execute_result", data: { "text/plain": "42" } });
  });
});
