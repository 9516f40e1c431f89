// np.testing's array assertions, with numpy 1.24's checks and its failure report line for line:
// the header, err_msg, the shape or NaN/inf-position mismatch, or "Mismatched elements", "Max
// absolute difference" and "Max relative difference", then " x: array(...)" and " y: array(...)"
// printed by nnlab's numpy-identical repr at the assertion's precision (at most 3 lines each).
// The logic follows numpy.testing._private.utils (assert_array_compare and build_err_msg).
import { NDArray, shapeStr, type ArrayLike } from "./ndarray";
import { asarray } from "./convert";
import { array_repr, array2string, repr } from "./format";
import { abs, equal, isclose, minimum, subtract } from "./ops";
import { formatG } from "./pyformat";

/**
 * Python's AssertionError, which np.testing's assertions raise when the values differ.
 *
 * Its message is numpy's report, line for line (the header, the mismatch count, the largest
 * differences, both arrays). `catch (e) { if (e instanceof np.testing.AssertionError) ... }` is
 * Python's `except AssertionError:`. Mirrors Python's builtin AssertionError.
 *
 * @param message - the report
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.testing.assert_array_equal([1, 2], [1, 3]); } catch (e) { if (e instanceof np.testing.AssertionError) console.log(e.message); }
 */
export class AssertionError extends Error {}
AssertionError.prototype.name = "AssertionError";

// ---------------------------------------------------------------- the report

/** numpy's build_err_msg: the header (err_msg on the same line if it is short and one line), then
 *  each value's repr (arrays at `precision`), cut to 3 lines with "...". */
function buildErrMsg(
  values: readonly unknown[],
  errMsg: string,
  header: string,
  verbose: boolean,
  names: readonly [string, string],
  precision: number,
): string {
  const msg = ["\n" + header];
  if (errMsg) {
    if (!errMsg.includes("\n") && [...errMsg].length < 79 - [...header].length) msg[0] += " " + errMsg;
    else msg.push(errMsg);
  }
  if (verbose) {
    values.forEach((v, i) => {
      let r = v instanceof NDArray ? array_repr(v, { precision }) : repr(v);
      const lines = r.split("\n");
      if (lines.length - 1 > 3) r = lines.slice(0, 3).join("\n") + "...";
      msg.push(` ${names[i]}: ${r}`);
    });
  }
  return msg.join("\n");
}

/** Which elements a NaN/inf test flags: one flag for a 0-d operand, else one per element. */
type Flags = { scalar: boolean } | { mask: Uint8Array };

interface CompareOptions {
  err_msg: string;
  verbose: boolean;
  header: string;
  precision: number;
  equal_nan?: boolean;
  strict?: boolean;
}

