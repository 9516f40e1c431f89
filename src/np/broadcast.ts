// numpy broadcasting: shape rules, their error messages, and the strided iteration that lets
// elementwise kernels read broadcast operands in place (stride 0 on stretched axes) instead of
// materialising copies.
import { NDArray, shapeSize } from "./ndarray";
import { shapeTuple } from "./shape";
import { ValueError } from "./errors";
import { emptyFloat64 } from "./empty";

/** The shape numpy broadcasts the given shapes to (np.broadcast_shapes, the ufunc rule). */
export function broadcastShapes(...shapes: number[][]): number[] {
  let ndim = 0;
  for (const s of shapes) if (s.length > ndim) ndim = s.length;
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const lead = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[lead + i];
      if (d === o || d === 1) continue;
      if (o !== 1) {
        throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(shapeTuple).join(" ")} `);
      }
      out[lead + i] = d;
    }
  }
  return out;
}

/** Whether `from` stretches to `to` by the broadcasting rule, without adding leading axes to `to`. */
function stretches(from: readonly number[], to: readonly number[]): boolean {
  const off = to.length - from.length;
  return off >= 0 && from.every((d, i) => d === 1 || d === to[off + i]);
}

/** np.broadcast_to, materialised: storage is always contiguous, so the result is a new array
 *  (numpy returns a read-only view; nothing here writes through one). */
export function broadcastTo(a: NDArray, shape: number[]): NDArray {
  if (shape.some((d) => d < 0)) throw new ValueError("all elements of broadcast shape must be non-negative");
  if (a.ndim > shape.length) {
    throw new ValueError(
      shape.length === 0
        ? "cannot broadcast a non-scalar to a scalar array"
        : "input operand has more dimensions than allowed by the axis remapping",
    );
  }
  if (!stretches(a.shape, shape)) {
    // numpy's nditer message, two spaces included.
    throw new ValueError(
      "operands could not be broadcast together with remapped shapes [original->remapped]: " +
        `${shapeTuple(a.shape)}  and requested shape ${shapeTuple(shape)}`,
    );
  }
  const out = emptyFloat64(shapeSize(shape));
  const src = a.data;
  forEachRun(shape, [a.shape], (o, n, offs, steps) => {
    const start = offs[0];
    const step = steps[0];
    for (let i = 0; i < n; i++) out[o + i] = src[start + i * step];
  });
  return new NDArray(out, shape, a.dtype);
}

/** numpy's copyto (np.full's fill, a[...] = value): `value` stretched to `shape`, where `value` may
 *  also carry extra leading length-1 axes. Always a new array. */
export function broadcastInto(value: NDArray, shape: number[]): NDArray {
  let lead = 0;
  while (value.ndim - lead > shape.length && value.shape[lead] === 1) lead++;
  const src = lead ? new NDArray(value.data, value.shape.slice(lead), value.dtype) : value;
  if (!stretches(src.shape, shape)) {
    throw new ValueError(`could not broadcast input array from shape ${shapeTuple(value.shape)} into shape ${shapeTuple(shape)}`);
  }
  return broadcastTo(src, shape);
}

/** Called once per run: `n` output elements starting at flat offset `outOffset`; operand k's
 *  elements start at offsets[k] and advance by steps[k] (0 when broadcast along the run). */
export type RunVisitor = (outOffset: number, n: number, offsets: Int32Array, steps: Int32Array) => void;

/** Walks the row-major iteration space of `outShape` (already the broadcast of `inShapes`) as runs
 *  along the innermost axis, after dropping length-1 axes and merging axes that are contiguous in
 *  every operand. So same-shape operands give one run over everything, (n,m)+(n,1) gives n runs
 *  of m with step 0 for the bias, (n,m)+(1,m) n runs of m restarting the row. Per-element work
 *  stays in the caller's typed loop; the bookkeeping here is per run. */
export function forEachRun(outShape: readonly number[], inShapes: readonly (readonly number[])[], visit: RunVisitor): void {
  const k = inShapes.length;
  const ndim = outShape.length;
  if (shapeSize(outShape) === 0) return;
  // Collapsed axes: dims[j] and, for operand p, strides[j * k + p].
  const dims: number[] = [];
  const strides: number[] = [];
  const acc = new Array<number>(k).fill(1); // each operand's contiguous stride at the current axis
  const axisStrides = new Array<number>(k);
  for (let ax = ndim - 1; ax >= 0; ax--) {
    const d = outShape[ax];
    for (let p = 0; p < k; p++) {
      const s = inShapes[p];
      const local = ax - (ndim - s.length);
      const len = local >= 0 ? s[local] : 1;
      axisStrides[p] = len === 1 ? 0 : acc[p];
      acc[p] *= len;
    }
    if (d === 1) continue;
    // Merge with the axis collected just before (the next inner one) when that is the same as
    // one longer axis for every operand.
    const last = dims.length - 1;
    let merge = last >= 0;
    for (let p = 0; merge && p < k; p++) {
      if (axisStrides[p] !== strides[last * k + p] * dims[last]) merge = false;
    }
    if (merge) {
      dims[last] *= d;
    } else {
      dims.push(d);
      for (let p = 0; p < k; p++) strides.push(axisStrides[p]);
    }
  }
  // dims were collected innermost first.
  const m = dims.length;
  const offsets = new Int32Array(k);
  const steps = new Int32Array(k);
  if (m === 0) {
    visit(0, 1, offsets, steps);
    return;
  }
  const inner = dims[0];
  for (let p = 0; p < k; p++) steps[p] = strides[p];
  let runs = 1;
  for (let j = 1; j < m; j++) runs *= dims[j];
  const counter = new Int32Array(m);
  for (let r = 0, o = 0; r < runs; r++, o += inner) {
    visit(o, inner, offsets, steps);
    // Odometer over the outer axes (index 1 is the fastest of them).
    for (let j = 1; j < m; j++) {
      const base = j * k;
      if (++counter[j] < dims[j]) {
        for (let p = 0; p < k; p++) offsets[p] += strides[base + p];
        break;
      }
      counter[j] = 0;
      for (let p = 0; p < k; p++) offsets[p] -= strides[base + p] * (dims[j] - 1);
    }
  }
}
