// The data sets against numpy 1.24, pandas and scikit-learn 1.2.1 (fixtures from
// tests/fixtures/gen_datasets.py) and the shipped files against datasets/PROVENANCE.md.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { NDArray } from "../../src/np/ndarray";
import * as random from "../../src/np/random";
import { RandomState } from "../../src/np/random";
import {
  DATASETS_DIR, load_data, load_dataset, load_extra_datasets, load_iris, load_iris_perceptron, load_mnist,
  load_planar_dataset, load_xor, make_blobs, make_circles, make_gaussian_quantiles, make_moons, make_spiral,
  make_xor,
} from "../../src/datasets";

interface Enc {
  shape: number[];
  dtype: string;
  data: number[];
}
type Pair = [Enc, Enc];

const ROOT = join(__dirname, "..", "..");
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "datasets", name), "utf8")) as T;

/** Shape, dtype and values; tol 0 means bit for bit. Returns the largest absolute difference. */
function expectArray(actual: NDArray, expected: Enc, tol = 0): number {
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  expect(actual.size).toBe(expected.data.length);
  let worst = 0;
  const bad: string[] = [];
  expected.data.forEach((e, i) => {
    const diff = Math.abs(actual.data[i] - e);
    worst = Math.max(worst, diff);
    if (!(tol === 0 ? Object.is(actual.data[i], e) : diff <= tol)) bad.push(`[${i}] ${actual.data[i]} != ${e}`);
  });
  expect(bad.slice(0, 5)).toEqual([]);
  return worst;
}

function expectPair([X, y]: [NDArray, NDArray], [eX, ey]: Pair, tol = 0): number {
  expectArray(y, ey); // labels and the shuffle permutation are exact
  return expectArray(X, eX, tol);
}

/** The perceptron lab's fit: weights start at zero, updates eta * (target - predict(xi)). */
function perceptron(X: NDArray, y: NDArray, eta: number, epochs: number): { w: number[]; errors: number[] } {
  const w = [0, 0, 0];
  const errors: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let n = 0;
    for (let i = 0; i < y.size; i++) {
      const x0 = X.get(i, 0);
      const x1 = X.get(i, 1);
      const update = eta * (y.get(i) - (x0 * w[1] + x1 * w[2] + w[0] >= 0 ? 1 : -1));
      w[1] += update * x0;
      w[2] += update * x1;
      w[0] += update;
      if (update !== 0) n++;
    }
    errors.push(n);
  }
  return { w, errors };
}

describe("iris", () => {
  const fx = fixture<{
    data: Enc; species: string[]; X: Enc; y: Enc; perceptron_w: number[]; perceptron_errors: number[]; sklearn_data: Enc;
  }>("iris.json");

  test("load_iris: all 150 rows of the UCI file, as pandas reads them", () => {
    const iris = load_iris();
    expectArray(iris.data, fx.data);
    expect(iris.species).toEqual(fx.species);
    expect(iris.target_names).toEqual(["Iris-setosa", "Iris-versicolor", "Iris-virginica"]);
    expect(Array.from(iris.target.data)).toEqual(fx.species.map((s) => iris.target_names.indexOf(s)));
    expect(iris.target.dtype).toBe("int64");
    expect(iris.feature_names).toHaveLength(4);
  });

  test("the UCI file differs from scikit-learn's copy (Fisher's values) only in rows 35 and 38", () => {
    const { data } = load_iris();
    const differing = new Set<number>();
    fx.sklearn_data.data.forEach((v, i) => {
      if (data.data[i] !== v) differing.add(Math.floor(i / 4));
    });
    expect([...differing]).toEqual([34, 37]);
  });

  test("load_iris_perceptron: rows 0..99, columns [0, 2], setosa -1 / versicolor 1", () => {
    const [X, y] = load_iris_perceptron();
    expectArray(X, fx.X);
    expectArray(y, fx.y);
    expect(Array.from(y.data.slice(48, 52))).toEqual([-1, -1, 1, 1]);
  });

  test("acceptance: perceptron eta 0.1, 10 epochs reaches [-0.4 -0.68 1.82], no error from epoch 6", () => {
    const [X, y] = load_iris_perceptron();
    const { w, errors } = perceptron(X, y, 0.1, 10);
    expect(w).toEqual(fx.perceptron_w); // numpy's own doubles, bit for bit
    expect(w.map((v) => v.toFixed(2))).toEqual(["-0.40", "-0.68", "1.82"]);
    expect(errors).toEqual(fx.perceptron_errors);
    expect(errors.slice(5)).toEqual([0, 0, 0, 0, 0]);
    expect(errors[4]).toBeGreaterThan(0);
  });
});

