// The labs' test-case builders (testCases_v2.py for the planar lab, testCases_v4a.py for Step by
// Step, the inline examples of the logistic and CNN labs): the same seeds, draws and constants, so a
// notebook, its Python twin and the tests all see the same inputs.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import type { Parameters } from "../nn/initializers";
import type { Cache as ShallowCache } from "./shallow";
import type { LayerCache } from "./deep";
// Types only: the student entry (src/student.ts) ships testcases but not the cnn solutions.
import type { ConvHParameters, PoolCache, PoolHParameters } from "./cnn";

const randn = (...dims: number[]): NDArray => np.random.randn(...dims);

// ---------------------------------------------------------------- Logistic Regression

/** The inputs of the Logistic Regression lab's examples, one builder per function. */
export const logistic = {
  /**
   * The inputs of the Logistic Regression lab's `propagate` example: w = [[1], [2]], b = 2, X and Y of 3 examples.
   *
   * Mirrors the arrays the lab's propagate cell builds inline.
   *
   * @returns [w (2, 1), b a number, X (2, 3), Y (1, 3) int64 labels [[1, 0, 1]]]
   * @example const [grads, cost] = logistic.propagate(...testcases.logistic.propagate_test_case());
   */
  propagate_test_case(): [NDArray, number, NDArray, NDArray] {
    return [np.array([[1], [2]]), 2, np.array([[1, 2, -1], [3, 4, -3.2]]), np.array([[1, 0, 1]], "int64")];
  },
  /**
   * The inputs of the Logistic Regression lab's `predict` example: trained-looking w and b, and 3 examples.
   *
   * Mirrors the arrays the lab's predict cell builds inline.
   *
   * @returns [w (2, 1), b = -0.3, X (2, 3)]
   * @example const Y_prediction = logistic.predict(...testcases.logistic.predict_test_case());
   */
  predict_test_case(): [NDArray, number, NDArray] {
    return [np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1, -1.1, -3.2], [1.2, 2, 0.1]])];
  },
};

// ---------------------------------------------------------------- Planar data (testCases_v2)

const planarW1 = (): NDArray =>
  np.array([[-0.00416758, -0.00056267], [-0.02136196, 0.01640271], [-0.01793436, -0.00841747], [0.00502881, -0.01245288]]);
const planarW2 = (): NDArray => np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]);
const trainedParameters = (): Parameters => ({
  W1: np.array([[-0.00615039, 0.0169021], [-0.02311792, 0.03137121], [-0.0169217, -0.01752545], [0.00935436, -0.05018221]]),
  W2: np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
  b1: np.array([[-8.97523455e-7], [8.15562092e-6], [6.04810633e-7], [-2.545607e-6]]),
  b2: np.array([[9.14954378e-5]]),
});
const zeroBiases = (): Parameters => ({ b1: np.zeros([4, 1]), b2: np.zeros([1, 1]) });
/** seed(1), X = randn(2, 3), Y = randn(1, 3) > 0: the lab's recurring inputs. */
const seededXY = (): [NDArray, NDArray] => {
  np.random.seed(1);
  const X = randn(2, 3);
  return [X, randn(1, 3).greater(0)];
};

