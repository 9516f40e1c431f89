// Toy 2-D data sets: scikit-learn's make_circles, make_moons, make_blobs and make_gaussian_quantiles
// (scikit-learn 1.2's algorithms, drawing from nnlab's numpy-identical RandomState in the same order,
// so that the same seed gives the same points as scikit-learn), the CS231n spiral, and XOR.
// Every generator returns [X (n_samples, n_features) float64, y (n_samples,) int64].
import { linspace } from "../np/creation";
import { NDArray } from "../np/ndarray";
import * as random from "../np/random";
import { RandomState } from "../np/random";
import { sum } from "../np/reduce";

/** What the generators return: samples by rows and their labels. */
export type Dataset = [X: NDArray, y: NDArray];

/** scikit-learn's random_state: null/undefined draws from the global np.random stream, an integer
 *  seeds a new RandomState, a RandomState is used as it is. */
export type RandomStateLike = number | RandomState | null | undefined;

/** The draws the generators need; both a RandomState and the np.random module provide them. */
type Generator = Pick<RandomState, "uniform" | "normal" | "standard_normal" | "shuffle">;

/** sklearn.utils.check_random_state. */
function check_random_state(seed: RandomStateLike): Generator {
  if (seed == null) return random;
  if (seed instanceof RandomState) return seed;
  if (Number.isInteger(seed)) return new RandomState(seed);
  throw new Error(`${seed} cannot be used to seed a numpy.random.RandomState instance`);
}

/** Two classes of points given column-wise, as scikit-learn stacks them before shuffling. */
function twoClassSet(xs: number[], ys: number[], nFirst: number): [Float64Array, Float64Array] {
  const n = xs.length;
  const X = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = xs[i];
    X[2 * i + 1] = ys[i];
    y[i] = i < nFirst ? 0 : 1;
  }
  return [X, y];
}

/** sklearn.utils.shuffle(X, y, random_state=generator): one permutation of arange(n) (a
 *  Fisher-Yates shuffle drawn from the generator) applied to the rows of both. */
function shuffleRows(gen: Generator, X: Float64Array, y: Float64Array, nFeatures: number): [Float64Array, Float64Array] {
  const n = y.length;
  const order = new NDArray(Float64Array.from({ length: n }, (_, i) => i), [n], "int64");
  gen.shuffle(order);
  const Xs = new Float64Array(X.length);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const src = order.data[i];
    Xs.set(X.subarray(src * nFeatures, (src + 1) * nFeatures), i * nFeatures);
    ys[i] = y[src];
  }
  return [Xs, ys];
}

/** X += generator.normal(scale=noise, size=X.shape). */
function addNoise(gen: Generator, X: Float64Array, noise: number | null | undefined): void {
  if (noise == null) return;
  const n = gen.normal(0, noise, [X.length]).data;
  for (let i = 0; i < X.length; i++) X[i] += n[i];
}

function result(X: Float64Array, y: Float64Array, nFeatures: number): Dataset {
  return [new NDArray(X, [y.length, nFeatures], "float64"), new NDArray(y, [y.length], "int64")];
}

/** n_samples as an int (split as n // 2 outer, the rest inner) or an [outer, inner] pair. */
function splitTwo(n_samples: number | [number, number]): [number, number] {
  if (typeof n_samples === "number") return [Math.floor(n_samples / 2), n_samples - Math.floor(n_samples / 2)];
  if (Array.isArray(n_samples) && n_samples.length === 2) return [n_samples[0], n_samples[1]];
  throw new Error("`n_samples` can be either an int or a two-element tuple.");
}

function values(a: NDArray): number[] {
  return Array.from(a.data);
}

export interface CirclesOptions {
  n_samples?: number | [number, number];
  shuffle?: boolean;
  noise?: number | null;
  random_state?: RandomStateLike;
  factor?: number;
}

