// The site's static files: nnlab's stylesheet and script, and the libraries pages load, copied from
// node_modules (KaTeX's stylesheet and fonts, highlight.js's theme, Vega, Vega-Lite, vega-embed,
// MiniSearch) with their licences. Nothing is loaded from a CDN.
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { SITE_CSS, SITE_JS } from "./client";

/** A vendored file: where it comes from (package, path in it) and where it goes under assets/. */
interface Vendored {
  pkg: string;
  from: string;
  to: string;
}

const VENDORED: Vendored[] = [
  { pkg: "katex", from: "dist/katex.min.css", to: "vendor/katex/katex.min.css" },
  { pkg: "katex", from: "dist/fonts", to: "vendor/katex/fonts" },
  { pkg: "highlight.js", from: "styles/github.min.css", to: "vendor/highlight.css" },
  { pkg: "vega", from: "build/vega.min.js", to: "vendor/vega.min.js" },
  { pkg: "vega-lite", from: "build/vega-lite.min.js", to: "vendor/vega-lite.min.js" },
  { pkg: "vega-embed", from: "build/vega-embed.min.js", to: "vendor/vega-embed.min.js" },
  { pkg: "minisearch", from: "dist/umd/index.js", to: "vendor/minisearch.js" },
];

/** The scripts every page loads, in order (paths under assets/). */
export const PAGE_SCRIPTS = ["vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js", "vendor/minisearch.js", "search-index.js", "site.js"];
/** The stylesheets every page loads (paths under assets/). */
export const PAGE_STYLES = ["vendor/katex/katex.min.css", "vendor/highlight.css", "site.css"];

/** The installed folder of `pkg`, found the way Node looks (node_modules of this file's folder and
 *  its parents); not through `require.resolve`, which refuses packages whose exports omit package.json. */
function packageDir(pkg: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", pkg);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`the site needs the npm package ${pkg}, which is not installed`);
  }
}

/** Writes assets/ (everything but the search index and images) into `outDir`. */
export function writeAssets(outDir: string): void {
  const assets = join(outDir, "assets");
  mkdirSync(join(assets, "vendor", "licenses"), { recursive: true });
  for (const v of VENDORED) {
    const src = join(packageDir(v.pkg), v.from);
    const dest = join(assets, v.to);
    mkdirSync(dirname(dest), { recursive: true });
    cpSync(src, dest, { recursive: true });
  }
  for (const pkg of new Set(VENDORED.map((v) => v.pkg))) {
    const licence = ["LICENSE", "LICENSE.md", "LICENSE.txt"].map((f) => join(packageDir(pkg), f)).find(existsSync);
    if (licence) copyFileSync(licence, join(assets, "vendor", "licenses", `${pkg}.txt`));
  }
  writeFileSync(join(assets, "site.css"), SITE_CSS);
  writeFileSync(join(assets, "site.js"), SITE_JS);
}
