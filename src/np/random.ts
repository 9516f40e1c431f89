// np.random: numpy's legacy RandomState (numpy 1.24 numpy/random/mtrand.pyx), reproducing its
// streams bit for bit: MT19937 (mt19937.ts), the 53-bit double, the polar Gaussian with its
// cached second value and glibc's log (libm.ts), masked-rejection integers, Fisher-Yates
// shuffles, the four modes of choice, and the legacy binomial (inversion and BTPE).
// The module-level functions are the methods of one hidden RandomState, as in numpy.
//
// Keyword arguments: every function also takes numpy's keyword arguments as a trailing
// options object, e.g. choice(5, { size: 3, replace: false }) or normal({ scale: 2, size: 4 }).
// Without `size` a call returns a JS number; with `size` (a number or a list of numbers,
// numpy's tuple) it returns an NDArray.
import { asarray } from "./convert";
import { IndexError, OverflowError, ValueError, pyTypeName } from "./errors";
import { repr } from "./format";
import * as elementary from "./elementary";
import { log } from "./libm";
import { MT19937, MT_N } from "./mt19937";
import { NDArray, shapeSize, type ArrayLike, type DType } from "./ndarray";
import { emptyFloat64 } from "./empty";

/** numpy's `size`: one dimension or a tuple of them. */
export type Size = number | readonly number[];
/** What seed() accepts: an integer in [0, 2**32 - 1], or a non-empty 1-D list of them. */
export type Seed = number | readonly number[] | NDArray;
/** get_state()'s tuple: ('MT19937', key[624] as uint32 values, pos, has_gauss, cached_gaussian). */
export type LegacyState = [name: "MT19937", key: NDArray, pos: number, has_gauss: number, cached_gaussian: number];
/** What set_state() accepts: get_state()'s tuple, the last two items optional. */
export type LegacyStateInput = readonly [
  name: string,
  key: NDArray | readonly number[] | Uint32Array,
  pos: number,
  has_gauss?: number | boolean,
  cached_gaussian?: number,
];

export interface UniformOptions {
  low?: number;
  high?: number;
  size?: Size | null;
}
export interface NormalOptions {
  loc?: number;
  scale?: number;
  size?: Size | null;
}
export interface RandintOptions {
  low?: number;
  high?: number | null;
  size?: Size | null;
}
export interface ChoiceOptions {
  a?: number | ArrayLike;
  size?: Size | null;
  replace?: boolean;
  p?: ArrayLike | null;
}
export interface BinomialOptions {
  n?: number;
  p?: number;
  size?: Size | null;
}
type Sized<T> = T & { size: Size };
type ChoiceRest = Prefixes<[size: Size | null, replace: boolean, p: ArrayLike | null]>;
/** The leading parts of a positional parameter list: [a, b] -> [a, b] | [a] | []. */
type Prefixes<T extends unknown[]> = T extends [...infer Init, unknown] ? T | Prefixes<Init> : [];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** choice()'s tolerance on sum(p) - 1: sqrt of float64's machine epsilon. */
const P_SUM_ATOL = Math.sqrt(Number.EPSILON);

/**
 * A random number generator with its own state: numpy's legacy RandomState, bit for bit.
 *
 * The np.random functions (np.random.randn, np.random.seed, ...) are the methods of one hidden,
 * global RandomState, as in numpy; create your own to draw a stream that other code does not
 * disturb. `np.random.RandomState(1)` in Python is `new np.random.RandomState(1)`. Seeded the same,
 * it draws the same numbers as numpy's (Mersenne Twister MT19937, the same doubles, Gaussians,
 * integers, shuffles and binomials). Mirrors numpy.random.RandomState.
 *
 * @param seed - an integer in [0, 2**32 - 1], a 1-D list of them, or null/omitted to seed from OS entropy
 * @example const rng = new np.random.RandomState(3); rng.randn(2, 1); // array([[1.78862847], [0.43650985]])
 */
