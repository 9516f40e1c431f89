// Raschka's single-layer classifiers ("Single-Layer Neural Networks and Gradient Descent"):
// the Perceptron, Adaline trained by batch gradient descent, and Adaline trained by stochastic
// gradient descent with per-epoch shuffling. X is (n_samples, n_features), y holds -1/1 labels,
// w_[0] is the bias unit and w_ starts at zeros.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sum_squared_errors } from "../nn/losses";

/** What the three share: weights w_, the net input w_[1:] . x + w_[0] and the unit step on the activation. */
abstract class LinearUnit {
  /** The weights after training, shape (1 + n_features,): w_[0] is the bias unit, w_[1:] one weight per feature. */
  w_: NDArray = np.zeros(0);

  /**
   * A classifier that still has to be trained with `train` (or `fit`).
   *
   * @param eta - the learning rate, between 0.0 and 1.0; default 0.01
   * @param epochs - the number of passes over the training set; default 50
   */
  constructor(public eta = 0.01, public epochs = 50) {}

  abstract train(X: NDArray, y: ArrayLike): this;

  /**
   * Trains on X and y: the same as `train`, under scikit-learn's name.
   *
   * @param X - the training samples, shape (n_samples, n_features), one sample per row
   * @param y - the target labels, -1 or 1, shape (n_samples,)
   * @returns this classifier, trained, so that calls chain
   * @example const ppn = new classic.Perceptron(0.1, 10).fit(X, y);
   */
  fit(X: NDArray, y: ArrayLike): this {
    return this.train(X, y);
  }

  /**
   * The net input `z = np.dot(X, w_[1:]) + w_[0]`.
   *
   * @param X - samples of shape (n_samples, n_features), or one sample of shape (n_features,)
   * @returns z: shape (n_samples,), or a 0-d array for a single sample
   * @example const z = ppn.net_input(X);
   */
  net_input(X: NDArray): NDArray {
    return np.add(np.dot(X, this.w_.slice("1:")), this.w_.get(0));
  }

  /**
   * The activation: the identity on the net input, `activation(X) = net_input(X)`.
   *
   * Adaline learns from this continuous value; `predict` thresholds it. Mirrors the `activation`
   * method of Raschka's Adaline classes.
   *
   * @param X - samples of shape (n_samples, n_features), or one sample of shape (n_features,)
   * @returns the activations: shape (n_samples,), or a 0-d array for a single sample
   * @example const a = ada.activation(X);
   */
  activation(X: NDArray): NDArray {
    return this.net_input(X);
  }

  /**
   * The class labels after the unit step: `np.where(activation(X) >= 0, 1, -1)`.
   *
   * @param X - samples of shape (n_samples, n_features), or one sample of shape (n_features,)
   * @returns labels -1 or 1: shape (n_samples,), or a 0-d array for a single sample
   * @example const y_pred = ppn.predict(X);
   */
  predict(X: NDArray): NDArray {
    return np.where(this.activation(X).greater_equal(0), 1, -1);
  }

  /** w_[1:] += delta; w_[0] += bias */
  protected step(delta: NDArray, bias: number): void {
    this.w_.assign(["1:"], this.w_.slice("1:").add(delta));
    this.w_.set(0, this.w_.get(0) + bias);
  }
}

/**
 * Rosenblatt's perceptron, trained one sample at a time by the perceptron learning rule.
 *
 * After each sample, `update = eta * (target - prediction)`, `w_[1:] += update * x`,
 * `w_[0] += update`; the weights start at zeros. It converges only when the two classes are
 * linearly separable. Mirrors the `Perceptron` class of Raschka's "Single-Layer Neural Networks
 * and Gradient Descent" (X of shape (n_samples, n_features), labels -1 and 1).
 *
 * @param eta - the learning rate, between 0.0 and 1.0; default 0.01
 * @param epochs - the number of passes over the training set; default 50
 * @example const ppn = new classic.Perceptron(0.1, 10).train(X, y);
 */
export class Perceptron extends LinearUnit {
  /** The number of misclassified samples (non-zero updates) in each epoch. */
  errors_: number[] = [];

