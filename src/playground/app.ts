/// <reference lib="dom" />
// The playground page's main thread: the controls, the URL, and drawing what the worker sends
// (heat maps on canvases, the network's weights as SVG edges, the loss chart). All computing
// happens in the worker (worker.ts), so the page stays responsive while training runs.
import { DEFAULT_CONFIG, DOMAIN, FEATURES, GRID, type FeatureName, type PlaygroundConfig } from "./config";
import { buildNotebook, lossLine } from "./notebook";
import { LIMITS, configToHash, parseConfig } from "./url";
import type { DataMessage, FromWorker, SnapshotMessage, ToWorker } from "./worker";

// Filled in by scripts/build-browser.mjs: the worker bundle (for pages opened from file://, where
// a worker cannot load a script file) and config.ts + model.ts (the exported notebook's model cell).
declare const __WORKER_SOURCE__: string;
declare const __MODEL_SOURCE__: string;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

let config: PlaygroundConfig = parseConfig(location.hash);
let playing = false;
let data: DataMessage | null = null;
let snap: SnapshotMessage | null = null;
let trainHistory: number[] = [];
let testHistory: number[] = [];
let worker: Worker;
/** The current run: bumped by every reset, echoed by the worker, so late messages are dropped. */
let runId = 0;

// ---- colours ---------------------------------------------------------------------------------

const NEG = [245, 147, 34];
const MID = [232, 234, 235];
const POS = [8, 119, 189];

/** The colour of a value in [-1, 1]: orange, light grey at 0, blue. */
function colour(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const [a, b, s] = t < 0 ? [MID, NEG, -t] : [MID, POS, t];
  return [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s];
}

const gridCanvas = document.createElement("canvas");
gridCanvas.width = GRID;
gridCanvas.height = GRID;
const gridCtx = gridCanvas.getContext("2d")!;
const gridImage = gridCtx.createImageData(GRID, GRID);

/** Draws GRID x GRID values (row 0 at the top) scaled onto a canvas. */
function drawGrid(canvas: HTMLCanvasElement, values: Float64Array, scale: (v: number) => number): void {
  const px = gridImage.data;
  for (let i = 0; i < GRID * GRID; i++) {
    const [r, g, b] = colour(scale(values[i]));
    px[4 * i] = r;
    px[4 * i + 1] = g;
    px[4 * i + 2] = b;
    px[4 * i + 3] = 255;
  }
  gridCtx.putImageData(gridImage, 0, 0);
  const ctx = canvas.getContext("2d")!;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(gridCanvas, 0, 0, canvas.width, canvas.height);
}

// ---- the network diagram ---------------------------------------------------------------------

const COL_W = 104;
const ROW_H = 46;
const TOP = 56;
const NODE = 36;
const LEFT = 84;

interface NodeView {
  x: number;
  y: number;
  canvas: HTMLCanvasElement;
}
let columns: NodeView[][] = [];
let edges: SVGPathElement[][][] = [];

