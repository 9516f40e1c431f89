// `nnlab build`'s work: execute the lecture notebooks (or take them from the execution cache),
// render every page, write the site into a fresh folder and swap it in, so a failed build leaves
// the previous site as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { cellFailed, runNotebookFiles, type CellReport, type NotebookResult } from "../notebook/execute";
import { joinLines, serializeNotebook, type Notebook } from "../notebook/nbformat";
import { stripAnsi } from "./ansi";
import { writeAssets } from "./assets";
import { cacheKey, ExecutionCache, libraryFingerprint, PACKAGE_ROOT } from "./cache";
import { isSolution, renderLecture } from "./lecture";
import { assetName } from "./outputs";
import { indexPage, lecturePage, type SiteInfo, type SiteLecture } from "./pages";
import { searchIndexScript, type SearchDocument } from "./search";

/** The file that marks a folder as a site nnlab build wrote (and may therefore replace). */
export const SITE_MARKER = ".nnlab-site";

export interface BuildOptions {
  /** Folder of lecture notebooks (`*.ipynb`, built in file-name order). */
  lecturesDir: string;
  outDir: string;
  /** Leave out every `solution` cell (pages, downloads and search). */
  student?: boolean;
  /** Where executed notebooks are cached. */
  cacheDir: string;
  /** Build the other lectures when one fails (the build still fails). */
  keepGoing?: boolean;
  /** Per-cell time limit in ms. */
  timeout?: number;
  /** Notebooks executed at once. */
  jobs?: number;
  title?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Cell-by-cell progress of the notebook executing (e.g. a terminal status line). */
  onCell?: (slug: string, report: CellReport) => void;
  /** Writes the playground page into the given folder (the site's `playground/`), if the site has one. */
  playground?: (dir: string) => void;
}

export interface LectureFailure {
  slug: string;
  /** Notebook, cell and error in a few lines. */
  message: string;
}

export interface BuildReport {
  outDir: string;
  lectures: string[];
  executed: string[];
  cached: string[];
  failed: LectureFailure[];
  /** False when a failure stopped the build before anything was written. */
  written: boolean;
  seconds: number;
}

/** A problem with the build's inputs or output folder (printed without a stack). */
export class BuildError extends Error {}

