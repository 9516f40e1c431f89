// fdlibm's exp, log, sin, cos, expm1 and tanh, ported to JavaScript: the same numbers in every
// JavaScript engine.
//
// Math.exp, Math.log, Math.sin, ... are whatever the engine links: Node 20's V8 runs fdlibm's
// algorithms (its src/base/ieee754.cc), while Chromium's V8 now takes several of them from LLVM's
// libc, so the same seed gave different last bits in a browser and in Node (exp on ~10 % of inputs,
// sin/cos on ~3 %, tanh on ~0.04 %). These ports use only IEEE-754 +, -, *, / and bit access,
// which every engine rounds alike, so they agree everywhere; and they are fdlibm's algorithms with
// fdlibm's constants, so in Node 20 they return exactly what Math.* returned (tests/np/fdlibm.test.ts
// checks that bit for bit). np's elementwise exp/log/sin/cos/tanh, nn's activations and losses and
// the data-set generators use them.
//
// Arguments beyond 2^19·π/2 in sin/cos would need fdlibm's multi-precision reduction
// (__kernel_rem_pio2); those few fall back to Math.sin/Math.cos.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // u32[0] = low word, u32[1] = high word (little-endian)

function high(x: number): number {
  f64[0] = x;
  return u32[1] | 0;
}

function fromWords(hi: number, lo: number): number {
  u32[1] = hi;
  u32[0] = lo;
  return f64[0];
}

// 2^e for -1074 <= e <= 1024 (2^1024 = Infinity) at POW2[e + POW2_BIAS], built by exact doublings
// and halvings. The hot paths multiply by these instead of assembling 2^e from its words: writing
// two 32-bit halves and reading the double back stalls the CPU's store forwarding (the words must
// reach the cache first), which made log 2× slower than Math.log. Scaling by a power of two is
// exact whenever the result is a normal number, so the results are the same bits.
const POW2_BIAS = 1074;
const POW2 = new Float64Array(POW2_BIAS + 1025);
POW2[POW2_BIAS] = 1;
for (let e = 1; e <= 1024; e++) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1] * 2;
for (let e = -1; e >= -1074; e--) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e + 1] * 0.5;

const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INVLN2 = 1.442695040888963387; // 0x3FF71547 652B82FE

const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/**
 * e^x by fdlibm's algorithm: x = k ln2 + r, then a degree-5 rational approximation on |r| <= ln2/2.
 *
 * Bit-identical to Node 20's Math.exp, and the same in every JavaScript engine.
 *
 * @param x - a number
 * @returns e ** x (Infinity above 709.78..., 0 below -745.13...)
 * @example fdlibm.exp(1); // 2.718281828459045
 */
export function exp(x: number): number {
  f64[0] = x;
  let hx = u32[1];
  const lx = u32[0];
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lx) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0;
    }
    if (x > 7.09782712893383973096e2) return Infinity;
    if (x < -7.45133219101941108420e2) return 0;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return Math.E; // V8's special case: fdlibm's last bit of e is off
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INVLN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * 8.98846567431158e307;
    return y * POW2[POW2_BIAS + k];
  }
  return y * POW2[POW2_BIAS + k + 1000] * 9.33263618503218878990e-302;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * The natural logarithm by fdlibm's algorithm: x = 2^k (1 + f), log(1 + f) from s = f / (2 + f).
 *
 * Bit-identical to Node 20's Math.log, and the same in every JavaScript engine.
 *
 * @param x - a number
 * @returns ln(x): -Infinity at 0, NaN below 0
 * @example fdlibm.log(Math.E); // 1
 */
export function log(x: number): number {
  f64[0] = x;
  let hx = u32[1] | 0;
  const lx = u32[0];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = high(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  const hxe = hx;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  // x or x/2 in [sqrt(2)/2, sqrt(2)): fdlibm sets x's exponent word to 0x3ff (or 0x3fe); the same
  // as scaling x by 2^-(its exponent + i), exactly
  x *= POW2[POW2_BIAS + 1023 - (hxe >> 20) - (i >> 20)];
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/**
 * e^x - 1, accurate near 0, by fdlibm's algorithm.
 *
 * Bit-identical to Node 20's Math.expm1, and the same in every JavaScript engine.
 *
 * @param x - a number
 * @returns e ** x - 1
 * @example fdlibm.expm1(1e-10); // 1.00000000005e-10
 */
export function expm1(x: number): number {
  f64[0] = x;
  let hx = u32[1];
  const low = u32[0];
  const xsb = hx & 0x80000000;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | low) !== 0) return x + x;
        return xsb === 0 ? x : -1.0;
      }
      if (x > 7.09782712893383973096e2) return Infinity;
    }
    if (xsb !== 0) return -1.0; // x < -56 ln2
  }
  let hi: number;
  let lo: number;
  let k: number;
  let c = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INVLN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x;
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  const twopk = POW2[POW2_BIAS + k];
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) {
    y = 1 - (e - x);
    y = k === 1024 ? y * 2.0 * 8.98846567431158e307 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = 1 - POW2[POW2_BIAS - k]; // 1 - 2^-k, exact
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = POW2[POW2_BIAS - k]; // 2^-k
    y = x - (e + t);
    y += 1;
    y = y * twopk;
  }
  return y;
}

