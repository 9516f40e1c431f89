// The CNN lab ("Convolutional Model: Step by Step") against numpy: every function on the cases
// tests/fixtures/gen_cnn.py recorded (several seeds, strides, pads and window sizes, windows that
// do not tile the input), centred-difference gradient checks of both backward passes, and the
// lab's check cells printing what they print under numpy 1.24.
import { describe, expect, it } from "vitest";
import * as cnn from "../../src/labs/cnn";
import * as testcases from "../../src/labs/testcases";
import * as np from "../../src/np";
import { NDArray, shapeStr } from "../../src/np/ndarray";
import { ValueError } from "../../src/np/errors";
import { captureOutput } from "../fixtures/labs/replay";
import { dec, load, type Rec } from "../fixtures/np_extra/fixture";
import { join } from "node:path";

interface ConvCase {
  seed: number;
  hparameters: cnn.ConvHParameters;
  A_prev: Rec; W: Rec; b: Rec; Z: Rec; dZ: Rec; dA_prev: Rec; dW: Rec; db: Rec; A_prev_pad: Rec;
}
interface PoolCase {
  seed: number;
  ties?: boolean;
  hparameters: cnn.PoolHParameters;
  A_prev: Rec;
  dA: Rec;
  max: { A: Rec; dA_prev: Rec };
  average: { A: Rec; dA_prev: Rec };
}
interface Fixture {
  zero_pad: { x: Rec; pad: number; x_pad: Rec }[];
  conv_single_step: { a_slice_prev: Rec; W: Rec; b: Rec; Z: Rec }[];
  conv: ConvCase[];
  pool: PoolCase[];
  create_mask_from_window: { x: Rec; mask: Rec }[];
  distribute_value: { dz: number; shape: [number, number]; a: Rec }[];
  lab: Record<string, string>;
}

const fx = load<Fixture>(join("..", "cnn", "cnn.json"));

/** Largest |a - b| / max(|b|, tiny) over the elements; shapes and dtypes must agree. */
function relErr(actual: NDArray | number, expected: Rec): number {
  const want = dec(expected);
  if (typeof actual === "number") {
    expect(want.shape).toEqual([]);
    return Math.abs(actual - want.data[0]) / Math.max(Math.abs(want.data[0]), 1e-300);
  }
  expect({ shape: actual.shape, dtype: actual.dtype }).toEqual({ shape: want.shape, dtype: want.dtype });
  let worst = 0;
  const scale = Math.max(1e-300, ...Array.from(want.data, Math.abs));
  for (let i = 0; i < want.size; i++) {
    // Relative to the element, or to the array's scale where the element is (nearly) zero.
    const d = Math.abs(actual.data[i] - want.data[i]) / Math.max(Math.abs(want.data[i]), 1e-3 * scale);
    worst = Math.max(worst, d);
  }
  return worst;
}

function expectClose(actual: NDArray | number, expected: Rec, rtol: number, label: string): void {
  const e = relErr(actual, expected);
  expect(e, `${label}: relative error ${e}`).toBeLessThanOrEqual(rtol);
}

/** Bit-identical (Object.is on every element): the loops add in numpy's order. */
function sameBits(actual: NDArray, expected: Rec): boolean {
  const want = dec(expected);
  return want.size === actual.size && Array.from(want.data).every((v, i) => Object.is(v, actual.data[i]));
}

const FWD = 1e-10;
const GRAD = 1e-9;