/** The Planar data classification lab's test inputs (its testCases_v2.py), one builder per function. */
export const shallow = {
  /**
   * The input of the lab's `layer_sizes` check: random X_assess and Y_assess.
   *
   * Seeds np.random with 1. Mirrors testCases_v2's `layer_sizes_test_case`.
   *
   * @returns [X_assess (5, 3), Y_assess (2, 3)]
   * @example const [n_x, n_h, n_y] = shallow.layer_sizes(...testcases.shallow.layer_sizes_test_case());
   */
  layer_sizes_test_case(): [NDArray, NDArray] {
    np.random.seed(1);
    const X_assess = randn(5, 3);
    return [X_assess, randn(2, 3)];
  },
  /**
   * The input of the lab's `initialize_parameters` check: the sizes n_x = 2, n_h = 4, n_y = 1.
   *
   * Mirrors testCases_v2's `initialize_parameters_test_case`.
   *
   * @returns [n_x, n_h, n_y] = [2, 4, 1]
   * @example const parameters = shallow.initialize_parameters(...testcases.shallow.initialize_parameters_test_case());
   */
  initialize_parameters_test_case(): [number, number, number] {
    return [2, 4, 1];
  },
  /**
   * The input of the lab's `forward_propagation` check: X_assess and fixed parameters.
   *
   * Seeds np.random with 1, draws X_assess and b1; W1, W2 and b2 are the test file's constants.
   * Mirrors testCases_v2's `forward_propagation_test_case`.
   *
   * @returns [X_assess (2, 3), parameters {W1 (4, 2), b1 (4, 1), W2 (1, 4), b2 (1, 1)}]
   * @example const [A2, cache] = shallow.forward_propagation(...testcases.shallow.forward_propagation_test_case());
   */
  forward_propagation_test_case(): [NDArray, Parameters] {
    np.random.seed(1);
    const X_assess = randn(2, 3);
    const b1 = randn(4, 1);
    return [X_assess, { W1: planarW1(), W2: planarW2(), b1, b2: np.array([[-1.3]]) }];
  },
  /**
   * The input of the lab's `compute_cost` check: output probabilities a2, labels and parameters.
   *
   * Seeds np.random with 1 to draw the labels (randn > 0). Mirrors testCases_v2's `compute_cost_test_case`.
   *
   * @returns [a2 (1, 3), Y_assess (1, 3) bool, parameters {W1, W2, b1, b2}]
   * @example const cost = shallow.compute_cost(...testcases.shallow.compute_cost_test_case());
   */
  compute_cost_test_case(): [NDArray, NDArray, Parameters] {
    np.random.seed(1);
    const Y_assess = randn(1, 3).greater(0);
    const a2 = np.array([[0.5002307, 0.49985831, 0.50023963]]);
    return [a2, Y_assess, { W1: planarW1(), W2: planarW2(), ...zeroBiases() }];
  },
  /**
   * The input of the lab's `backward_propagation` check: parameters, a forward cache, X_assess and Y_assess.
   *
   * Seeds np.random with 1 to draw X_assess and Y_assess; the cache is the test file's constants.
   * Mirrors testCases_v2's `backward_propagation_test_case`.
   *
   * @returns [parameters {W1 (4, 2), W2 (1, 4), b1, b2}, cache {A1 (4, 3), A2 (1, 3), Z1 (4, 3), Z2 (1, 3)}, X_assess (2, 3), Y_assess (1, 3) bool]
   * @example const grads = shallow.backward_propagation(...testcases.shallow.backward_propagation_test_case());
   */
  backward_propagation_test_case(): [Parameters, ShallowCache, NDArray, NDArray] {
    const [X_assess, Y_assess] = seededXY();
    const cache: ShallowCache = {
      A1: np.array([
        [-0.00616578, 0.0020626, 0.00349619], [-0.05225116, 0.02725659, -0.02646251],
        [-0.02009721, 0.0036869, 0.02883756], [0.02152675, -0.01385234, 0.02599885],
      ]),
      A2: np.array([[0.5002307, 0.49985831, 0.50023963]]),
      Z1: np.array([
        [-0.00616586, 0.0020626, 0.0034962], [-0.05229879, 0.02726335, -0.02646869],
        [-0.02009991, 0.00368692, 0.02884556], [0.02153007, -0.01385322, 0.02600471],
      ]),
      Z2: np.array([[0.00092281, -0.00056678, 0.00095853]]),
    };
    return [{ W1: planarW1(), W2: planarW2(), ...zeroBiases() }, cache, X_assess, Y_assess];
  },
  /**
   * The input of the lab's `update_parameters` check: trained-looking parameters and their gradients.
   *
   * Mirrors testCases_v2's `update_parameters_test_case`.
   *
   * @returns [parameters {W1 (4, 2), W2 (1, 4), b1 (4, 1), b2 (1, 1)}, grads {dW1, dW2, db1, db2} of the same shapes]
   * @example const parameters = shallow.update_parameters(...testcases.shallow.update_parameters_test_case());
   */
  update_parameters_test_case(): [Parameters, Parameters] {
    const grads: Parameters = {
      dW1: np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776], [-0.00031831, 0.0028636], [-0.00092857, 0.00809933]]),
      dW2: np.array([[-1.75740039e-5, 3.70231337e-3, -1.25683095e-3, -2.55715317e-3]]),
      db1: np.array([[1.05570087e-7], [-3.81814487e-6], [-1.90155145e-7], [5.46467802e-7]]),
      db2: np.array([[-1.0892314e-5]]),
    };
    return [trainedParameters(), grads];
  },
  /**
   * The input of the lab's `nn_model` check: random X_assess and labels Y_assess.
   *
   * Seeds np.random with 1. Mirrors testCases_v2's `nn_model_test_case`.
   *
   * @returns [X_assess (2, 3), Y_assess (1, 3) bool]
   * @example const [X_assess, Y_assess] = testcases.shallow.nn_model_test_case();
   */
  nn_model_test_case(): [NDArray, NDArray] {
    return seededXY();
  },
  /**
   * The input of the lab's `predict` check: trained-looking parameters and random X_assess.
   *
   * Seeds np.random with 1. Mirrors testCases_v2's `predict_test_case`.
   *
   * @returns [parameters {W1 (4, 2), W2 (1, 4), b1 (4, 1), b2 (1, 1)}, X_assess (2, 3)]
   * @example const predictions = shallow.predict(...testcases.shallow.predict_test_case());
   */
  predict_test_case(): [Parameters, NDArray] {
    np.random.seed(1);
    const X_assess = randn(2, 3);
    return [trainedParameters(), X_assess];
  },
};