/**
 * The hyperbolic tangent by fdlibm's algorithm (through expm1 of 2|x|).
 *
 * Bit-identical to Node 20's Math.tanh, and the same in every JavaScript engine.
 *
 * @param x - a number
 * @returns tanh(x), in [-1, 1]
 * @example fdlibm.tanh(0.5); // 0.46211715726000974
 */
export function tanh(x: number): number {
  const jx = high(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    if (jx >= 0) return 1 / x + 1;
    return 1 / x - 1;
  }
  let z: number;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| >= 22
  }
  return jx >= 0 ? z : -z;
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kernelSin(x: number, y: number, iy: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

function kernelCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

const INVPIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

/** x rem π/2 as y0 + y1 (in REM), returning n (x ≈ n π/2 + y) for pi/4 < |x| <= 2^19 π/2. */
const REM = new Float64Array(2);
function remPio2(x: number, hx: number, ix: number): number {
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        REM[0] = z - PIO2_1T;
        REM[1] = (z - REM[0]) - PIO2_1T;
      } else {
        z -= PIO2_2;
        REM[0] = z - PIO2_2T;
        REM[1] = (z - REM[0]) - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      REM[0] = z + PIO2_1T;
      REM[1] = (z - REM[0]) + PIO2_1T;
    } else {
      z += PIO2_2;
      REM[0] = z + PIO2_2T;
      REM[1] = (z - REM[0]) + PIO2_2T;
    }
    return -1;
  }
  let t = Math.abs(x);
  const n = Math.trunc(t * INVPIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  if (n < 32 && ix !== NPIO2_HW[n - 1]) {
    REM[0] = r - w;
  } else {
    const j = ix >> 20;
    REM[0] = r - w;
    let i = j - ((high(REM[0]) >> 20) & 0x7ff);
    if (i > 16) {
      t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - ((t - r) - w);
      REM[0] = r - w;
      i = j - ((high(REM[0]) >> 20) & 0x7ff);
      if (i > 49) {
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - ((t - r) - w);
        REM[0] = r - w;
      }
    }
  }
  REM[1] = (r - REM[0]) - w;
  if (hx < 0) {
    REM[0] = -REM[0];
    REM[1] = -REM[1];
    return -n;
  }
  return n;
}

/**
 * The sine by fdlibm's algorithm: reduction modulo π/2, then the kernel polynomials.
 *
 * Bit-identical to Node 20's Math.sin, and the same in every JavaScript engine, for |x| up to
 * 2^19 π/2; beyond, the engine's Math.sin.
 *
 * @param x - an angle in radians
 * @returns sin(x)
 * @example fdlibm.sin(Math.PI / 6); // 0.49999999999999994
 */
export function sin(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0);
  if (ix >= 0x7ff00000) return NaN;
  if (ix > 0x413921fb) return Math.sin(x); // needs __kernel_rem_pio2
  const n = remPio2(x, hx, ix);
  switch (n & 3) {
    case 0:
      return kernelSin(REM[0], REM[1], 1);
    case 1:
      return kernelCos(REM[0], REM[1]);
    case 2:
      return -kernelSin(REM[0], REM[1], 1);
    default:
      return -kernelCos(REM[0], REM[1]);
  }
}

/**
 * The cosine by fdlibm's algorithm: reduction modulo π/2, then the kernel polynomials.
 *
 * Bit-identical to Node 20's Math.cos, and the same in every JavaScript engine, for |x| up to
 * 2^19 π/2; beyond, the engine's Math.cos.
 *
 * @param x - an angle in radians
 * @returns cos(x)
 * @example fdlibm.cos(0); // 1
 */
export function cos(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  if (ix > 0x413921fb) return Math.cos(x);
  const n = remPio2(x, hx, ix);
  switch (n & 3) {
    case 0:
      return kernelCos(REM[0], REM[1]);
    case 1:
      return -kernelSin(REM[0], REM[1], 1);
    case 2:
      return -kernelCos(REM[0], REM[1]);
    default:
      return kernelSin(REM[0], REM[1], 1);
  }
}
