// What every `nnlab` subcommand provides to the dispatcher in main.ts, and the helpers they share.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { AssignmentError } from "../grader/load";
export interface Command {
  /** One line for `nnlab --help`. */
  summary: string;
  /** Full usage text for `nnlab <command> --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Bad arguments: main.ts prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {}

/** node:util's parseArgs (strict: an unknown option or a missing value is an error), its errors
 *  turned into UsageErrors so that main.ts prints them with the command's usage. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A per-cell `--timeout S` in milliseconds; 0 means none (undefined). */
export function parseCellTimeout(value: string): number | undefined {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--timeout expects seconds >= 0, got '${value}'`);
  return seconds === 0 ? undefined : seconds * 1000;
}

/** Runs a command's work; a problem with the instructor's assignment files (AssignmentError) is
 *  printed as `nnlab <command>: <what is wrong>` and exits with 1, anything else propagates. */
export async function reportingAssignmentErrors(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof AssignmentError) {
      console.error(`nnlab ${command}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