/** numpy's assert_array_compare: shapes, NaN and ±inf positions, then `comparison` on the rest. */
function assertArrayCompare(
  comparison: (x: NDArray, y: NDArray) => NDArray,
  xIn: ArrayLike,
  yIn: ArrayLike,
  o: CompareOptions,
): void {
  const x = asarray(xIn);
  const y = asarray(yIn);
  const fail = (errMsg: string, values: unknown[] = [x, y]): never => {
    throw new AssertionError(buildErrMsg(values, errMsg, o.header, o.verbose, ["x", "y"], o.precision));
  };
  const sameShape = x.ndim === y.ndim && x.shape.every((n, i) => n === y.shape[i]);
  const cond = o.strict ? sameShape && x.dtype === y.dtype : x.ndim === 0 || y.ndim === 0 || sameShape;
  if (!cond) {
    fail(o.err_msg + (sameShape
      ? `\n(dtypes ${x.dtype}, ${y.dtype} mismatch)`
      : `\n(shapes ${shapeStr(x.shape)}, ${shapeStr(y.shape)} mismatch)`));
  }

  // func_assert_same_pos: the predicate must hold at the same places in x and y.
  const samePos = (pred: (v: number) => boolean, hasval: string): Flags => {
    const xid = Uint8Array.from(x.data, (v) => (pred(v) ? 1 : 0));
    const yid = Uint8Array.from(y.data, (v) => (pred(v) ? 1 : 0));
    const n = Math.max(xid.length, yid.length);
    const xs = x.ndim === 0 ? 0 : 1;
    const ys = y.ndim === 0 ? 0 : 1;
    for (let i = 0; i < n && x.size > 0 && y.size > 0; i++) {
      if (xid[i * xs] !== yid[i * ys]) fail(o.err_msg + `\nx and y ${hasval} location mismatch:`);
    }
    if (x.ndim === 0) return { scalar: xid[0] === 1 };
    if (y.ndim === 0) return { scalar: yid[0] === 1 };
    return { mask: yid };
  };
  const or = (a: Flags, b: Flags): Flags => {
    if ("scalar" in a && "scalar" in b) return { scalar: a.scalar || b.scalar };
    if ("mask" in a && "mask" in b) return { mask: a.mask.map((v, i) => v | b.mask[i]) };
    const [s, m] = "scalar" in a ? [a.scalar, (b as { mask: Uint8Array }).mask] : [(b as { scalar: boolean }).scalar, a.mask];
    return { mask: m.map((v) => (s ? 1 : v)) };
  };
  let flagged: Flags = { scalar: false };
  if (o.equal_nan ?? true) flagged = samePos((v) => v !== v, "nan");
  flagged = or(flagged, samePos((v) => v === Infinity, "+inf"));
  flagged = or(flagged, samePos((v) => v === -Infinity, "-inf"));

  let xs = x;
  let ys = y;
  if ("mask" in flagged) {
    const keep = (a: NDArray): NDArray => {
      const m = (flagged as { mask: Uint8Array }).mask;
      const out = a.data.filter((_, i) => m[i] === 0);
      return new NDArray(out, [out.length], a.dtype);
    };
    xs = keep(x);
    ys = keep(y);
    if (xs.size === 0) return;
  } else if (flagged.scalar) {
    return;
  }

  const val = comparison(xs, ys).data;
  let mismatched = 0;
  for (let i = 0; i < val.length; i++) if (val[i] === 0) mismatched++;
  if (mismatched === 0) return;

  const nElements = "mask" in flagged ? flagged.mask.length : val.length;
  const remarks = [`Mismatched elements: ${mismatched} / ${nElements} (${formatG((100 * mismatched) / nElements, 3)}%)`];
  let error: NDArray | null = null;
  try {
    error = abs(subtract(xs, ys));
    // unsigned x - y wraps: numpy takes the smaller of |x - y| and |y - x|
    if (xs.dtype === "uint8") error = minimum(error, abs(subtract(ys, xs)));
  } catch (e) {
    // numpy skips the differences when x - y is a TypeError (bool - bool)
    if (!(e instanceof TypeError)) throw e;
  }
  if (error !== null) {
    const ed = error.data;
    let maxAbs = -Infinity;
    for (let i = 0; i < ed.length; i++) maxAbs = Math.max(maxAbs, ed[i]);
    remarks.push("Max absolute difference: " + array2string(new NDArray(Float64Array.of(maxAbs), [], error.dtype)));
    // error / |y| where y != 0 (y broadcast against the error's shape)
    const yd = ys.data;
    const step = ys.ndim === 0 ? 0 : 1;
    let maxRel = -Infinity;
    let any = false;
    for (let i = 0; i < ed.length; i++) {
      const yv = yd[i * step];
      if (yv === 0) continue;
      any = true;
      maxRel = Math.max(maxRel, ed[i] / Math.abs(yv));
    }
    if (!any) maxRel = Infinity;
    remarks.push("Max relative difference: " + array2string(new NDArray(Float64Array.of(maxRel), [], "float64")));
  }
  fail(o.err_msg + "\n" + remarks.join("\n"));
}

// ---------------------------------------------------------------- the assertions

/** assert_allclose's keyword arguments. */
export interface AllcloseOptions {
  /** Relative tolerance (default 1e-7). */
  rtol?: number;
  /** Absolute tolerance (default 0). */
  atol?: number;
  /** NaNs at the same positions compare equal (default true). */
  equal_nan?: boolean;
  /** Printed under the header when the assertion fails. */
  err_msg?: string;
  /** Append the two arrays to the report (default true). */
  verbose?: boolean;
}

