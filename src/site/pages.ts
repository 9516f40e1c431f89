// The HTML of the site's pages: a lecture page (sidebar with every lecture and the search, the
// lecture, its outline, previous/next links) and the index (every lecture with its sections).
import { escapeHtml } from "./highlight";
import { headingHtml, type RenderedLecture } from "./lecture";
import { PAGE_SCRIPTS, PAGE_STYLES } from "./assets";

export interface SiteLecture {
  slug: string;
  /** Page file name, e.g. `03-logistic-regression.html`. */
  page: string;
  /** The notebook offered for download, e.g. `03-logistic-regression.ipynb`. */
  notebook: string;
  rendered: RenderedLecture;
  /** Why the lecture did not execute cleanly (the page shows what ran), if it did not. */
  failure?: string;
}

export interface SiteInfo {
  title: string;
  student: boolean;
  version: string;
  lectures: SiteLecture[];
  /** The playground's page relative to the site root, when the site has one. */
  playground?: string;
}

function head(title: string, site: SiteInfo): string {
  const styles = PAGE_STYLES.map((s) => `<link rel="stylesheet" href="assets/${s}">`).join("\n");
  return `<!DOCTYPE html>
<html lang="en" data-root="">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nnlab ${escapeHtml(site.version)}">
<title>${escapeHtml(title)}</title>
${styles}
</head>`;
}

function scripts(): string {
  return PAGE_SCRIPTS.map((s) => `<script src="assets/${s}"></script>`).join("\n");
}

function sidebar(site: SiteInfo, current?: string): string {
  const items = site.lectures
    .map((l) => `<li${l.slug === current ? ' class="current"' : ""}><a href="${l.page}"${l.slug === current ? ' aria-current="page"' : ""}>${escapeHtml(l.rendered.title)}</a></li>`)
    .join("\n");
  const playground = site.playground ? `<p><a href="${site.playground}">Neural-network playground</a></p>` : "";
  return `<nav class="sidebar" aria-label="Lectures">
<a class="site-title" href="index.html">${escapeHtml(site.title)}</a>
<div class="search" role="search">
<label for="search">Search the lectures <kbd>/</kbd></label>
<input id="search" type="search" autocomplete="off" placeholder="e.g. gradient descent">
<ul id="search-results" class="search-results" aria-live="polite"></ul>
</div>
<ol>
${items}
</ol>
${playground}
</nav>`;
}

function footer(site: SiteInfo): string {
  const kind = site.student ? "student edition: solutions left out" : "solutions collapsed under each exercise";
  return `<footer>Built by <code>nnlab build</code> ${escapeHtml(site.version)} (${kind}). Every output on these pages was produced by running the notebook.</footer>`;
}

function pager(site: SiteInfo, i: number): string {
  const prev = site.lectures[i - 1];
  const next = site.lectures[i + 1];
  const p = prev ? `<a class="prev" rel="prev" href="${prev.page}">&larr; ${escapeHtml(prev.rendered.title)}</a>` : `<a class="prev" href="index.html">&larr; All lectures</a>`;
  const n = next ? `<a class="next" rel="next" href="${next.page}">${escapeHtml(next.rendered.title)} &rarr;</a>` : "";
  return `<nav class="pager" aria-label="Previous and next lecture">${p}${n}</nav>`;
}

/** The page of lecture `i`. */
export function lecturePage(site: SiteInfo, i: number): string {
  const lecture = site.lectures[i];
  const r = lecture.rendered;
  const outline = r.headings
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => `<li class="level-${h.level}"><a href="#${h.id}">${headingHtml(h)}</a></li>`)
    .join("\n");
  const banner = lecture.failure
    ? `<p class="banner" role="alert">This lecture did not build cleanly: ${escapeHtml(lecture.failure)}. The page shows the cells that ran.</p>`
    : "";
  return `${head(`${r.title} · ${site.title}`, site)}
<body>
<div class="layout">
${sidebar(site, lecture.slug)}
<main id="content">
${pager(site, i)}
${banner}
<article class="lecture">
${r.body}
</article>
<p class="download"><a href="${lecture.notebook}" download>Download this notebook</a> (open it in JupyterLab with the nnlab kernel)</p>
${pager(site, i)}
${footer(site)}
</main>
<nav class="outline" aria-label="On this page">
<h2>On this page</h2>
<ul>
${outline}
</ul>
</nav>
</div>
${scripts()}
</body>
</html>
`;
}

/** The index page: every lecture, its summary and its sections. */
export function indexPage(site: SiteInfo): string {
  const items = site.lectures
    .map((l) => {
      const sections = l.rendered.headings
        .filter((h) => h.level === 2)
        .map((h) => `<li><a href="${l.page}#${h.id}">${headingHtml(h)}</a></li>`)
        .join("");
      return `<li><h2><a href="${l.page}">${escapeHtml(l.rendered.title)}</a></h2>${l.rendered.summary ? `<p class="summary">${l.rendered.summary}</p>` : ""}${sections ? `<ol>${sections}</ol>` : ""}</li>`;
    })
    .join("\n");
  const playground = site.playground
    ? `<p>Try the <a href="${site.playground}">neural-network playground</a>: nnlab itself, training in your browser.</p>`
    : "";
  return `${head(site.title, site)}
<body>
<div class="layout index-layout">
${sidebar(site)}
<main id="content">
<h1>${escapeHtml(site.title)}</h1>
<p>Neural networks from scratch in TypeScript, one lecture per topic. Each page is an executed notebook: read it here, or download it and run it in JupyterLab with the nnlab kernel.</p>
${playground}
<h2 id="contents">Contents</h2>
<ol class="lecture-list">
${items}
</ol>
${footer(site)}
</main>
</div>
${scripts()}
</body>
</html>
`;
}
