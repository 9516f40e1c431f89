// Node-only: puts the playground page into a built lecture site (`nnlab build` calls this with
// <site>/playground). The page's files are the bundles scripts/build-browser.mjs writes into
// dist/browser/playground as part of `npm run build`, like the rest of dist/ the site runs on.
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
 * Copies them from dist/browser/playground/, which `npm run build` (scripts/build-browser.mjs) writes.
 *
 * @param outDir - the folder to write, e.g. "<site>/playground"; created if missing
 * @example writePlayground(join(siteDir, "playground"));
 */
export function writePlayground(outDir: string): void {
  const built = join(ROOT, "dist", "browser", "playground");
  const missing = PLAYGROUND_FILES.filter((f) => !existsSync(join(built, f)));
  if (missing.length > 0) throw new Error(`writePlayground: ${built} lacks ${missing.join(", ")}; run npm run build`);
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(built)) {
    if (PLAYGROUND_FILES.includes(f)) copyFileSync(join(built, f), join(outDir, f));
  }
}