function buildNetwork(): void {
  const nodes = $<HTMLDivElement>("nodes");
  const svg = $("edges") as unknown as SVGSVGElement;
  nodes.replaceChildren();
  svg.replaceChildren();
  const sizes = [config.features.length, ...config.hidden, 1];
  columns = [];
  const height = TOP + Math.max(...sizes) * ROW_H + 10;
  const width = LEFT + (sizes.length - 1) * COL_W + NODE + 10;
  nodes.style.height = `${height}px`;
  nodes.style.width = `${width}px`;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  $("net").style.minHeight = `${height}px`;
  sizes.forEach((n, c) => {
    const x = LEFT + c * COL_W;
    const col = document.createElement("div");
    col.className = "col";
    col.style.left = `${x - 32}px`;
    col.style.width = `${NODE + 64}px`;
    const head = document.createElement("div");
    head.className = "colhead";
    if (c === 0) head.textContent = "Inputs";
    else if (c === sizes.length - 1) head.textContent = "Output";
    else {
      const l = c - 1;
      const title = document.createElement("span");
      title.textContent = `${n} unit${n === 1 ? "" : "s"}`;
      const units = document.createElement("span");
      units.className = "units";
      const plus = document.createElement("button");
      plus.type = "button";
      plus.textContent = "+";
      plus.setAttribute("aria-label", `Add a unit to hidden layer ${l + 1}`);
      plus.disabled = n >= LIMITS.maxUnits;
      plus.addEventListener("click", () => setConfig({ hidden: config.hidden.map((u, i) => (i === l ? u + 1 : u)) }));
      const minus = document.createElement("button");
      minus.type = "button";
      minus.textContent = "−";
      minus.setAttribute("aria-label", `Remove a unit from hidden layer ${l + 1}`);
      minus.disabled = n <= 1;
      minus.addEventListener("click", () => setConfig({ hidden: config.hidden.map((u, i) => (i === l ? u - 1 : u)) }));
      units.append(plus, minus);
      head.append(units, title);
    }
    col.append(head);
    nodes.append(col);
    const views: NodeView[] = [];
    for (let j = 0; j < n; j++) {
      const y = TOP + j * ROW_H;
      const node = document.createElement("div");
      node.className = "node";
      node.style.left = `${x}px`;
      node.style.top = `${y}px`;
      const canvas = document.createElement("canvas");
      canvas.width = NODE;
      canvas.height = NODE;
      node.append(canvas);
      if (c === 0) {
        const label = document.createElement("span");
        label.className = "nlabel";
        label.textContent = FEATURES.find((f) => f.name === config.features[j])!.label;
        node.append(label);
        node.title = `input ${label.textContent}`;
      } else if (c === sizes.length - 1) node.title = "output";
      else node.title = `hidden layer ${c}, unit ${j + 1}`;
      nodes.append(node);
      views.push({ x, y, canvas });
    }
    columns.push(views);
  });
  edges = [];
  const ns = "http://www.w3.org/2000/svg";
  for (let c = 0; c + 1 < columns.length; c++) {
    const layer: SVGPathElement[][] = [];
    columns[c + 1].forEach((to) => {
      const row: SVGPathElement[] = [];
      columns[c].forEach((from) => {
        const p = document.createElementNS(ns, "path");
        const x0 = from.x + NODE;
        const y0 = from.y + NODE / 2;
        const x1 = to.x;
        const y1 = to.y + NODE / 2;
        const mx = (x0 + x1) / 2;
        p.setAttribute("d", `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`);
        p.setAttribute("class", "edge");
        p.setAttribute("stroke", "#ccc");
        p.setAttribute("stroke-width", "1");
        svg.append(p);
        row.push(p);
      });
      layer.push(row);
    });
    edges.push(layer);
  }
  $("layers-count").textContent = String(config.hidden.length);
  $<HTMLButtonElement>("add-layer").disabled = config.hidden.length >= LIMITS.maxLayers;
  $<HTMLButtonElement>("remove-layer").disabled = config.hidden.length === 0;
  $("net-h").lastChild!.textContent = ` hidden layer${config.hidden.length === 1 ? "" : "s"}`;
  drawInputs();
}

function drawInputs(): void {
  if (!data || columns.length === 0) return;
  data.inputs.forEach((values, j) => {
    const view = columns[0][j];
    if (!view) return;
    let max = 0;
    for (const v of values) max = Math.max(max, Math.abs(v));
    drawGrid(view.canvas, values, (v) => (max > 0 ? v / max : 0));
  });
}

function unitScale(v: number): number {
  return config.activation === "sigmoid" ? 2 * v - 1 : v;
}

function drawNetwork(s: SnapshotMessage): void {
  s.weights.forEach((W, l) => {
    W.forEach((row, j) => {
      row.forEach((w, i) => {
        const p = edges[l]?.[j]?.[i];
        if (!p) return;
        const [r, g, b] = colour(w >= 0 ? 1 : -1);
        p.setAttribute("stroke", `rgb(${r | 0},${g | 0},${b | 0})`);
        p.setAttribute("stroke-width", String(Math.min(8, 0.4 + 2.5 * Math.abs(w))));
        p.setAttribute("stroke-opacity", String(Math.min(1, 0.25 + Math.abs(w))));
      });
    });
  });
  s.units.forEach((layer, l) => layer.forEach((values, j) => {
    const view = columns[l + 1]?.[j];
    if (view) drawGrid(view.canvas, values, unitScale);
  }));
  const out = columns[columns.length - 1]?.[0];
  if (out) drawGrid(out.canvas, s.output, (v) => v);
}

// ---- the output: heat map with the points, and the loss chart ----------------------------------

