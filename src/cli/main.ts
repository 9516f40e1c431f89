#!/usr/bin/env node
// The `nnlab` command: dispatches to one subcommand per task. A new task (build, grade, ...) is a
// new module exporting a Command, added to COMMANDS.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kernelspecCommand } from "./kernelspec";
import { runCommand } from "./run";
import { buildCommand } from "./build";
import { releaseCommand } from "./release";
import { gradeCommand } from "./grade";
import { exportCommand } from "./export";
import { UsageError, type Command } from "./command";
import { killAllKernels } from "../notebook/kernel";

const COMMANDS: { [name: string]: Command } = {
  run: runCommand,
  build: buildCommand,
  release: releaseCommand,
  grade: gradeCommand,
  export: exportCommand,
  kernelspec: kernelspecCommand,
};

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: nnlab <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `nnlab <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? args[0] : undefined;
    console.log(topic && COMMANDS[topic] ? COMMANDS[topic].usage : help());
    return 0;
  }
  if (name === "--version" || name === "-V") {
    console.log(version());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`nnlab: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`nnlab ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // Ctrl-C or SIGTERM: kill the running kernels, wait for them (at most 2 s), exit. A second signal
  // exits at once; the kernel module's exit hook still kills what is left and removes the files.
  let stopping = false;
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (stopping) process.exit(code);
    stopping = true;
    console.error(`\nnnlab: ${signal}, stopping`);
    killAllKernels(2000).finally(() => process.exit(code));
  };
  process.on("SIGINT", () => stop("SIGINT", 130));
  process.on("SIGTERM", () => stop("SIGTERM", 143));
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack ?? e.message : e);
      process.exitCode = 1;
    },
  );
}
