// `nnlab build`: the lecture site. Executes the lecture notebooks (cached by content), renders one
// page per lecture plus the index, search and assets, and prints where to open it.
import { cpus } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writePlayground } from "../playground/site";
import { BuildError, buildSite } from "../site/build";
import { parseCellTimeout, parseCommandArgs, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab build [LECTURES_DIR] [--student] [--out DIR] [--keep-going] [options]

Executes every lecture notebook (*.ipynb in LECTURES_DIR, default notebooks/lectures) in a fresh
tslab kernel and renders a static site: an index with every lecture and its sections, one page per
lecture with its outline and previous/next links, offline search, math typeset with KaTeX, code
highlighted, every output (text, arrays, errors, images, Vega-Lite charts drawn by vega-embed with
their PNG as fallback). Every asset is local: the site works from any static host or file://.

Executed notebooks are cached by content (the notebook and the nnlab build that runs it): a
rebuild with nothing changed executes nothing; a changed notebook is executed again.

Options:
  --out DIR       where to write the site (default site/); replaced as a whole, only if an
                  earlier nnlab build wrote it
  --student       leave out every cell tagged "solution" (pages, downloads, search); by default
                  solutions are shown collapsed
  --keep-going    when a lecture fails, build the others (the build still exits with 1)
  --cache DIR     execution cache (default .nnlab-cache/site)
  --timeout S     per-cell time limit in seconds (default 120; 0 for none)
  --jobs N        notebooks executed at once (default ${defaultJobs()})
  --title TEXT    the site's title (default "nnlab lectures")
  --no-playground leave out the neural-network playground page`;

function defaultJobs(): number {
  return Math.max(1, Math.min(4, Math.floor(cpus().length / 2)));
}

async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "site" },
      student: { type: "boolean", default: false },
      "keep-going": { type: "boolean", default: false },
      cache: { type: "string", default: join(".nnlab-cache", "site") },
      timeout: { type: "string", default: "120" },
      jobs: { type: "string", default: String(defaultJobs()) },
      title: { type: "string" },
      "no-playground": { type: "boolean", default: false },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected one lecture folder, got ${positionals.length}: ${positionals.join(" ")}`);
  const timeout = parseCellTimeout(values.timeout);
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a whole number >= 1, got '${values.jobs}'`);
  const lecturesDir = positionals[0] ?? join("notebooks", "lectures");
  const outDir = resolve(values.out);
  const tty = process.stdout.isTTY === true;
  let status = "";
  const clearStatus = () => {
    if (tty && status) process.stdout.write("\r\x1b[K");
    status = "";
  };
  console.log(`nnlab build: ${lecturesDir} -> ${relative(process.cwd(), outDir) || "."}${values.student ? " (student edition)" : ""}`);
  try {
    const report = await buildSite({
      lecturesDir,
      outDir,
      student: values.student,
      cacheDir: values.cache,
      keepGoing: values["keep-going"],
      timeout,
      jobs,
      title: values.title,
      playground: values["no-playground"] ? undefined : writePlayground,
      log: (line) => {
        clearStatus();
        console.log(line);
      },
      onCell: tty
        ? (slug, r) => {
            status = `  ${slug}: cell ${r.number}/${r.total}`;
            process.stdout.write(`\r\x1b[K${status}`);
          }
        : undefined,
    });
    clearStatus();
    const counts = `${report.lectures.length} lectures: ${report.executed.length} executed, ${report.cached.length} from the cache${report.failed.length ? `, ${report.failed.length} failed` : ""}`;
    if (!report.written) {
      console.log(`\nnlab build: stopped: ${report.failed[0].message.split("\n")[0]}`);
      console.log(`(${counts}; nothing written. --keep-going builds the other lectures.)`);
      return 1;
    }
    console.log(`${counts}; ${report.seconds.toFixed(1)} s`);
    console.log(`Open ${pathToFileURL(join(report.outDir, "index.html")).href}`);
    if (report.failed.length) {
      console.log(`nnlab build: ${report.failed.length} lecture(s) failed: ${report.failed.map((f) => f.slug).join(", ")}`);
      return 1;
    }
    return 0;
  } catch (e) {
    clearStatus();
    if (e instanceof BuildError) {
      console.error(`nnlab build: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export const buildCommand: Command = {
  summary: "execute the lecture notebooks and build the lecture site",
  usage: USAGE,
  run,
};