describe("planar data", () => {
  const fx = fixture<{ X: Enc; Y: Enc; extra: Record<string, Pair> }>("planar.json");

  test("load_planar_dataset matches planar_utils under numpy (sin/cos within 1e-12)", () => {
    const [X, Y] = load_planar_dataset();
    expectArray(Y, fx.Y);
    const worst = expectArray(X, fx.X, 1e-12);
    expect(worst).toBeLessThan(1e-12);
  });

  test("load_extra_datasets continues the global stream exactly as scikit-learn does", () => {
    random.seed(12345); // whatever came before, load_planar_dataset reseeds with 1
    load_planar_dataset();
    const extra = load_extra_datasets();
    const names = ["noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure"];
    names.forEach((name, k) => expectPair(extra[k], fx.extra[name], 1e-12));
    // no libm on the path: blobs, quantiles and no_structure are bit for bit
    expectPair(extra[2], fx.extra.blobs);
    expectPair(extra[3], fx.extra.gaussian_quantiles);
    expectPair(extra[4], fx.extra.no_structure);
  });
});

describe("generators", () => {
  const fx = fixture<Record<string, Pair>>("generators.json");

  test("make_circles and make_moons (own RandomState, odd sizes, no shuffle)", () => {
    expectPair(make_circles({ n_samples: 51, factor: 0.3, noise: 0.1, random_state: 3 }), fx.circles, 1e-12);
    expectPair(make_circles({ n_samples: 9, shuffle: false }), fx.circles_plain, 1e-15);
    expectPair(make_moons({ n_samples: 31, noise: 0.25, random_state: 7 }), fx.moons, 1e-12);
    expectPair(make_moons({ n_samples: 8, shuffle: false }), fx.moons_plain, 1e-15);
  });

  test("make_blobs and make_gaussian_quantiles are bit for bit", () => {
    expectPair(make_blobs({ n_samples: 50, n_features: 3, centers: 4, cluster_std: 0.7, random_state: 0 }), fx.blobs);
    const given = make_blobs({ n_samples: [3, 5], centers: [[0, 0], [5, 5]], cluster_std: [0.5, 1.5], random_state: 2 });
    expectPair(given, fx.blobs_given);
    const q = make_gaussian_quantiles({ mean: [1.0, -1.0, 0.5], cov: 2.0, n_samples: 37, n_features: 3, n_classes: 3, random_state: 4 });
    expectPair(q, fx.quantiles);
  });

  test("a RandomState instance is drawn from in place, as scikit-learn does", () => {
    const rs = new RandomState(0);
    const first = make_blobs({ n_samples: 50, n_features: 3, centers: 4, cluster_std: 0.7, random_state: rs });
    expectPair(first, fx.blobs);
    const again = make_blobs({ n_samples: 50, n_features: 3, centers: 4, cluster_std: 0.7, random_state: rs });
    expect(Array.from(again[0].data)).not.toEqual(Array.from(first[0].data));
  });

  test("make_spiral is the CS231n recipe; make_xor is Raschka's", () => {
    expectPair(make_spiral({ random_state: 0 }), fx.spiral, 1e-12);
    expectPair(make_spiral({ n_points: 7, n_classes: 4, random_state: 5 }), fx.spiral_small, 1e-12);
    random.seed(1);
    expectPair(make_xor(), fx.xor); // global stream after np.random.seed(1)
    expectPair(make_xor({ random_state: 1 }), fx.xor);
  });

  test("load_xor is the truth table", () => {
    const [X, y] = load_xor();
    expect(X.tolist()).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(y.tolist()).toEqual([0, 1, 1, 0]);
  });

  test("argument errors in scikit-learn's words", () => {
    expect(() => make_circles({ factor: 1 })).toThrow("'factor' has to be between 0 and 1.");
    expect(() => make_gaussian_quantiles({ n_samples: 2, n_classes: 3 })).toThrow("n_samples must be at least n_classes");
    expect(() => make_blobs({ n_samples: [10, 10], centers: [[0, 0]] })).toThrow("Length of `n_samples` not consistent");
    expect(() => make_moons({ n_samples: [1, 2, 3] as unknown as [number, number] })).toThrow(
      "`n_samples` can be either an int or a two-element tuple.",
    );
  });
});

interface ImageSummary {
  shape: number[];
  labels: number[];
  pixel_sums: number[];
  picks: Record<string, number[]>;
}

function expectImages(X: NDArray, fx: ImageSummary, channels: boolean): void {
  expect(X.shape).toEqual(channels ? [...fx.shape, 1] : fx.shape);
  expect(X.dtype).toBe("int64");
  const per = 28 * 28;
  const sums = new Array<number>(fx.shape[0]).fill(0);
  for (let k = 0; k < X.size; k++) sums[Math.floor(k / per)] += X.data[k];
  expect(sums).toEqual(fx.pixel_sums);
  for (const [i, pixels] of Object.entries(fx.picks)) {
    expect(Array.from(X.data.subarray(Number(i) * per, (Number(i) + 1) * per))).toEqual(pixels);
  }
}

