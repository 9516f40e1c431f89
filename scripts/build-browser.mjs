// Builds nnlab for the browser with esbuild (a devDependency), into dist/browser/:
//   nnlab.js                 np, nn and the data-set generators as the global `nnlab` (a plain script)
//   playground/index.html    the neural-network playground page (src/playground/), with
//   playground/playground.css, playground.js (the page) and worker.js (its Web Worker)
// Usage: node scripts/build-browser.mjs [--out DIR]   (DIR replaces dist/browser)
//
// The build FAILS if anything Node-only reaches a bundle: esbuild bundles for platform "browser"
// with no externals, a plugin rejects every `node:` specifier and Node builtin by name (naming
// the importing file), and every input must come from src/ (no package from node_modules).
import { builtinModules } from "node:module";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Rejects Node's modules, whatever the spelling. */
const noNode = {
  name: "no-node-modules",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, "").split("/")[0];
      if (args.path.startsWith("node:") || BUILTINS.has(args.path) || BUILTINS.has(bare)) {
        return {
          errors: [{ text: `Node-only module "${args.path}" imported by ${relative(root, args.importer)}: the browser bundle must not use it` }],
        };
      }
      return undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  minify: true,
  write: false,
  metafile: true,
  logLevel: "silent",
  plugins: [noNode],
};

function checkInputs(result, what) {
  for (const input of Object.keys(result.metafile.inputs)) {
    if (!join(root, input).startsWith(src + "/")) throw new Error(`build-browser: ${what} bundles ${input}, which is not under src/`);
  }
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const ext = meta.imports.filter((i) => i.external);
    if (ext.length) throw new Error(`build-browser: ${out} leaves imports external: ${ext.map((i) => i.path).join(", ")}`);
  }
}

/**
 * Bundles one entry for the browser (the checks above included) and returns the script's text.
 * @param {string} entry - a path under src/, or an absolute path
 * @param {object} [options] - more esbuild options
 * @param {string} [what] - the name used in error messages
 * @returns {Promise<string>}
 */
export async function bundleForBrowser(entry, options = {}, what = entry) {
  try {
    const result = await esbuild.build({ ...common, ...options, entryPoints: [isAbsolute(entry) ? entry : join(src, entry)], outfile: "out.js" });
    checkInputs(result, what);
    return result.outputFiles[0].text;
  } catch (err) {
    const msgs = err.errors?.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`) ?? [String(err)];
    throw new Error(`build-browser: ${what} failed:\n  ${msgs.join("\n  ")}`);
  }
}

/**
 * Builds the browser bundles and the playground page into outDir (default dist/browser).
 * @param {string} [outDir]
 * @returns {Promise<{ outDir: string, sizes: Record<string, number> }>}
 */
export async function buildBrowser(outDir = join(root, "dist", "browser")) {
  // the WebAssembly kernel's generated module (src/np/kernels/generated/) must exist first
  await import(pathToFileURL(join(root, "scripts", "build-wasm.mjs")).href);
  const lib = await bundleForBrowser("playground/browser.ts", { globalName: "nnlab" }, "nnlab.js");
  const worker = await bundleForBrowser("playground/worker.ts", {}, "playground/worker.js");
  const modelSource = ["config.ts", "model.ts"].map((f) => readFileSync(join(src, "playground", f), "utf8")).join("\n");
  const page = await bundleForBrowser("playground/app.ts", {
    define: { __WORKER_SOURCE__: JSON.stringify(worker), __MODEL_SOURCE__: JSON.stringify(modelSource) },
  }, "playground/playground.js");
  const pg = join(outDir, "playground");
  mkdirSync(pg, { recursive: true });
  const files = {
    "nnlab.js": lib,
    "playground/worker.js": worker,
    "playground/playground.js": page,
  };
  for (const f of ["index.html", "playground.css"]) files[`playground/${f}`] = readFileSync(join(src, "playground", f), "utf8");
  // each file appears whole (written aside, then renamed): a page loading them meanwhile never
  // reads half a bundle, even when two builds run at once (tests, the site builder)
  for (const [name, text] of Object.entries(files)) {
    const tmp = join(outDir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(outDir, name));
  }
  const sizes = Object.fromEntries(Object.entries(files).filter(([k]) => k.endsWith(".js")).map(([k, v]) => [k, Buffer.byteLength(v)]));
  return { outDir, sizes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--out");
  try {
    const { outDir, sizes } = await buildBrowser(i > 0 ? process.argv[i + 1] : undefined);
    const kb = Object.entries(sizes).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`).join(", ");
    console.log(`build-browser: ${relative(process.cwd(), outDir) || "."}: ${kb}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