function drawHeatmap(): void {
  const canvas = $<HTMLCanvasElement>("heatmap");
  const ctx = canvas.getContext("2d")!;
  if (snap) drawGrid(canvas, snap.output, (v) => v);
  else {
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  if (!data) return;
  const showTest = $<HTMLInputElement>("show-test").checked;
  const k = canvas.width / (2 * DOMAIN);
  const n = data.labels.length;
  for (let i = 0; i < n; i++) {
    const isTrain = data.train[i] === 1;
    if (!isTrain && !showTest) continue;
    const x = (data.points[2 * i] + DOMAIN) * k;
    const y = (DOMAIN - data.points[2 * i + 1]) * k;
    ctx.beginPath();
    ctx.arc(x, y, 3.2, 0, 2 * Math.PI);
    // the classes' colours, a shade darker than the heat map's, so points stand out on it
    ctx.fillStyle = data.labels[i] > 0.5 ? "rgb(0,92,160)" : "rgb(214,110,0)";
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = isTrain ? "#fff" : "#000";
    ctx.stroke();
  }
}

function drawLossChart(): void {
  const canvas = $<HTMLCanvasElement>("loss-chart");
  const ctx = canvas.getContext("2d")!;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const n = trainHistory.length;
  if (n < 2) return;
  ctx.font = "10px sans-serif";
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, trainHistory[i], testHistory[i]);
  if (!(max > 0) || !Number.isFinite(max)) max = 1;
  const line = (h: number[], colourText: string) => {
    ctx.beginPath();
    // at most ~600 vertices however long the run
    const stride = Math.max(1, Math.floor(n / 600));
    for (let i = 0; i < n; i += stride) {
      const x = (i / (n - 1)) * (canvas.width - 2) + 1;
      const y = canvas.height - 2 - (Math.min(h[i], max) / max) * (canvas.height - 16);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = colourText;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  };
  line(trainHistory, "#999");
  line(testHistory, "#000");
  ctx.fillStyle = "#666";
  ctx.font = "10px sans-serif";
  ctx.textBaseline = "top";
  ctx.fillText(`loss (max ${max.toPrecision(3)})`, 3, 1);
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  ctx.fillText(`step ${n - 1}`, canvas.width - 3, canvas.height - 3);
  ctx.textAlign = "left";
}

function showSnapshot(s: SnapshotMessage): void {
  snap = s;
  if (s.historyFrom === 0) {
    trainHistory = [];
    testHistory = [];
  }
  trainHistory.length = s.historyFrom;
  testHistory.length = s.historyFrom;
  trainHistory.push(...s.trainHistory);
  testHistory.push(...s.testHistory);
  $("step-count").textContent = String(s.step);
  $("train-loss").textContent = s.trainText;
  $("test-loss").textContent = s.testText;
  $("sps").textContent = s.playing ? s.stepsPerSecond.toFixed(s.stepsPerSecond < 10 ? 1 : 0) : "–";
  drawNetwork(s);
  drawHeatmap();
  drawLossChart();
}

// ---- the worker -------------------------------------------------------------------------------

function startWorker(): Worker {
  let w: Worker;
  try {
    w = new Worker(new URL("worker.js", document.baseURI));
  } catch {
    // file:// pages may not load worker scripts: run the same bundle from a Blob
    w = new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" })));
  }
  w.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.runId !== runId) return;
    if (m.type === "data") {
      data = m;
      drawInputs();
    } else if (m.type === "snapshot") {
      showSnapshot(m);
    } else {
      $("status").textContent = `Error in the worker: ${m.message}`;
    }
  };
  return w;
}

function post(m: ToWorker): void {
  worker.postMessage(m);
}

// ---- controls and the URL ---------------------------------------------------------------------

function setPlaying(p: boolean): void {
  playing = p;
  const b = $<HTMLButtonElement>("play");
  b.textContent = p ? "Pause" : "Play";
  b.setAttribute("aria-pressed", String(p));
}

function fillControls(): void {
  const radios = document.querySelectorAll<HTMLInputElement>('input[name="dataset"]');
  radios.forEach((r) => (r.checked = r.value === config.dataset));
  const set = (id: string, v: string) => ($<HTMLInputElement | HTMLSelectElement>(id).value = v);
  set("ratio", String(config.trainRatio));
  set("noise", String(config.noise));
  set("batch", String(config.batchSize));
  $("ratio-v").textContent = String(config.trainRatio);
  $("noise-v").textContent = String(config.noise);
  $("batch-v").textContent = String(config.batchSize);
  set("lr", String(config.learningRate));
  set("activation", config.activation);
  set("reg", config.regularization);
  set("reg-rate", String(config.regularizationRate));
  $<HTMLSelectElement>("reg-rate").disabled = config.regularization === "none";
  set("problem", config.problem);
  set("seed", String(config.seed));
  document.querySelectorAll<HTMLInputElement>('#features input[type="checkbox"]').forEach((c) => {
    c.checked = config.features.includes(c.value as FeatureName);
    // the last feature cannot be turned off: a network needs an input
    c.disabled = c.checked && config.features.length === 1;
  });
}

/** Applies a change: every change starts a new run (so a step count always means the same run). */
function setConfig(change: Partial<PlaygroundConfig>, keepPlaying = playing): void {
  config = { ...config, ...change };
  history.replaceState(null, "", `#${configToHash(config)}`);
  fillControls();
  data = null;
  snap = null;
  trainHistory = [];
  testHistory = [];
  buildNetwork();
  runId += 1;
  post({ type: "reset", runId, config, play: keepPlaying });
}

