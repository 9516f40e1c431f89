// Tests of the "Building your Deep Neural Network: Step by Step" assignment. Each graded function is
// a question; each case runs against the student's functions (in their kernel) and against the
// reference (nnlab's deep lab), and the results are compared to the printed digits. The visible
// cases are the lab's own checks (testcases.deep.*, its testCases_v4a.py), shipped to students in the
// released check module from their source: they use only their arguments (`f`, the functions;
// `lib`, nnlab's np/nn/testcases/datasets; `data`). The hidden ones use other shapes and depths,
// so code that hard-codes the lab's sizes or L = 2 fails them.
import { deep } from "nnlab";
import { defineAssignment, type CaseLib } from "nnlab/grader";

/** The labs print arrays with 8 significant digits. */
const PRINTED = { rtol: 1e-7, atol: 1e-9 };

/** A random layer (seeded by the caller): [[A_prev (n_prev, m), W (n, n_prev), b (n, 1)], Z (n, m)]. */
function layerCache({ np }: CaseLib, n_prev: number, n: number, m: number) {
  const A_prev = np.random.randn(n_prev, m);
  const W = np.random.randn(n, n_prev);
  const b = np.random.randn(n, 1);
  return [[A_prev, W, b], np.random.randn(n, m)] as const;
}

/** Random parameters W1, b1, ..., WL, bL for `dims` (seeded by the caller), weights scaled. */
function randomParameters({ np }: CaseLib, dims: number[], scale: number) {
  const parameters: Record<string, unknown> = {};
  for (let l = 1; l < dims.length; l++) {
    parameters["W" + l] = np.random.randn(dims[l], dims[l - 1]).multiply(scale);
    parameters["b" + l] = np.random.randn(dims[l], 1).multiply(0.1);
  }
  return parameters;
}