export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gaussCache = 0;

  /**
   * Creates a generator seeded like np.random.seed(seed); without a seed, from OS entropy.
   *
   * Mirrors numpy.random.RandomState(seed).
   *
   * @param seed - an integer in [0, 2**32 - 1], a 1-D list of them, or null/omitted to seed from OS entropy
   * @example const rng = new np.random.RandomState(1);
   */
  constructor(seed?: Seed | null) {
    this.seed(seed);
  }

  /**
   * Seeds the random generator, so the numbers drawn after it are reproducible.
   *
   * numpy's legacy seeding: an integer in [0, 2**32 - 1] or a non-empty 1-D list of them gives the
   * same stream as numpy with that seed (the labs' `np.random.seed(1)` before initialising
   * parameters); omitted or null seeds from the operating system's entropy. The cached second
   * Gaussian of randn is dropped, as in numpy. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.seed.
   *
   * @param seed - an integer in [0, 2**32 - 1], a 1-D list (or integer array) of them, or null/omitted for OS entropy
   * @example const rng = new np.random.RandomState(); rng.seed(1);
   */
  seed(seed?: Seed | null): void {
    legacySeed(this.mt, seed);
    this.hasGauss = false;
    this.gaussCache = 0;
  }

  /**
   * The generator's internal state, to restore later with set_state.
   *
   * numpy's legacy tuple as a list: ["MT19937", key, pos, has_gauss, cached_gaussian], with key the
   * 624 32-bit words of the Mersenne Twister (an int64 array), pos the position in them, and the
   * Gaussian randn cached from its last pair. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.get_state.
   *
   *
   * @returns ["MT19937", key (624 values, int64 array), pos, has_gauss (0 or 1), cached_gaussian]
   * @example const state = rng.get_state();
   */
  get_state(): LegacyState {
    const key = new NDArray(Float64Array.from(this.mt.key), [MT_N], "int64");
    return ["MT19937", key, this.mt.pos, this.hasGauss ? 1 : 0, this.gaussCache];
  }

  /**
   * Restores a state that get_state returned, so the same numbers are drawn again.
   *
   * Accepts get_state's list (the last two items optional, as in numpy), with numpy's errors for a
   * malformed one. Uses this generator's own state. Mirrors numpy.random.RandomState.set_state.
   *
   * @param state - ["MT19937", key (624 integers in [0, 2**32 - 1]), pos, has_gauss?, cached_gaussian?]
   * @example rng.set_state(state);
   */
  set_state(state: LegacyStateInput): void {
    if (!Array.isArray(state)) throw new TypeError("state must be a dict or a tuple.");
    if (state[0] !== "MT19937") {
      throw new ValueError("set_state can only be used with legacy MT19937state instances.");
    }
    const key = state[1] instanceof NDArray ? state[1].data : state[1];
    if (key == null || key.length !== MT_N) throw new ValueError(`state must be ${MT_N} elements`);
    for (let i = 0; i < MT_N; i++) {
      if (!isUint32(key[i])) throw new ValueError("state key values must be integers between 0 and 2**32 - 1");
    }
    const pos = state[2];
    if (!Number.isInteger(pos) || pos < 0 || pos > MT_N) throw new ValueError(`pos must be between 0 and ${MT_N}`);
    this.mt.key.set(key);
    this.mt.pos = pos;
    this.hasGauss = state.length > 3 ? Boolean(state[3]) : false;
    this.gaussCache = state.length > 4 ? Number(state[4]) : 0;
  }

  // ---- uniform doubles

  /**
   * Random floats uniformly distributed in [0, 1).
   *
   * Without `size` a JS number (numpy's float); with `size` a float64 array of that shape. The
   * draws are numpy's legacy RandomState stream bit for bit, so after the same seed they equal the
   * Python lab's values digit for digit. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.random_sample.
   *
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @returns a number in [0, 1), or a float64 array of shape `size`
   * @example const u = rng.random_sample([2, 3]);
   */
  random_sample(size?: null): number;
  random_sample(size: Size): NDArray;
  random_sample(...args: unknown[]): number | NDArray {
    return this.uniformDoubles("random_sample", args);
  }

  /**
   * Random floats uniformly distributed in [0, 1): another name for random_sample.
   *
   * Without `size` a JS number; with `size` a float64 array of that shape. The draws are numpy's
   * legacy RandomState stream bit for bit, so after the same seed they equal the Python lab's
   * values digit for digit. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.random.
   *
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @returns a number in [0, 1), or a float64 array of shape `size`
   * @example const u = rng.random(3);
   */
  random(size?: null): number;
  random(size: Size): NDArray;
  random(...args: unknown[]): number | NDArray {
    return this.uniformDoubles("random", args);
  }

  /**
   * Random floats uniformly distributed in [0, 1), of shape (d0, d1, ...).
   *
   * The dimensions are separate arguments, as in numpy: `np.random.rand(3, 2)`, not rand([3, 2])
   * (that is random_sample's spelling). No argument gives one JS number. The dropout mask
   * `D1 = np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob` is
   * `np.random.rand(A1.shape[0], A1.shape[1]).less(keep_prob)`. The draws are numpy's legacy
   * RandomState stream bit for bit, so after the same seed they equal the Python lab's values digit
   * for digit. Uses this generator's own state. Mirrors numpy.random.RandomState.rand.
   *
   * @param dims - the length of each axis, as separate arguments; none: one number
   * @returns a float64 array of shape (d0, d1, ...), or a number when called without arguments
   * @example const D1 = rng.rand(4, 3).less(0.8);
   */
  rand(): number;
  rand(...dims: number[]): NDArray;
  rand(...dims: unknown[]): number | NDArray {
    return this.fill(dims.length ? separateDims("rand", dims) : null, () => this.mt.nextDouble());
  }

  /**
   * Random floats uniformly distributed in [low, high).
   *
   * Computed as low + (high - low) * random_sample(), as numpy does. Without `size` a JS number;
   * with `size` a float64 array. numpy's keyword arguments go in a trailing options object:
   * `np.random.uniform({ low: -1, high: 1, size: [2, 3] })`. The draws are numpy's legacy
   * RandomState stream bit for bit, so after the same seed they equal the Python lab's values digit
   * for digit. Uses this generator's own state. Mirrors numpy.random.RandomState.uniform.
   *
   * @param low - the lower bound (included); default 0
   * @param high - the upper bound (excluded); default 1
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { low, high, size }
   * @returns a number, or a float64 array of shape `size`
   * @example const W = rng.uniform(-0.1, 0.1, [4, 2]);
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number | undefined, high: number | undefined, size: Size): NDArray;
  uniform(...args: [...positional: Prefixes<[low: number, high: number]>, options: Sized<UniformOptions>]): NDArray;
  uniform(...args: [...positional: Prefixes<[low: number, high: number]>, options: UniformOptions]): number;
  uniform(...args: unknown[]): number | NDArray {
    const kw = bindArgs("uniform", ["low", "high", "size"], args);
    const low = scalarParam("uniform", "low", kw.low, 0);
    const range = scalarParam("uniform", "high", kw.high, 1) - low;
    if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
    return this.fill(sizeShape(kw.size), () => low + range * this.mt.nextDouble());
  }

  // ---- Gaussians

  /**
   * Samples from the standard normal distribution (mean 0, variance 1), of shape (d0, d1, ...).
   *
   * The dimensions are separate arguments, as in numpy: `np.random.randn(4, 2)`, not randn([4, 2])
   * (that is standard_normal's spelling). No argument gives one JS number. The labs' initialization
   * `W1 = np.random.randn(n_h, n_x) * 0.01` is `np.random.randn(n_h, n_x).multiply(0.01)`. The
   * values are numpy's polar-method Gaussians bit for bit (with its cached second value), so after
   * the same seed they equal the Python lab's digit for digit. Uses this generator's own state.
   * Mirrors numpy.random.RandomState.randn.
   *
   * @param dims - the length of each axis, as separate arguments; none: one number
   * @returns a float64 array of shape (d0, d1, ...), or a number when called without arguments
   * @example const W1 = rng.randn(4, 2).multiply(0.01);
   */
  randn(): number;
  randn(...dims: number[]): NDArray;
  randn(...dims: unknown[]): number | NDArray {
    return this.fill(dims.length ? separateDims("randn", dims) : null, () => this.gauss());
  }

  /**
   * Samples from the standard normal distribution (mean 0, variance 1).
   *
   * The same draws as randn, with the shape as one `size` argument. Without `size` a JS number. The
   * draws are numpy's legacy RandomState stream bit for bit, so after the same seed they equal the
   * Python lab's values digit for digit. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.standard_normal.
   *
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @returns a number, or a float64 array of shape `size`
   * @example const z = rng.standard_normal([2, 3]);
   */
  standard_normal(size?: null): number;
  standard_normal(size: Size): NDArray;
  standard_normal(...args: unknown[]): number | NDArray {
    const { size } = bindArgs("standard_normal", ["size"], args);
    return this.fill(sizeShape(size), () => this.gauss());
  }

  /**
   * Samples from a normal (Gaussian) distribution with mean `loc` and standard deviation `scale`.
   *
   * Computed as loc + scale * standard_normal(), as numpy does; a negative scale raises numpy's
   * ValueError. Without `size` a JS number; with `size` a float64 array. numpy's keyword arguments
   * go in a trailing options object: `np.random.normal({ scale: 0.1, size: [4, 2] })`. The draws
   * are numpy's legacy RandomState stream bit for bit, so after the same seed they equal the Python
   * lab's values digit for digit. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.normal.
   *
   * @param loc - the mean; default 0
   * @param scale - the standard deviation, not negative; default 1
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { loc, scale, size }
   * @returns a number, or a float64 array of shape `size`
   * @example const noise = rng.normal(0, 0.1, [2, 3]);
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number | undefined, scale: number | undefined, size: Size): NDArray;
  normal(...args: [...positional: Prefixes<[loc: number, scale: number]>, options: Sized<NormalOptions>]): NDArray;
  normal(...args: [...positional: Prefixes<[loc: number, scale: number]>, options: NormalOptions]): number;
  normal(...args: unknown[]): number | NDArray {
    const kw = bindArgs("normal", ["loc", "scale", "size"], args);
    const loc = scalarParam("normal", "loc", kw.loc, 0);
    const scale = scalarParam("normal", "scale", kw.scale, 1);
    if (scale < 0 || Object.is(scale, -0)) throw new ValueError("scale < 0");
    return this.fill(sizeShape(kw.size), () => loc + scale * this.gauss());
  }

  // ---- integers

  /**
   * Random integers in [low, high), or in [0, low) when `high` is omitted.
   *
   * Every integer in the range is equally likely (numpy's masked rejection sampling, draw for
   * draw). Without `size` a JS number; with `size` an int64 array (numpy's default dtype; its
   * `dtype` keyword is not supported). numpy's keyword arguments go in a trailing options object:
   * `np.random.randint(5, { size: [2, 3] })`. The draws are numpy's legacy RandomState stream bit
   * for bit, so after the same seed they equal the Python lab's values digit for digit. Uses this
   * generator's own state. Mirrors numpy.random.RandomState.randint.
   *
   * @param low - the lowest integer that can be drawn, or, without `high`, one above the highest (the range is [0, low))
   * @param high - one above the highest integer that can be drawn; default null (see `low`)
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { low, high, size }
   * @returns an integer, or an int64 array of shape `size`
   * @example const idx = rng.randint(0, 10, 5);
   */
  randint(low: number, high?: number | null, size?: null): number;
  randint(low: number, high: number | null | undefined, size: Size): NDArray;
  randint(...args: [low: number, ...positional: Prefixes<[high: number | null]>, options: Sized<RandintOptions>]): NDArray;
  randint(...args: [low: number, ...positional: Prefixes<[high: number | null]>, options: RandintOptions]): number;
  randint(...args: unknown[]): number | NDArray {
    const kw = bindArgs("randint", ["low", "high", "size"], args);
    if (kw.low === undefined) throw new TypeError("randint() missing required argument 'low' (pos 1)");
    let low = toInt("randint", "low", kw.low);
    let high: number;
    if (kw.high == null) {
      high = low;
      low = 0;
    } else {
      high = toInt("randint", "high", kw.high);
    }
    const shape = sizeShape(kw.size);
    // numpy returns an empty array before looking at the bounds
    if (shape !== null && shapeSize(shape) === 0) return new NDArray(new Float64Array(0), shape, "int64");
    return this.fill(shape, this.boundedInt(low, high), "int64");
  }

  /**
   * A random permutation of arange(x), or a shuffled copy of an array.
   *
   * An integer x gives the numbers 0 ... x - 1 in random order, as int64; an array is shuffled
   * along its first axis into a copy (the original is left alone; see shuffle for in place). The
   * mini-batch lab's `permutation = list(np.random.permutation(m))` and `X[:, permutation]` are
   * `np.random.permutation(m)` and `X.slice(":", permutation)`. The draws are numpy's legacy
   * RandomState stream bit for bit, so after the same seed they equal the Python lab's values digit
   * for digit. Uses this generator's own state. Mirrors numpy.random.RandomState.permutation.
   *
   * @param x - an integer n (permute arange(n)), or an array (or nested JS arrays) to shuffle along axis 0
   * @returns a new array: an int64 permutation of arange(x), or the rows of `x` in random order
   * @example const permutation = rng.permutation(m);
   */
  permutation(x: number | ArrayLike): NDArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new IndexError("x must be an integer or at least 1-dimensional");
      const out = new NDArray(arangeData(Math.max(x, 0)), [Math.max(x, 0)], "int64");
      this.shuffle(out);
      return out;
    }
    const arr = asarray(x);
    if (arr.ndim < 1) throw new IndexError("x must be an integer or at least 1-dimensional");
    // Shuffling a copy swaps the same rows as numpy's shuffled index array would pick.
    const out = arr.copy();
    this.shuffle(out);
    return out;
  }

  /**
   * Shuffles an array (or a JS array) in place along its first axis.
   *
   * numpy's Fisher-Yates shuffle, draw for draw; for a 2-D array the rows are moved and each row
   * keeps its contents. Nothing is returned (use permutation for a shuffled copy). The draws are
   * numpy's legacy RandomState stream bit for bit, so after the same seed they equal the Python
   * lab's values digit for digit. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.shuffle.
   *
   * @param x - the NDArray (at least 1-D) or JS array to shuffle, in place
   * @example rng.shuffle(X);
   */
  shuffle(x: NDArray | unknown[]): void {
    if (x instanceof NDArray) {
      if (x.ndim === 0) throw new TypeError("len() of unsized object");
      const data = x.data;
      const n = x.shape[0];
      const row = n === 0 ? 0 : x.size / n;
      if (row === 1) {
        this.fisherYates(n, (i, j) => {
          const t = data[i];
          data[i] = data[j];
          data[j] = t;
        });
      } else {
        const tmp = new Float64Array(row);
        this.fisherYates(n, (i, j) => {
          if (i === j) return;
          tmp.set(data.subarray(i * row, (i + 1) * row));
          data.copyWithin(i * row, j * row, (j + 1) * row);
          data.set(tmp, j * row);
        });
      }
    } else if (Array.isArray(x)) {
      this.fisherYates(x.length, (i, j) => {
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
      });
    } else {
      throw new TypeError("shuffle() expects an NDArray or an array");
    }
  }

  /**
   * Random samples from a population: arange(a) for an integer `a`, otherwise the 1-D array `a`.
   *
   * With replacement by default; `replace = false` draws distinct elements; `p` gives each
   * element's probability (it must sum to 1). Without `size` one value (a JS number); with `size`
   * an array, int64 for an integer `a`, else the dtype of `a`. numpy's keyword arguments go in a
   * trailing options object: `np.random.choice(3, { size: 4, p: [0.5, 0.25, 0.25] })`. Every mode
   * (uniform or weighted, with or without replacement) consumes numpy's stream as numpy does. Uses
   * this generator's own state. Mirrors numpy.random.RandomState.choice.
   *
   * @param a - an integer n (sample from 0 ... n - 1), or a 1-D array (or JS list) of the population
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @param replace - whether an element may be drawn more than once; default true
   * @param p - the probability of each element of the population, summing to 1; default null (uniform)
   * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { a, size, replace, p }
   * @returns one element (a number), or an array of shape `size`
   * @example const picks = rng.choice(5, 3, false);
   */
  choice(a: number | ArrayLike, size?: null, replace?: boolean, p?: ArrayLike | null): number;
  choice(a: number | ArrayLike, size: Size, replace?: boolean, p?: ArrayLike | null): NDArray;
  choice(...args: [a: number | ArrayLike, ...positional: ChoiceRest, options: Sized<ChoiceOptions>]): NDArray;
  choice(...args: [a: number | ArrayLike, ...positional: ChoiceRest, options: ChoiceOptions]): number;
  choice(...args: unknown[]): number | NDArray {
    const kw = bindArgs("choice", ["a", "size", "replace", "p"], args);
    const replace = kw.replace === undefined ? true : Boolean(kw.replace);
    const dims = kw.size == null ? null : intDims(kw.size);
    const count = dims === null ? 1 : dims.reduce((acc, d) => acc * d, 1);

    let pool: NDArray | null = null;
    let popSize: number;
    const a = kw.a;
    if (typeof a === "number" || (a instanceof NDArray && a.ndim === 0)) {
      popSize = typeof a === "number" ? a : a.data[0];
      if (!Number.isInteger(popSize) || (a instanceof NDArray && a.dtype === "float64")) {
        throw new ValueError("a must be 1-dimensional or an integer");
      }
      if (popSize <= 0 && count !== 0) throw new ValueError("a must be greater than 0 unless no samples are taken");
    } else {
      if (a === undefined) throw new TypeError("choice() missing required argument 'a' (pos 1)");
      pool = asarray(a as ArrayLike);
      if (pool.ndim !== 1) throw new ValueError("a must be 1-dimensional");
      popSize = pool.shape[0];
      if (popSize === 0 && count !== 0) throw new ValueError("'a' cannot be empty unless no samples are taken");
    }
    const p = kw.p == null ? null : checkProbabilities(kw.p as ArrayLike, popSize);

    let idx: Float64Array;
    if (replace) {
      const n = shapeSize(sizeShape(dims) ?? []);
      if (p !== null) {
        // searchsorted(cdf, random_sample(size), side='right')
        const cdf = normalizedCdf(p);
        idx = this.fillData(n, () => searchRight(cdf, this.mt.nextDouble()));
      } else {
        // randint(0, a, size), which returns an empty array before checking its bounds
        idx = n === 0 ? new Float64Array(0) : this.fillData(n, this.boundedInt(0, popSize));
      }
    } else {
      if (count > popSize) throw new ValueError("Cannot take a larger sample than population when 'replace=False'");
      if (count < 0) throw new ValueError("Negative dimensions are not allowed");
      sizeShape(dims); // rejects the negative dimensions a positive count can hide
      idx = p !== null ? this.choiceWeightedUnique(p, count) : this.permutation(popSize).data.subarray(0, count);
    }

    if (dims === null) return pool !== null ? pool.data[idx[0]] : idx[0];
    if (pool === null) return new NDArray(Float64Array.from(idx), dims, "int64");
    const src = pool.data;
    return new NDArray(Float64Array.from(idx, (i) => src[i]), dims, pool.dtype);
  }

  // ---- binomial

  /**
   * Samples from a binomial distribution: the number of successes in `n` trials of probability `p`.
   *
   * With n = 1 each draw is 1 with probability p, else 0: a dropout mask is
   * `np.random.binomial(1, keep_prob, A.shape)`. numpy's legacy algorithm (inversion for small n *
   * p, BTPE above), draw for draw. Without `size` a JS number; with `size` an int64 array. numpy's
   * keyword arguments go in a trailing options object:
   * `np.random.binomial(1, 0.8, { size: [2, 4] })`. Uses this generator's own state. Mirrors
   * numpy.random.RandomState.binomial.
   *
   * @param n - the number of trials, a non-negative integer
   * @param p - the probability of success of each trial, in [0, 1]
   * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
   * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { n, p, size }
   * @returns the number of successes, or an int64 array of shape `size`
   * @example const D = rng.binomial(1, 0.8, [4, 3]);
   */
  binomial(n: number, p: number, size?: null): number;
  binomial(n: number, p: number, size: Size): NDArray;
  binomial(...args: [...positional: Prefixes<[n: number, p: number]>, options: Sized<BinomialOptions>]): NDArray;
  binomial(...args: [...positional: Prefixes<[n: number, p: number]>, options: BinomialOptions]): number;
  binomial(...args: unknown[]): number | NDArray {
    const kw = bindArgs("binomial", ["n", "p", "size"], args);
    if (kw.n === undefined || kw.p === undefined) {
      throw new TypeError(`binomial() missing required argument '${kw.n === undefined ? "n" : "p"}'`);
    }
    const p = scalarParam("binomial", "p", kw.p, 0);
    if (!(p >= 0 && p <= 1)) throw new ValueError("p < 0, p > 1 or p is NaN");
    const n = toInt("binomial", "n", kw.n);
    if (n < 0) throw new ValueError("n < 0");
    return this.fill(sizeShape(kw.size), this.binomialSampler(n, p), "int64");
  }

  // ---- internals

  private uniformDoubles(fn: string, args: unknown[]): number | NDArray {
    const { size } = bindArgs(fn, ["size"], args);
    return this.fill(sizeShape(size), () => this.mt.nextDouble());
  }

  /** Scalar (shape null) or an array filled in C order by `draw`. */
  private fill(shape: number[] | null, draw: () => number, dtype: DType = "float64"): number | NDArray {
    if (shape === null) return draw();
    return new NDArray(this.fillData(shapeSize(shape), draw), shape, dtype);
  }

  private fillData(n: number, draw: () => number): Float64Array {
    const out = emptyFloat64(n);
    for (let i = 0; i < n; i++) out[i] = draw();
    return out;
  }

  /** legacy_gauss: the polar method; each accepted pair returns one value and caches the other. */
  private gauss(): number {
    if (this.hasGauss) {
      const g = this.gaussCache;
      this.hasGauss = false;
      this.gaussCache = 0;
      return g;
    }
    const mt = this.mt;
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * mt.nextDouble() - 1;
      x2 = 2 * mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // C's evaluation order, and glibc's log: Math.log would be off by an ulp now and then
    const f = Math.sqrt((-2 * log(r2)) / r2);
    this.gaussCache = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** A `[0, rng]` draw by masked rejection: the smallest 2^k - 1 mask covering rng, redrawn
   *  until <= rng. With rng = 2^32 - 1 the mask is all ones, so the raw word is returned. */
  private masked32(rng: number, mask: number): number {
    let v: number;
    do v = (this.mt.next32() & mask) >>> 0;
    while (v > rng);
    return v;
  }

  /** Fisher-Yates from the end, j = random_interval(i), as numpy's shuffle. */
  private fisherYates(n: number, swap: (i: number, j: number) => void): void {
    for (let i = n - 1; i > 0; i--) swap(i, this.masked32(i, smearBits(i)));
  }

  /** numpy's bounded int64 draw for [low, high) (_rand_int64 with masked rejection). */
  private boundedInt(low: number, high: number): () => number {
    const lowB = BigInt(low);
    const highB = BigInt(high) - 1n; // closed interval [low, high - 1]
    if (lowB < INT64_MIN) throw new ValueError("low is out of bounds for int64");
    if (highB > INT64_MAX) throw new ValueError("high is out of bounds for int64");
    if (lowB > highB) throw new ValueError(low === 0 ? "high <= 0" : "low >= high");
    const rng = highB - lowB;
    // Values are exact doubles when both bounds are; otherwise add in BigInt and round once.
    const exact = Number.isSafeInteger(low) && Number.isSafeInteger(high);
    const offset = (v: number): number => (exact ? low + v : Number(lowB + BigInt(v)));
    if (rng === 0n) return () => low;
    if (rng <= 0xffffffffn) {
      const r = Number(rng);
      const mask = smearBits(r);
      return () => offset(this.masked32(r, mask));
    }
    // 64-bit path: next_uint64 = (first word << 32) | second word. The mask covers the whole
    // low word, so only the high word is masked and compared first.
    const rngHi = Number(rng >> 32n);
    const rngLo = Number(rng & 0xffffffffn);
    const maskHi = smearBits(rngHi);
    const mt = this.mt;
    return () => {
      let hi: number;
      let lo: number;
      do {
        hi = (mt.next32() & maskHi) >>> 0;
        lo = mt.next32();
      } while (hi > rngHi || (hi === rngHi && lo > rngLo));
      const v = hi * 4294967296 + lo;
      return Number.isSafeInteger(v) ? offset(v) : Number(lowB + (BigInt(hi) << 32n) + BigInt(lo));
    };
  }

  /** choice(replace=False, p=...): draw count - found uniforms at a time, zero the
   *  probabilities already taken, keep each new index's first occurrence in draw order. */
  private choiceWeightedUnique(p: Float64Array, count: number): Float64Array {
    let positive = 0;
    for (const v of p) if (v > 0) positive++;
    if (positive < count) throw new ValueError("Fewer non-zero entries in p than size");
    const weights = p.slice();
    const found: number[] = [];
    while (found.length < count) {
      const x = this.fillData(count - found.length, () => this.mt.nextDouble());
      for (const f of found) weights[f] = 0;
      const cdf = normalizedCdf(weights);
      const taken = new Set(found);
      for (const u of x) {
        const j = searchRight(cdf, u);
        if (!taken.has(j)) {
          taken.add(j);
          found.push(j);
        }
      }
    }
    return Float64Array.from(found);
  }

  /** legacy_random_binomial: p or 1 - p, whichever is <= 0.5, by inversion when
   *  n·p <= 30 and by BTPE otherwise. Unlike Generator.binomial there is no shortcut for
   *  n == 0 or p == 0: those still consume one double per value. */
  private binomialSampler(n: number, p: number): () => number {
    if (p <= 0.5) return p * n <= 30 ? this.binomialInversion(n, p) : this.binomialBtpe(n, p);
    const q = 1 - p;
    const draw = q * n <= 30 ? this.binomialInversion(n, q) : this.binomialBtpe(n, q);
    return () => n - draw();
  }

  private binomialInversion(n: number, p: number): () => number {
    const mt = this.mt;
    const q = 1 - p;
    const qn = elementary.exp(n * log(q));
    const np = n * p;
    const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
    return () => {
      let x = 0;
      let px = qn;
      let u = mt.nextDouble();
      while (u > px) {
        x++;
        if (x > bound) {
          x = 0;
          px = qn;
          u = mt.nextDouble();
        } else {
          u -= px;
          px = ((n - x + 1) * p * px) / (x * q);
        }
      }
      return x;
    };
  }

  /** Kachitvichyanukul & Schmeiser's BTPE, as numpy's legacy stream keeps it (Stirling
   *  coefficient 13680 and all four correction terms added). Called with p <= 0.5. */
  private binomialBtpe(n: number, p: number): () => number {
    const mt = this.mt;
    const r = p;
    const q = 1 - r;
    const fm = n * r + r;
    const m = Math.floor(fm);
    const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    const xm = m + 0.5;
    const xl = xm - p1;
    const xr = xm + p1;
    const c = 0.134 + 20.5 / (15.3 + m);
    let a = (fm - xl) / (fm - xl * r);
    const laml = a * (1 + a / 2);
    a = (xr - fm) / (xr * q);
    const lamr = a * (1 + a / 2);
    const p2 = p1 * (1 + 2 * c);
    const p3 = p2 + c / laml;
    const p4 = p3 + c / lamr;
    const nrq = n * r * q;
    const stirling = (t: number, t2: number): number =>
      (13680 - (462 - (132 - (99 - 140 / t2) / t2) / t2) / t2) / t / 166320;
    return () => {
      for (;;) {
        const u = mt.nextDouble() * p4;
        let v = mt.nextDouble();
        if (u <= p1) return Math.floor(xm - p1 * v + u); // triangular region: accept
        let y: number;
        if (u <= p2) {
          // parallelograms
          const x = xl + (u - p1) / c;
          v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
          if (v > 1) continue;
          y = Math.floor(x);
        } else if (u <= p3) {
          // left exponential tail
          y = Math.floor(xl + log(v) / laml);
          if (y < 0 || v === 0) continue;
          v = v * (u - p2) * laml;
        } else {
          // right exponential tail
          y = Math.floor(xr - log(v) / lamr);
          if (y > n || v === 0) continue;
          v = v * (u - p3) * lamr;
        }
        const k = Math.abs(y - m);
        if (!(k > 20 && k < nrq / 2 - 1)) {
          // explicit evaluation of f(y) / f(m)
          const s = r / q;
          const as = s * (n + 1);
          let f = 1;
          if (m < y) for (let i = m + 1; i <= y; i++) f *= as / i - s;
          else if (m > y) for (let i = y + 1; i <= m; i++) f /= as / i - s;
          if (v > f) continue;
          return y;
        }
        // squeeze with bounds on log f(y) / f(m), then the Stirling-series test
        const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        const t = (-k * k) / (2 * nrq);
        const logV = log(v);
        if (logV < t - rho) return y;
        if (logV > t + rho) continue;
        const x1 = y + 1;
        const f1 = m + 1;
        const z = n + 1 - m;
        const w = n - y + 1;
        const bound =
          xm * log(f1 / x1) +
          (n - m + 0.5) * log(z / w) +
          (y - m) * log((w * r) / (x1 * q)) +
          stirling(f1, f1 * f1) +
          stirling(z, z * z) +
          stirling(x1, x1 * x1) +
          stirling(w, w * w);
        if (logV > bound) continue;
        return y;
      }
    };
  }
}