describe("image sets", () => {
  const fx = fixture<Record<string, ImageSummary>>("images.json");

  test("load_mnist: keras' [[x_train, y_train], [x_test, y_test]], real MNIST digits", () => {
    const [[x_train, y_train], [x_test, y_test]] = load_mnist();
    expectImages(x_train, fx.mnist_train, false);
    expectImages(x_test, fx.mnist_test, false);
    expect(Array.from(y_train.data)).toEqual(fx.mnist_train.labels);
    expect(Array.from(y_test.data)).toEqual(fx.mnist_test.labels);
    // MNIST's well-known first labels
    expect(Array.from(y_train.data.slice(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(y_test.data.slice(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  });

  test("load_mnist({ train, test }): up to the shipped 30,000 training images and the whole test set", () => {
    const [[x_train, y_train], [x_test, y_test]] = load_mnist({ train: 30000, test: 10000 });
    expectImages(x_train, fx.mnist_train_all, false);
    expectImages(x_test, fx.mnist_test_all, false);
    expect(Array.from(y_train.data)).toEqual(fx.mnist_train_all.labels);
    const [[small]] = load_mnist({ train: 5 });
    expect(small.shape).toEqual([5, 28, 28]);
    expect(Array.from(small.data)).toEqual(Array.from(x_train.data.subarray(0, 5 * 784)));
    expect(() => load_mnist({ train: 30001 })).toThrow("load_mnist: train must be a whole number from 1 to 30000 (nnlab ships 30000 training images), got 30001");
    expect(() => load_mnist({ test: 0 })).toThrow(/test must be a whole number from 1 to 10000/);
  });

  test("load_dataset: the labs' (m, h, w, c) images, (1, m) labels and classes", () => {
    const [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = load_dataset();
    expectImages(train_set_x_orig, fx.shirt_train, true);
    expectImages(test_set_x_orig, fx.shirt_test, true);
    expect(train_set_y.shape).toEqual([1, 209]);
    expect(test_set_y.shape).toEqual([1, 50]);
    expect(Array.from(train_set_y.data)).toEqual(fx.shirt_train.labels.map((l) => (l === 6 ? 1 : 0)));
    expect(Array.from(test_set_y.data)).toEqual(fx.shirt_test.labels.map((l) => (l === 6 ? 1 : 0)));
    expect([train_set_y.sum(), test_set_y.sum()]).toEqual([72, 33]);
    expect(classes).toEqual(["non-shirt", "shirt"]);
    expect(load_data).toBe(load_dataset);
  });

  test("loading is fast", () => {
    const t0 = performance.now();
    load_mnist();
    const t1 = performance.now();
    load_dataset();
    load_iris();
    const t2 = performance.now();
    console.log(`load_mnist ${(t1 - t0).toFixed(0)} ms; load_dataset + load_iris ${(t2 - t1).toFixed(1)} ms`);
    expect(t1 - t0).toBeLessThan(1000);
    expect(t2 - t1).toBeLessThan(200);
  });
});

describe("shipped files", () => {
  test("every data file is listed in PROVENANCE.md with its size and SHA-256", () => {
    const table = new Map<string, { bytes: number; sha256: string }>();
    const md = readFileSync(join(DATASETS_DIR, "PROVENANCE.md"), "utf8");
    for (const m of md.matchAll(/^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|$/gm)) {
      table.set(m[1], { bytes: Number(m[2]), sha256: m[3] });
    }
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (!/\.(md|py)$/.test(name)) files.push(relative(DATASETS_DIR, p).split("\\").join("/"));
      }
    };
    walk(DATASETS_DIR);
    expect(files.sort()).toEqual([...table.keys()].sort());
    for (const f of files) {
      const bytes = readFileSync(join(DATASETS_DIR, f));
      expect({ f, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }).toEqual({ f, ...table.get(f) });
    }
  });

  test("the data folder is the package's own, wherever the process runs", () => {
    expect(DATASETS_DIR).toBe(join(ROOT, "datasets"));
  });

  const built = join(ROOT, "dist", "datasets", "index.js");
  test.skipIf(!existsSync(built))("the built package finds its data from another working directory", () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-datasets-"));
    const script = `const d = require(${JSON.stringify(built)});
      const [X, y] = d.load_iris_perceptron(); const [[x]] = d.load_mnist(); const [a] = d.load_dataset();
      console.log(JSON.stringify([X.shape, y.data[99], x.shape, a.shape]));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([[100, 2], 1, [10000, 28, 28], [209, 28, 28, 1]]);
  });
});
