// MNIST handwritten digits: the first 10,000 training and first 2,000 test images of the original
// IDX files (datasets/mnist/, see PROVENANCE.md), 28x28 grey levels 0..255.
import type { NDArray } from "../np/ndarray";
import { readIdx } from "./files";

/**
 * MNIST handwritten digits: the first 10,000 training and 2,000 test images of the original files.
 *
 * In the shape of Keras' `keras.datasets.mnist.load_data()`. Images are 28x28 grey levels 0..255
 * (divide by 255 for [0, 1]; flatten to (784, m) for the labs' layout).
 *
 * @returns [[x_train, y_train], [x_test, y_test]]: x of shape (m, 28, 28) int64, y of shape (m,) int64 digits 0..9; m = 10000 and 2000
 * @example const [[x_train, y_train], [x_test, y_test]] = datasets.load_mnist();
 */
export function load_mnist(): [[NDArray, NDArray], [NDArray, NDArray]] {
  return [
    [readIdx("mnist", "train-images-idx3-ubyte.gz"), readIdx("mnist", "train-labels-idx1-ubyte.gz")],
    [readIdx("mnist", "t10k-images-idx3-ubyte.gz"), readIdx("mnist", "t10k-labels-idx1-ubyte.gz")],
  ];
}
