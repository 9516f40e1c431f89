// Toy 2-D data sets: scikit-learn's make_circles, make_moons, make_blobs and make_gaussian_quantiles
// (scikit-learn 1.2's algorithms, drawing from nnlab's numpy-identical RandomState in the same order,
// so that the same seed gives the same points as scikit-learn), the CS231n spiral, and XOR.
// Every generator returns [X (n_samples, n_features) float64, y (n_samples,) int64].
import { linspace } from "../np/creation";
import * as elementary from "../np/elementary";
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

/** The options of `make_circles`, scikit-learn's keyword arguments. */
export interface CirclesOptions {
  /** The total number of points (split outer n // 2, inner the rest), or [n_outer, n_inner]. Default 100. */
  n_samples?: number | [number, number];
  /** Shuffle the points. Default true. */
  shuffle?: boolean;
  /** The standard deviation of Gaussian noise added to each coordinate; null for none. Default null. */
  noise?: number | null;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
  /** The inner circle's radius relative to the outer one's, in [0, 1). Default 0.8. */
  factor?: number;
}

/**
 * Two concentric circles: a large one (class 0) around a small one (class 1), in 2-D.
 *
 * A classic set that no straight line separates. The points are evenly spaced by angle, then
 * shuffled and noised. Mirrors `sklearn.datasets.make_circles` (scikit-learn 1.2's algorithm and
 * draw order, so a seed gives scikit-learn's points).
 *
 * @param opts - { n_samples = 100, shuffle = true, noise = null, random_state = null, factor = 0.8 }
 * @returns [X, y]: X of shape (n_samples, 2) float64, y of shape (n_samples,) int64 labels 0 and 1
 * @example const [X, y] = datasets.make_circles({ n_samples: 200, factor: 0.5, noise: 0.1, random_state: 0 });
 */
export function make_circles(opts: CirclesOptions = {}): Dataset {
  const { n_samples = 100, shuffle = true, noise = null, random_state, factor = 0.8 } = opts;
  if (factor >= 1 || factor < 0) throw new Error("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = splitTwo(n_samples);
  const gen = check_random_state(random_state);
  // endpoint=False so that the first point is not also the last
  const out = values(linspace(0, 2 * Math.PI, nOut, false));
  const inn = values(linspace(0, 2 * Math.PI, nIn, false));
  const xs = [...out.map(elementary.cos), ...inn.map((t) => elementary.cos(t) * factor)];
  const ys = [...out.map(elementary.sin), ...inn.map((t) => elementary.sin(t) * factor)];
  let [X, y] = twoClassSet(xs, ys, nOut);
  if (shuffle) [X, y] = shuffleRows(gen, X, y, 2);
  addNoise(gen, X, noise);
  return result(X, y, 2);
}

/** The options of `make_moons`, scikit-learn's keyword arguments. */
export interface MoonsOptions {
  /** The total number of points (split n // 2 in the first moon, the rest in the second), or [n_first, n_second]. Default 100. */
  n_samples?: number | [number, number];
  /** Shuffle the points. Default true. */
  shuffle?: boolean;
  /** The standard deviation of Gaussian noise added to each coordinate; null for none. Default null. */
  noise?: number | null;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
}

/**
 * Two interleaving half circles ("moons"), class 0 and class 1, in 2-D.
 *
 * Mirrors `sklearn.datasets.make_moons` (scikit-learn 1.2's algorithm and draw order, so a seed
 * gives scikit-learn's points).
 *
 * @param opts - { n_samples = 100, shuffle = true, noise = null, random_state = null }
 * @returns [X, y]: X of shape (n_samples, 2) float64, y of shape (n_samples,) int64 labels 0 and 1
 * @example const [X, y] = datasets.make_moons({ n_samples: 200, noise: 0.2, random_state: 0 });
 */
export function make_moons(opts: MoonsOptions = {}): Dataset {
  const { n_samples = 100, shuffle = true, noise = null, random_state } = opts;
  const [nOut, nIn] = splitTwo(n_samples);
  const gen = check_random_state(random_state);
  const out = values(linspace(0, Math.PI, nOut));
  const inn = values(linspace(0, Math.PI, nIn));
  const xs = [...out.map(elementary.cos), ...inn.map((t) => 1 - elementary.cos(t))];
  const ys = [...out.map(elementary.sin), ...inn.map((t) => 1 - elementary.sin(t) - 0.5)];
  let [X, y] = twoClassSet(xs, ys, nOut);
  if (shuffle) [X, y] = shuffleRows(gen, X, y, 2);
  addNoise(gen, X, noise);
  return result(X, y, 2);
}

/** The options of `make_blobs`, scikit-learn's keyword arguments. */
export interface BlobsOptions {
  /** The total (split evenly, the first clusters taking the remainder) or one count per cluster. */
  n_samples?: number | number[];
  /** The dimension of each point, when the centers are drawn. Default 2. */
  n_features?: number;
  /** How many centers to draw uniformly in center_box, or the centers themselves. */
  centers?: number | number[][] | null;
  /** The standard deviation of each cluster, one for all or one per cluster. Default 1.0. */
  cluster_std?: number | number[];
  /** The box [min, max] from which the centers are drawn. Default [-10.0, 10.0]. */
  center_box?: [number, number];
  /** Shuffle the points. Default true. */
  shuffle?: boolean;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
}

/**
 * Isotropic Gaussian clusters ("blobs"), each point labelled by its cluster.
 *
 * Draws (or takes) the centers, then each cluster's points as center + cluster_std * randn.
 * Mirrors `sklearn.datasets.make_blobs` (scikit-learn 1.2's algorithm and draw order, so a seed
 * gives scikit-learn's points).
 *
 * @param opts - { n_samples = 100, n_features = 2, centers = null (3 drawn), cluster_std = 1.0, center_box = [-10, 10], shuffle = true, random_state = null }
 * @returns [X, y]: X of shape (n_samples, n_features) float64, y of shape (n_samples,) int64 cluster indices
 * @example const [X, y] = datasets.make_blobs({ n_samples: 200, centers: 6, random_state: 5 });
 */
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

/** The options of `make_gaussian_quantiles`, scikit-learn's keyword arguments. */
export interface GaussianQuantilesOptions {
  /** The center of the cloud, one value per feature; null for the origin. Default null. */
  mean?: number[] | null;
  /** The variance of each feature (the covariance is cov times the identity). Default 1.0. */
  cov?: number;
  /** The number of points. Default 100. */
  n_samples?: number;
  /** The dimension of each point. Default 2. */
  n_features?: number;
  /** The number of shells (classes). Default 3. */
  n_classes?: number;
  /** Shuffle the points. Default true. */
  shuffle?: boolean;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
}

/**
 * A Gaussian cloud cut into n_classes nested shells of equal counts, labelled from the center out.
 *
 * The points are sorted by distance from the mean; each class takes n_samples // n_classes of
 * them (the last class the remainder). Mirrors `sklearn.datasets.make_gaussian_quantiles`
 * (scikit-learn 1.2's algorithm and draw order, so a seed gives scikit-learn's points).
 *
 * @param opts - { mean = null, cov = 1.0, n_samples = 100, n_features = 2, n_classes = 3, shuffle = true, random_state = null }
 * @returns [X, y]: X of shape (n_samples, n_features) float64, y of shape (n_samples,) int64 labels 0 .. n_classes - 1
 * @example const [X, y] = datasets.make_gaussian_quantiles({ cov: 0.5, n_samples: 200, n_classes: 2, random_state: 1 });
 */
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

/** The options of `make_spiral`. */
export interface SpiralOptions {
  /** Points per class (the recipe's N). */
  n_points?: number;
  /** Number of arms (the recipe's K). */
  n_classes?: number;
  /** Standard deviation of the Gaussian noise added to the angle. */
  noise?: number;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
}

/**
 * A spiral of n_classes arms, one class per arm: the CS231n course's toy set.
 *
 * For arm j: radius `r = linspace(0, 1, N)`, angle `t = linspace(4j, 4(j+1), N) + randn(N) * noise`,
 * point `(r sin t, r cos t)`, label j. A linear classifier fails on it; a small network does not.
 * Mirrors the data-generation snippet of CS231n's "Putting it together: Minimal Neural Network Case Study".
 *
 * @param opts - { n_points = 100 per class, n_classes = 3, noise = 0.2, random_state = null }
 * @returns [X, y]: X of shape (n_points * n_classes, 2) float64, y of shape (n_points * n_classes,) int64 labels 0 .. n_classes - 1, arm by arm
 * @example np.random.seed(0); const [X, y] = datasets.make_spiral({ n_points: 100, n_classes: 3 });
 */
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
      X[2 * row] = r[i] * elementary.sin(t);
      X[2 * row + 1] = r[i] * elementary.cos(t);
      y[row] = j;
    }
  }
  return result(X, y, 2);
}

