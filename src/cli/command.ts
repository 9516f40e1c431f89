// What every `nnlab` subcommand provides to the dispatcher in main.ts.
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
