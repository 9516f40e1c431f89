// The module nnlab's patched tslab loads at start-up (patches/: executor.js `loadHooks`). It
// decides how a failed cell reads: compile errors with the cell line underlined and a hint for
// numpy habits, run-time errors with numpy's exception names and the cells' own line numbers.
// Node-only (it is part of the kernel, never of the browser bundle).
export { formatDiagnostics } from "./diagnostics";
export { formatError } from "./traceback";