  /**
   * Trains from zero weights: `epochs` passes over the samples in order, updating after each one.
   *
   * Resets w_ and errors_, so calling it again starts over.
   *
   * @param X - the training samples, shape (n_samples, n_features), one sample per row
   * @param y - the target labels, -1 or 1, shape (n_samples,)
   * @returns this perceptron, trained, so that calls chain
   * @example const ppn = new classic.Perceptron(0.1, 10).train(X, y);
   */
  train(X: NDArray, y: ArrayLike): this {
    const targets = np.asarray(y);
    this.w_ = np.zeros(1 + X.shape[1]);
    this.errors_ = [];
    for (let epoch = 0; epoch < this.epochs; epoch++) {
      let errors = 0;
      for (let i = 0; i < X.shape[0]; i++) {
        const xi = X.slice(i);
        const update = this.eta * (targets.get(i) - (this.predict(xi).item() as number));
        this.step(xi.multiply(update), update);
        if (update !== 0) errors++;
      }
      this.errors_.push(errors);
    }
    return this;
  }
}

/**
 * Adaline (ADAptive LInear NEuron), trained by batch gradient descent on the sum of squared errors.
 *
 * Each epoch computes `errors = y - net_input(X)` on the whole set and takes one step,
 * `w_[1:] += eta * X.T . errors`, `w_[0] += eta * sum(errors)`; the cost is
 * `J = sum(errors^2) / 2`. Standardised features let it converge with a larger eta. Mirrors the
 * `AdalineGD` class of Raschka's "Single-Layer Neural Networks and Gradient Descent".
 *
 * @param eta - the learning rate, between 0.0 and 1.0; default 0.01
 * @param epochs - the number of passes over the training set; default 50
 * @example const ada = new classic.AdalineGD(0.01, 10).train(X, y);
 */
export class AdalineGD extends LinearUnit {
  /** The cost sum(errors^2) / 2 of each epoch, computed before that epoch's update. */
  cost_: number[] = [];

  /**
   * Trains from zero weights: `epochs` batch gradient-descent steps on the whole set.
   *
   * Resets w_ and cost_, so calling it again starts over.
   *
   * @param X - the training samples, shape (n_samples, n_features), one sample per row
   * @param y - the target values, -1 or 1, shape (n_samples,)
   * @returns this classifier, trained, so that calls chain
   * @example const ada = new classic.AdalineGD(0.01, 10).train(X, y);
   */
  train(X: NDArray, y: ArrayLike): this {
    this.w_ = np.zeros(1 + X.shape[1]);
    this.cost_ = [];
    for (let epoch = 0; epoch < this.epochs; epoch++) {
      const output = this.net_input(X);
      const errors = np.subtract(y, output);
      this.step(np.dot(X.T, errors).multiply(this.eta), this.eta * np.sum(errors));
      this.cost_.push(sum_squared_errors(y, output));
    }
    return this;
  }
}

/**
 * Adaline trained by stochastic gradient descent: one small update after every sample.
 *
 * For each sample, `error = target - net_input(x)`, `w_[1:] += eta * error * x`,
 * `w_[0] += eta * error`. The samples are reshuffled every epoch (when `shuffle`) with
 * `np.random.RandomState(random_state).permutation`, and `partial_fit` keeps learning from new
 * data without starting over (online learning). Mirrors the `AdalineSGD` class of Raschka's
 * "Single-Layer Neural Networks and Gradient Descent".
 *
 * @param eta - the learning rate, between 0.0 and 1.0; default 0.01
 * @param epochs - the number of passes over the training set; default 50
 * @param shuffle - reshuffle the samples before every epoch, to avoid cycles; default true
 * @param random_state - the seed of the shuffling generator; default null (seeded from the OS, not reproducible)
 * @example const ada = new classic.AdalineSGD(0.01, 15, true, 1).train(X_std, y);
 */
export class AdalineSGD extends LinearUnit {
  /** The average per-sample cost error^2 / 2 of each epoch. */
  cost_: number[] = [];
  /** Whether w_ has been initialised, so that `partial_fit` can continue from it. */
  w_initialized = false;
  private rgen: np.random.RandomState | null = null;

