// The elementary functions np, nn and the data-set generators compute with: fdlibm's numbers in
// every engine, at the engine's own speed where the engine already computes them.
//
// np/fdlibm.ts ports fdlibm's exp, log, sin, cos, expm1 and tanh so that a browser (whose V8 takes
// several of these from LLVM's libc) gives the same bits as Node. Node 20's V8 runs fdlibm's
// algorithms itself (its src/base/ieee754.cc), and there its Math.* are the same functions, faster
// in places (Math.tanh 11 ns a value against the port's 31 ns here). So at load this module calls
// both on a fixed set of inputs spread over each function's range (probeInputs, about 24,000
// values); if the engine's Math agrees with the ports on every one, np uses Math.*, otherwise the
// ports, for all six together (an engine that swapped its libm shows it in exp and sin on ~10 % and
// ~3 % of inputs, so the probe cannot miss it). tests/np/fdlibm.test.ts checks the ports against
// Node 20's Math bit for bit on over a million inputs per function, which is what makes "agrees
// on the probe" mean "the same function" here.
//
// NNLAB_LIBM=fdlibm forces the ports (to check that a result does not depend on the choice).
import * as fdlibm from "./fdlibm";
import { envVar } from "./env";

type Fn = (x: number) => number;
const NAMES = ["exp", "log", "sin", "cos", "expm1", "tanh"] as const;
export type ElementaryName = (typeof NAMES)[number];

const PORTS: Record<ElementaryName, Fn> = {
  exp: fdlibm.exp, log: fdlibm.log, sin: fdlibm.sin, cos: fdlibm.cos, expm1: fdlibm.expm1, tanh: fdlibm.tanh,
};
const NATIVE: Record<ElementaryName, Fn> = {
  exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, expm1: Math.expm1, tanh: Math.tanh,
};

/** The probe's inputs for one function: values in the ranges where its algorithm takes each of
 *  its paths (argument reduction, the polynomial near 0, the tails), from a fixed xorshift stream,
 *  and the special values. */
export function probeInputs(name: ElementaryName): Float64Array {
  let s = 0x9e3779b9 ^ name.length * 0x85ebca6b;
  const uniform = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const ranges: [number, number, number][] = // [count, low, high]
    name === "exp" ? [[2048, -745, 710], [1024, -1, 1], [1024, -1e-8, 1e-8]]
      : name === "log" ? [[2048, 0, 4], [1024, 0.9, 1.1]]
        : name === "sin" || name === "cos" ? [[1024, -1e6, 1e6], [2048, -10, 10], [1024, -1e-3, 1e-3]]
          : [[2048, -40, 40], [1024, -1, 1], [1024, -1e-5, 1e-5]];
  const out: number[] = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 5e-324, 1.7976931348623157e308];
  for (const [count, lo, hi] of ranges) for (let i = 0; i < count; i++) out.push(lo + (hi - lo) * uniform());
  if (name === "log") for (let i = 0; i < 1024; i++) out.push(2 ** (-1074 + 2097 * uniform()) * (1 + uniform()));
  return Float64Array.from(out);
}

/** True when the engine's Math.<name> (or `native`, given) returns the port's bits on every probe input. */
export function nativeAgrees(name: ElementaryName, native: Fn = NATIVE[name]): boolean {
  const port = PORTS[name];
  for (const x of probeInputs(name)) if (!Object.is(native(x), port(x))) return false;
  return true;
}

function choose(): "native" | "fdlibm" {
  if (envVar("NNLAB_LIBM") === "fdlibm") return "fdlibm";
  return NAMES.every((name) => nativeAgrees(name)) ? "native" : "fdlibm";
}

const SOURCE = choose();
const pick = SOURCE === "native" ? NATIVE : PORTS;

/** e^x, fdlibm's value (see the top of this file). */
export const exp: Fn = pick.exp;
/** The natural logarithm, fdlibm's value. */
export const log: Fn = pick.log;
/** sin x, fdlibm's value. */
export const sin: Fn = pick.sin;
/** cos x, fdlibm's value. */
export const cos: Fn = pick.cos;
/** e^x - 1, fdlibm's value. */
export const expm1: Fn = pick.expm1;
/** tanh x, fdlibm's value. */
export const tanh: Fn = pick.tanh;

/** Where the functions come from here: the engine's Math ("native") or np/fdlibm.ts. */
export function elementarySource(): "native" | "fdlibm" {
  return SOURCE;
}
