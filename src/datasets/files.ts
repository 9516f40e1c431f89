// Reading the data files shipped in the package's datasets/ folder (see datasets/PROVENANCE.md).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { NDArray, shapeSize, shapeStr } from "../np/ndarray";

/** The package's datasets/ folder. This file sits in src/datasets/ (vitest, ts-node) or in
 *  dist/datasets/ (the built package), two levels below the package root either way, so the
 *  data is found from any working directory, e.g. a notebook folder. */
export const DATASETS_DIR = join(__dirname, "..", "..", "datasets");

function datasetPath(...parts: string[]): string {
  return join(DATASETS_DIR, ...parts);
}

/** The file's bytes, gunzipped if its name ends in .gz. */
export function readDataFile(...parts: string[]): Buffer {
  const raw = readFileSync(datasetPath(...parts));
  return parts[parts.length - 1].endsWith(".gz") ? gunzipSync(raw) : raw;
}

/** An IDX file of unsigned bytes (the MNIST format: magic 0x0000 08 ndim, big-endian 32-bit
 *  dimensions, then the bytes in C order) as an int64 NDArray, as numpy keeps them as uint8. */
export function readIdx(...parts: string[]): NDArray {
  return readIdxHead(parts, Infinity);
}

/** The first `count` entries (along the first axis) of an IDX file, without converting the rest. */
export function readIdxHead(parts: string[], count: number): NDArray {
  const buf = readDataFile(...parts);
  const name = parts.join("/");
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08) {
    throw new Error(`${name}: not an IDX file of unsigned bytes`);
  }
  const ndim = buf[3];
  const shape: number[] = [];
  for (let i = 0; i < ndim; i++) shape.push(buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * ndim;
  const size = shapeSize(shape);
  if (buf.length !== offset + size) {
    throw new Error(`${name}: expected ${size} data bytes for shape ${shapeStr(shape)}, found ${buf.length - offset}`);
  }
  const rows = Math.min(count, shape[0]);
  const kept = [rows, ...shape.slice(1)];
  const data = new Float64Array(shapeSize(kept));
  data.set(buf.subarray(offset, offset + data.length)); // the typed-array copy converts bytes to doubles natively
  return new NDArray(data, kept, "int64");
}
