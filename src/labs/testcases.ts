// The labs' test-case builders (testCases_v2.py for the planar lab, testCases_v4a.py for Step by
// Step, the inline examples of the logistic lab): the same seeds, draws and constants, so a
// notebook, its Python twin and the tests all see the same inputs.
import * as np from "../np";
import type { NDArray } from "../np/ndarray";
import type { Parameters } from "../nn/initializers";
import type { Cache as ShallowCache } from "./shallow";
import type { LayerCache } from "./deep";

const randn = (...dims: number[]): NDArray => np.random.randn(...dims);

// ---------------------------------------------------------------- Logistic Regression

export const logistic = {
  /** [w, b, X, Y] of the lab's propagate example. */
  propagate_test_case(): [NDArray, number, NDArray, NDArray] {
    return [np.array([[1], [2]]), 2, np.array([[1, 2, -1], [3, 4, -3.2]]), np.array([[1, 0, 1]], "int64")];
  },
  /** [w, b, X] of the lab's predict example. */
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

export const shallow = {
  layer_sizes_test_case(): [NDArray, NDArray] {
    np.random.seed(1);
    const X_assess = randn(5, 3);
    return [X_assess, randn(2, 3)];
  },
  initialize_parameters_test_case(): [number, number, number] {
    return [2, 4, 1];
  },
  forward_propagation_test_case(): [NDArray, Parameters] {
    np.random.seed(1);
    const X_assess = randn(2, 3);
    const b1 = randn(4, 1);
    return [X_assess, { W1: planarW1(), W2: planarW2(), b1, b2: np.array([[-1.3]]) }];
  },
  compute_cost_test_case(): [NDArray, NDArray, Parameters] {
    np.random.seed(1);
    const Y_assess = randn(1, 3).greater(0);
    const a2 = np.array([[0.5002307, 0.49985831, 0.50023963]]);
    return [a2, Y_assess, { W1: planarW1(), W2: planarW2(), ...zeroBiases() }];
  },
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
  update_parameters_test_case(): [Parameters, Parameters] {
    const grads: Parameters = {
      dW1: np.array([[0.00023322, -0.00205423], [0.00082222, -0.00700776], [-0.00031831, 0.0028636], [-0.00092857, 0.00809933]]),
      dW2: np.array([[-1.75740039e-5, 3.70231337e-3, -1.25683095e-3, -2.55715317e-3]]),
      db1: np.array([[1.05570087e-7], [-3.81814487e-6], [-1.90155145e-7], [5.46467802e-7]]),
      db2: np.array([[-1.0892314e-5]]),
    };
    return [trainedParameters(), grads];
  },
  nn_model_test_case(): [NDArray, NDArray] {
    return seededXY();
  },
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

export const deep = {
  linear_forward_test_case(): [NDArray, NDArray, NDArray] {
    np.random.seed(1);
    const A = randn(3, 2);
    const W = randn(1, 3);
    return [A, W, randn(1, 1)];
  },
  linear_activation_forward_test_case(): [NDArray, NDArray, NDArray] {
    np.random.seed(2);
    const A_prev = randn(3, 2);
    const W = randn(1, 3);
    return [A_prev, W, randn(1, 1)];
  },
  L_model_forward_test_case(): [NDArray, Parameters] {
    np.random.seed(1);
    const X = randn(4, 2);
    return [X, drawLayers([4, 3, 1])];
  },
  L_model_forward_test_case_2hidden(): [NDArray, Parameters] {
    np.random.seed(6);
    const X = randn(5, 4);
    return [X, drawLayers([5, 4, 3, 1])];
  },
  /** [Y, aL] */
  compute_cost_test_case(): [NDArray, NDArray] {
    return [np.array([[1, 1, 1]], "int64"), np.array([[0.8, 0.9, 0.4]])];
  },
  linear_backward_test_case(): [NDArray, [NDArray, NDArray, NDArray]] {
    np.random.seed(1);
    const dZ = randn(1, 2);
    const A = randn(3, 2);
    const W = randn(1, 3);
    return [dZ, [A, W, randn(1, 1)]];
  },
  linear_activation_backward_test_case(): [NDArray, LayerCache] {
    np.random.seed(2);
    const dA = randn(1, 2);
    return [dA, drawLayerCache(3, 1, 2)];
  },
  L_model_backward_test_case(): [NDArray, NDArray, LayerCache[]] {
    np.random.seed(3);
    const AL = randn(1, 2);
    const Y = np.array([[1, 0]], "int64");
    const cache1 = drawLayerCache(4, 3, 2);
    return [AL, Y, [cache1, drawLayerCache(3, 1, 2)]];
  },
  update_parameters_test_case(): [Parameters, Parameters] {
    np.random.seed(2);
    const parameters = drawLayers([4, 3, 1]);
    np.random.seed(3);
    const grads = Object.fromEntries(Object.entries(drawLayers([4, 3, 1])).map(([k, v]) => ["d" + k, v]));
    return [parameters, grads];
  },
  print_grads(grads: Parameters): void {
    for (const k of ["dW1", "db1", "dA1"]) console.log(`${k} = ${np.str(grads[k])}`);
  },
};
