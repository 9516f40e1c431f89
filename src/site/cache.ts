// Execution cache: an executed lecture is kept under a key made of the notebook's bytes and the
// fingerprint of what executes it (the library build, the data files, the kernel patch), so a
// rebuild with nothing changed executes nothing and a change to one notebook re-executes only it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseNotebook, serializeNotebook, type Notebook } from "../notebook/nbformat";

/** The package root (where package.json, dist/ and datasets/ are). */
export const PACKAGE_ROOT = join(__dirname, "..", "..");

/** dist/ folders that do not change what a notebook prints. */
const NOT_EXECUTED = new Set(["site", "cli", "grader", "playground", "browser"]);

function filesUnder(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, entry.name);
      const rel = relative(dir, full).split(sep).join("/");
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * A hash of everything a lecture's outputs depend on besides its own source: nnlab's built
 * library (dist/, without the site, CLI and grader), the shipped data sets, the tslab patch and
 * the package version. `root` defaults to the installed package.
 */
export function libraryFingerprint(root = PACKAGE_ROOT): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    hash.update(relative(root, file).split(sep).join("/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  };
  const pkg = join(root, "package.json");
  if (existsSync(pkg)) hash.update(String((JSON.parse(readFileSync(pkg, "utf8")) as { version?: string }).version));
  for (const f of filesUnder(join(root, "dist"), (rel) => NOT_EXECUTED.has(rel.split("/")[0]))) add(f);
  for (const f of filesUnder(join(root, "datasets"))) add(f);
  for (const f of filesUnder(join(root, "patches"))) add(f);
  return hash.digest("hex");
}

/** The cache key of one notebook's bytes under a library fingerprint. */
export function cacheKey(notebookBytes: Buffer | string, fingerprint: string): string {
  return createHash("sha256").update(fingerprint).update("\0").update(notebookBytes).digest("hex").slice(0, 32);
}

/** Executed notebooks on disk, one current entry per lecture. */
export class ExecutionCache {
  constructor(readonly dir: string) {}

  private file(slug: string, key: string): string {
    return join(this.dir, `${slug}.${key}.ipynb`);
  }

  /** The executed notebook stored for `slug` under `key`, if any (a corrupt entry counts as none). */
  get(slug: string, key: string): Notebook | undefined {
    const path = this.file(slug, key);
    if (!existsSync(path)) return undefined;
    try {
      return parseNotebook(readFileSync(path, "utf8"), path);
    } catch {
      return undefined;
    }
  }

  /** Stores `nb` for `slug` under `key` (atomically) and drops the lecture's older entries. */
  put(slug: string, key: string, nb: Notebook): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.file(slug, key);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, serializeNotebook(nb));
    renameSync(tmp, path);
    for (const name of readdirSync(this.dir)) {
      const full = join(this.dir, name);
      if (name.startsWith(`${slug}.`) && name.endsWith(".ipynb") && full !== path && statSync(full).isFile()) rmSync(full);
    }
  }
}
