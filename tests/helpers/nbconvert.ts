// `jupyter nbconvert` as a test's second client, started again when the kernel lost the port race.
//
// jupyter_client chooses the five ports of a connection file by binding port 0 and closing it; the
// kernel binds them a moment later, and on a machine running many kernels and connections at once
// another process sometimes takes one in between. tslab (patched) then exits at once with "cannot
// bind ... Address already in use", and nbclient fails with "Kernel died before replying to
// kernel_info". JupyterLab's restarter starts such a kernel again on fresh ports; nbclient does
// not, so this helper does the same for it, up to PORT_RACE_ATTEMPTS times. Any other failure is
// thrown as it came.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** How tslab says its connection file's port was taken (node_modules/tslab/dist/jupyter.js). */
export const PORT_RACE = /cannot bind \S+ from the connection file: .*(Address already in use|EADDRINUSE)/;
export const PORT_RACE_ATTEMPTS = 3;

export interface NbconvertOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeout?: number;
  /** Called with the attempt's number each time a start-up lost the port race. */
  onPortRace?: (attempt: number) => void;
}

/** Runs `jupyter <args>` (args start with "nbconvert"); returns its output. */
export async function nbconvert(args: string[], options: NbconvertOptions = {}): Promise<{ stdout: string; stderr: string }> {
  const { onPortRace, ...execOptions } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run("jupyter", args, { ...execOptions, maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string };
      if (!PORT_RACE.test(`${err.stderr ?? ""}${err.stdout ?? ""}`)) throw e;
      onPortRace?.(attempt);
      if (attempt >= PORT_RACE_ATTEMPTS) throw e;
    }
  }
}
