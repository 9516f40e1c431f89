// Shared pieces of nnlab's benchmarks: a timing loop, a Python (numpy) side run in the same
// session, and a plain-text table. Each benchmark measures nnlab in this process and numpy through
// a small Python script that uses the same method, so the two columns are comparable.
import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));

/** Loads a module of the built package (dist/, made by `npm run build`), e.g. loadDist("np/linalg.js").
 *  NNLAB_DIST points at another build directory. */
export function loadDist(path) {
  const dist = process.env.NNLAB_DIST ?? join(here, "..", "dist");
  return createRequire(import.meta.url)(join(dist, path));
}

/**
 * Median seconds per call of fn: `warmup` calls first (to let V8 optimise), then calls until
 * `minSeconds` have passed and at least `minCalls` were made. The median resists the odd slow call
 * (GC, another process); the Python side uses the same rule.
 */
/** The kernel settings a bench times nnlab under (np/kernels/gemm.ts's setGemm): each kernel on one
 *  and two threads where it has threads, the native ones where the addon is built, and the default
 *  size dispatch. */
export function gemmKernels() {
  const { nativeInfo } = loadDist("np/kernels/native.js");
  return [
    { label: "js", kernel: "js", threads: 1 },
    { label: "wasm, 1 thread", kernel: "wasm", threads: 1 },
    { label: "wasm, 2 threads", kernel: "wasm", threads: 2 },
    ...(nativeInfo().available ? [
      { label: "native, 1 thread", kernel: "native", threads: 1 },
      { label: "native, 2 threads", kernel: "native", threads: 2 },
    ] : []),
    { label: "default dispatch", kernel: null, threads: 2 },
  ];
}

export function timeIt(fn, { minSeconds = 1, warmup = 3, minCalls = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(minSeconds * 1e9));
  while (times.length < minCalls || process.hrtime.bigint() - start < budget) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Mean seconds per call of `fn` called back to back in batches of `batch` until `minSeconds` have
 *  passed, after `warmup` calls: what a loop pays per call, the garbage collector's pauses and the
 *  page faults of fresh memory included (a per-call median leaves those out). bench/numpy_matmul.py's
 *  mean_seconds times numpy the same way. */
export function meanPerCall(fn, { minSeconds = 0.4, warmup = 1000, batch = 1000 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(minSeconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) fn();
    calls += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / 1e9 / calls;
}

/** Runs a Python script of bench/ with Debian's python3 (the one with numpy), passing `input` as
 *  JSON on stdin; the script prints one JSON document, which is returned. */
export function runPython(script, input, env = {}) {
  const r = spawnSync("/usr/bin/python3", [join(here, script)], {
    input: JSON.stringify(input),
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A long-lived Python script of bench/ (Debian's python3) spoken to in JSON lines: `setup` is its
 *  first line, and its first answer is returned as `info`; then `ask(request)` writes one line and
 *  resolves to the script's one-line answer. Lets a benchmark alternate nnlab and numpy run by run
 *  without paying Python's start-up (and numpy's warm-up) each time. */
export async function pythonServer(script, setup) {
  const child = spawn("/usr/bin/python3", [join(here, script)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (request) => {
    child.stdin.write(JSON.stringify(request) + "\n");
    const { value, done } = await lines.next();
    if (done) throw new Error(`${script} exited before answering ${JSON.stringify(request).slice(0, 80)}`);
    return JSON.parse(value);
  };
  const info = await ask(setup);
  return { info, ask, close: () => child.stdin.end() };
}

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b), mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Prints rows (arrays of cells) under headers. Columns of figures (every cell starts with a digit
 *  or sign) are right-aligned, text columns left-aligned. */
export function printTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const figures = headers.map((_, c) => cells.slice(1).every((row) => /^[-+\d.]/.test(row[c])));
  const line = (row) => row.map((cell, c) => (figures[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
  console.log(line(cells[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells.slice(1)) console.log(line(row));
}
