// vitest globalSetup: tests import src/ directly, and src/np/kernels/wasm.ts imports the module
// generated from gemm.wat (not committed), so generate it first; likewise build the native kernel's
// addon (src/np/kernels/native.ts). Both are no-ops when up to date.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "build-wasm.mjs")], { stdio: "inherit" });
  execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "build-native.mjs")], { stdio: "inherit" });
}
