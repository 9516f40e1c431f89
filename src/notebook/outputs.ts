// Turns the iopub messages of one execute request into nbformat outputs, the way nbclient and
// nbconvert do: consecutive stream chunks of the same stream become one output, clear_output
// (optionally deferred until the next output) empties the list, update_display_data rewrites
// every earlier output that carries the same display_id, in any cell.
import type { Message } from "./wire";
import type { DisplayDataOutput, ErrorOutput, ExecuteResultOutput, JSONObject, MimeBundle, Output, StreamOutput } from "./nbformat";
import { joinLines } from "./nbformat";

type RichOutput = DisplayDataOutput | ExecuteResultOutput;

/** display_id -> the outputs showing it, shared by all cells of one notebook run. */
export type DisplayRegistry = Map<string, RichOutput[]>;

interface RichContent {
  data?: MimeBundle;
  metadata?: JSONObject;
  transient?: { display_id?: string };
  execution_count?: number | null;
}

export class OutputCollector {
  readonly outputs: Output[] = [];
  executionCount: number | null = null;
  /** Set once the cell was interrupted on timeout: the kernel's own "interrupted" error is noise then. */
  dropErrors = false;
  private clearPending = false;

  constructor(private readonly displays: DisplayRegistry = new Map()) {}

  handle(msg: Message): void {
    const c = msg.content as { [key: string]: unknown };
    switch (msg.header.msg_type) {
      case "execute_input":
        if (typeof c.execution_count === "number") this.executionCount = c.execution_count;
        return;
      case "stream":
        return this.push({ output_type: "stream", name: c.name === "stderr" ? "stderr" : "stdout", text: String(c.text) });
      case "display_data":
        return this.pushRich({ output_type: "display_data", data: {}, metadata: {} }, c as RichContent);
      case "execute_result": {
        const count = typeof c.execution_count === "number" ? c.execution_count : this.executionCount;
        return this.pushRich({ output_type: "execute_result", execution_count: count, data: {}, metadata: {} }, c as RichContent);
      }
      case "update_display_data":
        return this.update(c as RichContent);
      case "error":
        if (this.dropErrors) return;
        return this.push({
          output_type: "error",
          ename: String(c.ename),
          evalue: String(c.evalue),
          traceback: Array.isArray(c.traceback) ? c.traceback.map(String) : [],
        });
      case "clear_output":
        if (c.wait) this.clearPending = true;
        else this.outputs.length = 0;
        return;
    }
  }

  /** Appends an output produced outside the kernel (timeout, dead kernel). */
  push(out: Output): void {
    if (this.clearPending) {
      this.outputs.length = 0;
      this.clearPending = false;
    }
    const last = this.outputs[this.outputs.length - 1];
    if (out.output_type === "stream" && last?.output_type === "stream" && last.name === out.name) {
      last.text = joinLines(last.text) + joinLines(out.text);
      return;
    }
    this.outputs.push(out);
  }

  /** The outputs, with carriage-return overwrites applied as nbconvert does (progress bars). */
  finish(): Output[] {
    for (const out of this.outputs) {
      if (out.output_type === "stream") (out as StreamOutput).text = applyCarriageReturns(joinLines(out.text));
    }
    return this.outputs;
  }

  private pushRich(out: RichOutput, c: RichContent): void {
    out.data = c.data ?? {};
    out.metadata = c.metadata ?? {};
    this.push(out);
    const id = c.transient?.display_id;
    if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), out]);
  }

  private update(c: RichContent): void {
    const id = c.transient?.display_id;
    for (const out of (id && this.displays.get(id)) || []) {
      out.data = c.data ?? {};
      out.metadata = c.metadata ?? {};
    }
  }
}

/**
 * What a terminal shows of text with carriage returns: on each line, only what follows the last
 * "\r" that is not the line's last character (so "\r\n" line ends stay). nbconvert does this with
 * the regex /[^\n]*\r(?=[^\n])/g, which backtracks over whole lines and takes quadratic time on a
 * long line without "\r" (a 20 MB line took minutes); this is one linear pass.
 */
export function applyCarriageReturns(text: string): string {
  if (!text.includes("\r")) return text;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cr = line.length > 1 ? line.lastIndexOf("\r", line.length - 2) : -1;
    if (cr >= 0) lines[i] = line.slice(cr + 1);
  }
  return lines.join("\n");
}

/** An error output made by the client rather than the kernel. */
export function clientError(ename: string, evalue: string, detail: string[] = []): ErrorOutput {
  return { output_type: "error", ename, evalue, traceback: [`${ename}: ${evalue}`, ...detail] };
}
