// The real lecture site, built from notebooks/lectures by the CLI, opened page by page in headless
// Chromium from file:// (no network): no console error, every chart drawn by vega-embed, no raw TeX
// left in the text, search finding a section of another page; the student edition without any
// solution source; a second build executing nothing. Screenshots: build/test-artifacts/site/.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { joinLines, readNotebook } from "../../src/notebook/nbformat";
import { ARTIFACTS, launchChromium } from "../helpers/browser";

const ROOT = join(__dirname, "..", "..");
const LECTURES = join(ROOT, "notebooks", "lectures");
const SHOTS = join(ARTIFACTS, "site");
let work: string;
let browser: Browser;
let firstBuild = "";
/** The lectures as they were when the site was built. */
let built: string[] = [];

async function build(...args: string[]): Promise<string> {
  try {
    const r = await promisify(execFile)(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "build", LECTURES, "--cache", join(work, "cache"), ...args], {
      cwd: work,
      maxBuffer: 16 << 20,
    });
    return r.stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`nnlab build ${args.join(" ")} failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "nnlab-site-"));
  mkdirSync(SHOTS, { recursive: true });
  built = readdirSync(LECTURES).filter((f) => f.endsWith(".ipynb")).sort();
  [firstBuild, browser] = await Promise.all([build("--out", join(work, "site"), "--jobs", "1"), launchChromium()]);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const lectureFiles = () => built;

it("every page opens without a console error, draws every chart and typesets every formula", async () => {
  const slugs = lectureFiles().map((f) => f.replace(/\.ipynb$/, ""));
  expect(firstBuild).toContain(`${slugs.length} lectures: ${slugs.length} executed`);
  const pages = ["index", ...slugs];
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // No network: any request that is not file:// fails the test.
  const remote: string[] = [];
  await context.route(/^(?!file:)/, (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  let totalCharts = 0;
  for (const name of pages) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(work, "site", `${name}.html`)).href);
    const charts = await page.locator("figure.chart").count();
    await page.waitForFunction((n) => document.querySelectorAll("figure.chart.drawn svg").length >= n, charts, { timeout: 60_000 });
    totalCharts += charts;
    // Text outside typeset math and code: no TeX delimiters or commands left.
    const text = await page.evaluate(() => {
      const root = document.querySelector("main") as HTMLElement;
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(".katex, pre, code, script").forEach((e) => e.remove());
      return clone.textContent ?? "";
    });
    expect({ name, raw: text.match(/\$\$|\\frac|\\sum|\\begin|\$[^$\s][^$]*\$/g) ?? [] }).toEqual({ name, raw: [] });
    if (name !== "index") expect(await page.locator(".katex").count(), `${name} has math`).toBeGreaterThan(0);
    expect({ name, errors }).toEqual({ name, errors: [] });
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    if (charts > 0) {
      await page.locator("figure.chart.drawn").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `${name}-chart.png`) });
    }
    await page.close();
  }
  expect(totalCharts).toBeGreaterThan(20);
  expect(remote).toEqual([]);
  await context.close();
}, 300_000);

it("search on one page finds a section of another lecture and goes there", async () => {
  const page = await browser.newPage();
  const files = lectureFiles();
  await page.goto(pathToFileURL(join(work, "site", files[0].replace(/\.ipynb$/, ".html"))).href);
  // A word from a section heading of another lecture that the first page does not contain.
  const firstText = ((await page.evaluate(() => document.body.textContent ?? "")) as string).toLowerCase();
  let last = "";
  let word: string | undefined;
  for (const f of [...files.slice(1)].reverse()) {
    const slug = f.replace(/\.ipynb$/, "");
    const html = readFileSync(join(work, "site", `${slug}.html`), "utf8");
    const words = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].flatMap((m) => m[1].split(/[^A-Za-z]+/)).filter((w) => w.length >= 6);
    word = words.find((w) => !firstText.includes(w.toLowerCase()));
    if (word) {
      last = slug;
      break;
    }
  }
  expect(word, "a heading word of another lecture absent from the first page").toBeDefined();
  await page.keyboard.press("/");
  await page.keyboard.type(word as string);
  const hit = page.locator(`#search-results a[href^="${last}.html"]`).first();
  await hit.waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(SHOTS, "search.png") });
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`${last}\\.html`));
  await page.close();
}, 60_000);

it("a second build executes nothing; the student edition has no solution source", async () => {
  const t0 = performance.now();
  const again = await build("--out", join(work, "site"));
  const n = lectureFiles().length;
  expect(again).toContain(`${n} lectures: 0 executed, ${n} from the cache`);
  expect(performance.now() - t0).toBeLessThan(15_000);

  const student = await build("--student", "--out", join(work, "student"));
  expect(student).toContain("0 executed");
  // Every solution cell's source, line by line (lines long enough to be distinctive).
  const solutionLines = lectureFiles().flatMap((f) =>
    readNotebook(join(LECTURES, f))
      .cells.filter((c) => Array.isArray(c.metadata.tags) && c.metadata.tags.includes("solution"))
      .flatMap((c) => joinLines(c.source).split("\n").map((l) => l.trim()).filter((l) => l.length > 25 && !/^(\/\/|\}|return\b)/.test(l))),
  );
  expect(solutionLines.length).toBeGreaterThan(5);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : (p: string) => files.push(p))(join(d, e.name));
  };
  walk(join(work, "student"));
  // Pages are also searched as text (tags stripped, entities decoded): highlighted code is split into spans.
  const decode = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  const texts = files
    .filter((f) => /\.(html|js|ipynb|json)$/.test(f))
    .flatMap((f) => {
      const t = readFileSync(f, "utf8");
      return f.endsWith(".html") ? [[f, t] as const, [f, decode(t)] as const] : [[f, t] as const];
    });
  const htmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  const leaks = solutionLines.filter((line) => texts.some(([, t]) => t.includes(line) || t.includes(JSON.stringify(line).slice(1, -1)) || t.includes(htmlEscape(line))));
  // A solution line may legitimately also appear in a non-solution cell (e.g. the same call later);
  // those are the only allowed matches.
  const elsewhere = new Set(
    lectureFiles().flatMap((f) =>
      readNotebook(join(LECTURES, f))
        .cells.filter((c) => !(Array.isArray(c.metadata.tags) && c.metadata.tags.includes("solution")))
        .flatMap((c) => joinLines(c.source).split("\n").map((l) => l.trim())),
    ),
  );
  expect(leaks.filter((l) => !elsewhere.has(l))).toEqual([]);
  const studentPages = files.filter((f) => f.endsWith(".html"));
  for (const f of studentPages) expect(readFileSync(f, "utf8").includes("Solution</summary>"), f).toBe(false);
  expect(readFileSync(join(work, "site", `${lectureFiles()[0].replace(/\.ipynb$/, ".html")}`), "utf8")).toContain("Solution</summary>");
}, 120_000);
