// The playground page in real headless Chromium (tests/helpers/browser.ts), served from a local
// static server: driving the controls and training, a configuration URL restoring every control
// and the same losses, the exported notebook printing the page's losses under `nnlab run`, and
// nnlab's numbers in the browser equal to Node's bit for bit. One browser for the whole file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchChromium } from "../helpers/browser";
import { serveStatic, type StaticServer } from "./server";
import * as np from "../../src/np";
import * as datasets from "../../src/datasets/generators";
import { DEFAULT_CONFIG, formatLoss, type PlaygroundConfig } from "../../src/playground/config";
import { createPlayground, losses, trainStep } from "../../src/playground/model";
import { configToHash } from "../../src/playground/url";
import { lossLine } from "../../src/playground/notebook";

const ROOT = join(__dirname, "..", "..");
const SHOTS = join(ARTIFACTS, "playground");
let browser: Browser;
let server: StaticServer;
let scratch: string;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-browser.mjs")], { cwd: ROOT });
  mkdirSync(SHOTS, { recursive: true });
  scratch = mkdtempSync(join(tmpdir(), "nnlab-playground-"));
  [browser, server] = await Promise.all([launchChromium(), serveStatic(join(ROOT, "dist", "browser"))]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Snap {
  step: number;
  train: number;
  test: number;
  trainText: string;
  testText: string;
  weights: number[][][];
  stepsPerSecond: number;
  playing: boolean;
}

async function openPage(hash = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(`${server.url}/playground/index.html${hash}`);
  await page.waitForFunction(() => (window as any).playground?.snapshot?.step === 0);
  return page;
}

/** Moves a range input as a user would: input events while dragging, change on release. */
async function setRange(page: Page, sel: string, value: number): Promise<void> {
  await page.locator(sel).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

function snapshot(page: Page): Promise<Snap> {
  return page.evaluate(() => (window as any).playground.snapshot);
}

async function stepN(page: Page, n: number): Promise<Snap> {
  for (let i = 0; i < n; i++) await page.click("#step");
  await page.waitForFunction((k) => (window as any).playground.snapshot?.step === k, n);
  return snapshot(page);
}

/** Node's run of the same configuration: model.ts imported from src/. */
function nodeRun(config: PlaygroundConfig, steps: number): { train: number; test: number; weights: number[][][] } {
  const pg = createPlayground(config);
  for (let i = 0; i < steps; i++) trainStep(pg);
  return { ...losses(pg), weights: pg.W.map((W) => W.tolist() as number[][]) };
}

const bits = (xs: number[]) => Array.from(new Uint32Array(Float64Array.from(xs).buffer));

describe("the playground page", () => {
  it("trains the spiral after adding layers and units and switching the activation", async () => {
    const page = await openPage();
    await page.screenshot({ path: join(SHOTS, "01-default.png"), fullPage: true });
    await page.check('input[name="dataset"][value="spiral"]');
    await page.click("#add-layer"); // [4, 2, 2]
    for (let i = 0; i < 4; i++) await page.click('button[aria-label="Add a unit to hidden layer 1"]');
    for (let i = 0; i < 6; i++) await page.click('button[aria-label="Add a unit to hidden layer 2"]');
    for (let i = 0; i < 4; i++) await page.click('button[aria-label="Add a unit to hidden layer 3"]');
    await page.selectOption("#activation", "relu");
    const cfg = await page.evaluate(() => (window as any).playground.config);
    expect(cfg).toMatchObject({ dataset: "spiral", hidden: [8, 8, 6], activation: "relu" });
    expect(await page.locator("#nodes .node").count()).toBe(2 + 8 + 8 + 6 + 1);
    expect(await page.locator("#edges path").count()).toBe(2 * 8 + 8 * 8 + 8 * 6 + 6);
    // keyboard use: every control has a label, every clickable thing is a button, focus is visible
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select")).filter((el) =>
        (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label")).map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
    expect(await page.locator("[onclick], div[role=button], span[role=button]").count()).toBe(0);
    await page.focus("#step");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { id: el.id, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(ring).toEqual({ id: "step", outline: "solid", width: "3px" });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Space"); // space = play
    await expect.poll(() => page.getAttribute("#play", "aria-pressed")).toBe("true");
    const t0 = Date.now();
    const reached = await page.waitForFunction(() => {
      const s = (window as any).playground.snapshot;
      return s && s.step > 0 && s.test < 0.03 ? s.test : false;
    }, undefined, { timeout: 15_000, polling: 100 });
    const lossReached = Number(await reached.jsonValue());
    const took = Date.now() - t0;
    const sps = Number(await page.textContent("#sps"));
    await page.screenshot({ path: join(SHOTS, "02-spiral-trained.png"), fullPage: true });
    await page.keyboard.press("Space"); // pause
    await expect.poll(() => page.getAttribute("#play", "aria-pressed")).toBe("false");
    await page.waitForFunction(() => (window as any).playground.snapshot.playing === false);
    const s = await snapshot(page);
    console.log(`spiral: test loss ${s.testText} at step ${s.step} after ${took} ms, ${sps} steps/s shown`);
    expect(sps).toBeGreaterThan(0);
    expect(lossReached).toBeLessThan(0.03);
    // training went on until the pause took effect (the loss is not monotone): the page shows that step's loss
    expect(Number(await page.textContent("#test-loss"))).toBe(Number(s.testText));
    // the pause, posted while the worker trained, took effect: no step after its snapshot
    await page.waitForTimeout(300);
    expect((await snapshot(page)).step).toBe(s.step);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("restores every control from a configuration URL and gives the same loss after the same steps", async () => {
    // set up through the controls
    const page = await openPage();
    await page.check('input[name="dataset"][value="gauss"]');
    await setRange(page, "#noise", 20);
    await setRange(page, "#ratio", 70);
    await setRange(page, "#batch", 5);
    await page.check('#features input[value="x1x2"]');
    await page.check('#features input[value="sinx1"]');
    await page.click('button[aria-label="Add a unit to hidden layer 2"]');
    await page.click("#add-layer");
    await page.selectOption("#activation", "sigmoid");
    await page.selectOption("#lr", "0.3");
    await page.selectOption("#reg", "L2");
    await page.selectOption("#reg-rate", "0.003");
    await page.selectOption("#problem", "regression");
    await page.fill("#seed", "12345");
    await page.press("#seed", "Tab");
    await page.waitForFunction(() => (window as any).playground.snapshot?.step === 0);
    const expected: PlaygroundConfig = {
      dataset: "gauss", noise: 20, trainRatio: 70, batchSize: 5, features: ["x1", "x2", "x1x2", "sinx1"],
      hidden: [4, 3, 2], activation: "sigmoid", learningRate: 0.3, regularization: "L2", regularizationRate: 0.003,
      problem: "regression", seed: 12345,
    };
    expect(await page.evaluate(() => (window as any).playground.config)).toEqual(expected);
    const hash = new URL(page.url()).hash;
    expect(hash).toBe(`#${configToHash(expected)}`);
    const first = await stepN(page, 7);
    await page.screenshot({ path: join(SHOTS, "03-configured.png"), fullPage: true });
    await page.context().close();

    // a fresh page from the link alone
    const fresh = await openPage(hash);
    const v = (sel: string) => fresh.locator(sel).inputValue();
    expect(await fresh.locator('input[name="dataset"]:checked').getAttribute("value")).toBe("gauss");
    expect([await v("#noise"), await v("#ratio"), await v("#batch")]).toEqual(["20", "70", "5"]);
    const checked = await fresh.locator("#features input:checked").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(checked).toEqual(["x1", "x2", "x1x2", "sinx1"]);
    expect([await v("#activation"), await v("#lr"), await v("#reg"), await v("#reg-rate"), await v("#problem"), await v("#seed")])
      .toEqual(["sigmoid", "0.3", "L2", "0.003", "regression", "12345"]);
    expect(await fresh.locator("#nodes .node").count()).toBe(4 + 4 + 3 + 2 + 1);
    const second = await stepN(fresh, 7);
    expect(await fresh.textContent("#step-count")).toBe("7");
    expect(await fresh.textContent("#test-loss")).toBe(first.testText);
    expect(await fresh.textContent("#train-loss")).toBe(first.trainText);
    expect(bits([second.train, second.test])).toEqual(bits([first.train, first.test]));
    // and Node's run of model.ts on the same configuration: the same bits
    const node = nodeRun(expected, 7);
    expect(bits([second.train, second.test])).toEqual(bits([node.train, node.test]));
    expect(bits(second.weights.flat(2))).toEqual(bits(node.weights.flat(2)));
    await fresh.screenshot({ path: join(SHOTS, "04-restored.png"), fullPage: true });
    expect((fresh as unknown as { errors: string[] }).errors).toEqual([]);
    await fresh.context().close();
  });

  it("exports a notebook that prints the page's losses under nnlab run", async () => {
    const config: PlaygroundConfig = { ...DEFAULT_CONFIG, dataset: "xor", hidden: [5, 3], features: ["x1", "x2", "x1x2"], noise: 10 };
    const page = await openPage(`#${configToHash(config)}`);
    const s = await stepN(page, 12);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    const nbPath = join(scratch, "exported.ipynb");
    await download.saveAs(nbPath);
    await page.context().close();
    const nb = JSON.parse(readFileSync(nbPath, "utf8"));
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec).toEqual({ display_name: "TypeScript (nnlab)", language: "typescript", name: "tslab" });
    const source = nb.cells.map((c: { source: string[] }) => c.source.join("")).join("\n");
    expect(source).toContain('import { np, nn, datasets } from "nnlab";');
    expect(source).not.toMatch(/from "\.\.?\//);
    const out = join(scratch, "out");
    const r = spawnSync(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "run", nbPath, "--out", out], { encoding: "utf8", timeout: 50_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const ran = JSON.parse(readFileSync(join(out, "exported.ipynb"), "utf8"));
    const printed = ran.cells.flatMap((c: { outputs?: { name?: string; text?: string[] }[] }) => c.outputs ?? [])
      .filter((o: { name?: string }) => o.name === "stdout").map((o: { text: string[] }) => o.text.join("")).join("");
    const line = lossLine({ step: 12, train: s.trainText, test: s.testText });
    console.log(`page: ${line}\nnotebook: ${printed.trim()}`);
    expect(printed.trim()).toBe(line);
    expect(line).toBe(`step 12: train loss ${formatLoss(nodeRun(config, 12).train)}, test loss ${formatLoss(nodeRun(config, 12).test)}`);
  });

  it("works when opened from file:// too (the worker then runs from a Blob)", async () => {
    const config: PlaygroundConfig = { ...DEFAULT_CONFIG, dataset: "circle", noise: 25, hidden: [3] };
    const page = await (await browser.newContext()).newPage();
    await page.goto(`file://${join(ROOT, "dist", "browser", "playground", "index.html")}#${configToHash(config)}`);
    await page.waitForFunction(() => (window as any).playground?.snapshot?.step === 0);
    const s = await stepN(page, 3);
    const node = nodeRun(config, 3);
    expect(bits([s.train, s.test])).toEqual(bits([node.train, node.test]));
    await page.context().close();
  });

  it("computes nnlab's numbers bit for bit as Node does (random stream, transcendental functions, generators)", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/playground/index.html`);
    await page.addScriptTag({ path: join(ROOT, "dist", "browser", "nnlab.js") });
    const inBrowser = await page.evaluate(() => {
      const { np, datasets } = (window as any).nnlab;
      np.random.seed(1);
      const r = Array.from(np.random.randn(2000).data as Float64Array);
      const x = np.linspace(-30, 30, 20001);
      const f = ["exp", "sin", "cos", "tanh"].map((k) => Array.from(np[k](x).data as Float64Array));
      const lg = Array.from(np.log(np.linspace(1e-6, 1e3, 20001)).data as Float64Array);
      const [C] = datasets.make_circles({ n_samples: 300, noise: 0.1, random_state: 3 });
      const [S] = datasets.make_spiral({ n_points: 100, n_classes: 2, random_state: 4 });
      return { r, f, lg, c: Array.from(C.data as Float64Array), s: Array.from(S.data as Float64Array) };
    });
    np.random.seed(1);
    expect(bits(inBrowser.r)).toEqual(bits(Array.from(np.random.randn(2000).data)));
    const x = np.linspace(-30, 30, 20001);
    const fns = [np.exp, np.sin, np.cos, np.tanh];
    fns.forEach((fn, i) => expect(bits(inBrowser.f[i])).toEqual(bits(Array.from(fn(x).data))));
    expect(bits(inBrowser.lg)).toEqual(bits(Array.from(np.log(np.linspace(1e-6, 1e3, 20001)).data)));
    expect(bits(inBrowser.c)).toEqual(bits(Array.from(datasets.make_circles({ n_samples: 300, noise: 0.1, random_state: 3 })[0].data)));
    expect(bits(inBrowser.s)).toEqual(bits(Array.from(datasets.make_spiral({ n_points: 100, n_classes: 2, random_state: 4 })[0].data)));
    // and the engine's own Math.exp does differ from Node's, which is why np uses np/fdlibm.ts
    const mathDiffers = await page.evaluate(() => {
      let n = 0;
      for (let i = 0; i < 2000; i++) if (Math.exp(-10 + i * 0.01) !== (window as any).nnlab.np.exp(-10 + i * 0.01)) n++;
      return n;
    });
    console.log(`Chromium's Math.exp differs from fdlibm's on ${mathDiffers} of 2000 inputs`);
    await page.context().close();
  });
});
