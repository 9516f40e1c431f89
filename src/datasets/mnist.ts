// MNIST handwritten digits: the first 10,000 training and first 2,000 test images of the original
// IDX files (datasets/mnist/, see PROVENANCE.md), 28x28 grey levels 0..255.
import type { NDArray } from "../np/ndarray";
import { readIdx } from "./files";

/** Keras' mnist.load_data() shape of result: [[x_train, y_train], [x_test, y_test]] with
 *  x (m, 28, 28) int64 grey levels 0..255 (divide by 255 for [0, 1]) and y (m,) int64 digits. */
export function load_mnist(): [[NDArray, NDArray], [NDArray, NDArray]] {
  return [
    [readIdx("mnist", "train-images-idx3-ubyte.gz"), readIdx("mnist", "train-labels-idx1-ubyte.gz")],
    [readIdx("mnist", "t10k-images-idx3-ubyte.gz"), readIdx("mnist", "t10k-labels-idx1-ubyte.gz")],
  ];
}
