// MNIST handwritten digits: the first 30,000 training images and the whole 10,000-image test set of
// the original IDX files (datasets/mnist/, see PROVENANCE.md), 28x28 grey levels 0..255. By
// default the loader returns the first 10,000 and 2,000 of them: quick to load and to train on in
// a lecture; ask for more when the accuracy matters.
import type { NDArray } from "../np/ndarray";
import { ValueError } from "../np/errors";
import { readIdxHead } from "./files";

/** How many images nnlab ships: the first 30,000 of MNIST's training set and its whole test set. */
export const MNIST_SHIPPED = { train: 30000, test: 10000 } as const;

export interface MnistOptions {
  /** Training images to load, the first ones of the file (1 to 30,000). Default 10,000. */
  train?: number;
  /** Test images to load, the first ones of the file (1 to 10,000). Default 2,000. */
  test?: number;
}

function count(name: "train" | "test", value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const max = MNIST_SHIPPED[name];
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ValueError(`load_mnist: ${name} must be a whole number from 1 to ${max} (nnlab ships ${max} ${name === "train" ? "training" : "test"} images), got ${value}`);
  }
  return value;
}

/**
 * MNIST handwritten digits, as Keras' `keras.datasets.mnist.load_data()` returns them.
 *
 * nnlab ships the first 30,000 training images and the whole test set (10,000); by default this
 * returns the first 10,000 and 2,000, which load in a fraction of a second and train quickly.
 * Images are 28x28 grey levels 0..255 (divide by 255 for [0, 1]; flatten to (784, m) for the
 * labs' layout). The first 2,000 test images are harder than the average of the test set.
 *
 * @param opts - `train` and `test`: how many images of each set (the first ones); default { train: 10000, test: 2000 }
 * @returns [[x_train, y_train], [x_test, y_test]]: x of shape (m, 28, 28) int64, y of shape (m,) int64 digits 0..9
 * @example const [[x_train, y_train], [x_test, y_test]] = datasets.load_mnist({ train: 30000, test: 10000 });
 */
export function load_mnist(opts: MnistOptions = {}): [[NDArray, NDArray], [NDArray, NDArray]] {
  const train = count("train", opts.train, 10000);
  const test = count("test", opts.test, 2000);
  return [
    [readIdxHead(["mnist", "train-images-idx3-ubyte.gz"], train), readIdxHead(["mnist", "train-labels-idx1-ubyte.gz"], train)],
    [readIdxHead(["mnist", "t10k-images-idx3-ubyte.gz"], test), readIdxHead(["mnist", "t10k-labels-idx1-ubyte.gz"], test)],
  ];
}
