// The image set of the logistic-regression and deep-network labs. The Python labs use a cat/non-cat
// set that cannot be redistributed; nnlab ships "shirt vs non-shirt" from Fashion-MNIST (Zalando,
// MIT licence) with the same sizes: 209 training images (72 shirts), 50 test images (33 shirts).
// Shirts are the hardest Fashion-MNIST class to tell apart (from T-shirts, pullovers, coats), so
// the labs' story still shows: logistic regression fits the training set and generalises worse,
// deeper networks do better. Images are 28x28 grey levels, one channel (see datasets/PROVENANCE.md).
import { NDArray } from "../np/ndarray";
import { readIdx } from "./files";

const SHIRT = 6;

function split(prefix: "train" | "t10k"): [NDArray, NDArray] {
  const images = readIdx("fashion-shirt", `${prefix}-images-idx3-ubyte.gz`);
  const labels = readIdx("fashion-shirt", `${prefix}-labels-idx1-ubyte.gz`);
  const [m, h, w] = images.shape;
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) y[i] = labels.data[i] === SHIRT ? 1 : 0;
  return [new NDArray(images.data, [m, h, w, 1], "int64"), new NDArray(y, [1, m], "int64")];
}

/**
 * The image set of the logistic-regression and deep-network labs: shirt (1) vs non-shirt (0).
 *
 * 209 training and 50 test Fashion-MNIST images, 28x28 grey levels 0..255, standing in for the
 * labs' cat/non-cat pictures (which cannot be redistributed) with the same set sizes. Flatten and
 * scale for the labs' layout: `X.reshape(X.shape[0], -1).T` divided by 255 gives (784, m).
 * Mirrors lr_utils' `load_dataset` (Logistic Regression lab) and dnn_app_utils' `load_data`
 * (Deep Neural Network Application lab), which is the same function.
 *
 * @returns [train_set_x_orig (209, 28, 28, 1), train_set_y (1, 209), test_set_x_orig (50, 28, 28, 1), test_set_y (1, 50), classes]: pixels and labels int64; classes[label] names a label ("non-shirt", "shirt")
 * @example const [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = datasets.load_dataset();
 */
export function load_dataset(): [NDArray, NDArray, NDArray, NDArray, string[]] {
  const [train_set_x_orig, train_set_y] = split("train");
  const [test_set_x_orig, test_set_y] = split("t10k");
  return [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, ["non-shirt", "shirt"]];
}

// The deep-network lab's name for the same loader (dnn_app_utils.load_data()); Shift+Tab shows load_dataset's docstring.
export { load_dataset as load_data };
