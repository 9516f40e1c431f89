// scripts/build-browser.mjs: the bundles build, and anything Node-only fails the build.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = join(__dirname, "..", "..", "scripts", "build-browser.mjs");
const dir = mkdtempSync(join(tmpdir(), "nnlab-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(code: string): Promise<string> {
  const { bundleForBrowser } = await import(script);
  const entry = join(dir, `e${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, code);
  return bundleForBrowser(entry);
}

describe("build-browser", () => {
  it("rejects node: imports, bare builtins and require of builtins", async () => {
    await expect(bundle('import { readFileSync } from "node:fs"; console.log(readFileSync);')).rejects.toThrow(/Node-only module "node:fs"/);
    await expect(bundle('import * as p from "path"; console.log(p);')).rejects.toThrow(/Node-only module "path"/);
    await expect(bundle('const u = require("util"); console.log(u);')).rejects.toThrow(/Node-only module "util"/);
  });

  it("bundles np, nn and the generators with nothing from node_modules", async () => {
    const { buildBrowser } = await import(script);
    const { sizes } = await buildBrowser(join(dir, "out"));
    expect(Object.keys(sizes).sort()).toEqual(["nnlab.js", "playground/playground.js", "playground/worker.js"]);
    // a package from node_modules (any input outside src/) fails the build
    const pkg = join(dirname(require.resolve("fflate/package.json")), "esm", "browser.js");
    await expect(bundle(`import * as f from ${JSON.stringify(pkg)}; console.log(f);`)).rejects.toThrow(/node_modules.*not under src\//);
  });
});
