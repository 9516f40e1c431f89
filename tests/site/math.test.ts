// The markdown-it math rules: which dollars are math, display vs inline, and KaTeX's errors.
import { expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { MathError, mathPlugin, renderMath } from "../../src/site/math";

const md = new MarkdownIt().use(mathPlugin);
const render = (s: string) => md.render(s);

it("typesets inline $...$ and leaves prices alone", () => {
  const html = render("The cost $J(w)$ is convex; it costs $5 and $6 to print.");
  expect(html.match(/class="katex"/g)?.length).toBe(1);
  expect(html).toContain("it costs $5 and $6 to print.");
  expect(render("a $ b $ c")).not.toContain("katex"); // spaces inside the delimiters: not math
  expect(render("escaped \\$x\\$ stays")).toContain("$x$");
});

it("keeps backslashes inside math away from markdown escapes and emphasis", () => {
  const html = render("$a_1 * b_2 * c_{3}$ and $\\{x\\}$");
  expect(html).not.toContain("<em>");
  expect(html).toContain("katex");
  expect((html.match(/class="katex"/g) ?? []).length).toBe(2);
});

it("renders $$ blocks over several lines, on one line, and inline $$ as display math", () => {
  const block = render("Before\n\n$$\n\\frac{\\partial J}{\\partial w}\n= x(a - y)\n$$\n\nAfter");
  expect(block).toContain('<div class="math-display"><span class="katex-display">');
  expect(block).toContain("<p>After</p>");
  expect(render("$$ x^2 $$")).toContain("katex-display");
  expect(render("so $$y = mx$$ here")).toContain("katex-display");
  const aligned = render("$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$");
  expect(aligned).toContain("katex-display");
});

it("an unclosed $$ block is left as text, not swallowed", () => {
  expect(render("$$\nx = 1\n\nmore")).toContain("$$");
});

it("a formula KaTeX cannot parse is an error naming the formula", () => {
  expect(() => renderMath("\\frac{1}{", false)).toThrow(MathError);
  expect(() => render("bad $\\frac{1}{$ here")).toThrow(/cannot typeset \$\\frac\{1\}\{\$/);
});