/** The options of `make_xor`. */
export interface XorOptions {
  /** The number of points. Default 200. */
  n_samples?: number;
  /** null or omitted: the global np.random stream; an integer: a new RandomState seeded with it; a RandomState: used as it is. */
  random_state?: RandomStateLike;
}

/**
 * Noisy XOR data: Gaussian points labelled 1 where exactly one coordinate is positive, -1 otherwise.
 *
 * `X = randn(n_samples, 2)`, `y = np.where(np.logical_xor(X[:, 0] > 0, X[:, 1] > 0), 1, -1)`: the
 * four quadrants alternate, so no single line separates the classes (labels -1/1, as the
 * perceptron and Adaline use). Mirrors the XOR data of Raschka's Python Machine Learning (the
 * kernel SVM section).
 *
 * @param opts - { n_samples = 200, random_state = null }
 * @returns [X, y]: X of shape (n_samples, 2) float64, y of shape (n_samples,) int64 labels -1 and 1
 * @example np.random.seed(1); const [X_xor, y_xor] = datasets.make_xor();
 */
export function make_xor(opts: XorOptions = {}): Dataset {
  const { n_samples = 200, random_state } = opts;
  const X = check_random_state(random_state).standard_normal([n_samples, 2]).data;
  const y = new Float64Array(n_samples);
  for (let i = 0; i < n_samples; i++) y[i] = X[2 * i] > 0 !== X[2 * i + 1] > 0 ? 1 : -1;
  return result(X, y, 2);
}

/**
 * The XOR truth table: the four corners of the unit square, labelled by x1 XOR x2.
 *
 * The smallest problem a single-layer network cannot learn and a network with one hidden layer
 * can. Use `X.T` and `y.reshape(1, 4)` for the labs' (n_x, m) layout.
 *
 * @returns [X, y]: X = [[0, 0], [0, 1], [1, 0], [1, 1]] of shape (4, 2) float64, y = [0, 1, 1, 0] of shape (4,) int64
 * @example const [X, y] = datasets.load_xor();
 */
export function load_xor(): Dataset {
  return result(Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), Float64Array.from([0, 1, 1, 0]), 2);
}
