// vitest globalSetup: tests import src/ directly, and src/np/kernels/wasm.ts imports the module
// generated from gemm.wat (not committed), so generate it first (a no-op when it is up to date).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "build-wasm.mjs")], { stdio: "inherit" });
}
