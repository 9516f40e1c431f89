// Jupyter's own client (python3-jupyter-client, as the Notebook server uses it for Run All) sends
// several execute requests back to back to the registered tslab kernel; every cell's reply and
// idle status must arrive before the next cell's first message, as the protocol orders a shell
// channel. (tslab used to handle the requests concurrently: the Notebook UI then left a finished
// cell at In [*] while the next one printed.)
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

type Entry = [channel: "shell" | "iopub", msgType: string, request: number | null, state: string | null];

it("answers back-to-back execute requests one at a time, reply before the next cell's output", () => {
  const script = join(__dirname, "clients", "message_order.py");
  const out = execFileSync("/usr/bin/python3", [script, "tslab", "4"], { encoding: "utf8", timeout: 90_000 });
  const log = (JSON.parse(out) as Entry[]).filter((e) => e[2] !== null);
  const firstOf = (i: number) => log.findIndex((e) => e[2] === i);
  const replyOf = (i: number) => log.findIndex((e) => e[0] === "shell" && e[1] === "execute_reply" && e[2] === i);
  const idleOf = (i: number) => log.findIndex((e) => e[1] === "status" && e[3] === "idle" && e[2] === i);
  for (let i = 0; i < 4; i++) {
    expect(replyOf(i), `reply of cell ${i}`).toBeGreaterThanOrEqual(0);
    expect(log[replyOf(i)][3]).toBe("ok");
    const streams = log.filter((e) => e[1] === "stream" && e[2] === i).length;
    expect(streams, `cell ${i} printed`).toBeGreaterThan(0);
  }
  for (let i = 0; i < 3; i++) {
    expect(replyOf(i), `reply of cell ${i} before cell ${i + 1} starts`).toBeLessThan(firstOf(i + 1));
    expect(idleOf(i), `idle of cell ${i} before cell ${i + 1} starts`).toBeLessThan(firstOf(i + 1));
  }
});
