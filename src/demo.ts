// `npm run demo`: a short tour of np that shows the numpy parity nnlab is built on.
import { np } from "./index";

function section(title: string): void {
  console.log(`\n== ${title}`);
}

section("np.random.seed(1); X = np.random.randn(2, 3); Y = np.random.randn(1, 3) > 0");
np.random.seed(1);
const X = np.random.randn(2, 3);
const Y = np.random.randn(1, 3).greater(0);
console.log(String(X));
console.log(String(Y));

section("broadcasting: np.dot(W, X) + b with W (4, 2) and b (4, 1)");
const W = np.random.randn(4, 2).multiply(0.01);
const b = np.zeros([4, 1]);
const Z = np.dot(W, X.slice(":", "0:2")).add(b);
console.log(String(Z));

section("reductions: np.sum(Z, axis=1, keepdims=True) and np.mean(Z)");
console.log(String(np.sum(Z, { axis: 1, keepdims: true })));
console.log(np.str(np.mean(Z)));

section("errors say what numpy says");
try {
  np.add(np.ones([4, 3]), np.ones([4, 2]));
} catch (err) {
  console.log(`ValueError: ${(err as Error).message}`);
}

section("matmul (20 x 12288) . (12288 x 209), the cat classifier's first layer");
const A = np.random.randn(20, 12288);
const B = np.random.randn(12288, 209);
for (let i = 0; i < 3; i++) np.dot(A, B); // let V8 optimise the kernel first
const t0 = performance.now();
const reps = 5;
for (let i = 0; i < reps; i++) np.dot(A, B);
const ms = (performance.now() - t0) / reps;
console.log(`${ms.toFixed(1)} ms per product, ${((2 * 20 * 12288 * 209) / ms / 1e6).toFixed(2)} GFLOP/s`);
