// Every lecture follows the conventions the site and the students rely on (docs/contributing.md,
// "Adding a lecture"): committed without outputs, a `# Title` and a first paragraph, `##`
// sections, and exercises as a silent stub tagged `exercise` followed by a `solution` that
// defines the same functions. Math must typeset: every formula goes through KaTeX here.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { joinLines, readNotebook, type Cell } from "../../src/notebook/nbformat";
import { PageContext, renderMarkdown } from "../../src/site/markdown";
import { LECTURES_DIR } from "../helpers/lectures";

const files = readdirSync(LECTURES_DIR).filter((f) => f.endsWith(".ipynb")).sort();
const tags = (c: Cell) => (Array.isArray(c.metadata.tags) ? (c.metadata.tags as string[]) : []);
const defined = (source: string) => [...source.matchAll(/^(?:export\s+)?(?:async\s+)?function\s+(\w+)/gm)].map((m) => m[1]);

it("the lectures are numbered in teaching order", () => {
  expect(files.length).toBeGreaterThanOrEqual(7);
  files.forEach((f, i) => expect(f).toMatch(new RegExp(`^${String(i + 1).padStart(2, "0")}-[a-z0-9-]+\\.ipynb$`)));
});

for (const file of files) {
  it(`${file}: no outputs, a title and sections, exercises with stubs and solutions, math that typesets`, () => {
    const nb = readNotebook(join(LECTURES_DIR, file));
    expect(nb.metadata.kernelspec?.name).toBe("tslab");
    for (const c of nb.cells) if (c.cell_type === "code") expect({ outputs: c.outputs, count: c.execution_count }).toEqual({ outputs: [], count: null });
    const first = joinLines(nb.cells[0].source);
    expect(nb.cells[0].cell_type).toBe("markdown");
    expect(first).toMatch(/^# \S.*\n\n\S/); // a title, then the first paragraph
    const page = new PageContext();
    for (const c of nb.cells) if (c.cell_type === "markdown") renderMarkdown(joinLines(c.source), page); // throws on bad TeX
    expect(page.headings.filter((h) => h.level === 2).length).toBeGreaterThanOrEqual(3);
    const exercises = nb.cells.map((c, i) => [c, i] as const).filter(([c]) => tags(c).includes("exercise"));
    expect(exercises.length, "exercises").toBeGreaterThanOrEqual(1);
    for (const [stub, i] of exercises) {
      const source = joinLines(stub.source);
      expect(source).toContain("// YOUR CODE HERE");
      const solution = nb.cells.slice(i + 1).find((c) => tags(c).includes("solution"));
      expect(solution, `a solution after the exercise in cell ${i + 1}`).toBeDefined();
      expect(defined(joinLines(solution!.source))).toEqual(expect.arrayContaining(defined(source)));
      const heading = nb.cells.slice(0, i).reverse().find((c) => c.cell_type === "markdown");
      expect(joinLines(heading!.source)).toMatch(/^### Exercise/m);
    }
  });
}
