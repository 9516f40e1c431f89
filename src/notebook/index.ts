// Notebooks: nbformat 4.5 read/validate/write and execution in the real tslab kernel.
export * from "./nbformat";
export { Kernel, KernelDiedError, killAllKernels } from "./kernel";
export type { KernelOptions, ExecuteOptions, ExecuteResult, ExecuteStatus, KernelInfo } from "./kernel";
export { executeNotebook, runNotebookFiles, cellFailed } from "./execute";
export type { ExecuteNotebookOptions, CellReport, NotebookResult, RunFilesOptions } from "./execute";
export type { DisplayRegistry } from "./outputs";
