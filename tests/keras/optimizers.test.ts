// Each optimizer's update rule, step by step, against Keras' formulas written out.
import { describe, expect, it } from "vitest";
import { keras } from "../../src";
import type { Weight } from "../../src/keras/layers";

const O = keras.optimizers;

function weight(values: number[]): Weight {
  return { name: "kernel", shape: [values.length], value: Float64Array.from(values), grad: new Float64Array(values.length), trainable: true };
}

/** Runs `steps` updates with the gradients gs[t] and returns the values after each. */
function trace(opt: keras.optimizers.Optimizer, w0: number, gs: number[]): number[] {
  const w = weight([w0]);
  return gs.map((g) => {
    w.grad[0] = g;
    opt.apply_gradients([w]);
    return w.value[0];
  });
}

const G = [0.5, -1.2, 0.3, 2.0];

describe("keras optimizers", () => {
  it("defaults are Keras'", () => {
    expect(O.SGD().learning_rate).toBe(0.01);
    expect(O.SGD().momentum).toBe(0);
    expect([O.RMSprop().learning_rate, O.RMSprop().rho, O.RMSprop().epsilon]).toEqual([0.001, 0.9, 1e-7]);
    expect([O.Adam().learning_rate, O.Adam().beta_1, O.Adam().beta_2, O.Adam().epsilon]).toEqual([0.001, 0.9, 0.999, 1e-7]);
    expect([O.Adadelta().learning_rate, O.Adadelta().rho, O.Adadelta().epsilon]).toEqual([0.001, 0.95, 1e-7]);
    expect(O.get("Adam")).toBeInstanceOf(O.AdamOptimizer);
    expect(O.get("sgd").name).toBe("SGD");
  });

  it("SGD, with momentum and Nesterov", () => {
    let w = 1, v = 0;
    const plain = G.map((g) => (w -= 0.1 * g));
    expect(trace(O.SGD({ learning_rate: 0.1 }), 1, G)).toEqual(plain);
    w = 1;
    const mom = G.map((g) => {
      v = 0.9 * v - 0.1 * g;
      return (w += v);
    });
    expect(trace(O.SGD({ learning_rate: 0.1, momentum: 0.9 }), 1, G)).toEqual(mom);
    w = 1; v = 0;
    const nest = G.map((g) => {
      v = 0.9 * v - 0.1 * g;
      return (w += 0.9 * v - 0.1 * g);
    });
    expect(trace(O.SGD({ learning_rate: 0.1, momentum: 0.9, nesterov: true }), 1, G)).toEqual(nest);
  });

  it("RMSprop", () => {
    let w = 1, v = 0;
    const want = G.map((g) => {
      v = 0.9 * v + (1 - 0.9) * g * g;
      return (w -= (0.01 * g) / Math.sqrt(v + 1e-7));
    });
    expect(trace(O.RMSprop({ learning_rate: 0.01 }), 1, G)).toEqual(want);
  });

  it("Adam with bias correction", () => {
    let w = 1, m = 0, v = 0;
    const want = G.map((g, i) => {
      const t = i + 1;
      m += (g - m) * (1 - 0.9);
      v += (g * g - v) * (1 - 0.999);
      const alpha = (0.01 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      return (w -= (m * alpha) / (Math.sqrt(v) + 1e-7));
    });
    expect(trace(O.Adam({ learning_rate: 0.01 }), 1, G)).toEqual(want);
    // the first step moves by about the learning rate, whatever the gradient's scale
    expect(1 - trace(O.Adam({ learning_rate: 0.01 }), 1, [1000])[0]).toBeCloseTo(0.01, 8);
  });

  it("Adadelta", () => {
    let w = 1, a = 0, d = 0;
    const want = G.map((g) => {
      a = 0.95 * a + (1 - 0.95) * g * g;
      const delta = (-Math.sqrt(d + 1e-7) * g) / Math.sqrt(a + 1e-7);
      d = 0.95 * d + (1 - 0.95) * delta * delta;
      return (w += 1.0 * delta);
    });
    expect(trace(O.Adadelta({ learning_rate: 1.0 }), 1, G)).toEqual(want);
  });

  it("non-trainable weights are left alone", () => {
    const w = { ...weight([3]), trainable: false };
    w.grad[0] = 1;
    O.SGD({ learning_rate: 1 }).apply_gradients([w]);
    expect(w.value[0]).toBe(3);
  });
});
