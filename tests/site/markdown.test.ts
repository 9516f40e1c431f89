import { expect, it } from "vitest";
import { markdownText, PageContext, renderMarkdown } from "../../src/site/markdown";

it("gives every heading a unique id and collects the outline", () => {
  const page = new PageContext();
  const html = renderMarkdown("# Shallow networks\n\n## Exercise: sigmoid\n\n## Exercise: sigmoid\n\n### The $\\tanh$ unit", page);
  expect(html).toContain('<h2 id="exercise-sigmoid">');
  expect(html).toContain('<h2 id="exercise-sigmoid-2">');
  expect(page.headings.map((h) => [h.level, h.id])).toEqual([
    [1, "shallow-networks"],
    [2, "exercise-sigmoid"],
    [2, "exercise-sigmoid-2"],
    [3, "the-tanh-unit"],
  ]);
  expect(page.headings[3].html).toContain("katex");
  // ids stay unique across cells of the same page
  renderMarkdown("## Exercise: sigmoid", page);
  expect(page.headings[4].id).toBe("exercise-sigmoid-3");
});

it("links to sibling notebooks point at their pages; other links are untouched", () => {
  const html = renderMarkdown("[next](05-deep-networks.ipynb#notation), [web](https://example.org/a.ipynb), [top](#top)", new PageContext());
  expect(html).toContain('href="05-deep-networks.html#notation"');
  expect(html).toContain('href="https://example.org/a.ipynb"');
  expect(html).toContain('href="#top"');
});

it("highlights fenced code and keeps HTML", () => {
  const html = renderMarkdown("```ts\nconst x = 1;\n```\n\n<b>bold</b>", new PageContext());
  expect(html).toContain('<span class="hljs-keyword">const</span>');
  expect(html).toContain("<b>bold</b>");
});

it("plain text for the search index", () => {
  expect(markdownText("## Gradient *descent*\n\nWe use `np.dot` and a [link](x.html).")).toBe("Gradient descent\nWe use np.dot and a link.");
});