// ---- argument handling

/** Binds positional arguments and a trailing options object to numpy's parameter names. */
function bindArgs<K extends string>(
  fn: string,
  names: readonly K[],
  args: readonly unknown[],
): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  let positional = args;
  const last = args[args.length - 1];
  if (isOptions(last)) {
    positional = args.slice(0, -1);
    for (const [key, value] of Object.entries(last)) {
      if (!(names as readonly string[]).includes(key)) {
        throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
      }
      out[key as K] = value;
    }
  }
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments (${positional.length} given)`);
  }
  positional.forEach((value, i) => {
    if (value === undefined) return;
    if (out[names[i]] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    out[names[i]] = value;
  });
  return out;
}

function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/** One dimension, as Python's operator.index accepts it (numpy's messages for everything else). */
function dimOf(d: unknown): number {
  if (typeof d === "number") {
    if (Number.isInteger(d)) return d;
    throw new TypeError("'float' object cannot be interpreted as an integer");
  }
  if (typeof d === "boolean") throw new TypeError("an integer is required");
  if (d instanceof NDArray) {
    if (d.ndim === 0 && (d.dtype === "int64" || d.dtype === "uint8")) return d.data[0];
    throw new TypeError("only integer scalar arrays can be converted to a scalar index");
  }
  throw new TypeError(`'${pyTypeName(d)}' object cannot be interpreted as an integer`);
}

/** The dimensions in numpy's `size`: one integer, or a sequence (a list, an integer NDArray) of
 *  them, each checked as numpy checks it; negative ones are left in. */
function intDims(size: unknown): number[] {
  let dims: number[];
  if (typeof size === "number" || typeof size === "boolean" || (size instanceof NDArray && size.ndim === 0)) {
    const isInt = typeof size === "number" ? Number.isInteger(size) : size instanceof NDArray && size.dtype !== "float64" && size.dtype !== "bool";
    if (!isInt) throw new TypeError(`expected a sequence of integers or a single integer, got '${repr(size)}'`);
    dims = [size instanceof NDArray ? size.data[0] : (size as number)];
  } else if (Array.isArray(size)) {
    dims = size.map(dimOf);
  } else if (size instanceof NDArray) {
    if (size.ndim > 1 && size.size > 0) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
    if (size.dtype === "float64" && size.size > 0) throw new TypeError("'numpy.float64' object cannot be interpreted as an integer");
    if (size.dtype === "bool" && size.size > 0) throw new TypeError("an integer is required");
    dims = Array.from(size.data);
  } else if (typeof size === "string") {
    if (size.length > 0) throw new TypeError("'str' object cannot be interpreted as an integer");
    dims = [];
  } else {
    throw new TypeError(`expected a sequence of integers or a single integer, got '${repr(size)}'`);
  }
  return dims;
}

/** The dimension checks numpy makes once every dimension is an integer. */
function checkDims(dims: number[]): number[] {
  if (dims.some((d) => d < 0)) throw new ValueError("negative dimensions are not allowed");
  if (dims.some((d) => d >= 2 ** 63)) throw new ValueError("Maximum allowed dimension exceeded");
  return dims;
}

/** numpy's `size` as an output shape; null (no size) means "return a scalar". */
function sizeShape(size: unknown): number[] | null {
  if (size == null) return null;
  return checkDims(intDims(size));
}

/** rand(d0, d1, ...) and randn(d0, d1, ...): the dimensions are separate arguments, as in numpy,
 *  whose message for a list (randn([2, 3]), the shape spelling of np.zeros) gets a second line
 *  with the nnlab spelling. */
function separateDims(fn: string, dims: readonly unknown[]): number[] {
  return checkDims(
    dims.map((d) => {
      try {
        return dimOf(d);
      } catch (e) {
        if (!Array.isArray(d)) throw e;
        const flat = dims.flat();
        const spelled = flat.every((x) => typeof x === "number") ? flat.join(", ") : "2, 3";
        throw new TypeError(
          `${(e as Error).message}\nnnlab: pass the dimensions as separate arguments, np.random.${fn}(${spelled})`,
        );
      }
    }),
  );
}

/** A float parameter given as a number (or a 0-d array). Array-valued parameters, which numpy
 *  broadcasts, are not supported. */
function scalarParam(fn: string, name: string, value: unknown, dflt: number): number {
  if (value === undefined) return dflt;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof NDArray && value.ndim === 0) return value.data[0];
  throw new TypeError(`${fn}(): ${name} must be a number (array-valued parameters are not supported)`);
}

/** Python's int() of an integer parameter: truncation toward zero. */
function toInt(fn: string, name: string, value: unknown): number {
  const v = scalarParam(fn, name, value, 0);
  if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  return Math.trunc(v);
}

function isUint32(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

/** The smallest 2^k - 1 >= x, for 0 <= x < 2^32. */
function smearBits(x: number): number {
  x |= x >>> 1;
  x |= x >>> 2;
  x |= x >>> 4;
  x |= x >>> 8;
  x |= x >>> 16;
  return x >>> 0;
}

function arangeData(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** choice()'s checks on p, in numpy's order; returns p as doubles. */
function checkProbabilities(p: ArrayLike, popSize: number): Float64Array {
  const arr = asarray(p);
  if (arr.ndim !== 1) throw new ValueError("'p' must be 1-dimensional");
  if (arr.size !== popSize) throw new ValueError("'a' and 'p' must have same size");
  const data = Float64Array.from(arr.data);
  // Kahan summation, as numpy's kahan_sum
  let sum = data.length ? data[0] : 0;
  let comp = 0;
  for (let i = 1; i < data.length; i++) {
    const y = data[i] - comp;
    const t = sum + y;
    comp = t - sum - y;
    sum = t;
  }
  if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
  if (data.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
  if (Math.abs(sum - 1) > P_SUM_ATOL) throw new ValueError("probabilities do not sum to 1");
  return data;
}

/** cumsum(p) / cumsum(p)[-1], summed left to right as numpy's cumsum. */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const total = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= total;
  return cdf;
}

/** searchsorted(cdf, u, side='right'): the number of entries <= u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SEED_RANGE = "Seed must be between 0 and 2**32 - 1";

/** numpy's _legacy_seeding: nothing -> OS entropy through init_by_array; one integer ->
 *  init_genrand; a 1-D sequence -> init_by_array. A one-element NDArray counts as an integer
 *  (numpy squeezes arrays first), a one-element list does not. */
function legacySeed(mt: MT19937, seed: unknown): void {
  if (seed == null) {
    mt.seedByArray(globalThis.crypto.getRandomValues(new Uint32Array(MT_N)));
    return;
  }
  if (typeof seed === "number" || (seed instanceof NDArray && seed.size === 1)) {
    const s = typeof seed === "number" ? seed : seed.data[0];
    if (!Number.isInteger(s)) {
      throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
    }
    if (s < 0 || s > 0xffffffff) throw new ValueError(SEED_RANGE);
    mt.seed(s);
    return;
  }
  const arr = asarray(seed as ArrayLike);
  if (arr.size === 0) throw new ValueError("Seed must be non-empty");
  if (!arr.data.every(Number.isInteger)) {
    throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  if (arr.ndim !== 1) throw new ValueError("Seed array must be 1-d");
  if (!arr.data.every((v) => v >= 0 && v <= 0xffffffff)) throw new ValueError(SEED_RANGE);
  mt.seedByArray(arr.data);
}

// ---- the module-level API: methods of one hidden RandomState, seeded from OS entropy

const globalState = new RandomState();

function delegate<K extends keyof RandomState>(name: K): RandomState[K] {
  const method = globalState[name] as (...args: unknown[]) => unknown;
  return method.bind(globalState) as RandomState[K];
}

/**
 * Seeds the random generator, so the numbers drawn after it are reproducible.
 *
 * numpy's legacy seeding: an integer in [0, 2**32 - 1] or a non-empty 1-D list of them gives the
 * same stream as numpy with that seed (the labs' `np.random.seed(1)` before initialising
 * parameters); omitted or null seeds from the operating system's entropy. The cached second
 * Gaussian of randn is dropped, as in numpy. Uses the global generator that np.random.seed seeds.
 * Mirrors numpy.random.seed.
 *
 * @param seed - an integer in [0, 2**32 - 1], a 1-D list (or integer array) of them, or null/omitted for OS entropy
 * @example np.random.seed(1); // np.random.randn(1) now gives array([1.62434536])
 */
export const seed = delegate("seed");

/**
 * The generator's internal state, to restore later with set_state.
 *
 * numpy's legacy tuple as a list: ["MT19937", key, pos, has_gauss, cached_gaussian], with key the
 * 624 32-bit words of the Mersenne Twister (an int64 array), pos the position in them, and the
 * Gaussian randn cached from its last pair. Uses the global generator that np.random.seed seeds.
 * Mirrors numpy.random.get_state.
 *
 *
 * @returns ["MT19937", key (624 values, int64 array), pos, has_gauss (0 or 1), cached_gaussian]
 * @example const state = np.random.get_state(); // ... draws ...; np.random.set_state(state) replays them
 */
export const get_state = delegate("get_state");

/**
 * Restores a state that get_state returned, so the same numbers are drawn again.
 *
 * Accepts get_state's list (the last two items optional, as in numpy), with numpy's errors for a
 * malformed one. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.set_state.
 *
 * @param state - ["MT19937", key (624 integers in [0, 2**32 - 1]), pos, has_gauss?, cached_gaussian?]
 * @example np.random.set_state(state);
 */
export const set_state = delegate("set_state");

/**
 * Random floats uniformly distributed in [0, 1).
 *
 * Without `size` a JS number (numpy's float); with `size` a float64 array of that shape. The draws
 * are numpy's legacy RandomState stream bit for bit, so after the same seed they equal the Python
 * lab's values digit for digit. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.random_sample.
 *
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @returns a number in [0, 1), or a float64 array of shape `size`
 * @example np.random.seed(1); np.random.random_sample(); // 0.417022004702574
 */
export const random_sample = delegate("random_sample");

/**
 * Random floats uniformly distributed in [0, 1): another name for random_sample.
 *
 * Without `size` a JS number; with `size` a float64 array of that shape. The draws are numpy's
 * legacy RandomState stream bit for bit, so after the same seed they equal the Python lab's values
 * digit for digit. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.random.
 *
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @returns a number in [0, 1), or a float64 array of shape `size`
 * @example np.random.seed(1); np.random.random([2]); // array([0.417022  , 0.72032449])
 */
export const random = delegate("random");

/**
 * Random floats uniformly distributed in [0, 1), of shape (d0, d1, ...).
 *
 * The dimensions are separate arguments, as in numpy: `np.random.rand(3, 2)`, not rand([3, 2])
 * (that is random_sample's spelling). No argument gives one JS number. The dropout mask
 * `D1 = np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob` is
 * `np.random.rand(A1.shape[0], A1.shape[1]).less(keep_prob)`. The draws are numpy's legacy
 * RandomState stream bit for bit, so after the same seed they equal the Python lab's values digit
 * for digit. Uses the global generator that np.random.seed seeds. Mirrors numpy.random.rand.
 *
 * @param dims - the length of each axis, as separate arguments; none: one number
 * @returns a float64 array of shape (d0, d1, ...), or a number when called without arguments
 * @example const D1 = np.random.rand(A1.shape[0], A1.shape[1]).less(keep_prob);
 */
export const rand = delegate("rand");

/**
 * Random floats uniformly distributed in [low, high).
 *
 * Computed as low + (high - low) * random_sample(), as numpy does. Without `size` a JS number; with
 * `size` a float64 array. numpy's keyword arguments go in a trailing options object:
 * `np.random.uniform({ low: -1, high: 1, size: [2, 3] })`. The draws are numpy's legacy RandomState
 * stream bit for bit, so after the same seed they equal the Python lab's values digit for digit.
 * Uses the global generator that np.random.seed seeds. Mirrors numpy.random.uniform.
 *
 * @param low - the lower bound (included); default 0
 * @param high - the upper bound (excluded); default 1
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { low, high, size }
 * @returns a number, or a float64 array of shape `size`
 * @example np.random.seed(1); np.random.uniform(-1, 1, 3); // array([-0.16595599,  0.44064899, -0.99977125])
 */
export const uniform = delegate("uniform");

/**
 * Samples from the standard normal distribution (mean 0, variance 1), of shape (d0, d1, ...).
 *
 * The dimensions are separate arguments, as in numpy: `np.random.randn(4, 2)`, not randn([4, 2])
 * (that is standard_normal's spelling). No argument gives one JS number. The labs' initialization
 * `W1 = np.random.randn(n_h, n_x) * 0.01` is `np.random.randn(n_h, n_x).multiply(0.01)`. The values
 * are numpy's polar-method Gaussians bit for bit (with its cached second value), so after the same
 * seed they equal the Python lab's digit for digit. Uses the global generator that np.random.seed
 * seeds. Mirrors numpy.random.randn.
 *
 * @param dims - the length of each axis, as separate arguments; none: one number
 * @returns a float64 array of shape (d0, d1, ...), or a number when called without arguments
 * @example np.random.seed(1); np.random.randn(2, 3); // array([[ 1.62434536, -0.61175641, -0.52817175], [-1.07296862,  0.86540763, -2.3015387 ]])
 */
export const randn = delegate("randn");

/**
 * Samples from the standard normal distribution (mean 0, variance 1).
 *
 * The same draws as randn, with the shape as one `size` argument. Without `size` a JS number. The
 * draws are numpy's legacy RandomState stream bit for bit, so after the same seed they equal the
 * Python lab's values digit for digit. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.standard_normal.
 *
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @returns a number, or a float64 array of shape `size`
 * @example np.random.seed(1); np.random.standard_normal([3]); // array([ 1.62434536, -0.61175641, -0.52817175])
 */
export const standard_normal = delegate("standard_normal");

/**
 * Samples from a normal (Gaussian) distribution with mean `loc` and standard deviation `scale`.
 *
 * Computed as loc + scale * standard_normal(), as numpy does; a negative scale raises numpy's
 * ValueError. Without `size` a JS number; with `size` a float64 array. numpy's keyword arguments go
 * in a trailing options object: `np.random.normal({ scale: 0.1, size: [4, 2] })`. The draws are
 * numpy's legacy RandomState stream bit for bit, so after the same seed they equal the Python lab's
 * values digit for digit. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.normal.
 *
 * @param loc - the mean; default 0
 * @param scale - the standard deviation, not negative; default 1
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { loc, scale, size }
 * @returns a number, or a float64 array of shape `size`
 * @example np.random.seed(1); np.random.normal(0, 0.1, 3); // array([ 0.16243454, -0.06117564, -0.05281718])
 */
export const normal = delegate("normal");

/**
 * Random integers in [low, high), or in [0, low) when `high` is omitted.
 *
 * Every integer in the range is equally likely (numpy's masked rejection sampling, draw for draw).
 * Without `size` a JS number; with `size` an int64 array (numpy's default dtype; its `dtype`
 * keyword is not supported). numpy's keyword arguments go in a trailing options object:
 * `np.random.randint(5, { size: [2, 3] })`. The draws are numpy's legacy RandomState stream bit for
 * bit, so after the same seed they equal the Python lab's values digit for digit. Uses the global
 * generator that np.random.seed seeds. Mirrors numpy.random.randint.
 *
 * @param low - the lowest integer that can be drawn, or, without `high`, one above the highest (the range is [0, low))
 * @param high - one above the highest integer that can be drawn; default null (see `low`)
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { low, high, size }
 * @returns an integer, or an int64 array of shape `size`
 * @example np.random.seed(1); np.random.randint(0, 10, 5); // array([5, 8, 9, 5, 0])
 */
export const randint = delegate("randint");

/**
 * A random permutation of arange(x), or a shuffled copy of an array.
 *
 * An integer x gives the numbers 0 ... x - 1 in random order, as int64; an array is shuffled along
 * its first axis into a copy (the original is left alone; see shuffle for in place). The mini-batch
 * lab's `permutation = list(np.random.permutation(m))` and `X[:, permutation]` are
 * `np.random.permutation(m)` and `X.slice(":", permutation)`. The draws are numpy's legacy
 * RandomState stream bit for bit, so after the same seed they equal the Python lab's values digit
 * for digit. Uses the global generator that np.random.seed seeds. Mirrors numpy.random.permutation.
 *
 * @param x - an integer n (permute arange(n)), or an array (or nested JS arrays) to shuffle along axis 0
 * @returns a new array: an int64 permutation of arange(x), or the rows of `x` in random order
 * @example np.random.seed(1); np.random.permutation(5); // array([2, 1, 4, 0, 3])
 */
export const permutation = delegate("permutation");

/**
 * Shuffles an array (or a JS array) in place along its first axis.
 *
 * numpy's Fisher-Yates shuffle, draw for draw; for a 2-D array the rows are moved and each row
 * keeps its contents. Nothing is returned (use permutation for a shuffled copy). The draws are
 * numpy's legacy RandomState stream bit for bit, so after the same seed they equal the Python lab's
 * values digit for digit. Uses the global generator that np.random.seed seeds. Mirrors
 * numpy.random.shuffle.
 *
 * @param x - the NDArray (at least 1-D) or JS array to shuffle, in place
 * @example np.random.shuffle(X); // the rows of X in random order
 */
export const shuffle = delegate("shuffle");

/**
 * Random samples from a population: arange(a) for an integer `a`, otherwise the 1-D array `a`.
 *
 * With replacement by default; `replace = false` draws distinct elements; `p` gives each element's
 * probability (it must sum to 1). Without `size` one value (a JS number); with `size` an array,
 * int64 for an integer `a`, else the dtype of `a`. numpy's keyword arguments go in a trailing
 * options object: `np.random.choice(3, { size: 4, p: [0.5, 0.25, 0.25] })`. Every mode (uniform or
 * weighted, with or without replacement) consumes numpy's stream as numpy does. Uses the global
 * generator that np.random.seed seeds. Mirrors numpy.random.choice.
 *
 * @param a - an integer n (sample from 0 ... n - 1), or a 1-D array (or JS list) of the population
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @param replace - whether an element may be drawn more than once; default true
 * @param p - the probability of each element of the population, summing to 1; default null (uniform)
 * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { a, size, replace, p }
 * @returns one element (a number), or an array of shape `size`
 * @example np.random.seed(1); np.random.choice(5, 3, false); // array([2, 1, 4])
 */
export const choice = delegate("choice");

/**
 * Samples from a binomial distribution: the number of successes in `n` trials of probability `p`.
 *
 * With n = 1 each draw is 1 with probability p, else 0: a dropout mask is
 * `np.random.binomial(1, keep_prob, A.shape)`. numpy's legacy algorithm (inversion for small n * p,
 * BTPE above), draw for draw. Without `size` a JS number; with `size` an int64 array. numpy's
 * keyword arguments go in a trailing options object:
 * `np.random.binomial(1, 0.8, { size: [2, 4] })`. Uses the global generator that np.random.seed
 * seeds. Mirrors numpy.random.binomial.
 *
 * @param n - the number of trials, a non-negative integer
 * @param p - the probability of success of each trial, in [0, 1]
 * @param size - the output shape: a length or a list of lengths (numpy's tuple); omitted or null: one number
 * @param args - the same arguments positionally, ending with an options object of numpy's keywords: { n, p, size }
 * @returns the number of successes, or an int64 array of shape `size`
 * @example np.random.seed(1); np.random.binomial(1, 0.8, [2, 4]); // array([[1, 1, 1, 1], [1, 1, 1, 1]])
 */
export const binomial = delegate("binomial");
