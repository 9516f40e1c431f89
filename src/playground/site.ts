// Node-only: puts the playground page into a built lecture site (`nnlab build` calls this with
// <site>/playground). The page's files come from scripts/build-browser.mjs, which this runs first
// so the site always gets bundles of the current sources.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The checkout: this file is src/playground/site.ts or dist/playground/site.js. */
const ROOT = join(__dirname, "..", "..");

/** The files of the page, as writePlayground writes them. */
export const PLAYGROUND_FILES = ["index.html", "playground.css", "playground.js", "worker.js"];

/**
 * Writes the neural-network playground page into `outDir`: index.html (which links back to the
 * lecture index as "../index.html"), playground.css, playground.js and worker.js.
 *
 * Builds the browser bundles first with scripts/build-browser.mjs (esbuild) when the checkout has
 * it, into dist/browser/; without it, copies the dist/browser/playground/ already built.
 *
 * @param outDir - the folder to write, e.g. "<site>/playground"; created if missing
 * @example writePlayground(join(siteDir, "playground"));
 */
export function writePlayground(outDir: string): void {
  const script = join(ROOT, "scripts", "build-browser.mjs");
  const built = join(ROOT, "dist", "browser", "playground");
  if (existsSync(script)) {
    const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`writePlayground: scripts/build-browser.mjs failed:\n${r.stderr || r.stdout || r.error}`);
  }
  const missing = PLAYGROUND_FILES.filter((f) => !existsSync(join(built, f)));
  if (missing.length > 0) throw new Error(`writePlayground: ${built} lacks ${missing.join(", ")}; run node scripts/build-browser.mjs`);
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(built)) {
    if (PLAYGROUND_FILES.includes(f)) copyFileSync(join(built, f), join(outDir, f));
  }
}
