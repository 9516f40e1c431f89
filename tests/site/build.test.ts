// nnlab build on small lecture folders, through the real CLI and the real kernel: the execution
// cache (nothing changed: nothing executed; one notebook changed: only it), a failing cell stopping
// the build with the notebook, the cell and the error, --keep-going, the student edition, and the
// output folder rules (a foreign folder is never replaced; a failed build keeps the last site).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { codeCell, markdownCell, newNotebook, serializeNotebook } from "../../src/notebook/nbformat";

const CLI = join(__dirname, "..", "..", "dist", "cli", "main.js");
let work: string;

async function build(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [CLI, "build", ...args], { cwd: work });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

function write(dir: string, name: string, cells: ReturnType<typeof codeCell | typeof markdownCell>[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), serializeNotebook(newNotebook(cells)));
}

const SOLUTION = "return 6 * 7; // the solution line";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "nnlab-build-"));
  write(join(work, "lectures"), "01-first.ipynb", [
    markdownCell("# First lecture\n\nThe sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$ squashes.\n\n## Arrays\n\nSee [the second](02-second.ipynb#numbers)."),
    codeCell('import { np } from "nnlab";\nconsole.log(String(np.array([[1, 2], [3, 4]])));'),
    markdownCell("### Exercise: answer\n\nReturn the answer."),
    codeCell("function answer(): number {\n  // YOUR CODE HERE\n  return 0;\n}", { tags: ["exercise"] }),
    codeCell(`function answer(): number {\n  ${SOLUTION}\n}`, { tags: ["solution"] }),
    codeCell("console.log(`answer: ${answer()}`);"),
  ]);
  write(join(work, "lectures"), "02-second.ipynb", [
    markdownCell("# Second lecture\n\n## Numbers\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$"),
    codeCell('console.log("zebra crossing");'),
  ]);
});

afterAll(() => { if (!process.env.KEEP) rmSync(work, { recursive: true, force: true }); else console.log(work); });

it("builds, then rebuilds from the cache, and re-executes only a changed notebook", async () => {
  const first = await build("lectures", "--out", "site", "--jobs", "1");
  expect(first.out).toContain("[1/2] 01-first: executed in");
  expect(first.out).toContain("2 lectures: 2 executed, 0 from the cache");
  expect(first.out).toMatch(/Open file:\/\/.*\/site\/index\.html/);
  expect(first.code).toBe(0);
  const page = readFileSync(join(work, "site", "01-first.html"), "utf8");
  expect(page).toContain('class="katex"'); // math typeset at build time
  expect(page).not.toContain("<p>The sigmoid $");
  expect(page).toContain("[[1. 2.]\n [3. 4.]]");
  expect(page).toContain('href="02-second.html#numbers"');
  expect(page).toContain('<details class="cell code-cell tag-solution solution"><summary>Solution</summary>');
  expect(page).toContain("answer: 42");
  expect(page).toContain('rel="next" href="02-second.html"');
  const index = readFileSync(join(work, "site", "index.html"), "utf8");
  expect(index).toContain('href="01-first.html#arrays"');
  expect(index).toContain('href="02-second.html#numbers"');
  expect(readFileSync(join(work, "site", "assets", "search-index.js"), "utf8")).toContain("zebra");
  for (const f of ["vendor/katex/katex.min.css", "vendor/vega-embed.min.js", "vendor/minisearch.js", "site.js", "site.css"]) {
    expect(existsSync(join(work, "site", "assets", f)), f).toBe(true);
  }

  const t0 = performance.now();
  const again = await build("lectures", "--out", "site");
  expect(again.out).toContain("2 lectures: 0 executed, 2 from the cache");
  expect(again.code).toBe(0);
  expect(performance.now() - t0).toBeLessThan(10_000);

  const second = join(work, "lectures", "02-second.ipynb");
  writeFileSync(second, readFileSync(second, "utf8").replace("zebra crossing", "zebra changed"));
  const changed = await build("lectures", "--out", "site");
  expect(changed.out).toContain("[1/2] 01-first: cached");
  expect(changed.out).toContain("[2/2] 02-second: executed in");
  expect(changed.out).toContain("1 executed, 1 from the cache");
  expect(readFileSync(join(work, "site", "02-second.html"), "utf8")).toContain("zebra changed");
}, 120_000);

it("the student edition has no solution source anywhere", async () => {
  const r = await build("lectures", "--student", "--out", "student");
  expect(r.code).toBe(0);
  expect(r.out).toContain("(student edition)");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : (p: string) => files.push(p))(join(d, e.name));
  };
  walk(join(work, "student"));
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) expect(readFileSync(f, "latin1").includes("the solution line"), f).toBe(false);
  // the stub and the cells after the solution stay
  const page = readFileSync(join(work, "student", "01-first.html"), "utf8");
  expect(page).toContain("YOUR CODE HERE");
  expect(page).not.toContain("Solution</summary>");
  expect(readFileSync(join(work, "site", "01-first.ipynb"), "utf8")).toContain("the solution line");
}, 120_000);

it("a failing cell stops the build with the notebook, the cell and the error; --keep-going builds the rest", async () => {
  const dir = join(work, "broken");
  write(dir, "01-ok.ipynb", [markdownCell("# Fine"), codeCell('console.log("fine");')]);
  write(dir, "02-bad.ipynb", [
    markdownCell("# Broken"),
    codeCell('console.log("before");'),
    codeCell('import { np } from "nnlab";\nconst a = np.ones([2, 3]);\nconst b = np.ones([4, 5]);\nnp.add(a, b);'),
    codeCell('console.log("never");'),
  ]);
  write(dir, "03-later.ipynb", [markdownCell("# Later"), codeCell('console.log("later");')]);
  const r = await build("broken", "--out", "site", "--jobs", "1");
  expect(r.code).toBe(1);
  expect(r.out).toContain("02-bad: FAILED");
  expect(r.out).toContain("02-bad.ipynb, cell 3 of the notebook (code cell 2/3: import { np } from \"nnlab\";)");
  expect(r.out).toContain("ValueError: operands could not be broadcast together with shapes (2,3) (4,5)");
  expect(r.out).toContain("nothing written");
  expect(r.out).not.toContain("03-later: executing");
  // the earlier site is still there, untouched
  expect(readFileSync(join(work, "site", "02-second.html"), "utf8")).toContain("zebra changed");

  const k = await build("broken", "--out", "broken-site", "--keep-going", "--jobs", "1");
  expect(k.code).toBe(1);
  expect(k.out).toContain("03-later: executed");
  expect(k.out).toContain("1 lecture(s) failed: 02-bad");
  const bad = readFileSync(join(work, "broken-site", "02-bad.html"), "utf8");
  expect(bad).toContain("This lecture did not build cleanly");
  expect(bad).toContain("ValueError");
  expect(existsSync(join(work, "broken-site", "03-later.html"))).toBe(true);
}, 120_000);

it("refuses to replace a folder it did not write, and says why", async () => {
  mkdirSync(join(work, "mine"));
  writeFileSync(join(work, "mine", "thesis.tex"), "precious");
  const r = await build("lectures", "--out", "mine");
  expect(r.code).toBe(1);
  expect(r.out).toContain("was not written by nnlab build");
  expect(readFileSync(join(work, "mine", "thesis.tex"), "utf8")).toBe("precious");
  const none = await build("nowhere", "--out", "x");
  expect(none.code).toBe(1);
  expect(none.out).toContain("no lecture folder");
  const usage = await build("--jobs", "zero");
  expect(usage.code).toBe(2);
  expect(usage.out).toContain("--jobs expects a whole number >= 1, got 'zero'");
});
