// Raschka's single-layer classifiers ("Single-Layer Neural Networks and Gradient Descent"):
// the Perceptron, Adaline trained by batch gradient descent, and Adaline trained by stochastic
// gradient descent with per-epoch shuffling. X is (n_samples, n_features), y holds -1/1 labels,
// w_[0] is the bias unit and w_ starts at zeros.
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np/ndarray";
import { sum_squared_errors } from "../nn/losses";

/** What the three share: weights w_, the net input w_[1:] . x + w_[0] and the unit step on the activation. */
abstract class LinearUnit {
  w_: NDArray = np.zeros(0);

  constructor(public eta = 0.01, public epochs = 50) {}

  abstract train(X: NDArray, y: ArrayLike): this;

  /** Same as train, under scikit-learn's name. */
  fit(X: NDArray, y: ArrayLike): this {
    return this.train(X, y);
  }

  /** np.dot(X, w_[1:]) + w_[0]: one value per row of X, or a 0-d array for a single sample. */
  net_input(X: NDArray): NDArray {
    return np.add(np.dot(X, this.w_.slice("1:")), this.w_.get(0));
  }

  activation(X: NDArray): NDArray {
    return this.net_input(X);
  }

  /** np.where(activation >= 0, 1, -1) */
  predict(X: NDArray): NDArray {
    return np.where(this.activation(X).greater_equal(0), 1, -1);
  }

  /** w_[1:] += delta; w_[0] += bias */
  protected step(delta: NDArray, bias: number): void {
    this.w_.assign(["1:"], this.w_.slice("1:").add(delta));
    this.w_.set(0, this.w_.get(0) + bias);
  }
}

/** Rosenblatt's perceptron: after each sample, w += eta * (target - prediction) * x.
 *  errors_ counts the misclassified samples (non-zero updates) of each epoch. */
export class Perceptron extends LinearUnit {
  errors_: number[] = [];

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

/** Adaline with batch gradient descent: each epoch, w += eta * X.T (y - output) on the whole set;
 *  cost_ records the sum of squared errors / 2 before each update. */
export class AdalineGD extends LinearUnit {
  cost_: number[] = [];

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

/** Adaline with stochastic gradient descent: one update per sample, the samples reshuffled every
 *  epoch (when `shuffle`) by np.random.RandomState(random_state).permutation; cost_ records each
 *  epoch's average of the per-sample costs error^2 / 2. */
export class AdalineSGD extends LinearUnit {
  cost_: number[] = [];
  w_initialized = false;
  private rgen: np.random.RandomState | null = null;

  constructor(eta = 0.01, epochs = 50, public shuffle = true, public random_state: number | null = null) {
    super(eta, epochs);
  }

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

  /** Further updates without reinitialising the weights: several samples (X 2-D, y 1-D) or one (X 1-D, y a number). */
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

  _shuffle(X: NDArray, y: NDArray): [NDArray, NDArray] {
    const r = (this.rgen as np.random.RandomState).permutation(y.shape[0]);
    return [X.slice(r), y.slice(r)];
  }

  _initialize_weights(m: number): void {
    this.rgen = new np.random.RandomState(this.random_state);
    this.w_ = np.zeros(1 + m);
    this.w_initialized = true;
  }

  /** One sample's update; returns its cost error^2 / 2. */
  _update_weights(xi: NDArray, target: number): number {
    const error = target - (this.net_input(xi).item() as number);
    this.step(xi.multiply(error).multiply(this.eta), this.eta * error);
    return 0.5 * (error * error);
  }
}
