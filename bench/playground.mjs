// The playground page's training speed: steps per second of the default network in headless
// Chromium (the page's Web Worker, as a student sees it), next to the same network trained in
// Node in this process, in one run:
//   node bench/playground.mjs        (after `npm run build`; about 30 s)
// A step is one epoch: 250 training points in batches of 10, then the train and test losses
// (what the worker does per step). The page's figure also pays for the snapshots it sends every
// ~80 ms (the output and every unit on a 50 x 50 grid); Node's does not. The two sides alternate
// twice, so load from other processes hits both alike.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadDist, printTable } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const SECONDS = 5;

const built = spawnSync(process.execPath, [join(root, "scripts", "build-browser.mjs")], { encoding: "utf8" });
if (built.status !== 0) {
  console.error(built.stderr);
  process.exit(1);
}
const { DEFAULT_CONFIG } = loadDist("playground/config.js");
const { createPlayground, trainStep, losses } = loadDist("playground/model.js");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const dir = join(root, "dist", "browser");
const server = createServer((req, res) => {
  try {
    const path = join(dir, new URL(req.url, "http://x").pathname);
    const body = readFileSync(path);
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/playground/index.html`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});

/** Steps per second in the page: play, let it warm up, count steps over SECONDS. */
async function browserRate() {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.playground?.snapshot?.step === 0);
  const step = () => page.evaluate(() => window.playground.snapshot.step);
  await page.click("#play");
  await page.waitForTimeout(1000);
  const s0 = await step();
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const s1 = await step();
  const t1 = Date.now();
  const shown = Number(await page.textContent("#sps"));
  await page.click("#play");
  await page.close();
  return { rate: ((s1 - s0) * 1000) / (t1 - t0), shown };
}

/** Steps per second in Node: the same configuration, trainStep + losses, for SECONDS. */
function nodeRate() {
  const pg = createPlayground(DEFAULT_CONFIG);
  for (let t = performance.now(); performance.now() - t < 1000; ) {
    trainStep(pg);
    losses(pg);
  }
  const s0 = pg.step;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    trainStep(pg);
    losses(pg);
  }
  return ((pg.step - s0) * 1000) / (performance.now() - t0);
}

const version = (await browser.version?.()) ?? "";
const b = [];
const n = [];
for (let round = 0; round < 2; round++) {
  b.push(await browserRate());
  n.push(nodeRate());
}
await browser.close();
server.close();

const mean = (xs) => xs.reduce((a, x) => a + x, 0) / xs.length;
const br = mean(b.map((x) => x.rate));
const nr = mean(n);
console.log(`default network: ${DEFAULT_CONFIG.dataset}, inputs ${DEFAULT_CONFIG.features.join(", ")}, hidden ${DEFAULT_CONFIG.hidden.join("-")} ` +
  `${DEFAULT_CONFIG.activation}, batch ${DEFAULT_CONFIG.batchSize}, ${DEFAULT_CONFIG.trainRatio} % of 500 points for training`);
console.log(`machine: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}; Chromium ${version}, Node ${process.versions.node}`);
printTable(
  ["where", "steps/s (run 1)", "steps/s (run 2)", "mean", "the page showed"],
  [
    ["Chromium, the page's worker", ...b.map((x) => x.rate.toFixed(1)), br.toFixed(1), b.map((x) => x.shown).join(", ")],
    ["Node, this process", ...n.map((x) => x.toFixed(1)), nr.toFixed(1), "–"],
  ],
);
console.log(`Chromium / Node: ${(br / nr).toFixed(2)}`);