/**
 * Raises an AssertionError if two arrays are not equal up to the desired tolerance.
 *
 * Mirrors numpy.testing.assert_allclose: the test is `|actual - desired| <= atol + rtol * |desired|`
 * elementwise (np.isclose), after checking that the shapes agree (a 0-d side broadcasts) and that
 * NaN (with equal_nan) and ±inf sit at the same places. The message is numpy's report, line for
 * line: "Not equal to tolerance rtol=1e-07, atol=0", the mismatch count, the largest absolute and
 * relative differences, and both arrays printed at precision 6.
 *
 * @param actual - the array obtained
 * @param desired - the array desired
 * @param rtol - relative tolerance (default 1e-7), or an options object { rtol, atol, equal_nan, err_msg, verbose }
 * @param atol - absolute tolerance (default 0)
 * @param equal_nan - whether NaNs compare equal (default true)
 * @param err_msg - the error message to be printed in case of failure
 * @param verbose - whether the conflicting values are appended to the error message (default true)
 * @example np.testing.assert_allclose(parameters.W1, expected_W1, { rtol: 1e-5 });
 */
export function assert_allclose(
  actual: ArrayLike,
  desired: ArrayLike,
  rtol: number | AllcloseOptions = 1e-7,
  atol = 0,
  equal_nan = true,
  err_msg = "",
  verbose = true,
): void {
  const o: Required<AllcloseOptions> = typeof rtol === "object"
    ? { rtol: 1e-7, atol: 0, equal_nan: true, err_msg: "", verbose: true, ...stripUndefined(rtol) }
    : { rtol, atol, equal_nan, err_msg, verbose };
  const header = `Not equal to tolerance rtol=${formatG(o.rtol)}, atol=${formatG(o.atol)}`;
  assertArrayCompare((x, y) => isclose(x, y, o.rtol, o.atol, o.equal_nan), actual, desired, {
    err_msg: String(o.err_msg), verbose: o.verbose, header, precision: 6, equal_nan: o.equal_nan,
  });
}