function initControls(): void {
  const lr = $<HTMLSelectElement>("lr");
  for (const v of LIMITS.learningRates) lr.add(new Option(String(v), String(v)));
  const rr = $<HTMLSelectElement>("reg-rate");
  for (const v of LIMITS.regularizationRates) rr.add(new Option(String(v), String(v)));
  const feats = $("features");
  for (const f of FEATURES) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = f.name;
    box.addEventListener("change", () => {
      const on = new Set(config.features);
      if (box.checked) on.add(f.name);
      else on.delete(f.name);
      setConfig({ features: FEATURES.map((x) => x.name).filter((n) => on.has(n)) });
    });
    label.append(box, ` ${f.label}`);
    feats.append(label);
  }
  document.querySelectorAll<HTMLInputElement>('input[name="dataset"]').forEach((r) =>
    r.addEventListener("change", () => setConfig({ dataset: r.value as PlaygroundConfig["dataset"] })),
  );
  const slider = (id: string, key: "trainRatio" | "noise" | "batchSize") => {
    const input = $<HTMLInputElement>(id);
    input.addEventListener("input", () => ($(`${id}-v`).textContent = input.value));
    input.addEventListener("change", () => setConfig({ [key]: Number(input.value) }));
  };
  slider("ratio", "trainRatio");
  slider("noise", "noise");
  slider("batch", "batchSize");
  lr.addEventListener("change", () => setConfig({ learningRate: Number(lr.value) }));
  const act = $<HTMLSelectElement>("activation");
  act.addEventListener("change", () => setConfig({ activation: act.value as PlaygroundConfig["activation"] }));
  const reg = $<HTMLSelectElement>("reg");
  reg.addEventListener("change", () => {
    const r = reg.value as PlaygroundConfig["regularization"];
    const rate = r !== "none" && config.regularizationRate === 0 ? 0.001 : config.regularizationRate;
    setConfig({ regularization: r, regularizationRate: r === "none" ? 0 : rate });
  });
  rr.addEventListener("change", () => setConfig({ regularizationRate: Number(rr.value) }));
  const problem = $<HTMLSelectElement>("problem");
  problem.addEventListener("change", () => setConfig({ problem: problem.value as PlaygroundConfig["problem"] }));
  const seed = $<HTMLInputElement>("seed");
  seed.addEventListener("change", () => {
    const v = Number(seed.value);
    if (Number.isInteger(v) && v >= 0 && v <= 0xffffffff) setConfig({ seed: v });
    else seed.value = String(config.seed);
  });
  $("new-seed").addEventListener("click", () => setConfig({ seed: Math.floor(Math.random() * 100000) }));
  $("add-layer").addEventListener("click", () => {
    if (config.hidden.length < LIMITS.maxLayers) setConfig({ hidden: [...config.hidden, 2] });
  });
  $("remove-layer").addEventListener("click", () => setConfig({ hidden: config.hidden.slice(0, -1) }));
  $("play").addEventListener("click", togglePlay);
  $("step").addEventListener("click", () => {
    setPlaying(false);
    post({ type: "step", n: 1 });
  });
  $("reset").addEventListener("click", () => setConfig({}, false));
  $("show-test").addEventListener("change", drawHeatmap);
  $("export").addEventListener("click", exportNotebook);
  $("copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $("status").textContent = "Link copied.";
    } catch {
      $("status").textContent = `Link: ${location.href}`;
    }
  });
  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement | null;
    const typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (e.key === " " && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      togglePlay();
    }
  });
  window.addEventListener("hashchange", () => {
    const next = parseConfig(location.hash);
    if (configToHash(next) !== configToHash(config)) setConfig(next, false);
  });
}

function togglePlay(): void {
  setPlaying(!playing);
  post({ type: playing ? "play" : "pause" });
}

function exportNotebook(): void {
  if (!snap) return;
  const run = { step: snap.step, train: snap.trainText, test: snap.testText };
  const page = location.href.split("#")[0];
  const nb = buildNotebook(config, run, __MODEL_SOURCE__, page.startsWith("http") ? page : "");
  const blob = new Blob([`${JSON.stringify(nb, null, 1)}\n`], { type: "application/x-ipynb+json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `playground-${config.dataset}-seed${config.seed}-step${snap.step}.ipynb`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  $("status").textContent = `Notebook exported: it prints “${lossLine(run)}”.`;
}

/** What tests and curious students can read from the console: the run's raw numbers. */
(window as unknown as { playground: unknown }).playground = {
  get config() {
    return config;
  },
  get snapshot() {
    return snap;
  },
  defaults: DEFAULT_CONFIG,
};

initControls();
fillControls();
history.replaceState(null, "", `#${configToHash(config)}`);
worker = startWorker();
buildNetwork();
runId += 1;
post({ type: "reset", runId, config, play: false });