describe("cnn functions vs numpy (gen_cnn.py)", () => {
  it(`zero_pad: ${fx.zero_pad.length} cases, exactly`, () => {
    for (const c of fx.zero_pad) {
      const out = cnn.zero_pad(dec(c.x), c.pad);
      expect(sameBits(out, c.x_pad), `pad ${c.pad}`).toBe(true);
      expect(out.shape).toEqual(c.x_pad.shape);
    }
  });

  it(`conv_single_step: ${fx.conv_single_step.length} cases`, () => {
    for (const c of fx.conv_single_step) {
      const Z = cnn.conv_single_step(dec(c.a_slice_prev), dec(c.W), dec(c.b));
      expect(typeof Z).toBe("number");
      expectClose(Z, c.Z, FWD, `conv_single_step ${shapeStr(c.W.shape)}`);
    }
  });

  describe("conv_forward and conv_backward", () => {
    for (const c of fx.conv) {
      const label = `seed ${c.seed}: A_prev ${shapeStr(c.A_prev.shape)}, W ${shapeStr(c.W.shape)}, pad ${c.hparameters.pad}, stride ${c.hparameters.stride}`;
      it(label, () => {
        const A_prev = dec(c.A_prev);
        const W = dec(c.W);
        const b = dec(c.b);
        const [Z, cache] = cnn.conv_forward(A_prev, W, b, c.hparameters);
        expectClose(Z, c.Z, FWD, "Z");
        expect(cache[0]).toBe(A_prev);
        expect(cache[1]).toBe(W);
        expect(cache[2]).toBe(b);
        expect(cache[3]).toEqual(c.hparameters);
        const [dA_prev, dW, db] = cnn.conv_backward(dec(c.dZ), cache);
        expectClose(dA_prev, c.dA_prev, GRAD, "dA_prev");
        expectClose(dW, c.dW, GRAD, "dW");
        expectClose(db, c.db, GRAD, "db");
        // The loops add in numpy's order, so these come out bit for bit.
        expect([Z, dA_prev, dW, db].map((x, k) => sameBits(x, [c.Z, c.dA_prev, c.dW, c.db][k]))).toEqual([true, true, true, true]);
      });
    }
  });

  describe("pool_forward and pool_backward", () => {
    for (const c of fx.pool) {
      const { f, stride } = c.hparameters;
      const label = `seed ${c.seed}${c.ties ? " (tied maxima)" : ""}: A_prev ${shapeStr(c.A_prev.shape)}, f ${f}, stride ${stride}`;
      it(label, () => {
        const A_prev = dec(c.A_prev);
        for (const mode of ["max", "average"] as const) {
          const [A, cache] = cnn.pool_forward(A_prev, c.hparameters, mode);
          expectClose(A, c[mode].A, FWD, `${mode} A`);
          expect(cache[0]).toBe(A_prev);
          expect(cache[1]).toEqual(c.hparameters);
          const dA_prev = cnn.pool_backward(dec(c.dA), cache, mode);
          expectClose(dA_prev, c[mode].dA_prev, GRAD, `${mode} dA_prev`);
          // np.max/np.mean of a copied window add as numpy adds its view: bit for bit too.
          expect([sameBits(A, c[mode].A), sameBits(dA_prev, c[mode].dA_prev)], mode).toEqual([true, true]);
        }
        // The default mode is max.
        expect(sameBits(cnn.pool_forward(A_prev, c.hparameters)[0], c.max.A)).toBe(true);
      });
    }
  });

  it(`create_mask_from_window: ${fx.create_mask_from_window.length} windows (ties included), exactly`, () => {
    for (const c of fx.create_mask_from_window) {
      const mask = cnn.create_mask_from_window(dec(c.x));
      expect(mask.dtype).toBe("bool");
      expect(sameBits(mask, c.mask)).toBe(true);
    }
  });

  it(`distribute_value: ${fx.distribute_value.length} cases, exactly`, () => {
    for (const c of fx.distribute_value) {
      const a = cnn.distribute_value(c.dz, c.shape);
      expect(a.dtype).toBe("float64");
      expect(sameBits(a, c.a), `${c.dz} over ${c.shape}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- gradient checks

/** The course's relative difference ||a - b|| / (||a|| + ||b||). */
function relativeDifference(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  return Math.sqrt(d) / (Math.sqrt(na) + Math.sqrt(nb));
}

/** Centred differences of J at every element of x (x is perturbed in place and restored). */
function numericGradient(x: NDArray, J: () => number, eps = 1e-5): Float64Array {
  const d = x.data;
  const g = new Float64Array(d.length);
  for (let k = 0; k < d.length; k++) {
    const keep = d[k];
    d[k] = keep + eps;
    const plus = J();
    d[k] = keep - eps;
    const minus = J();
    d[k] = keep;
    g[k] = (plus - minus) / (2 * eps);
  }
  return g;
}

/** sum(Y * G): a scalar cost whose gradient with respect to Y is G. */
const weighted = (Y: NDArray, G: NDArray): number => np.sum(Y.multiply(G));

describe("gradient checks (centred differences, relative difference < 1e-7)", () => {
  const convConfigs: [number[], number, number, cnn.ConvHParameters][] = [
    [[2, 5, 4, 3], 3, 2, { pad: 1, stride: 2 }],
    [[1, 4, 5, 2], 2, 3, { pad: 0, stride: 1 }],
    [[1, 6, 5, 2], 3, 2, { pad: 2, stride: 3 }],
  ];
  for (const [shape, f, n_C, hparameters] of convConfigs) {
    it(`conv_backward: A_prev ${shapeStr(shape)}, f ${f}, n_C ${n_C}, pad ${hparameters.pad}, stride ${hparameters.stride}`, () => {
      np.random.seed(3);
      const A_prev = np.random.randn(...shape);
      const W = np.random.randn(f, f, shape[3], n_C);
      const b = np.random.randn(1, 1, 1, n_C);
      const [Z, cache] = cnn.conv_forward(A_prev, W, b, hparameters);
      const G = np.random.randn(...Z.shape);
      const [dA_prev, dW, db] = cnn.conv_backward(G, cache);
      const J = (): number => weighted(cnn.conv_forward(A_prev, W, b, hparameters)[0], G);
      const diffs = {
        dA_prev: relativeDifference(numericGradient(A_prev, J), dA_prev.data),
        dW: relativeDifference(numericGradient(W, J), dW.data),
        db: relativeDifference(numericGradient(b, J), db.data),
      };
      for (const [k, v] of Object.entries(diffs)) expect(v, `${k}: ${v}`).toBeLessThan(1e-7);
    });
  }

  const poolConfigs: [number[], cnn.PoolHParameters][] = [
    [[2, 5, 5, 2], { f: 3, stride: 2 }],
    [[2, 4, 5, 2], { f: 2, stride: 1 }],
    [[1, 7, 6, 1], { f: 2, stride: 3 }],
  ];
  for (const [shape, hparameters] of poolConfigs) {
    for (const mode of ["max", "average"] as const) {
      it(`pool_backward (${mode}): A_prev ${shapeStr(shape)}, f ${hparameters.f}, stride ${hparameters.stride}`, () => {
        np.random.seed(4);
        const A_prev = np.random.randn(...shape);
        const [A, cache] = cnn.pool_forward(A_prev, hparameters, mode);
        const G = np.random.randn(...A.shape);
        const dA_prev = cnn.pool_backward(G, cache, mode);
        const J = (): number => weighted(cnn.pool_forward(A_prev, hparameters, mode)[0], G);
        // eps far below the gaps between a window's values, so no maximum changes place.
        const v = relativeDifference(numericGradient(A_prev, J, 1e-6), dA_prev.data);
        expect(v, `dA_prev: ${v}`).toBeLessThan(1e-7);
        expect(np.count_nonzero(dA_prev)).toBeGreaterThan(0);
      });
    }
  }
});

// ---------------------------------------------------------------- the lab's cells

/** Python's print(*parts): str() of each, joined by spaces. */
const print = (...parts: unknown[]): void => console.log(parts.map((p) => (typeof p === "string" ? p : np.str(p))).join(" "));

describe("the lab's check cells print what numpy prints", () => {
  it("zero_pad", () => {
    const [, out] = captureOutput(() => {
      const [x, pad] = testcases.cnn.zero_pad_test_case();
      const x_pad = cnn.zero_pad(x, pad);
      print("x.shape =\n", shapeStr(x.shape));
      print("x_pad.shape =\n", shapeStr(x_pad.shape));
      print("x[1,1] =\n", x.slice(1, 1));
      print("x_pad[1,1] =\n", x_pad.slice(1, 1));
    });
    expect(out).toBe(fx.lab.zero_pad);
    expect(out).toContain("x[1,1] =\n [[ 0.90085595 -0.68372786]\n [-0.12289023 -0.93576943]\n [-0.26788808  0.53035547]]");
  });

  it("conv_single_step", () => {
    const [, out] = captureOutput(() => print("Z =", cnn.conv_single_step(...testcases.cnn.conv_single_step_test_case())));
    expect(out).toBe(fx.lab.conv_single_step);
    expect(out).toBe("Z = -6.999089450680221\n");
  });

  it("conv_forward", () => {
    const [, out] = captureOutput(() => {
      const [Z, cache_conv] = cnn.conv_forward(...testcases.cnn.conv_forward_test_case());
      print("Z's mean =\n", np.mean(Z));
      print("Z[3,2,1] =\n", Z.slice(3, 2, 1));
      print("cache_conv[0][1][2][3] =\n", cache_conv[0].slice(1, 2, 3));
    });
    expect(out).toBe(fx.lab.conv_forward);
    expect(out).toBe(
      "Z's mean =\n 0.6923608807576933\n" +
        "Z[3,2,1] =\n [-1.28912231  2.27650251  6.61941931  0.95527176  8.25132576  2.31329639\n 13.00689405  2.34576051]\n" +
        "cache_conv[0][1][2][3] =\n [-1.1191154   1.9560789  -0.3264995  -1.34267579]\n",
    );
  });

  for (const stride of [1, 2]) {
    it(`pool_forward, stride ${stride} (max, then average)`, () => {
      const [, out] = captureOutput(() => {
        const [A_prev, hparameters] = testcases.cnn.pool_forward_test_case(stride);
        let [A] = cnn.pool_forward(A_prev, hparameters);
        print("mode = max");
        print("A.shape = " + shapeStr(A.shape));
        print("A =\n", A);
        print();
        [A] = cnn.pool_forward(A_prev, hparameters, "average");
        print("mode = average");
        print("A.shape = " + shapeStr(A.shape));
        print("A =\n", A);
      });
      expect(out).toBe(fx.lab[stride === 1 ? "pool_forward" : "pool_forward_stride2"]);
      expect(out).toContain("A =\n [[[[1.74481176 0.90159072 1.65980218]\n");
    });
  }

  it("conv_backward", () => {
    const [, out] = captureOutput(() => {
      const [Z, cache_conv] = cnn.conv_forward(...testcases.cnn.conv_backward_test_case());
      const [dA, dW, db] = cnn.conv_backward(Z, cache_conv);
      print("dA_mean =", np.mean(dA));
      print("dW_mean =", np.mean(dW));
      print("db_mean =", np.mean(db));
    });
    expect(out).toBe(fx.lab.conv_backward);
    expect(out).toBe("dA_mean = 1.4524377775388075\ndW_mean = 1.7269914583139097\ndb_mean = 7.839232564616838\n");
  });

  it("create_mask_from_window", () => {
    const [, out] = captureOutput(() => {
      const x = testcases.cnn.create_mask_from_window_test_case();
      print("x = ", x);
      print("mask = ", cnn.create_mask_from_window(x));
    });
    expect(out).toBe(fx.lab.create_mask_from_window);
    expect(out).toContain("mask =  [[ True False False]\n [False False False]]\n");
  });

  it("distribute_value", () => {
    const [, out] = captureOutput(() => print("distributed value =", cnn.distribute_value(...testcases.cnn.distribute_value_test_case())));
    expect(out).toBe(fx.lab.distribute_value);
    expect(out).toBe("distributed value = [[0.5 0.5]\n [0.5 0.5]]\n");
  });

  it("pool_backward's test case holds pool_forward's cache", () => {
    const [dA, cache] = testcases.cnn.pool_backward_test_case();
    const [A, forward] = cnn.pool_forward(cache[0], cache[1]);
    expect(forward).toEqual(cache);
    expect(dA.shape).toEqual(A.shape);
  });

  it("pool_backward (max, then average)", () => {
    const [, out] = captureOutput(() => {
      const [dA, cache] = testcases.cnn.pool_backward_test_case();
      let dA_prev = cnn.pool_backward(dA, cache, "max");
      print("mode = max");
      print("mean of dA = ", np.mean(dA));
      print("dA_prev[1,1] = ", dA_prev.slice(1, 1));
      print();
      dA_prev = cnn.pool_backward(dA, cache, "average");
      print("mode = average");
      print("mean of dA = ", np.mean(dA));
      print("dA_prev[1,1] = ", dA_prev.slice(1, 1));
    });
    expect(out).toBe(fx.lab.pool_backward);
    expect(out).toContain("dA_prev[1,1] =  [[ 0.          0.        ]\n [ 5.05844394 -1.68282702]\n [ 0.          0.        ]]\n");
    expect(out).toContain("dA_prev[1,1] =  [[ 0.08485462  0.2787552 ]\n [ 1.26461098 -0.25749373]\n [ 1.17975636 -0.53624893]]\n");
  });
});

// ---------------------------------------------------------------- errors

describe("clear errors for wrong inputs", () => {
  np.random.seed(0);
  const A_prev = np.random.randn(2, 5, 5, 3);
  const W = np.random.randn(3, 3, 3, 4);
  const b = np.random.randn(1, 1, 1, 4);

  it("conv_forward names the shapes it expected", () => {
    const W4 = np.random.randn(3, 3, 4, 4);
    expect(() => cnn.conv_forward(A_prev, W4, b, { pad: 1, stride: 1 })).toThrow(ValueError);
    expect(() => cnn.conv_forward(A_prev, W4, b, { pad: 1, stride: 1 })).toThrow(
      "conv_forward: A_prev has 3 channels (shape (2, 5, 5, 3)) but the filters expect 4 (W.shape (f, f, n_C_prev, n_C) is (3, 3, 4, 4)): " +
        "operands could not be broadcast together with shapes (3,3,3) (3,3,4) ",
    );
    expect(() => cnn.conv_forward(A_prev.slice(0), W, b, { pad: 1, stride: 1 })).toThrow(
      "conv_forward: A_prev must be 4-D (m, n_H_prev, n_W_prev, n_C_prev), got shape (5, 5, 3)",
    );
    expect(() => cnn.conv_forward(A_prev, np.random.randn(3, 2, 3, 4), b, { pad: 1, stride: 1 })).toThrow(
      "conv_forward: the filters must be square, W.shape (f, f, n_C_prev, n_C) is (3, 2, 3, 4)",
    );
    expect(() => cnn.conv_forward(A_prev, W, np.random.randn(1, 1, 1, 3), { pad: 1, stride: 1 })).toThrow(
      "conv_forward: b must have shape (1, 1, 1, 4) (one bias per filter), got (1, 1, 1, 3)",
    );
    expect(() => cnn.conv_forward(A_prev, W, b, { pad: 1, stride: 0 })).toThrow("conv_forward: hparameters.stride must be an integer >= 1, got 0");
    expect(() => cnn.conv_forward(A_prev, W, b, { pad: -1, stride: 1 })).toThrow("conv_forward: hparameters.pad must be an integer >= 0, got -1");
    expect(() => cnn.conv_forward(A_prev, np.random.randn(7, 7, 3, 4), b, { pad: 0, stride: 1 })).toThrow(
      "conv_forward: the 7x7 window is larger than the input's height 5",
    );
  });

  it("conv_backward checks dZ against its cache", () => {
    const [Z, cache] = cnn.conv_forward(A_prev, W, b, { pad: 1, stride: 2 });
    expect(Z.shape).toEqual([2, 3, 3, 4]);
    expect(() => cnn.conv_backward(Z.slice(":", ":", ":", "0:2"), cache)).toThrow(
      "conv_backward: dZ must have shape (2, 3, 3, 4) (the shape of conv_forward's Z for this cache), got (2, 3, 3, 2)",
    );
  });

  it("pooling checks its mode, window and dA", () => {
    expect(() => cnn.pool_forward(A_prev, { stride: 1, f: 2 }, "min" as cnn.PoolMode)).toThrow(
      'pool_forward: mode must be "max" or "average", got "min"',
    );
    expect(() => cnn.pool_forward(A_prev, { stride: 1, f: 6 })).toThrow("pool_forward: the 6x6 window is larger than the input's height 5");
    const [A, cache] = cnn.pool_forward(A_prev, { stride: 2, f: 2 });
    expect(A.shape).toEqual([2, 2, 2, 3]);
    expect(() => cnn.pool_backward(A.slice("0:1"), cache)).toThrow(
      "pool_backward: dA must have shape (2, 2, 2, 3) (the shape of pool_forward's A for this cache), got (1, 2, 2, 3)",
    );
  });

  it("conv_single_step and distribute_value fail as the lab's numpy would", () => {
    expect(() => cnn.conv_single_step(np.ones([2, 2, 3]), np.ones([2, 2, 2]), 0)).toThrow(
      "operands could not be broadcast together with shapes (2,2,3) (2,2,2) ",
    );
    expect(() => cnn.conv_single_step(np.ones([2, 2, 3]), np.ones([2, 2, 3]), np.ones([1, 1, 2]))).toThrow(
      "only size-1 arrays can be converted to Python scalars",
    );
    expect(() => cnn.distribute_value(1, [2, 2, 2] as unknown as [number, number])).toThrow("distribute_value: shape must be [n_H, n_W], got [2,2,2]");
    expect(() => cnn.zero_pad(A_prev, 1.5)).toThrow("`pad_width` must be of integral type.");
  });
});
