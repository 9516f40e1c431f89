// Tests of the Course 2 "Initialization" assignment. Each graded function is a question; each case
// runs against the student's functions (in their kernel) and against the reference (nnlab's
// initialization lab). Besides the parameters themselves, each initialization is judged by what
// it does: the lab's model (layers [2, 10, 5, 1] on the lab's circles) is trained here, in the
// grader, from the parameters the student's function returns, and its costs are compared with the
// same training from the lab's initialization. Visible cases are shipped to students in the
// released check module, from their source: they use only their arguments (`f`, the functions;
// `lib`, nnlab's np/nn/testcases/datasets; `data`).
import { initialization, type NDArray } from "nnlab";
import { defineAssignment, type CaseLib, type Impl } from "nnlab/grader";

/** The labs print arrays with 8 significant digits. */
const PRINTED = { rtol: 1e-7, atol: 1e-9 };
/** Thousands of gradient steps: He weights computed by an equivalent formula may differ in the last bit. */
const TRAINED = { rtol: 1e-5, atol: 1e-7 };

type Init = "zeros" | "random" | "he";

/**
 * The lab's model, trained from the student's initialization: init_utils' forward_propagation
 * (LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID), compute_loss (np.nansum), backward_propagation
 * and update_parameters, learning rate 0.01, on the lab's training set (make_circles, 300 points,
 * noise 0.05, after np.random.seed(1)). Returns the cost every `every` iterations.
 */
async function train(f: Impl, { np, nn, datasets }: CaseLib, { init, iterations, every }: { init: Init; iterations: number; every: number }) {
  np.random.seed(1);
  const [train_X, train_y] = datasets.make_circles({ n_samples: 300, noise: 0.05 });
  const X = train_X.T;
  const Y = train_y.reshape(1, -1);
  const m = X.shape[1];
  let parameters = (await f["initialize_parameters_" + init]([X.shape[0], 10, 5, 1])) as Record<string, NDArray>;
  const costs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const { W1, b1, W2, b2, W3, b3 } = parameters;
    const a1 = nn.relu(np.dot(W1, X).add(b1));
    const a2 = nn.relu(np.dot(W2, a1).add(b2));
    const a3 = nn.sigmoid(np.dot(W3, a2).add(b3));
    if (i % every === 0) costs.push(nn.cross_entropy(a3, Y, { nansum: true }));
    const dz3 = a3.subtract(Y).multiply(1 / m);
    const dz2 = np.dot(W3.T, dz3).multiply(a2.greater(0));
    const dz1 = np.dot(W2.T, dz2).multiply(a1.greater(0));
    const grads = {
      dW1: np.dot(dz1, X.T), db1: np.sum(dz1, { axis: 1, keepdims: true }),
      dW2: np.dot(dz2, a1.T), db2: np.sum(dz2, { axis: 1, keepdims: true }),
      dW3: np.dot(dz3, a2.T), db3: np.sum(dz3, { axis: 1, keepdims: true }),
    };
    parameters = nn.update_parameters_with_gd(parameters, grads, 0.01);
  }
  return { costs };
}

export default defineAssignment({
  name: "initialization",
  notebook: "initialization.ipynb",
  reference: initialization as unknown as Record<string, (...args: never[]) => unknown>,
  questions: [
    {
      name: "initialize_parameters_zeros",
      params: ["layers_dims"],
      cases: [
        { name: "the lab's test case, [3, 2, 1]", points: 1, run: (f) => f.initialize_parameters_zeros([3, 2, 1]) },
        { name: "the model's layers, [2, 10, 5, 1]", points: 1, visibility: "hidden", run: (f) => f.initialize_parameters_zeros([2, 10, 5, 1]) },
        {
          name: "the lab's model trained from it, 2000 iterations: the costs", points: 2, tolerance: TRAINED,
          run: train, data: { init: "zeros", iterations: 2000, every: 100 },
          message: "From zeros the lab's model never learns: its cost stays at log 2 = 0.6931472 throughout.",
        },
      ],
    },
    {
      name: "initialize_parameters_random",
      params: ["layers_dims"],
      cases: [
        { name: "the lab's test case, [3, 2, 1]", points: 1, tolerance: PRINTED, run: (f) => f.initialize_parameters_random([3, 2, 1]) },
        {
          name: "the model's layers, [2, 10, 5, 1]", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f) => f.initialize_parameters_random([2, 10, 5, 1]),
        },
        {
          // Kept short: from weights this large the first costs are infinite or huge and training is
          // chaotic; weights one ulp away (randn / 0.1 instead of randn * 10) give costs 1e-5 apart
          // after about 200 iterations and unrelated ones soon after, but agree to 1e-10 over these 100.
          name: "the lab's model trained from it, 100 iterations: the costs", points: 2, tolerance: TRAINED,
          run: train, data: { init: "random", iterations: 100, every: 10 },
          message: "From the lab's weights (np.random.seed(3), then randn * 10 layer by layer) the output saturates: the first costs are infinite or huge.",
        },
      ],
    },
    {
      name: "initialize_parameters_he",
      params: ["layers_dims"],
      cases: [
        { name: "the lab's test case, [2, 4, 1]", points: 1, tolerance: PRINTED, run: (f) => f.initialize_parameters_he([2, 4, 1]) },
        {
          name: "the model's layers, [2, 10, 5, 1]", points: 1, visibility: "hidden", tolerance: PRINTED,
          run: (f) => f.initialize_parameters_he([2, 10, 5, 1]),
        },
        {
          name: "the lab's model trained from it, 2000 iterations: the costs", points: 2, tolerance: TRAINED,
          run: train, data: { init: "he", iterations: 2000, every: 100 },
          message: "From the lab's He weights (np.random.seed(3), then randn * sqrt(2 / layers_dims[l-1])) the first cost is 0.8830537.",
        },
        {
          name: "the lab's full run, 15,000 iterations (costs every 1000)", points: 1, visibility: "after_due_date", tolerance: TRAINED,
          run: train, data: { init: "he", iterations: 15000, every: 1000 },
        },
      ],
    },
  ],
});
