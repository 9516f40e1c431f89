import { expect, it } from "vitest";
import { codeCell, markdownCell, newNotebook } from "../../src/notebook/nbformat";
import { renderLecture } from "../../src/site/lecture";

function lecture() {
  const stub = codeCell("function f(): number {\n  // YOUR CODE HERE\n  return 0;\n}", { tags: ["exercise"] });
  const solution = codeCell("function f(): number {\n  return 42; // secret\n}", { tags: ["solution"] });
  const use = codeCell("console.log(f());");
  use.execution_count = 3;
  use.outputs = [{ output_type: "stream", name: "stdout", text: "42\n" }];
  return newNotebook([
    markdownCell("# Title with $x$\n\nThe **first** paragraph.\n\n## Part one\n\nwords about perceptrons"),
    stub,
    solution,
    markdownCell("## Part two\n\nmore about adaline"),
    use,
  ]);
}

it("shows solutions collapsed by default and leaves them out of the student edition", () => {
  const full = renderLecture(lecture(), "slug", { student: false, asset: () => "" });
  expect(full.body).toContain('<details class="cell code-cell tag-solution solution"><summary>Solution</summary>');
  expect(full.body).toContain("secret");
  expect(full.solutions).toBe(1);
  const student = renderLecture(lecture(), "slug", { student: true, asset: () => "" });
  expect(student.body).not.toContain("secret");
  expect(student.body).toContain("YOUR CODE HERE");
  expect(student.body).toContain("In [3]:");
  expect(JSON.stringify(student.sections)).not.toContain("secret");
});

it("title, summary, outline and search sections", () => {
  const r = renderLecture(lecture(), "slug", { student: false, asset: () => "" });
  expect(r.title).toBe("Title with x");
  expect(r.summary).toBe("The <strong>first</strong> paragraph.");
  expect(r.headings.map((h) => h.id)).toEqual(["title-with-x", "part-one", "part-two"]);
  const byAnchor = Object.fromEntries(r.sections.map((s) => [s.anchor, s.text]));
  expect(byAnchor["part-one"]).toContain("perceptrons");
  expect(byAnchor["part-two"]).toContain("adaline");
  expect(byAnchor["part-two"]).toContain("console.log(f());");
  expect(JSON.stringify(r.sections)).not.toContain("secret"); // solutions are never indexed
});
