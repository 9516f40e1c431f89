// The helpers every subcommand shares (src/cli/command.ts), and how main.ts reports a bad
// argument: the message, the command's usage, exit code 2.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCellTimeout, parseCommandArgs, UsageError } from "../../src/cli/command";

const MAIN = join(__dirname, "..", "..", "dist", "cli", "main.js");

describe("parseCommandArgs", () => {
  const options = { out: { type: "string" }, inplace: { type: "boolean", default: false } } as const;

  it("parses options and positionals as node:util's parseArgs does", () => {
    const parsed = parseCommandArgs({ args: ["a.ipynb", "--out", "done", "b.ipynb"], allowPositionals: true, options });
    expect(parsed.values).toEqual({ out: "done", inplace: false });
    expect(parsed.positionals).toEqual(["a.ipynb", "b.ipynb"]);
  });

  it("turns an unknown option, a missing value or a stray positional into a UsageError", () => {
    const cases: [string[], RegExp][] = [
      [["--bogus"], /Unknown option '--bogus'/],
      [["--out"], /Option '--out <value>' argument missing/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseCommandArgs({ args, allowPositionals: true, options })).toThrow(UsageError);
      expect(() => parseCommandArgs({ args, allowPositionals: true, options })).toThrow(message);
    }
    expect(() => parseCommandArgs({ args: ["x.ipynb"], options })).toThrow(UsageError);
  });
});

describe("parseCellTimeout", () => {
  it("reads seconds as milliseconds, 0 as no limit, and refuses what is not seconds >= 0", () => {
    expect(parseCellTimeout("120")).toBe(120_000);
    expect(parseCellTimeout("0.5")).toBe(500);
    expect(parseCellTimeout("0")).toBeUndefined();
    for (const bad of ["-1", "soon", "Infinity"]) expect(() => parseCellTimeout(bad)).toThrow(`--timeout expects seconds >= 0, got '${bad}'`);
  });
});

describe("nnlab <command> with a bad argument", () => {
  it("prints what is wrong and the command's usage, and exits with 2", () => {
    for (const [args, message] of [
      [["run", "--bogus", "x.ipynb"], "nnlab run: Unknown option '--bogus'"],
      [["kernelspec", "--name"], "nnlab kernelspec: Option '--name <value>' argument missing"],
      [["grade", "--jobs"], "nnlab grade: Option '--jobs <value>' argument missing"],
    ] as const) {
      const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(`Usage: nnlab ${args[0]}`);
    }
  });
});