// ---------------------------------------------------------------- Deep NN Step by Step (testCases_v4a)

/** Draws W<l>, b<l> for the given layer sizes from the current stream, in the labs' order. */
const drawLayers = (dims: number[]): Parameters => {
  const parameters: Parameters = {};
  for (let l = 1; l < dims.length; l++) {
    parameters["W" + l] = randn(dims[l], dims[l - 1]);
    parameters["b" + l] = randn(dims[l], 1);
  }
  return parameters;
};

/** [A, W, b, Z] of one layer, drawn in the test cases' order. */
const drawLayerCache = (n_prev: number, n: number, m: number): LayerCache => {
  const A = randn(n_prev, m);
  const W = randn(n, n_prev);
  const b = randn(n, 1);
  return [[A, W, b], randn(n, m)];
};

/** The Deep Neural Network Step by Step lab's test inputs (its testCases_v4a.py), one builder per function. */
export const deep = {
  /**
   * The input of the lab's `linear_forward` check: random A, W and b.
   *
   * Seeds np.random with 1. Mirrors testCases_v4a's `linear_forward_test_case`.
   *
   * @returns [A (3, 2), W (1, 3), b (1, 1)]
   * @example const [Z, linear_cache] = deep.linear_forward(...testcases.deep.linear_forward_test_case());
   */
  linear_forward_test_case(): [NDArray, NDArray, NDArray] {
    np.random.seed(1);
    const A = randn(3, 2);
    const W = randn(1, 3);
    return [A, W, randn(1, 1)];
  },
  /**
   * The input of the lab's `linear_activation_forward` check: random A_prev, W and b.
   *
   * Seeds np.random with 2. Mirrors testCases_v4a's `linear_activation_forward_test_case`.
   *
   * @returns [A_prev (3, 2), W (1, 3), b (1, 1)]
   * @example const [A, cache] = deep.linear_activation_forward(...testcases.deep.linear_activation_forward_test_case(), "relu");
   */
  linear_activation_forward_test_case(): [NDArray, NDArray, NDArray] {
    np.random.seed(2);
    const A_prev = randn(3, 2);
    const W = randn(1, 3);
    return [A_prev, W, randn(1, 1)];
  },
  /**
   * The input of the lab's `L_model_forward` check: random X and a random 2-layer network [4, 3, 1].
   *
   * Seeds np.random with 1. Mirrors testCases_v4a's `L_model_forward_test_case`.
   *
   * @returns [X (4, 2), parameters {W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1)}]
   * @example const [AL, caches] = deep.L_model_forward(...testcases.deep.L_model_forward_test_case());
   */
  L_model_forward_test_case(): [NDArray, Parameters] {
    np.random.seed(1);
    const X = randn(4, 2);
    return [X, drawLayers([4, 3, 1])];
  },
  /**
   * The input of the lab's second `L_model_forward` check: random X and a random 3-layer network [5, 4, 3, 1].
   *
   * Seeds np.random with 6. Mirrors testCases_v4a's `L_model_forward_test_case_2hidden`.
   *
   * @returns [X (5, 4), parameters {W1 (4, 5), b1 (4, 1), W2 (3, 4), b2 (3, 1), W3 (1, 3), b3 (1, 1)}]
   * @example const [AL, caches] = deep.L_model_forward(...testcases.deep.L_model_forward_test_case_2hidden());
   */
  L_model_forward_test_case_2hidden(): [NDArray, Parameters] {
    np.random.seed(6);
    const X = randn(5, 4);
    return [X, drawLayers([5, 4, 3, 1])];
  },
  /**
   * The input of the lab's `compute_cost` check: labels Y = [[1, 1, 1]] and probabilities aL = [[0.8, 0.9, 0.4]].
   *
   * Note the order, Y first, as in testCases_v4a's `compute_cost_test_case`.
   *
   * @returns [Y (1, 3) int64, aL (1, 3)]
   * @example const [Y, AL] = testcases.deep.compute_cost_test_case(); deep.compute_cost(AL, Y);
   */
  compute_cost_test_case(): [NDArray, NDArray] {
    return [np.array([[1, 1, 1]], "int64"), np.array([[0.8, 0.9, 0.4]])];
  },
  /**
   * The input of the lab's `linear_backward` check: random dZ and a linear cache.
   *
   * Seeds np.random with 1. Mirrors testCases_v4a's `linear_backward_test_case`.
   *
   * @returns [dZ (1, 2), linear_cache [A_prev (3, 2), W (1, 3), b (1, 1)]]
   * @example const [dA_prev, dW, db] = deep.linear_backward(...testcases.deep.linear_backward_test_case());
   */
  linear_backward_test_case(): [NDArray, [NDArray, NDArray, NDArray]] {
    np.random.seed(1);
    const dZ = randn(1, 2);
    const A = randn(3, 2);
    const W = randn(1, 3);
    return [dZ, [A, W, randn(1, 1)]];
  },
  /**
   * The input of the lab's `linear_activation_backward` check: random dA and a layer cache.
   *
   * Seeds np.random with 2. Mirrors testCases_v4a's `linear_activation_backward_test_case`.
   *
   * @returns [dA (1, 2), cache [[A_prev (3, 2), W (1, 3), b (1, 1)], Z (1, 2)]]
   * @example const [dA_prev, dW, db] = deep.linear_activation_backward(...testcases.deep.linear_activation_backward_test_case(), "sigmoid");
   */
  linear_activation_backward_test_case(): [NDArray, LayerCache] {
    np.random.seed(2);
    const dA = randn(1, 2);
    return [dA, drawLayerCache(3, 1, 2)];
  },
  /**
   * The input of the lab's `L_model_backward` check: random AL, labels Y = [[1, 0]] and the caches of a 2-layer network.
   *
   * Seeds np.random with 3. Mirrors testCases_v4a's `L_model_backward_test_case`.
   *
   * @returns [AL (1, 2), Y (1, 2) int64, caches: [[A (4, 2), W1 (3, 4), b1 (3, 1)], Z1 (3, 2)] and [[A1 (3, 2), W2 (1, 3), b2 (1, 1)], Z2 (1, 2)]]
   * @example const grads = deep.L_model_backward(...testcases.deep.L_model_backward_test_case());
   */
  L_model_backward_test_case(): [NDArray, NDArray, LayerCache[]] {
    np.random.seed(3);
    const AL = randn(1, 2);
    const Y = np.array([[1, 0]], "int64");
    const cache1 = drawLayerCache(4, 3, 2);
    return [AL, Y, [cache1, drawLayerCache(3, 1, 2)]];
  },
  /**
   * The input of the lab's `update_parameters` check: random parameters and gradients of a [4, 3, 1] network.
   *
   * Draws the parameters after np.random.seed(2) and the gradients after np.random.seed(3).
   * Mirrors testCases_v4a's `update_parameters_test_case`.
   *
   * @returns [parameters {W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1)}, grads {dW1, db1, dW2, db2} of the same shapes]
   * @example const parameters = deep.update_parameters(...testcases.deep.update_parameters_test_case(), 0.1);
   */
  update_parameters_test_case(): [Parameters, Parameters] {
    np.random.seed(2);
    const parameters = drawLayers([4, 3, 1]);
    np.random.seed(3);
    const grads = Object.fromEntries(Object.entries(drawLayers([4, 3, 1])).map(([k, v]) => ["d" + k, v]));
    return [parameters, grads];
  },
  /**
   * Prints grads' dW1, db1 and dA1, one `name = array` line each, as the lab's check cell does.
   *
   * Mirrors testCases_v4a's `print_grads`.
   *
   * @param grads - the gradients from `L_model_backward` (dW1, db1 and dA1 are printed)
   * @example testcases.deep.print_grads(grads);
   */
  print_grads(grads: Parameters): void {
    for (const k of ["dW1", "db1", "dA1"]) console.log(`${k} = ${np.str(grads[k])}`);
  },
};

