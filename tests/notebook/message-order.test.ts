// Jupyter's own client (python3-jupyter-client, as the Notebook server uses it for Run All) sends
// several execute requests back to back to the registered tslab kernel; the kernel must handle them
// one at a time, as the protocol orders a shell channel. (tslab used to handle the requests
// concurrently: the Notebook UI then left a finished cell at In [*] while the next one printed.)
//
// The protocol orders messages within one channel only: iopub is one socket, so its order is the
// order the kernel published in, and it alone shows whether cells overlapped. A shell reply and the
// next cell's first iopub message travel on two sockets, so a reply sent a moment before the next
// cell's busy status may arrive a moment after it; what the Notebook UI needs is that the reply
// comes when its cell ends, not when a later one does: before the next cell's last output, which
// the kernel sends 150 ms of work later.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

type Entry = [channel: "shell" | "iopub", msgType: string, request: number | null, state: string | null];

it("answers back-to-back execute requests one at a time, each reply when its cell ends", () => {
  const script = join(__dirname, "clients", "message_order.py");
  const out = execFileSync("/usr/bin/python3", [script, "tslab", "4"], { encoding: "utf8", timeout: 90_000 });
  const log = (JSON.parse(out) as Entry[]).filter((e) => e[2] !== null);
  const iopub = log.filter((e) => e[0] === "iopub");
  const shell = log.filter((e) => e[0] === "shell");
  const cells = [0, 1, 2, 3];
  for (const i of cells) {
    const reply = shell.filter((e) => e[1] === "execute_reply" && e[2] === i);
    expect(reply, `one reply for cell ${i}`).toHaveLength(1);
    expect(reply[0][3]).toBe("ok");
    const own = iopub.filter((e) => e[2] === i).map((e) => (e[1] === "status" ? `status:${e[3]}` : e[1]));
    expect(own, `cell ${i}'s iopub messages`).toEqual(["status:busy", "execute_input", "stream", "stream", "status:idle"]);
  }
  // iopub: every message of cell i before any of cell i+1 (no overlap).
  expect(iopub.map((e) => e[2])).toEqual(cells.flatMap((i) => Array(5).fill(i)));
  // shell: the replies in the order of the requests.
  expect(shell.filter((e) => e[1] === "execute_reply").map((e) => e[2])).toEqual(cells);
  // across the two channels: reply of cell i before the last output of cell i+1.
  const replyAt = (i: number) => log.findIndex((e) => e[0] === "shell" && e[1] === "execute_reply" && e[2] === i);
  const lastOutputAt = (i: number) => log.map((e) => e[1] === "stream" && e[2] === i).lastIndexOf(true);
  for (const i of cells.slice(0, -1)) {
    expect(replyAt(i), `reply of cell ${i} before cell ${i + 1} ends`).toBeLessThan(lastOutputAt(i + 1));
  }
});
