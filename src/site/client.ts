// What runs in the reader's browser, shipped as assets/site.css and assets/site.js: the layout, and
// a small script that draws the charts with vega-embed (the PNG stays if it cannot) and runs the
// offline search. Plain ES2017 with no module system, so pages work from file://.

export const SITE_CSS = `:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; --bg-soft: #f6f8fa;
  --code-bg: #f6f8fa; --error-bg: #fff1f0; --sidebar: 16rem; --outline: 14rem;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; }
body { margin: 0; color: var(--text); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #f2a100; outline-offset: 2px; }
.layout { display: grid; grid-template-columns: var(--sidebar) minmax(0, 1fr) var(--outline); min-height: 100vh; }
.layout.index-layout { grid-template-columns: var(--sidebar) minmax(0, 1fr); }
.sidebar { border-right: 1px solid var(--line); padding: 1rem; background: var(--bg-soft); position: sticky; top: 0; height: 100vh; overflow-y: auto; }
.sidebar .site-title { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--text); display: block; margin-bottom: .75rem; }
.sidebar ol { padding-left: 1.4rem; margin: .5rem 0; }
.sidebar li { margin: .25rem 0; font-size: .93rem; }
.sidebar li.current > a { font-weight: 700; color: var(--text); }
.outline { padding: 1rem; font-size: .88rem; position: sticky; top: 0; height: 100vh; overflow-y: auto; border-left: 1px solid var(--line); }
.outline h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 .5rem; }
.outline ul { list-style: none; padding: 0; margin: 0; }
.outline li { margin: .3rem 0; }
.outline li.level-3 { padding-left: .9rem; }
.outline a { color: var(--muted); text-decoration: none; }
.outline a:hover { color: var(--accent); }
main { padding: 1.5rem 2.5rem 4rem; max-width: 60rem; width: 100%; }
.search { position: relative; margin-bottom: 1rem; }
.search label { display: block; font-size: .8rem; color: var(--muted); margin-bottom: .2rem; }
.search input { width: 100%; padding: .4rem .55rem; border: 1px solid var(--line); border-radius: 6px; font: inherit; font-size: .92rem; }
.search-results { list-style: none; margin: .35rem 0 0; padding: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; max-height: 60vh; overflow-y: auto; }
.search-results:empty { display: none; }
.search-results li { padding: .4rem .55rem; border-bottom: 1px solid var(--line); font-size: .85rem; }
.search-results li:last-child { border-bottom: 0; }
.search-results a { font-weight: 600; text-decoration: none; }
.search-results .where { color: var(--muted); display: block; font-size: .78rem; }
.search-results .snippet { display: block; color: var(--text); font-size: .8rem; }
.search-results .none { color: var(--muted); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: .93rem; }
.pager a { text-decoration: none; }
.pager .next { margin-left: auto; text-align: right; }
.cell { margin: .9rem 0; }
.markdown-cell h1 { font-size: 2rem; margin: .5rem 0 1rem; line-height: 1.25; }
.markdown-cell h2 { font-size: 1.45rem; margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.markdown-cell h3 { font-size: 1.15rem; margin-top: 1.6rem; }
.markdown-cell table { border-collapse: collapse; margin: .75rem 0; }
.markdown-cell th, .markdown-cell td { border: 1px solid var(--line); padding: .25rem .6rem; }
.markdown-cell code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; font-size: .9em; }
.math-display { overflow-x: auto; overflow-y: hidden; margin: .75rem 0; }
.input { position: relative; }
.prompt { position: absolute; left: -4.2rem; top: .55rem; width: 3.9rem; text-align: right; color: var(--muted); font: .75rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { margin: 0; overflow-x: auto; font: .85rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
pre.code { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.outputs { padding: .4rem 0 .2rem .8rem; border-left: 3px solid var(--line); margin-top: .3rem; }
.outputs > * + * { margin-top: .4rem; }
pre.output-stream, pre.output-text { white-space: pre; }
pre.stderr { background: #fff8e6; }
pre.output-error { background: var(--error-bg); padding: .5rem; border-radius: 4px; }
.output-image, .chart-fallback { max-width: 100%; height: auto; display: block; }
figure.chart { margin: 0; max-width: 100%; }
.vega-chart, .vega-chart .vega-embed { max-width: 100%; }
figure.chart .vega-chart svg { max-width: 100%; height: auto; }
figure.chart.drawn .chart-fallback { display: none; }
details.solution { border: 1px solid #9fc5a8; border-radius: 6px; padding: .3rem .7rem; background: #f4fbf5; }
details.solution > summary { cursor: pointer; font-weight: 600; color: #1d6b34; }
details.solution[open] > summary { margin-bottom: .4rem; }
.tag-exercise pre.code { border-color: #f2a100; }
.lecture-list { list-style: none; padding: 0; }
.lecture-list > li { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: .8rem 0; }
.lecture-list h2 { margin: 0; font-size: 1.2rem; }
.lecture-list .summary { margin: .3rem 0; color: var(--muted); }
.lecture-list ol { margin: .3rem 0 0; columns: 2; font-size: .9rem; }
.banner { background: var(--error-bg); border: 1px solid #f5b5ae; padding: .6rem .9rem; border-radius: 6px; }
footer { color: var(--muted); font-size: .8rem; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .6rem; }
.ansi-red-fg { color: #c0392b; } .ansi-green-fg { color: #1e7f3b; } .ansi-yellow-fg { color: #8a6100; }
.ansi-blue-fg { color: #1f5fbf; } .ansi-magenta-fg { color: #9a2f9a; } .ansi-cyan-fg { color: #137a8a; }
.ansi-bright-red-fg { color: #e74c3c; } .ansi-bright-green-fg { color: #27ae60; } .ansi-bright-yellow-fg { color: #b7950b; }
.ansi-bright-blue-fg { color: #2e86de; } .ansi-bright-magenta-fg { color: #be4bdb; } .ansi-bright-cyan-fg { color: #17a2b8; }
.ansi-bold { font-weight: 700; } .ansi-underline { text-decoration: underline; }
@media (max-width: 75rem) { .layout { grid-template-columns: var(--sidebar) minmax(0, 1fr); } .outline { display: none; } }
@media (max-width: 50rem) {
  .layout, .layout.index-layout { display: block; }
  .sidebar { position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--line); }
  main { padding: 1rem; } .prompt { display: none; }
}
@media print { .sidebar, .outline, .pager { display: none; } .layout { display: block; } }
`;

