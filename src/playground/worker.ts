// The playground's Web Worker: owns the run (model.ts on nnlab's np/nn), trains it while playing,
// steps it on request, and sends the page snapshots: step, losses, weights, and the network's
// output and every unit's output on a grid over the plane. The page never computes; it draws.
import * as np from "../np";
import { DOMAIN, GRID, formatLoss, type PlaygroundConfig } from "./config";
import { createPlayground, featureRows, forward, losses, trainStep, type Playground } from "./model";

/** Messages the page sends. */
export type ToWorker =
  | { type: "reset"; runId: number; config: PlaygroundConfig; play: boolean }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step"; n: number };

/** The data of a run, sent once after each reset. */
export interface DataMessage {
  type: "data";
  runId: number;
  /** Points as x1, x2 pairs; labels 0/1; true for training points. */
  points: Float64Array;
  labels: Float64Array;
  train: Uint8Array;
  /** Each input feature on the grid (GRID * GRID values, row 0 at the top). */
  inputs: Float64Array[];
}

/** The state of a run, sent after every step request and every ~100 ms while playing. */
export interface SnapshotMessage {
  type: "snapshot";
  runId: number;
  step: number;
  train: number;
  test: number;
  trainText: string;
  testText: string;
  /** Loss history entries [from, ...) since the previous snapshot. */
  historyFrom: number;
  trainHistory: number[];
  testHistory: number[];
  /** weights[l][j][i]: from unit i of column l to unit j of column l + 1; biases[l][j]. */
  weights: number[][][];
  biases: number[][];
  /** The output mapped to [-1, 1] (classification: 2p - 1) on the grid. */
  output: Float64Array;
  /** units[l][j]: hidden unit j of hidden layer l on the grid. */
  units: Float64Array[][];
  playing: boolean;
  stepsPerSecond: number;
}

/** Every message carries the runId of the reset it belongs to, so the page drops late ones. */
export type FromWorker = DataMessage | SnapshotMessage | { type: "error"; runId: number; message: string };

interface Scope {
  postMessage(message: FromWorker): void;
  onmessage: ((e: { data: ToWorker }) => void) | null;
}

let pg: Playground | null = null;
let runId = 0;
let playing = false;
let sentHistory = 0;
let trainHistory: number[] = [];
let testHistory: number[] = [];
let current = { train: NaN, test: NaN };
let stepTimes: [number, number][] = [];
let gridX: np.NDArray | null = null;

function gridPoints(): np.NDArray {
  if (gridX) return gridX;
  const xs = new Float64Array(2 * GRID * GRID);
  const n = GRID * GRID;
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      xs[r * GRID + c] = -DOMAIN + ((c + 0.5) * 2 * DOMAIN) / GRID;
      xs[n + r * GRID + c] = DOMAIN - ((r + 0.5) * 2 * DOMAIN) / GRID;
    }
  }
  gridX = new np.NDArray(xs, [2, n]);
  return gridX;
}

function record(): void {
  if (!pg) return;
  current = losses(pg);
  trainHistory.push(current.train);
  testHistory.push(current.test);
  stepTimes.push([performance.now(), pg.step]);
  while (stepTimes.length > 2 && stepTimes[stepTimes.length - 1][0] - stepTimes[0][0] > 2000) stepTimes.shift();
}

function stepsPerSecond(): number {
  if (stepTimes.length < 2) return 0;
  const [t0, s0] = stepTimes[0];
  const [t1, s1] = stepTimes[stepTimes.length - 1];
  return t1 > t0 ? ((s1 - s0) * 1000) / (t1 - t0) : 0;
}

function rows(a: np.NDArray): Float64Array[] {
  const [n, m] = a.shape;
  const d = a.data;
  return Array.from({ length: n }, (_, j) => Float64Array.from(d.subarray(j * m, (j + 1) * m)));
}

function snapshot(scope: Scope): void {
  if (!pg) return;
  const { A } = forward(pg, featureRows(gridPoints(), pg.config.features));
  const L = pg.W.length;
  const out = A[L].data;
  const output = new Float64Array(out.length);
  const cls = pg.config.problem === "classification";
  for (let i = 0; i < out.length; i++) output[i] = cls ? 2 * out[i] - 1 : Math.max(-1, Math.min(1, out[i]));
  const units = A.slice(1, L).map(rows);
  const weights = pg.W.map((W) => W.tolist() as number[][]);
  const biases = pg.b.map((b) => Array.from(b.data));
  const msg: SnapshotMessage = {
    type: "snapshot", runId, step: pg.step, train: current.train, test: current.test,
    trainText: formatLoss(current.train), testText: formatLoss(current.test),
    historyFrom: sentHistory, trainHistory: trainHistory.slice(sentHistory), testHistory: testHistory.slice(sentHistory),
    weights, biases, output, units, playing, stepsPerSecond: playing ? stepsPerSecond() : 0,
  };
  sentHistory = trainHistory.length;
  scope.postMessage(msg);
}

function reset(scope: Scope, config: PlaygroundConfig, id: number): void {
  runId = id;
  pg = createPlayground(config);
  trainHistory = [];
  testHistory = [];
  sentHistory = 0;
  stepTimes = [];
  record();
  const X = pg.data.X.data;
  const n = pg.data.X.shape[1];
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = X[i];
    points[2 * i + 1] = X[n + i];
  }
  const train = new Uint8Array(n);
  markTrain(train);
  const inputs = rows(featureRows(gridPoints(), config.features));
  const msg: DataMessage = { type: "data", runId, points, labels: Float64Array.from(pg.data.y.data), train, inputs };
  scope.postMessage(msg);
}

/** Marks the training points (createPlayground records its split in trainIndex). */
function markTrain(train: Uint8Array): void {
  if (!pg) return;
  for (const i of pg.trainIndex) train[i] = 1;
}

let timer: ReturnType<typeof setTimeout> | null = null;

function loop(scope: Scope): void {
  timer = null;
  if (!playing || !pg) return;
  const t0 = performance.now();
  do {
    trainStep(pg);
    record();
  } while (performance.now() - t0 < 80);
  snapshot(scope);
  timer = setTimeout(() => loop(scope), 0);
}

/**
 * Starts the worker's message handling on `scope` (the worker's global scope).
 *
 * @param scope - `self` in the worker
 * @example startWorker(self as unknown as Scope);
 */
export function startWorker(scope: Scope): void {
  scope.onmessage = (e) => {
    const m = e.data;
    try {
      if (m.type === "reset") {
        reset(scope, m.config, m.runId);
        playing = m.play;
        snapshot(scope);
        if (playing && timer === null) timer = setTimeout(() => loop(scope), 0);
      } else if (m.type === "play") {
        playing = true;
        stepTimes = stepTimes.slice(-1);
        if (timer === null) timer = setTimeout(() => loop(scope), 0);
      } else if (m.type === "pause") {
        playing = false;
        snapshot(scope);
      } else if (m.type === "step" && pg) {
        playing = false;
        for (let i = 0; i < m.n; i++) {
          trainStep(pg);
          record();
        }
        snapshot(scope);
      }
    } catch (err) {
      scope.postMessage({ type: "error", runId, message: String((err as Error)?.stack ?? err) });
    }
  };
}

// Run when loaded as a worker (the bundle's entry); importing the module elsewhere does nothing.
const g = globalThis as { WorkerGlobalScope?: unknown; postMessage?: unknown };
if (typeof g.WorkerGlobalScope !== "undefined" && typeof g.postMessage === "function") {
  startWorker(globalThis as unknown as Scope);
}
