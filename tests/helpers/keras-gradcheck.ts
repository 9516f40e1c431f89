// Gradient checking for keras layers: centred differences of f = Σ forward(x) ⊙ R (R a fixed
// random projection) against the layer's backward(R), for the input and every trainable weight.
import { np } from "../../src";
import type { Layer } from "../../src/keras/layers";
import type { Tensor } from "../../src/keras";

/** ||a - b|| / (||a|| + ||b||), the Gradient Checking lab's relative difference. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  const den = Math.sqrt(na) + Math.sqrt(nb);
  return den === 0 ? 0 : Math.sqrt(d) / den;
}

/** Centred differences of f over every entry of `v` (changed in place, restored). */
export function numericGradient(v: Float64Array, f: () => number, h = 1e-5): Float64Array {
  const g = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const old = v[i];
    v[i] = old + h;
    const fp = f();
    v[i] = old - h;
    const fm = f();
    v[i] = old;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

function randn(n: number): Float64Array {
  return Float64Array.from((np.random.randn as (n: number) => InstanceType<typeof np.NDArray>)(n).data);
}

/** A random batch of this shape (standard normal, seeded by the caller). */
export function randomTensor(shape: number[], scale = 1): Tensor {
  const d = randn(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < d.length; i++) d[i] *= scale;
  return { data: d, shape };
}

/**
 * Checks a layer's backward against centred differences. `before` runs before every forward
 * (e.g. np.random.seed for a fixed dropout mask). Returns the relative errors: input, then each
 * trainable weight by name.
 */
export function checkLayer(layer: Layer, x: Tensor, before: () => void = () => {}): Record<string, number> {
  layer.build(x.shape.slice(1));
  before();
  const out = layer.forward(x, true);
  const R = randomTensor(out.shape);
  const f = (): number => {
    before();
    const y = layer.forward(x, true).data;
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i] * R.data[i];
    return s;
  };
  before();
  layer.forward(x, true);
  const dx = layer.backward({ data: R.data.slice(), shape: R.shape }).data.slice(); // backward may overwrite its argument
  const grads = layer.trainable_weights.map((w) => w.grad.slice());
  const errors: Record<string, number> = { input: relativeError(dx, numericGradient(x.data, f)) };
  layer.trainable_weights.forEach((w, i) => {
    errors[w.name] = relativeError(grads[i], numericGradient(w.value, f));
  });
  return errors;
}
