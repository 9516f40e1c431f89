import { expect, it } from "vitest";
import { PageContext } from "../../src/site/markdown";
import { renderOutputs, scriptJson, type OutputSink } from "../../src/site/outputs";
import { ansiToHtml, stripAnsi } from "../../src/site/ansi";

const PNG = Buffer.from("89504e470d0a1a0a", "hex").toString("base64");

function sink(): OutputSink & { stored: string[] } {
  const stored: string[] = [];
  return {
    stored,
    page: new PageContext(),
    charts: 0,
    asset: (bytes, ext) => {
      stored.push(`${bytes.length}.${ext}`);
      return `assets/img/x${stored.length}.${ext}`;
    },
  };
}

it("a Vega-Lite bundle becomes a chart with its spec inline and its PNG as fallback", () => {
  const s = sink();
  const spec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Cost </script>", mark: "line" };
  const html = renderOutputs(
    [{ output_type: "display_data", data: { "application/vnd.vegalite.v5+json": spec, "image/png": PNG, "text/plain": "chart" }, metadata: {} }],
    s,
  );
  expect(html).toContain('<figure class="chart" data-chart="chart-1"><div class="vega-chart" id="chart-1"');
  expect(html).toContain('<img class="chart-fallback" src="assets/img/x1.png"');
  expect(html).toContain('<script type="application/json" id="chart-1-spec">');
  expect(html).not.toContain("Cost </script>"); // the spec cannot close its script element
  expect(JSON.parse(scriptJson(spec))).toEqual(spec);
  expect(s.charts).toBe(1);
  expect(s.stored).toEqual(["8.png"]);
});

it("picks PNG, then HTML, then text; merges consecutive streams; keeps stderr apart", () => {
  const s = sink();
  const html = renderOutputs(
    [
      { output_type: "stream", name: "stdout", text: "a <b>\n" },
      { output_type: "stream", name: "stdout", text: ["c\n"] },
      { output_type: "stream", name: "stderr", text: "warn\n" },
      { output_type: "execute_result", execution_count: 1, data: { "text/plain": "[[1. 2.]]", "text/html": "<table></table>" }, metadata: {} },
      { output_type: "display_data", data: { "image/png": PNG, "text/plain": "img" }, metadata: {} },
    ],
    s,
  );
  expect(html).toContain('<pre class="output-stream stdout">a &lt;b&gt;\nc\n</pre>');
  expect(html).toContain('<pre class="output-stream stderr">warn\n</pre>');
  expect(html).toContain('<div class="output-html"><table></table></div>');
  expect(html).toContain('<img class="output-image" src="assets/img/x1.png" alt="img">');
});

it("tracebacks keep their colours as classes and lose every other escape", () => {
  const s = sink();
  const html = renderOutputs(
    [{ output_type: "error", ename: "ValueError", evalue: "bad", traceback: ["\x1b[0;31mValueError\x1b[0m: bad", "\x1b[1;32mCell In[3], line 2\x1b[0m"] }],
    s,
  );
  expect(html).toContain('<pre class="output-error"><span class="ansi-red-fg">ValueError</span>: bad\n<span class="ansi-green-fg ansi-bold">Cell In[3], line 2</span></pre>');
  expect(ansiToHtml("a\x1b[2Kb\x1b[38;5;200mc")).toBe("abc");
  expect(stripAnsi("\x1b[31mred\x1b[0m")).toBe("red");
});