  /**
   * A classifier that still has to be trained with `train` (or `fit`, `partial_fit`).
   *
   * @param eta - the learning rate, between 0.0 and 1.0; default 0.01
   * @param epochs - the number of passes over the training set; default 50
   * @param shuffle - reshuffle the samples before every epoch, to avoid cycles; default true
   * @param random_state - the seed of the shuffling generator; default null (seeded from the OS, not reproducible)
   */
  constructor(eta = 0.01, epochs = 50, public shuffle = true, public random_state: number | null = null) {
    super(eta, epochs);
  }

  /**
   * Trains from zero weights: `epochs` passes, each over the (reshuffled) samples one at a time.
   *
   * Creates a new shuffling generator from random_state and resets w_ and cost_.
   *
   * @param X - the training samples, shape (n_samples, n_features), one sample per row
   * @param y - the target values, -1 or 1, shape (n_samples,)
   * @returns this classifier, trained, so that calls chain
   * @example const ada = new classic.AdalineSGD(0.01, 15, true, 1).train(X_std, y);
   */
  train(X: NDArray, y: ArrayLike): this {
    let targets = np.asarray(y);
    this._initialize_weights(X.shape[1]);
    this.cost_ = [];
    for (let epoch = 0; epoch < this.epochs; epoch++) {
      if (this.shuffle) [X, targets] = this._shuffle(X, targets);
      let cost = 0;
      for (let i = 0; i < X.shape[0]; i++) cost += this._update_weights(X.slice(i), targets.get(i));
      this.cost_.push(cost / targets.shape[0]);
    }
    return this;
  }

  /**
   * Further updates without reinitialising the weights, one pass over the given samples.
   *
   * For online learning: new data updates the trained weights (the weights are initialised to
   * zeros on the first call). No shuffling and no cost is recorded.
   *
   * @param X - several samples, shape (n_samples, n_features), or one sample, shape (n_features,)
   * @param y - their targets, shape (n_samples,), or one target
   * @returns this classifier, so that calls chain
   * @example ada.partial_fit(X_std.slice(0), y.get(0));
   */
  partial_fit(X: NDArray, y: ArrayLike): this {
    if (!this.w_initialized) this._initialize_weights(X.shape[X.ndim - 1]);
    const targets = np.asarray(y);
    if (targets.size > 1) {
      for (let i = 0; i < X.shape[0]; i++) this._update_weights(X.slice(i), targets.data[i]);
    } else {
      this._update_weights(X, targets.data[0]);
    }
    return this;
  }

  /**
   * X and y with their rows in one random order, drawn from the classifier's generator.
   *
   * @param X - samples, shape (n_samples, n_features)
   * @param y - targets, shape (n_samples,)
   * @returns [X, y] reordered by the same permutation
   * @example const [X_shuffled, y_shuffled] = ada._shuffle(X_std, np.asarray(y));
   */
  _shuffle(X: NDArray, y: NDArray): [NDArray, NDArray] {
    const r = (this.rgen as np.random.RandomState).permutation(y.shape[0]);
    return [X.slice(r), y.slice(r)];
  }

  /**
   * Sets w_ to zeros of shape (1 + m,) and creates the shuffling generator from random_state.
   *
   * @param m - the number of features
   * @example ada._initialize_weights(2);
   */
  _initialize_weights(m: number): void {
    this.rgen = new np.random.RandomState(this.random_state);
    this.w_ = np.zeros(1 + m);
    this.w_initialized = true;
  }

  /**
   * One sample's update: `error = target - net_input(xi)`, `w_[1:] += eta * error * xi`, `w_[0] += eta * error`.
   *
   * @param xi - one sample, shape (n_features,)
   * @param target - its target, -1 or 1
   * @returns the sample's cost error^2 / 2, computed before the update
   * @example const cost = ada._update_weights(X_std.slice(0), 1);
   */
  _update_weights(xi: NDArray, target: number): number {
    const error = target - (this.net_input(xi).item() as number);
    this.step(xi.multiply(error).multiply(this.eta), this.eta * error);
    return 0.5 * (error * error);
  }
}
