// Tests of the "Logistic Regression with a Neural Network mindset" assignment. Each graded function
// is a question; each case runs against the student's functions (in their kernel) and against the
// reference (nnlab's logistic lab), and the results are compared to the printed digits (training
// runs a little looser). Visible cases are shipped to students in the released check module, from
// their source: they use only their arguments (`f`, the functions; `lib`, nnlab's
// np/nn/testcases/datasets; `data`).
import { logistic } from "nnlab";
import { defineAssignment, type CaseLib, type Impl } from "nnlab/grader";

/** The labs print costs and arrays with 8 significant digits. */
const PRINTED = { rtol: 1e-7, atol: 1e-9 };
/** Hundreds of gradient steps: equivalent formulas drift apart in the last digits. */
const TRAINED = { rtol: 1e-5, atol: 1e-7 };

/** Seeded random inputs of other shapes than the lab's: w (n, 1), b, X (n, m), int64 labels Y (1, m). */
function randomProblem({ np }: CaseLib, seed: number, n: number, m: number) {
  np.random.seed(seed);
  const w = np.random.randn(n, 1).multiply(0.5);
  const b = 0.3;
  const X = np.random.randn(n, m);
  const Y = np.random.randn(1, m).greater(0).astype("int64");
  return [w, b, X, Y] as const;
}

/** The lab's run: the shirt images flattened to columns of 784 pixels and scaled to [0, 1]. */
async function shirts(f: Impl, { datasets }: CaseLib, { num_iterations, learning_rate }: { num_iterations: number; learning_rate: number }) {
  const [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y] = datasets.load_dataset();
  const train_set_x = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T.divide(255);
  const test_set_x = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T.divide(255);
  return f.model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations, learning_rate, false);
}

export default defineAssignment({
  name: "logistic",
  notebook: "logistic.ipynb",
  reference: logistic as unknown as Record<string, (...args: never[]) => unknown>,
  questions: [
    {
      name: "sigmoid",
      params: ["z"],
      cases: [
        { name: "the lab's test case, sigmoid([0, 2])", points: 1, tolerance: PRINTED, run: (f, { np }) => f.sigmoid(np.array([0, 2])) },
        {
          name: "a (2, 3) array, far into the tails", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, { np }) => f.sigmoid(np.array([[-30, -1.5, 0.25], [1e-3, 9, 40]])),
        },
      ],
    },
    {
      name: "initialize_with_zeros",
      params: ["dim"],
      cases: [
        { name: "dim = 2", points: 1, run: (f) => f.initialize_with_zeros(2) },
        { name: "dim = 5", points: 1, visibility: "hidden", run: (f) => f.initialize_with_zeros(5) },
      ],
    },
    {
      name: "propagate",
      params: ["w", "b", "X", "Y"],
      cases: [
        {
          name: "the lab's test case", points: 2, tolerance: PRINTED,
          run: (f, { testcases }) => f.propagate(...testcases.logistic.propagate_test_case()),
        },
        {
          name: "4 features, 7 examples", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f, lib) => f.propagate(...randomProblem(lib, 3, 4, 7)),
        },
      ],
    },
    {
      name: "optimize",
      params: ["w", "b", "X", "Y", "num_iterations", "learning_rate", "print_cost"],
      cases: [
        {
          name: "the lab's test case, 100 iterations, learning rate 0.009", points: 2, tolerance: PRINTED,
          run: (f, { testcases }) => f.optimize(...testcases.logistic.propagate_test_case(), 100, 0.009, false),
        },
        {
          name: "250 iterations on other data (costs at 0, 100 and 200)", points: 1, visibility: "hidden", tolerance: TRAINED,
          run: (f, lib) => f.optimize(...randomProblem(lib, 5, 3, 10), 250, 0.05, false),
          message: "Record the cost at iterations 0, 100, 200, ... and return the gradients of the last iteration.",
        },
      ],
    },
    {
      name: "predict",
      params: ["w", "b", "X"],
      cases: [
        { name: "the lab's test case", points: 1, run: (f, { testcases }) => f.predict(...testcases.logistic.predict_test_case()) },
        {
          name: "5 features, 8 examples", points: 1, visibility: "hidden",
          run: (f, lib) => {
            const [w, , X] = randomProblem(lib, 4, 5, 8);
            return f.predict(w, -0.1, X);
          },
        },
      ],
    },
    {
      name: "model",
      params: ["X_train", "Y_train", "X_test", "Y_test", "num_iterations", "learning_rate", "print_cost"],
      cases: [
        {
          name: "the lab's run on the shirt images, 2000 iterations, learning rate 0.005", points: 2, tolerance: TRAINED,
          run: shirts, data: { num_iterations: 2000, learning_rate: 0.005 },
        },
        {
          name: "a small random set, 150 iterations, learning rate 0.1", points: 1, visibility: "hidden", tolerance: TRAINED,
          run: (f, { np }) => {
            np.random.seed(6);
            const X_train = np.random.randn(3, 20);
            const X_test = np.random.randn(3, 6);
            const v = np.array([[1, -2, 0.5]]);
            const Y_train = np.dot(v, X_train).greater(0).astype("int64");
            const Y_test = np.dot(v, X_test).greater(0).astype("int64");
            return f.model(X_train, Y_train, X_test, Y_test, 150, 0.1, false);
          },
        },
      ],
    },
  ],
});
