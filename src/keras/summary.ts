// model.summary() as Keras 2 (tf.keras 2.9-2.11) prints it: a 65-character table with columns
// ending at 29, 55 and 65, each layer on its own row (long names wrap inside their column),
// then the parameter totals with thousands separators.
import { shapeString } from "./utils";

/** One row of the table: the layer's "name (Type)", its output shape with the batch axis, its parameter count. */
export interface SummaryRow {
  layer: string;
  outputShape: (number | null)[];
  params: number;
}

const LINE = 65;
const POSITIONS = [29, 55, 65];

/** Keras' print_row: fields cut to their columns (two spaces between columns), continued on the next lines. */
function printRow(fields: string[]): string[] {
  const left = [...fields];
  const lines: string[] = [];
  while (left.some((f) => f.length > 0)) {
    let line = "";
    for (let col = 0; col < left.length; col++) {
      const start = col > 0 ? POSITIONS[col - 1] : 0;
      const space = col !== POSITIONS.length - 1 ? 2 : 0;
      let cutoff = POSITIONS[col] - start - space;
      let fit = left[col].slice(0, cutoff);
      const breaks = ["),", "},", "],", "',"].filter((b) => fit.includes(b)).map((b) => fit.indexOf(b) + b.length);
      if (breaks.length) {
        cutoff = Math.min(...breaks);
        fit = fit.slice(0, cutoff);
      }
      if (col === 0) line += " ";
      line += fit + " ".repeat(space);
      left[col] = left[col].slice(cutoff);
      line += " ".repeat(Math.max(POSITIONS[col] - line.length, 0));
    }
    lines.push(line);
  }
  return lines;
}

/** "101,770": Python's format(n, ","). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The summary's lines for a model called `name` with these rows and totals. */
export function summaryLines(name: string, rows: SummaryRow[], trainable: number, nonTrainable: number): string[] {
  const out = [`Model: "${name}"`, "_".repeat(LINE), ...printRow(["Layer (type)", "Output Shape", "Param #"]), "=".repeat(LINE)];
  for (const r of rows) {
    out.push(...printRow([r.layer, shapeString(r.outputShape), String(r.params)]));
    out.push(" ".repeat(LINE));
  }
  out.push("=".repeat(LINE));
  out.push(`Total params: ${thousands(trainable + nonTrainable)}`);
  out.push(`Trainable params: ${thousands(trainable)}`);
  out.push(`Non-trainable params: ${thousands(nonTrainable)}`);
  out.push("_".repeat(LINE));
  return out;
}
