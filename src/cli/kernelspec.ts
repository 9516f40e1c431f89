// `nnlab kernelspec`: registers the project's pinned (and patched) tslab with Jupyter, so
// JupyterLab and `jupyter nbconvert --execute` run notebooks in the same kernel `nnlab run` uses.
// tslab's own `tslab install` needs IPython and puts a bare `tslab` in argv, which only works when
// node_modules/.bin is on PATH; this writes absolute paths instead.
import { mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { tslabBin } from "../notebook/kernel";
import { parseCommandArgs, UsageError, type Command } from "./command";

const USAGE = `Usage: nnlab kernelspec [--user | --prefix DIR | --jupyter-path DIR] [--name NAME]

Writes a Jupyter kernelspec that starts this checkout's tslab (node_modules/tslab, patched).

Options:
  --user              install for the current user (default): $JUPYTER_DATA_DIR/kernels, or
                      ~/.local/share/jupyter/kernels
  --prefix DIR        install under DIR/share/jupyter/kernels (e.g. /usr/local)
  --jupyter-path DIR  install under DIR/kernels (a folder listed in JUPYTER_PATH)
  --name NAME         kernel name (default tslab, the name nnlab's notebooks ask for)`;

function kernelsDir(values: { prefix?: string; "jupyter-path"?: string }): string {
  if (values.prefix !== undefined) return join(resolve(values.prefix), "share", "jupyter", "kernels");
  if (values["jupyter-path"] !== undefined) return join(resolve(values["jupyter-path"]), "kernels");
  const dataDir = process.env.JUPYTER_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "jupyter");
  return join(dataDir, "kernels");
}

export const kernelspecCommand: Command = {
  summary: "register the pinned tslab kernel with Jupyter (JupyterLab, nbconvert)",
  usage: USAGE,
  async run(args: string[]): Promise<number> {
    const { values } = parseCommandArgs({
      args,
      options: {
        user: { type: "boolean", default: false },
        prefix: { type: "string" },
        "jupyter-path": { type: "string" },
        name: { type: "string", default: "tslab" },
      },
    });
    const chosen = [values.user, values.prefix !== undefined, values["jupyter-path"] !== undefined].filter(Boolean).length;
    if (chosen > 1) throw new UsageError("choose one of --user, --prefix and --jupyter-path");
    const name = values.name ?? "tslab";
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`--name may use letters, digits, '.', '_' and '-', got '${name}'`);
    const dir = join(kernelsDir(values), name);
    mkdirSync(dir, { recursive: true });
    const spec = {
      argv: [process.execPath, tslabBin(), "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript (nnlab)",
      language: "typescript",
    };
    writeFileSync(join(dir, "kernel.json"), `${JSON.stringify(spec, null, 1)}\n`);
    console.log(`nnlab kernelspec: wrote ${join(dir, "kernel.json")}`);
    return 0;
  },
};