/** What went wrong in an executed notebook: the notebook, the cell and the error with its traceback. */
export function describeFailure(file: string, result: NotebookResult | Error): string {
  if (result instanceof Error) return `${file}: ${result.message}`;
  const cell = result.cells.find(cellFailed);
  if (!cell) return `${file}: ${result.skipped} cell(s) not run`;
  const code = result.notebook.cells[cell.index];
  const first = joinLines(code.source).split("\n").find((l) => l.trim() !== "") ?? "";
  const where = `${file}, cell ${cell.index + 1} of the notebook (code cell ${cell.number}/${cell.total}: ${first.trim().slice(0, 60)})`;
  if (cell.error) {
    const trace = cell.error.traceback.length ? stripAnsi(cell.error.traceback.join("\n")) : `${cell.error.ename}: ${cell.error.evalue}`;
    return `${where}\n${trace.split("\n").map((l) => `    ${l}`).join("\n")}`;
  }
  if (cell.status === "ok" && cell.stderr) {
    const err = (code.cell_type === "code" ? code.outputs : [])
      .flatMap((o) => (o.output_type === "stream" && o.name === "stderr" ? [joinLines(o.text)] : []))
      .join("");
    return `${where}: wrote to stderr\n${err.trimEnd().split("\n").map((l) => `    ${l}`).join("\n")}`;
  }
  return `${where}: ${cell.status === "timeout" ? "timed out" : cell.status === "dead" ? "the kernel died" : cell.status}`;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** The notebook a reader downloads: the executed lecture, without solution cells in the student build. */
function downloadable(nb: Notebook, student: boolean): Notebook {
  return student ? { ...nb, cells: nb.cells.filter((c) => !isSolution(c)) } : nb;
}

/** Lecture notebooks of a folder, in file-name order. */
export function findLectures(dir: string): string[] {
  if (!existsSync(dir)) throw new BuildError(`no lecture folder ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort();
  if (files.length === 0) throw new BuildError(`no notebooks (*.ipynb) in ${dir}`);
  return files.map((f) => join(dir, f));
}

/** A folder nnlab may write a site into: absent, empty, or made by an earlier build. */
function checkOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new BuildError(`${outDir} exists and was not written by nnlab build (it has no ${SITE_MARKER} file); remove it or choose another --out`);
  }
}

/** Builds the site. Resolves with a report; inputs that cannot be built throw BuildError. */
export async function buildSite(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const student = opts.student ?? false;
  const outDir = resolve(opts.outDir);
  checkOutDir(outDir);
  const paths = findLectures(resolve(opts.lecturesDir));
  const slugs = paths.map((p) => basename(p, ".ipynb"));
  const cache = new ExecutionCache(resolve(opts.cacheDir));
  const fingerprint = libraryFingerprint();
  const keys = paths.map((p) => cacheKey(readFileSync(p), fingerprint));

  const executedNotebooks = new Map<string, Notebook>();
  const failures = new Map<string, LectureFailure>();
  const cached: string[] = [];
  const toRun: number[] = [];
  slugs.forEach((slug, i) => {
    const hit = cache.get(slug, keys[i]);
    if (hit) {
      executedNotebooks.set(slug, hit);
      cached.push(slug);
    } else toRun.push(i);
  });
  const total = paths.length;
  const label = (i: number) => `[${i + 1}/${total}] ${slugs[i]}`;
  for (const slug of cached) log(`${label(slugs.indexOf(slug))}: cached`);

  // Execute what the cache does not have, `jobs` notebooks at a time.
  class StopBuild extends Error {}
  let stop = false;
  const jobs = Math.max(1, Math.min(opts.jobs ?? 1, toRun.length || 1));
  const groups: number[][] = Array.from({ length: jobs }, () => []);
  toRun.forEach((n, j) => groups[j % jobs].push(n));
  const startTimes = new Map<string, number>();
  await Promise.all(
    groups.map(async (group) => {
      if (group.length === 0) return;
      const byPath = new Map(group.map((i) => [paths[i], i]));
      let current = "";
      try {
        await runNotebookFiles(group.map((i) => paths[i]), {
          timeout: opts.timeout,
          onNotebookStart: (path) => {
            const i = byPath.get(path) as number;
            startTimes.set(path, performance.now());
            current = path;
            log(`${label(i)}: executing`);
          },
          onCell: (r) => {
            if (current && opts.onCell) opts.onCell(slugs[byPath.get(current) as number], r);
          },
          onNotebookEnd: (path, result) => {
            const i = byPath.get(path) as number;
            const seconds = ((performance.now() - (startTimes.get(path) ?? performance.now())) / 1000).toFixed(1);
            if (!(result instanceof Error) && result.ok) {
              executedNotebooks.set(slugs[i], result.notebook);
              cache.put(slugs[i], keys[i], result.notebook);
              log(`${label(i)}: executed in ${seconds} s (${result.cells.length} code cells)`);
            } else {
              const message = describeFailure(basename(path), result);
              failures.set(slugs[i], { slug: slugs[i], message });
              if (!(result instanceof Error)) executedNotebooks.set(slugs[i], result.notebook);
              log(`${label(i)}: FAILED after ${seconds} s\n  ${message.split("\n").join("\n  ")}`);
              if (!opts.keepGoing) stop = true;
            }
            if (stop) throw new StopBuild();
          },
        });
      } catch (e) {
        if (!(e instanceof StopBuild)) throw e;
      }
    }),
  );
  const executed = slugs.filter((s, i) => toRun.includes(i) && executedNotebooks.has(s) && !failures.has(s));
  const report = (written: boolean): BuildReport => ({
    outDir,
    lectures: slugs,
    executed,
    cached,
    failed: slugs.flatMap((s) => (failures.has(s) ? [failures.get(s) as LectureFailure] : [])),
    written,
    seconds: (performance.now() - started) / 1000,
  });
  if (failures.size > 0 && !opts.keepGoing) return report(false);

  // Render into a fresh folder beside the target, then swap it in.
  const staging = `${outDir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "assets", "img"), { recursive: true });
  const asset = (bytes: Buffer, extension: string) => {
    const name = assetName(bytes, extension);
    const path = join(staging, "assets", "img", name);
    if (!existsSync(path)) writeFileSync(path, bytes);
    return `assets/img/${name}`;
  };
  try {
    writeSite();
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  return report(true);

  function writeSite(): void {
    const lectures: SiteLecture[] = [];
    for (const slug of slugs) {
      const nb = executedNotebooks.get(slug);
      if (!nb) continue; // failed before it produced anything (--keep-going)
      let rendered;
      try {
        rendered = renderLecture(nb, slug, { student, asset });
      } catch (e) {
        throw new BuildError(`${slug}.ipynb: ${(e as Error).message}`);
      }
      lectures.push({ slug, page: `${slug}.html`, notebook: `${slug}.ipynb`, rendered, failure: failures.get(slug)?.message.split("\n")[0] });
      writeFileSync(join(staging, `${slug}.ipynb`), serializeNotebook(downloadable(nb, student)));
    }
    let playground: string | undefined;
    if (opts.playground) {
      opts.playground(join(staging, "playground"));
      playground = "playground/index.html";
    }
    const site: SiteInfo = { title: opts.title ?? "nnlab lectures", student, version: packageVersion(), lectures, playground };
    lectures.forEach((l, i) => writeFileSync(join(staging, l.page), lecturePage(site, i)));
    writeFileSync(join(staging, "index.html"), indexPage(site));
    const docs: SearchDocument[] = [];
    for (const l of lectures) {
      for (const s of l.rendered.sections) {
        docs.push({ id: docs.length, url: s.anchor ? `${l.page}#${s.anchor}` : l.page, lecture: l.rendered.title, heading: s.heading.replace(/\$/g, ""), text: s.text });
      }
    }
    writeAssets(staging);
    writeFileSync(join(staging, "assets", "search-index.js"), searchIndexScript(docs));
    writeFileSync(
      join(staging, SITE_MARKER),
      `${JSON.stringify({ generator: `nnlab ${site.version}`, student, lectures: slugs, built: new Date().toISOString() }, null, 2)}\n`,
    );
  }
}
