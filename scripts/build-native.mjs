// Builds the native gemm kernel (native/gemm.c) with node-gyp into
// native/build/Release/nnlab_gemm.node, which src/np/kernels/native.ts loads. `npm run build` runs
// this; it is a no-op when the addon is newer than its sources.
//
// The native kernel is optional: where it cannot be built (no C compiler, no Node headers) nnlab
// uses its WebAssembly kernel, which gives the same bits, more slowly. So a failed build prints
// why and what it means, and exits 0, unless NNLAB_NATIVE=required (CI sets it: there the kernel
// must build and be tested). NNLAB_NATIVE=off skips the build.
//
// node-gyp: the one npm runs scripts with (npm_config_node_gyp), else a local node_modules copy,
// else the copy bundled with npm beside this Node. Node's headers: npm's `nodedir` setting if
// npm passed one, else this Node's own include/node when it has one (no download).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "native");
const out = join(dir, "build", "Release", "nnlab_gemm.node");
const SOURCES = ["gemm.c", "kernel.h", "binding.gyp"].map((f) => join(dir, f));
const mode = process.env.NNLAB_NATIVE ?? "";

if (mode === "off") {
  console.log("build-native: skipped (NNLAB_NATIVE=off)");
  process.exit(0);
}

const mtime = (f) => statSync(f).mtimeMs;
if (existsSync(out) && SOURCES.every((f) => mtime(f) <= mtime(out))) process.exit(0);

function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(import.meta.url).resolve("node-gyp/bin/node-gyp.js"));
  } catch {
    // not installed locally
  }
  const prefix = dirname(dirname(process.execPath));
  candidates.push(join(prefix, "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"));
  candidates.push(join(dirname(process.execPath), "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"));
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

function fail(why, detail = "") {
  const lines = [
    `build-native: the native gemm kernel was not built: ${why}`,
    ...(detail ? [detail] : []),
    mode === "required"
      ? "build-native: NNLAB_NATIVE=required, so this is an error."
      : "build-native: nnlab will use its WebAssembly kernel instead (the same results, about half the speed on large products).",
  ];
  console.error(lines.join("\n"));
  process.exit(mode === "required" ? 1 : 0);
}

const gyp = findNodeGyp();
if (!gyp) fail("node-gyp was not found (it comes with npm)");
const args = [gyp, "rebuild", "--release", `--directory=${dir}`];
const ownHeaders = join(dirname(dirname(process.execPath)), "include", "node", "node_api.h");
if (!process.env.npm_config_nodedir && existsSync(ownHeaders)) args.push(`--nodedir=${dirname(dirname(process.execPath))}`);
const started = Date.now();
const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error" } });
if (r.status !== 0 || !existsSync(out)) {
  const text = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
  fail(r.error ? r.error.message : `node-gyp exited with ${r.status}`, text);
}
// the addon must load and say which instruction set it picked
const probe = spawnSync(process.execPath, ["-e", `console.log(require(${JSON.stringify(out)}).info())`], { encoding: "utf8" });
if (probe.status !== 0) fail("the built addon does not load", (probe.stderr ?? "").trim().split("\n").slice(0, 5).join("\n"));
console.log(`build-native: built native/build/Release/nnlab_gemm.node (${probe.stdout.trim()}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