// ---------------------------------------------------------------- Convolutional Model: Step by Step

/** The Convolutional Model: Step by Step lab's test inputs (the arrays its check cells draw), one builder per function. */
export const cnn = {
  /**
   * The input of the lab's `zero_pad` check: a random batch x of 4 images 3x3 with 2 channels, and pad = 2.
   *
   * Seeds np.random with 1. Mirrors the lab's zero_pad cell.
   *
   * @returns [x (4, 3, 3, 2), pad = 2]
   * @example const [x, pad] = testcases.cnn.zero_pad_test_case();
   */
  zero_pad_test_case(): [NDArray, number] {
    np.random.seed(1);
    return [randn(4, 3, 3, 2), 2];
  },
  /**
   * The input of the lab's `conv_single_step` check: a random slice, filter and bias.
   *
   * Seeds np.random with 1. Mirrors the lab's conv_single_step cell.
   *
   * @returns [a_slice_prev (4, 4, 3), W (4, 4, 3), b (1, 1, 1)]
   * @example const [a_slice_prev, W, b] = testcases.cnn.conv_single_step_test_case();
   */
  conv_single_step_test_case(): [NDArray, NDArray, NDArray] {
    np.random.seed(1);
    const a_slice_prev = randn(4, 4, 3);
    const W = randn(4, 4, 3);
    return [a_slice_prev, W, randn(1, 1, 1)];
  },
  /**
   * The input of the lab's `conv_forward` check: 10 random images 5x7 with 4 channels, 8 random 3x3 filters, pad 1, stride 2.
   *
   * Seeds np.random with 1. Mirrors the lab's conv_forward cell.
   *
   * @returns [A_prev (10, 5, 7, 4), W (3, 3, 4, 8), b (1, 1, 1, 8), hparameters {pad: 1, stride: 2}]
   * @example const [A_prev, W, b, hparameters] = testcases.cnn.conv_forward_test_case();
   */
  conv_forward_test_case(): [NDArray, NDArray, NDArray, ConvHParameters] {
    np.random.seed(1);
    const A_prev = randn(10, 5, 7, 4);
    const W = randn(3, 3, 4, 8);
    return [A_prev, W, randn(1, 1, 1, 8), { pad: 1, stride: 2 }];
  },
  /**
   * The inputs of the lab's `conv_backward` check: the convolution it runs first to get Z and cache_conv.
   *
   * Seeds np.random with 1 and draws A_prev (10, 4, 4, 3), W (2, 2, 3, 8) and b (1, 1, 1, 8), with
   * pad 2 and stride 2. The cell runs conv_forward on them and passes Z itself as dZ to
   * conv_backward. Mirrors the lab's conv_backward cell.
   *
   * @returns [A_prev (10, 4, 4, 3), W (2, 2, 3, 8), b (1, 1, 1, 8), hparameters {pad: 2, stride: 2}]
   * @example const [A_prev, W, b, hparameters] = testcases.cnn.conv_backward_test_case();
   */
  conv_backward_test_case(): [NDArray, NDArray, NDArray, ConvHParameters] {
    np.random.seed(1);
    const A_prev = randn(10, 4, 4, 3);
    const W = randn(2, 2, 3, 8);
    return [A_prev, W, randn(1, 1, 1, 8), { pad: 2, stride: 2 }];
  },
  /**
   * The input of the lab's `pool_forward` checks: 2 random images 5x5 with 3 channels and a 3x3 window.
   *
   * Seeds np.random with 1. Mirrors the lab's pool_forward cells (stride 1, then stride 2).
   *
   * @param stride - the window's stride: 1 (the first cell, default) or 2 (the second)
   * @returns [A_prev (2, 5, 5, 3), hparameters {stride, f: 3}]
   * @example const [A_prev, hparameters] = testcases.cnn.pool_forward_test_case(2);
   */
  pool_forward_test_case(stride = 1): [NDArray, PoolHParameters] {
    np.random.seed(1);
    return [randn(2, 5, 5, 3), { stride, f: 3 }];
  },
  /**
   * The input of the lab's `create_mask_from_window` check: a random 2x3 window.
   *
   * Seeds np.random with 1. Mirrors the lab's create_mask_from_window cell.
   *
   * @returns x, shape (2, 3)
   * @example const x = testcases.cnn.create_mask_from_window_test_case();
   */
  create_mask_from_window_test_case(): NDArray {
    np.random.seed(1);
    return randn(2, 3);
  },
  /**
   * The input of the lab's `distribute_value` check: dz = 2 spread over a 2x2 window.
   *
   * Mirrors the lab's distribute_value cell.
   *
   * @returns [dz = 2, shape [2, 2]]
   * @example const [dz, shape] = testcases.cnn.distribute_value_test_case();
   */
  distribute_value_test_case(): [number, [number, number]] {
    return [2, [2, 2]];
  },
  /**
   * The input of the lab's `pool_backward` check: a random dA and the cache of a max pooling (f 2, stride 1).
   *
   * Seeds np.random with 1, draws A_prev (5, 5, 3, 2), then dA (5, 4, 2, 2); the cache is
   * pool_forward's [A_prev, {stride: 1, f: 2}] (the cell runs pool_forward in between, which draws
   * nothing). Mirrors the lab's pool_backward cell, which runs both modes on it.
   *
   * @returns [dA (5, 4, 2, 2), cache [A_prev (5, 5, 3, 2), {stride: 1, f: 2}]]
   * @example const [dA, cache] = testcases.cnn.pool_backward_test_case();
   */
  pool_backward_test_case(): [NDArray, PoolCache] {
    np.random.seed(1);
    const A_prev = randn(5, 5, 3, 2);
    const hparameters = { stride: 1, f: 2 };
    return [randn(5, 4, 2, 2), [A_prev, hparameters]];
  },
};