export const SITE_JS = `(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";

  function drawCharts() {
    if (typeof window.vegaEmbed !== "function") return;
    var figures = document.querySelectorAll("figure.chart");
    Array.prototype.forEach.call(figures, function (figure) {
      var id = figure.getAttribute("data-chart");
      var specNode = document.getElementById(id + "-spec");
      var target = document.getElementById(id);
      if (!specNode || !target) return;
      var spec;
      try { spec = JSON.parse(specNode.textContent); } catch (e) { console.error("nnlab: chart " + id + " has no valid spec", e); return; }
      window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then(function () {
        figure.classList.add("drawn");
      }, function (err) {
        console.error("nnlab: chart " + id + " could not be drawn; its PNG stays", err);
      });
    });
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  function setUpSearch() {
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");
    if (!input || !list || !window.NNLAB_SEARCH || typeof window.MiniSearch !== "function") return;
    var index = window.MiniSearch.loadJSON(window.NNLAB_SEARCH.index, window.NNLAB_SEARCH.options);
    function show(query) {
      list.innerHTML = "";
      if (query.trim().length < 2) return;
      var hits = index.search(query, { prefix: true, fuzzy: 0.15, boost: { heading: 2 } }).slice(0, 12);
      if (hits.length === 0) { list.innerHTML = '<li class="none">No match for \\u201c' + escapeHtml(query) + '\\u201d</li>'; return; }
      list.innerHTML = hits.map(function (h) {
        return '<li><a href="' + escapeHtml(root + h.url) + '">' + escapeHtml(h.heading) + '</a>' +
          '<span class="where">' + escapeHtml(h.lecture) + '</span><span class="snippet">' + escapeHtml(h.snippet) + '</span></li>';
      }).join("");
    }
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { var first = list.querySelector("a"); if (first) window.location.href = first.getAttribute("href"); }
      if (e.key === "Escape") { input.value = ""; show(""); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement !== input && !(e.target && /input|textarea/i.test(e.target.tagName))) { e.preventDefault(); input.focus(); }
    });
  }

  function start() { drawCharts(); setUpSearch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
`;