/** The keyword arguments of assert_array_almost_equal and assert_almost_equal. */
export interface AlmostEqualOptions {
  /** Desired precision: |desired - actual| < 1.5 * 10**(-decimal). */
  decimal?: number;
  /** Printed under the header when the assertion fails. */
  err_msg?: string;
  /** Append the two values to the report (default true). */
  verbose?: boolean;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Python's 10.0 ** (-decimal), exact for integer decimals as the decimal literal is. */
function tolerance(decimal: number): number {
  return 1.5 * (Number.isInteger(decimal) ? Number(`1e${-decimal}`) : Math.pow(10, -decimal));
}

/**
 * Raises an AssertionError if two arrays are not equal up to the desired number of decimals.
 *
 * Mirrors numpy.testing.assert_array_almost_equal: elementwise `|desired - actual| < 1.5 *
 * 10**(-decimal)`, after the same shape and NaN/inf-position checks as assert_allclose; the report
 * prints the arrays at `decimal` digits.
 *
 * @param x - the array obtained
 * @param y - the array desired
 * @param decimal - desired precision (default 6), or an options object { decimal, err_msg, verbose }
 * @param err_msg - the error message to be printed in case of failure
 * @param verbose - whether the conflicting values are appended to the error message (default true)
 * @example np.testing.assert_array_almost_equal(dA_prev, expected, 6);
 */
export function assert_array_almost_equal(
  x: ArrayLike,
  y: ArrayLike,
  decimal: number | AlmostEqualOptions = 6,
  err_msg = "",
  verbose = true,
): void {
  const o: Required<AlmostEqualOptions> = typeof decimal === "object"
    ? { decimal: 6, err_msg: "", verbose: true, ...stripUndefined(decimal) }
    : { decimal, err_msg, verbose };
  const tol = tolerance(o.decimal);
  const compare = (a: NDArray, b: NDArray): NDArray => {
    const diff = abs(subtract(a, asarray(b, "float64")));
    return new NDArray(diff.data.map((v) => (v < tol ? 1 : 0)), diff.shape, "bool");
  };
  assertArrayCompare(compare, x, y, {
    err_msg: o.err_msg, verbose: o.verbose, header: `Arrays are not almost equal to ${Math.trunc(o.decimal)} decimals`,
    precision: o.decimal,
  });
}

/** assert_array_equal's keyword arguments. */
export interface ArrayEqualOptions {
  /** Printed under the header when the assertion fails. */
  err_msg?: string;
  /** Append the two arrays to the report (default true). */
  verbose?: boolean;
  /** Also require the same shape (no 0-d broadcasting) and the same dtype. */
  strict?: boolean;
}

/**
 * Raises an AssertionError if two arrays are not equal.
 *
 * Mirrors numpy.testing.assert_array_equal: same shape (a 0-d side broadcasts unless `strict`),
 * NaNs at the same places count as equal, and every other element must be ==. With `strict` the
 * dtypes must match too.
 *
 * @param x - the array obtained
 * @param y - the array desired
 * @param err_msg - the error message to be printed in case of failure, or an options object { err_msg, verbose, strict }
 * @param verbose - whether the conflicting values are appended to the error message (default true)
 * @example np.testing.assert_array_equal(Y_prediction, np.array([[1, 1, 0]]));
 */
export function assert_array_equal(
  x: ArrayLike,
  y: ArrayLike,
  err_msg: string | ArrayEqualOptions = "",
  verbose = true,
): void {
  const o: Required<ArrayEqualOptions> = typeof err_msg === "object"
    ? { err_msg: "", verbose: true, strict: false, ...stripUndefined(err_msg) }
    : { err_msg, verbose, strict: false };
  assertArrayCompare((a, b) => equal(a, b), x, y, {
    err_msg: o.err_msg, verbose: o.verbose, header: "Arrays are not equal", precision: 6, strict: o.strict,
  });
}

/**
 * Raises an AssertionError if two numbers (or arrays) are not equal up to the desired number of decimals.
 *
 * Mirrors numpy.testing.assert_almost_equal: for numbers, `|desired - actual| < 1.5 * 10**(-decimal)`
 * (NaN equals NaN, infinities must be equal), reported with both values' repr; arrays (NDArrays or
 * JS arrays, numpy's ndarray/list/tuple) go to assert_array_almost_equal.
 *
 * @param actual - the value obtained
 * @param desired - the value desired
 * @param decimal - desired precision (default 7), or an options object { decimal, err_msg, verbose }
 * @param err_msg - the error message to be printed in case of failure
 * @param verbose - whether the conflicting values are appended to the error message (default true)
 * @example np.testing.assert_almost_equal(cost, 0.6931471805599453);
 */
export function assert_almost_equal(
  actual: ArrayLike,
  desired: ArrayLike,
  decimal: number | AlmostEqualOptions = 7,
  err_msg = "",
  verbose = true,
): void {
  const o: Required<AlmostEqualOptions> = typeof decimal === "object"
    ? { decimal: 7, err_msg: "", verbose: true, ...stripUndefined(decimal) }
    : { decimal, err_msg, verbose };
  const isArray = (v: unknown) => v instanceof NDArray || Array.isArray(v);
  if (isArray(actual) || isArray(desired)) {
    // numpy passes decimal and err_msg on, not verbose
    assert_array_almost_equal(actual, desired, o.decimal, o.err_msg);
    return;
  }
  const fail = (): never => {
    const header = `Arrays are not almost equal to ${Math.trunc(o.decimal)} decimals`;
    throw new AssertionError(buildErrMsg([actual, desired], o.err_msg, header, o.verbose, ["ACTUAL", "DESIRED"], 8));
  };
  const a = Number(actual);
  const d = Number(desired);
  if (!(Number.isFinite(d) && Number.isFinite(a))) {
    if (d !== d || a !== a) {
      if (!(d !== d && a !== a)) fail();
    } else if (d !== a) {
      fail();
    }
    return;
  }
  if (Math.abs(d - a) >= tolerance(o.decimal)) fail();
}