export default defineAssignment({
  name: "deep",
  notebook: "deep.ipynb",
  reference: deep as unknown as Record<string, (...args: never[]) => unknown>,
  questions: [
    {
      name: "initialize_parameters",
      params: ["n_x", "n_h", "n_y"],
      cases: [
        { name: "the lab's test case, (3, 2, 1)", points: 1, tolerance: PRINTED, run: (f) => f.initialize_parameters(3, 2, 1) },
        { name: "other sizes, (4, 5, 2)", points: 1, visibility: "hidden", tolerance: PRINTED, run: (f) => f.initialize_parameters(4, 5, 2) },
      ],
    },
    {
      name: "initialize_parameters_deep",
      params: ["layer_dims"],
      cases: [
        { name: "the lab's test case, [5, 4, 3]", points: 1, tolerance: PRINTED, run: (f) => f.initialize_parameters_deep([5, 4, 3]) },
        {
          name: "three layers, [4, 6, 3, 1]", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f) => f.initialize_parameters_deep([4, 6, 3, 1]),
        },
      ],
    },
    {
      name: "linear_forward",
      params: ["A", "W", "b"],
      cases: [
        {
          name: "the lab's test case", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_forward(...testcases.deep.linear_forward_test_case()),
        },
        {
          name: "other shapes", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => {
            lib.np.random.seed(5);
            const [[A, W, b]] = layerCache(lib, 4, 3, 6);
            return f.linear_forward(A, W, b);
          },
        },
      ],
    },
    {
      name: "linear_activation_forward",
      params: ["A_prev", "W", "b", "activation"],
      cases: [
        {
          name: "the lab's test case, sigmoid", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_activation_forward(...testcases.deep.linear_activation_forward_test_case(), "sigmoid"),
        },
        {
          name: "the lab's test case, relu", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_activation_forward(...testcases.deep.linear_activation_forward_test_case(), "relu"),
        },
        {
          name: "other shapes, relu and sigmoid", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: async (f, lib) => {
            lib.np.random.seed(6);
            const [[A_prev, W, b]] = layerCache(lib, 5, 4, 3);
            return [await f.linear_activation_forward(A_prev, W, b, "relu"), await f.linear_activation_forward(A_prev, W, b, "sigmoid")];
          },
        },
      ],
    },
    {
      name: "L_model_forward",
      params: ["X", "parameters"],
      cases: [
        {
          name: "the lab's test case, two hidden layers", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.L_model_forward(...testcases.deep.L_model_forward_test_case_2hidden()),
        },
        {
          name: "the lab's test case, one hidden layer", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.L_model_forward(...testcases.deep.L_model_forward_test_case()),
        },
        {
          name: "four layers, [3, 5, 4, 2, 1]", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => {
            lib.np.random.seed(8);
            const X = lib.np.random.randn(3, 5);
            return f.L_model_forward(X, randomParameters(lib, [3, 5, 4, 2, 1], 0.7));
          },
        },
      ],
    },
    {
      name: "compute_cost",
      params: ["AL", "Y"],
      cases: [
        {
          name: "the lab's test case", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => {
            const [Y, AL] = testcases.deep.compute_cost_test_case();
            return f.compute_cost(AL, Y);
          },
        },
        {
          name: "5 examples, both labels", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, { np }) => f.compute_cost(np.array([[0.1, 0.7, 0.45, 0.99, 0.3]]), np.array([[0, 1, 1, 1, 0]], "int64")),
        },
      ],
    },
    {
      name: "linear_backward",
      params: ["dZ", "cache"],
      cases: [
        {
          name: "the lab's test case", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_backward(...testcases.deep.linear_backward_test_case()),
        },
        {
          name: "other shapes", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => {
            lib.np.random.seed(9);
            const [linear_cache] = layerCache(lib, 4, 3, 5);
            return f.linear_backward(lib.np.random.randn(3, 5), linear_cache);
          },
        },
      ],
    },
    {
      name: "linear_activation_backward",
      params: ["dA", "cache", "activation"],
      cases: [
        {
          name: "the lab's test case, sigmoid", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_activation_backward(...testcases.deep.linear_activation_backward_test_case(), "sigmoid"),
        },
        {
          name: "the lab's test case, relu", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.linear_activation_backward(...testcases.deep.linear_activation_backward_test_case(), "relu"),
        },
        {
          name: "other shapes, relu and sigmoid", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: async (f, lib) => {
            lib.np.random.seed(10);
            const dA = lib.np.random.randn(2, 4);
            const cache = layerCache(lib, 3, 2, 4);
            return [await f.linear_activation_backward(dA, cache, "relu"), await f.linear_activation_backward(dA, cache, "sigmoid")];
          },
        },
      ],
    },
    {
      name: "L_model_backward",
      params: ["AL", "Y", "caches"],
      cases: [
        {
          name: "the lab's test case", points: 2, tolerance: PRINTED,
          run: (f, { testcases }) => f.L_model_backward(...testcases.deep.L_model_backward_test_case()),
        },
        {
          name: "three layers, 4 examples", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => {
            const { np, nn } = lib;
            np.random.seed(11);
            const AL = nn.sigmoid(np.random.randn(1, 4));
            const Y = np.array([[1, 0, 0, 1]], "int64");
            const caches = [layerCache(lib, 5, 4, 4), layerCache(lib, 4, 3, 4), layerCache(lib, 3, 1, 4)];
            return f.L_model_backward(AL, Y, caches);
          },
        },
      ],
    },
    {
      name: "update_parameters",
      params: ["params", "grads", "learning_rate"],
      cases: [
        {
          name: "the lab's test case, learning rate 0.1", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.update_parameters(...testcases.deep.update_parameters_test_case(), 0.1),
        },
        {
          name: "three layers, learning rate 0.05", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => {
            lib.np.random.seed(12);
            const params = randomParameters(lib, [3, 4, 2, 1], 1);
            const grads = Object.fromEntries(Object.entries(randomParameters(lib, [3, 4, 2, 1], 1)).map(([k, v]) => ["d" + k, v]));
            return f.update_parameters(params, grads, 0.05);
          },
        },
      ],
    },
  ],
});
