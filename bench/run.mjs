// `npm run bench`: every benchmark in turn, each timing nnlab and numpy (or nbconvert) in the same run.
// Pass names to run a subset: `npm run bench -- matmul labs`.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ["matmul", "labs", "notebook", "grade", "playground", "keras"];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((n) => !ALL.includes(n));
if (unknown.length) {
  console.error(`bench: unknown benchmark(s) ${unknown.join(", ")}; choose from ${ALL.join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen.length ? chosen : ALL) {
  console.log(`\n### bench/${name}.mjs`);
  const r = spawnSync(process.execPath, [join(here, `${name}.mjs`)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
