import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cacheKey, ExecutionCache, libraryFingerprint } from "../../src/site/cache";
import { codeCell, newNotebook } from "../../src/notebook/nbformat";

const dir = mkdtempSync(join(tmpdir(), "nnlab-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("the fingerprint follows the executed library, the data and the kernel patch, not the site renderer", () => {
  const root = join(dir, "pkg");
  const put = (rel: string, text: string) => {
    mkdirSync(join(root, rel, ".."), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put("package.json", '{"version": "1.0.0"}');
  put("dist/np/ops.js", "ops");
  put("dist/site/pages.js", "pages");
  put("dist/cli/main.js", "cli");
  put("datasets/iris/iris.data", "5.1,3.5");
  put("patches/tslab.patch", "diff");
  const fp = libraryFingerprint(root);
  expect(fp).toMatch(/^[0-9a-f]{64}$/);
  expect(libraryFingerprint(root)).toBe(fp);
  put("dist/site/pages.js", "pages, restyled");
  put("dist/cli/main.js", "cli 2");
  expect(libraryFingerprint(root)).toBe(fp);
  for (const [rel, text] of [["dist/np/ops.js", "ops 2"], ["datasets/iris/iris.data", "5.2"], ["patches/tslab.patch", "diff 2"], ["package.json", '{"version": "1.0.1"}']]) {
    const before = libraryFingerprint(root);
    put(rel, text);
    expect(libraryFingerprint(root), rel).not.toBe(before);
  }
});

it("the key changes with the notebook and with the fingerprint", () => {
  const fp = "ab".repeat(32);
  expect(cacheKey("nb", fp)).toBe(cacheKey(Buffer.from("nb"), fp));
  expect(cacheKey("nb2", fp)).not.toBe(cacheKey("nb", fp));
  expect(cacheKey("nb", fp.replace(/^./, "x"))).not.toBe(cacheKey("nb", fp));
});

it("stores one entry per lecture and ignores corrupt ones", () => {
  const cache = new ExecutionCache(join(dir, "cache"));
  const nb = newNotebook([codeCell("1")]);
  cache.put("01-a", "k1", nb);
  cache.put("01-ab", "k9", nb);
  expect(cache.get("01-a", "k1")?.cells.length).toBe(1);
  cache.put("01-a", "k2", nb);
  expect(cache.get("01-a", "k1")).toBeUndefined();
  expect(cache.get("01-a", "k2")).toBeDefined();
  expect(cache.get("01-ab", "k9")).toBeDefined(); // a lecture whose name extends another's is kept
  expect(readdirSync(join(dir, "cache")).sort()).toEqual(["01-a.k2.ipynb", "01-ab.k9.ipynb"]);
  writeFileSync(join(dir, "cache", "01-c.k3.ipynb"), "{not json");
  expect(cache.get("01-c", "k3")).toBeUndefined();
});
