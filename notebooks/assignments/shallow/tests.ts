// Tests of the "Planar data classification with one hidden layer" assignment. Each graded function
// is a question; each case runs against the student's functions (in their kernel) and against the
// reference (nnlab's shallow lab), and the results are compared to the printed digits. Visible
// cases are shipped to students in the released check module, from their source: they use only
// their two arguments (`f`, the functions; `lib`, nnlab's np/nn/testcases/datasets).
import { shallow } from "nnlab";
import { defineAssignment, type CaseLib, type Impl } from "nnlab/grader";

/** The labs print costs with 6 decimals and arrays with 8 significant digits. */
const PRINTED = { rtol: 1e-7, atol: 1e-9 };

/** Two training steps of the student's own forward_propagation, compute_cost,
 *  backward_propagation and update_parameters on the lab's nn_model_test_case, from all-zero or
 *  all-one weights (biases 0): the costs and the parameters after each update. With zeros, A1
 *  stays 0, so a backward pass with 1 - A1 instead of 1 - A1**2 goes unnoticed; ones expose it. */
async function trace(f: Impl, { nn, testcases }: CaseLib, { start }: { start: "zeros" | "ones" }) {
  const [X, Y] = testcases.shallow.nn_model_test_case();
  let parameters = start === "zeros" ? nn.initialize_zeros([2, 4, 1]) : nn.initialize_ones([2, 4, 1]);
  const costs: unknown[] = [];
  const updates: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    const [A2, cache] = (await f.forward_propagation(X, parameters)) as [unknown, unknown];
    costs.push(await f.compute_cost(A2, Y, parameters));
    const grads = await f.backward_propagation(parameters, cache, X, Y);
    parameters = (await f.update_parameters(parameters, grads, 1.2)) as typeof parameters;
    updates.push(parameters);
  }
  return { costs, parameters: updates };
}

export default defineAssignment({
  name: "shallow",
  notebook: "shallow.ipynb",
  timeoutPerCall: 6,
  reference: shallow as unknown as Record<string, (...args: never[]) => unknown>,
  questions: [
    {
      name: "layer_sizes",
      params: ["X", "Y"],
      cases: [
        { name: "the lab's test case", points: 1, run: (f, { testcases }) => f.layer_sizes(...testcases.shallow.layer_sizes_test_case()) },
        {
          name: "other shapes", points: 1, visibility: "hidden",
          run: (f, { np }) => f.layer_sizes(np.zeros([3, 7]), np.zeros([1, 7])),
        },
      ],
    },
    {
      name: "initialize_parameters",
      params: ["n_x", "n_h", "n_y"],
      cases: [
        {
          name: "the lab's test case", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.initialize_parameters(...testcases.shallow.initialize_parameters_test_case()),
        },
        { name: "other sizes", points: 1, visibility: "hidden", tolerance: PRINTED, run: (f) => f.initialize_parameters(3, 5, 2) },
      ],
    },
    {
      name: "forward_propagation",
      params: ["X", "parameters"],
      cases: [
        {
          name: "the lab's test case", points: 2, tolerance: PRINTED,
          run: (f, { testcases }) => f.forward_propagation(...testcases.shallow.forward_propagation_test_case()),
        },
        {
          name: "a wider batch", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, { np, nn }) => {
            np.random.seed(7);
            const X = np.random.randn(2, 9);
            return f.forward_propagation(X, nn.initialize_random([2, 5, 1], 0.5));
          },
        },
      ],
    },
    {
      name: "compute_cost",
      params: ["A2", "Y", "parameters"],
      cases: [
        { name: "the lab's test case", points: 1, tolerance: PRINTED, run: (f, { testcases }) => f.compute_cost(...testcases.shallow.compute_cost_test_case()) },
      ],
    },
    {
      name: "backward_propagation",
      params: ["parameters", "cache", "X", "Y"],
      cases: [
        {
          name: "the lab's test case", points: 2, tolerance: PRINTED,
          run: (f, { testcases }) => f.backward_propagation(...testcases.shallow.backward_propagation_test_case()),
        },
        {
          name: "another network", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: async (f, { np, nn }) => {
            np.random.seed(11);
            const X = np.random.randn(3, 6);
            const Y = np.random.randn(1, 6).greater(0);
            const parameters = nn.initialize_random([3, 4, 1], 0.7);
            const [, cache] = (await f.forward_propagation(X, parameters)) as [unknown, unknown];
            return f.backward_propagation(parameters, cache, X, Y);
          },
        },
      ],
    },
    {
      name: "update_parameters",
      params: ["parameters", "grads", "learning_rate"],
      cases: [
        {
          name: "the lab's test case", points: 1, tolerance: PRINTED,
          run: (f, { testcases }) => f.update_parameters(...testcases.shallow.update_parameters_test_case()),
        },
      ],
    },
    {
      name: "nn_model",
      params: ["X", "Y", "n_h", "num_iterations", "print_cost"],
      uses: ["forward_propagation", "compute_cost", "backward_propagation", "update_parameters"],
      cases: [
        {
          name: "zero-init trace", points: 2, tolerance: PRINTED, run: trace, data: { start: "zeros" },
          message: "Starting from all-zero parameters, the costs and parameters after each of two updates differ from the lab's.",
        },
        {
          name: "ones-init trace", points: 2, tolerance: PRINTED, run: trace, data: { start: "ones" },
          message:
            "Starting from all-one weights, the costs and parameters after each of two updates differ from the lab's. " +
            "With ones the hidden activations are not 0: check the derivative of tanh in backward_propagation (1 - A1**2).",
        },
        {
          name: "the lab's test case, 10,000 iterations", points: 2, visibility: "hidden", tolerance: { rtol: 1e-5, atol: 1e-7 },
          run: (f, { testcases }) => f.nn_model(...testcases.shallow.nn_model_test_case(), 4, 10000, false),
        },
      ],
    },
    {
      name: "predict",
      params: ["parameters", "X"],
      cases: [
        { name: "the lab's test case", points: 1, run: (f, { testcases }) => f.predict(...testcases.shallow.predict_test_case()) },
      ],
    },
  ],
});