/** sklearn.datasets.make_circles: a large circle (class 0) around a small one (class 1). */
export function make_circles(opts: CirclesOptions = {}): Dataset {
  const { n_samples = 100, shuffle = true, noise = null, random_state, factor = 0.8 } = opts;
  if (factor >= 1 || factor < 0) throw new Error("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = splitTwo(n_samples);
  const gen = check_random_state(random_state);
  // endpoint=False so that the first point is not also the last
  const out = values(linspace(0, 2 * Math.PI, nOut, false));
  const inn = values(linspace(0, 2 * Math.PI, nIn, false));
  const xs = [...out.map(Math.cos), ...inn.map((t) => Math.cos(t) * factor)];
  const ys = [...out.map(Math.sin), ...inn.map((t) => Math.sin(t) * factor)];
  let [X, y] = twoClassSet(xs, ys, nOut);
  if (shuffle) [X, y] = shuffleRows(gen, X, y, 2);
  addNoise(gen, X, noise);
  return result(X, y, 2);
}

export interface MoonsOptions {
  n_samples?: number | [number, number];
  shuffle?: boolean;
  noise?: number | null;
  random_state?: RandomStateLike;
}

/** sklearn.datasets.make_moons: two interleaving half circles. */
export function make_moons(opts: MoonsOptions = {}): Dataset {
  const { n_samples = 100, shuffle = true, noise = null, random_state } = opts;
  const [nOut, nIn] = splitTwo(n_samples);
  const gen = check_random_state(random_state);
  const out = values(linspace(0, Math.PI, nOut));
  const inn = values(linspace(0, Math.PI, nIn));
  const xs = [...out.map(Math.cos), ...inn.map((t) => 1 - Math.cos(t))];
  const ys = [...out.map(Math.sin), ...inn.map((t) => 1 - Math.sin(t) - 0.5)];
  let [X, y] = twoClassSet(xs, ys, nOut);
  if (shuffle) [X, y] = shuffleRows(gen, X, y, 2);
  addNoise(gen, X, noise);
  return result(X, y, 2);
}

export interface BlobsOptions {
  /** The total (split evenly, the first clusters taking the remainder) or one count per cluster. */
  n_samples?: number | number[];
  n_features?: number;
  /** How many centers to draw uniformly in center_box, or the centers themselves. */
  centers?: number | number[][] | null;
  cluster_std?: number | number[];
  center_box?: [number, number];
  shuffle?: boolean;
  random_state?: RandomStateLike;
}

/** sklearn.datasets.make_blobs: isotropic Gaussian clusters, labelled by cluster. */
export function make_blobs(opts: BlobsOptions = {}): Dataset {
  const { n_samples = 100, cluster_std = 1.0, center_box = [-10.0, 10.0], shuffle = true, random_state } = opts;
  let { n_features = 2, centers = null } = opts;
  const gen = check_random_state(random_state);
  const perCenter = typeof n_samples === "number" ? null : n_samples;
  let C: number[][];
  if (Array.isArray(centers)) {
    if (perCenter && centers.length !== perCenter.length) {
      throw new Error(
        `Length of \`n_samples\` not consistent with number of centers. Got n_samples = ${perCenter.length} and centers = ${centers.length}`,
      );
    }
    C = centers;
    n_features = C[0].length;
  } else {
    if (perCenter && centers !== null) throw new Error(`Parameter \`centers\` must be array-like. Got ${centers} instead`);
    const nCenters = perCenter ? perCenter.length : centers ?? 3;
    const drawn = gen.uniform(center_box[0], center_box[1], [nCenters, n_features]).data;
    C = Array.from({ length: nCenters }, (_, i) => Array.from(drawn.subarray(i * n_features, (i + 1) * n_features)));
  }
  const stds = typeof cluster_std === "number" ? C.map(() => cluster_std) : cluster_std;
  if (stds.length !== C.length) {
    throw new Error("Length of `clusters_std` not consistent with number of centers.");
  }
  const counts =
    perCenter ??
    C.map((_, i) => Math.floor((n_samples as number) / C.length) + (i < (n_samples as number) % C.length ? 1 : 0));
  const total = counts.reduce((a, b) => a + b, 0);
  let X: Float64Array = new Float64Array(total * n_features);
  let y: Float64Array = new Float64Array(total);
  let row = 0;
  counts.forEach((count, i) => {
    // generator.normal(loc=centers[i], scale=std, ...) is loc + std * gauss per element;
    // centers[i] + (0 + std * gauss) gives the same double.
    const draws = gen.normal(0, stds[i], [count * n_features]).data;
    for (let r = 0; r < count; r++, row++) {
      for (let j = 0; j < n_features; j++) X[row * n_features + j] = C[i][j] + draws[r * n_features + j];
      y[row] = i;
    }
  });
  if (shuffle) [X, y] = shuffleRows(gen, X, y, n_features);
  return result(X, y, n_features);
}

export interface GaussianQuantilesOptions {
  mean?: number[] | null;
  cov?: number;
  n_samples?: number;
  n_features?: number;
  n_classes?: number;
  shuffle?: boolean;
  random_state?: RandomStateLike;
}

/** sklearn.datasets.make_gaussian_quantiles: a Gaussian cloud cut into n_classes shells of equal
 *  counts by distance from the mean (the last class takes the remainder). */
export function make_gaussian_quantiles(opts: GaussianQuantilesOptions = {}): Dataset {
  const { mean = null, cov = 1.0, n_samples = 100, n_features = 2, n_classes = 3, shuffle = true, random_state } = opts;
  if (n_samples < n_classes) throw new Error("n_samples must be at least n_classes");
  const gen = check_random_state(random_state);
  const mu = mean ?? new Array<number>(n_features).fill(0);
  // multivariate_normal(mean, cov * I): its SVD of cov * I is exactly (I, cov, I), so each draw is
  // gauss * sqrt(cov) + mean (the zero off-diagonal terms add nothing).
  const g = gen.standard_normal([n_samples, n_features]).data;
  const scale = Math.sqrt(cov);
  const drawn = new Float64Array(g.length);
  const sq = new Float64Array(g.length);
  for (let i = 0; i < g.length; i++) {
    drawn[i] = g[i] * scale + mu[i % n_features];
    const d = drawn[i] - mu[i % n_features];
    sq[i] = d * d;
  }
  const dist = sum(new NDArray(sq, [n_samples, n_features]), 1).data;
  const order = Array.from({ length: n_samples }, (_, i) => i).sort((a, b) => dist[a] - dist[b]);
  let X: Float64Array = new Float64Array(drawn.length);
  order.forEach((src, i) => X.set(drawn.subarray(src * n_features, (src + 1) * n_features), i * n_features));
  const step = Math.floor(n_samples / n_classes);
  let y: Float64Array = Float64Array.from({ length: n_samples }, (_, i) => Math.min(Math.floor(i / step), n_classes - 1));
  if (shuffle) [X, y] = shuffleRows(gen, X, y, n_features);
  return result(X, y, n_features);
}

export interface SpiralOptions {
  /** Points per class (the recipe's N). */
  n_points?: number;
  /** Number of arms (the recipe's K). */
  n_classes?: number;
  /** Standard deviation of the Gaussian noise added to the angle. */
  noise?: number;
  random_state?: RandomStateLike;
}

/** The CS231n spiral: K arms of N points, radius linspace(0, 1, N), angle
 *  linspace(4j, 4(j+1), N) + randn(N) * noise, point (r sin t, r cos t), label j. */
export function make_spiral(opts: SpiralOptions = {}): Dataset {
  const { n_points = 100, n_classes = 3, noise = 0.2, random_state } = opts;
  const gen = check_random_state(random_state);
  const X = new Float64Array(n_points * n_classes * 2);
  const y = new Float64Array(n_points * n_classes);
  const r = linspace(0.0, 1, n_points).data;
  for (let j = 0; j < n_classes; j++) {
    const base = linspace(j * 4, (j + 1) * 4, n_points).data;
    const g = gen.standard_normal([n_points]).data;
    for (let i = 0; i < n_points; i++) {
      const t = base[i] + g[i] * noise;
      const row = j * n_points + i;
      X[2 * row] = r[i] * Math.sin(t);
      X[2 * row + 1] = r[i] * Math.cos(t);
      y[row] = j;
    }
  }
  return result(X, y, 2);
}

export interface XorOptions {
  n_samples?: number;
  random_state?: RandomStateLike;
}

/** XOR data as in Raschka's SVM chapter: X = randn(n, 2), y = 1 where exactly one coordinate is
 *  positive, -1 otherwise (the labels the perceptron and Adaline labs use). */
export function make_xor(opts: XorOptions = {}): Dataset {
  const { n_samples = 200, random_state } = opts;
  const X = check_random_state(random_state).standard_normal([n_samples, 2]).data;
  const y = new Float64Array(n_samples);
  for (let i = 0; i < n_samples; i++) y[i] = X[2 * i] > 0 !== X[2 * i + 1] > 0 ? 1 : -1;
  return result(X, y, 2);
}

/** The XOR truth table: X = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0]. */
export function load_xor(): Dataset {
  return result(Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), Float64Array.from([0, 1, 1, 0]), 2);
}
