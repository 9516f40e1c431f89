// From a position in the JavaScript a cell runs as back to the cell's own line. tslab compiles a
// cell twice (TypeScript -> ES module -> CommonJS), so a position goes through two source maps.
import { decode, type SourceMapSegment } from "@jridgewell/sourcemap-codec";

/** What the patched tslab records for each cell it runs (see patches/). */
export interface CellSourceMaps {
  /** Source map of the CommonJS code (what runs) onto the ES module code. */
  cjsMap?: string;
  /** Source map of the ES module code onto the compiled TypeScript text (srcPrefix + cell). */
  esmMap?: string;
  /** Lines the compiler's prefix adds before the cell's first line. */
  srcPrefixLines: number;
}

/** A decoded source map: per generated line (0-based), segments sorted by generated column. */
type Decoded = SourceMapSegment[][];

const cache = new WeakMap<CellSourceMaps, { cjs: Decoded | null; esm: Decoded | null }>();

function decodeMap(json: string | undefined): Decoded | null {
  if (!json) return null;
  try {
    const map = JSON.parse(json) as { mappings?: unknown };
    return typeof map.mappings === "string" ? decode(map.mappings) : null;
  } catch {
    return null;
  }
}

/** The original (line, column), 0-based, of a generated position: the last segment at or before
 *  the column on that line, else the line's first segment; null when the line has no mapping. */
export function originalPosition(map: Decoded, line: number, column: number): { line: number; column: number } | null {
  const segments = map[line];
  if (!segments || segments.length === 0) return null;
  let best: SourceMapSegment | undefined;
  for (const seg of segments) {
    if (seg.length < 4) continue;
    if (seg[0] <= column) best = seg;
    else break;
  }
  best ??= segments.find((s) => s.length >= 4);
  if (!best || best.length < 4) return null;
  return { line: best[2] as number, column: best[3] as number };
}

/**
 * The cell line and column (1-based) of a 1-based position in the code that ran, or null when it
 * maps outside the cell (code tslab adds). `wrapperColumns` is what tslab puts in front of the
 * code's first line.
 */
export function cellPosition(
  maps: CellSourceMaps,
  line: number,
  column: number,
  wrapperColumns: number,
): { line: number; column: number } | null {
  let decoded = cache.get(maps);
  if (!decoded) {
    decoded = { cjs: decodeMap(maps.cjsMap), esm: decodeMap(maps.esmMap) };
    cache.set(maps, decoded);
  }
  if (!decoded.cjs || !decoded.esm) return null;
  const col = line === 1 ? column - 1 - wrapperColumns : column - 1;
  const esm = originalPosition(decoded.cjs, line - 1, Math.max(0, col));
  if (!esm) return null;
  const ts = originalPosition(decoded.esm, esm.line, esm.column);
  if (!ts) return null;
  const cellLine = ts.line - maps.srcPrefixLines;
  if (cellLine < 0) return null;
  return { line: cellLine + 1, column: ts.column + 1 };
}
