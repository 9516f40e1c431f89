// The playground's configuration: its types, the features, the defaults, and how losses are
// printed. No imports, so the page's main thread loads it without np; the notebook export copies
// it (before model.ts) into the notebook's model cell.

/** The data sets: scikit-learn's circles, XOR, two Gaussian blobs and the CS231n spiral. */
export type DatasetName = "circle" | "xor" | "gauss" | "spiral";
/** The input features computed from a point (x1, x2). */
export type FeatureName = "x1" | "x2" | "x1sq" | "x2sq" | "x1x2" | "sinx1" | "sinx2";
/** The hidden layers' activation function. */
export type ActivationName = "relu" | "tanh" | "sigmoid" | "linear";

/** Everything that determines a run: the page's controls, and the URL's fields. */
export interface PlaygroundConfig {
  dataset: DatasetName;
  /** Noise, 0 to 50 (percent of the data set's scale). */
  noise: number;
  /** The share of the points used for training, 10 to 90 (percent); the rest is the test set. */
  trainRatio: number;
  /** Points per mini-batch, 1 to 30. */
  batchSize: number;
  /** The input features, in the order of FEATURES; at least one. */
  features: FeatureName[];
  /** Units per hidden layer: 0 to 6 layers of 1 to 8 units. */
  hidden: number[];
  activation: ActivationName;
  learningRate: number;
  regularization: "none" | "L1" | "L2";
  regularizationRate: number;
  /** classification: sigmoid output, labels 0/1, cross-entropy; regression: linear output, targets -1/+1, half mean squared error. */
  problem: "classification" | "regression";
  /** Seeds the one RandomState that draws the data, the train/test split, the weights and the batches. */
  seed: number;
}

/** The features in display order, with their labels. */
export const FEATURES: { name: FeatureName; label: string }[] = [
  { name: "x1", label: "x₁" },
  { name: "x2", label: "x₂" },
  { name: "x1sq", label: "x₁²" },
  { name: "x2sq", label: "x₂²" },
  { name: "x1x2", label: "x₁x₂" },
  { name: "sinx1", label: "sin(x₁)" },
  { name: "sinx2", label: "sin(x₂)" },
];

/** The page's starting configuration: TensorFlow Playground's default network on the circle set
 *  (with a larger learning rate, as the cross-entropy's gradient is smaller than its squared error's). */
export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: "circle",
  noise: 0,
  trainRatio: 50,
  batchSize: 10,
  features: ["x1", "x2"],
  hidden: [4, 2],
  activation: "tanh",
  learningRate: 0.1,
  regularization: "none",
  regularizationRate: 0,
  problem: "classification",
  seed: 3,
};

/** Points per data set; the points lie in the square [-DOMAIN, DOMAIN]^2 (a few stray outside). */
export const N_POINTS = 500;
export const DOMAIN = 6;

/** Grid cells per side of the page's heat maps. */
export const GRID = 50;

/**
 * A loss as the page and the notebook print it: 6 decimals.
 *
 * @param x - a loss
 * @returns the text, e.g. "0.693147"
 * @example formatLoss(0.6931471805599453); // "0.693147"
 */
export function formatLoss(x: number): string {
  return x.toFixed(6);
}
