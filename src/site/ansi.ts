// ANSI SGR colour codes in kernel text (tracebacks, coloured logs) as HTML spans; every other escape
// sequence dropped. Text is escaped; spans never cross lines unclosed.
import { escapeHtml } from "./highlight";

const COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

interface Style {
  fg?: string;
  bg?: string;
  bold: boolean;
  underline: boolean;
}

function classes(s: Style): string {
  const c: string[] = [];
  if (s.fg) c.push(`ansi-${s.fg}-fg`);
  if (s.bg) c.push(`ansi-${s.bg}-bg`);
  if (s.bold) c.push("ansi-bold");
  if (s.underline) c.push("ansi-underline");
  return c.join(" ");
}

function apply(style: Style, codes: number[]): void {
  if (codes.length === 0) codes = [0];
  for (let i = 0; i < codes.length; i++) {
    const n = codes[i];
    if (n === 0) Object.assign(style, { fg: undefined, bg: undefined, bold: false, underline: false });
    else if (n === 1) style.bold = true;
    else if (n === 4) style.underline = true;
    else if (n === 22) style.bold = false;
    else if (n === 24) style.underline = false;
    else if (n >= 30 && n <= 37) style.fg = COLOURS[n - 30];
    else if (n >= 90 && n <= 97) style.fg = `bright-${COLOURS[n - 90]}`;
    else if (n === 39) style.fg = undefined;
    else if (n >= 40 && n <= 47) style.bg = COLOURS[n - 40];
    else if (n >= 100 && n <= 107) style.bg = `bright-${COLOURS[n - 100]}`;
    else if (n === 49) style.bg = undefined;
    else if ((n === 38 || n === 48) && codes[i + 1] === 5) i += 2; // 256 colours: not kept
    else if ((n === 38 || n === 48) && codes[i + 1] === 2) i += 4; // true colour: not kept
  }
}

/** Escaped HTML of `text` with its SGR colours as `<span class="ansi-...">`. */
export function ansiToHtml(text: string): string {
  const style: Style = { bold: false, underline: false };
  let out = "";
  let last = 0;
  const re = /\x1b\[([0-9;]*)([A-Za-z])/g;
  const emit = (chunk: string) => {
    if (!chunk) return;
    const c = classes(style);
    out += c ? `<span class="${c}">${escapeHtml(chunk)}</span>` : escapeHtml(chunk);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    emit(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === "m") apply(style, m[1].split(";").filter((s) => s !== "").map(Number));
  }
  emit(text.slice(last));
  return out.replace(/\x1b[^a-zA-Z]*[a-zA-Z]?/g, "");
}

/** `text` without any ANSI escape sequence. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\x1b/g, "");
}
