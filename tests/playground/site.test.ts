import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLAYGROUND_FILES, writePlayground } from "../../src/playground/site";

describe("writePlayground", () => {
  it("writes the page, its stylesheet and both bundles, linking back to ../index.html", () => {
    const dir = mkdtempSync(join(tmpdir(), "nnlab-site-"));
    try {
      const out = join(dir, "site", "playground");
      writePlayground(out);
      expect(readdirSync(out).sort()).toEqual([...PLAYGROUND_FILES].sort());
      const html = readFileSync(join(out, "index.html"), "utf8");
      expect(html).toContain('href="../index.html"');
      expect(html).toContain('<script src="playground.js"></script>');
      expect(html).toContain('href="playground.css"');
      const worker = readFileSync(join(out, "worker.js"), "utf8");
      expect(worker).not.toMatch(/require\("(node:)?(fs|path|util|crypto)"\)/);
      expect(readFileSync(join(out, "playground.js"), "utf8").length).toBeGreaterThan(worker.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
