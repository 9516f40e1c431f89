// The Wisconsin diagnostic breast cancer data (WDBC) in scikit-learn's copy
// (datasets/breast-cancer/breast_cancer.csv): a header "569,30,malignant,benign", then 569 rows of
// 30 features and the target (0 = malignant, 1 = benign). See datasets/PROVENANCE.md.
import { NDArray } from "../np/ndarray";
import { readDataFile } from "./files";

/** What `load_breast_cancer` returns, like scikit-learn's Bunch. */
export interface BreastCancerBunch {
  /** (569, 30) float64: the 30 features of each sample, in file order (the columns of feature_names). */
  data: NDArray;
  /** (569,) int64: 0 for malignant, 1 for benign (scikit-learn's encoding: the index into target_names). */
  target: NDArray;
  /** ["malignant", "benign"]: the name of target 0 and of target 1. */
  target_names: string[];
  /** The names of the 30 columns of data, as scikit-learn spells them ("mean radius", ..., "worst fractal dimension"). */
  feature_names: string[];
}

const MEASUREMENTS = [
  "radius", "texture", "perimeter", "area", "smoothness",
  "compactness", "concavity", "concave points", "symmetry", "fractal dimension",
];
/** scikit-learn's names: the 10 means, the 10 standard errors, the 10 "worst" values. */
const FEATURE_NAMES = [
  ...MEASUREMENTS.map((m) => `mean ${m}`),
  ...MEASUREMENTS.map((m) => `${m} error`),
  ...MEASUREMENTS.map((m) => `worst ${m}`),
];

/**
 * The Wisconsin diagnostic breast cancer data: 569 tumours, 30 features each, malignant (0) or benign (1).
 *
 * The features describe the cell nuclei in a digitized image of a fine-needle aspirate of a
 * breast mass: the mean, standard error and "worst" (mean of the three largest) of ten
 * measurements such as radius, texture and concavity. 212 samples are malignant, 357 benign.
 * Mirrors scikit-learn's `sklearn.datasets.load_breast_cancer()`: the same file, the same
 * values, names and target encoding (UCI's wdbc.data without the ID column, M = 0, B = 1).
 *
 * @returns {data (569, 30) float64, target (569,) int64 with 0 = malignant and 1 = benign, target_names ["malignant", "benign"], feature_names (30 names)}
 * @example const cancer = datasets.load_breast_cancer(); cancer.data.shape; // [569, 30]
 */
export function load_breast_cancer(): BreastCancerBunch {
  const name = "breast-cancer/breast_cancer.csv";
  const lines = readDataFile("breast-cancer", "breast_cancer.csv").toString("utf8").split("\n").filter((l) => l.trim() !== "");
  const header = lines[0].split(",");
  const n_samples = Number(header[0]);
  const n_features = Number(header[1]);
  const target_names = header.slice(2);
  if (n_features !== FEATURE_NAMES.length || target_names.length !== 2 || lines.length - 1 !== n_samples) {
    throw new Error(`${name}: unexpected header ${lines[0]} for ${lines.length - 1} rows`);
  }
  const data = new Float64Array(n_samples * n_features);
  const target = new Float64Array(n_samples);
  for (let i = 0; i < n_samples; i++) {
    const fields = lines[i + 1].split(",");
    if (fields.length !== n_features + 1) {
      throw new Error(`${name} line ${i + 2}: expected ${n_features + 1} fields, found ${fields.length}`);
    }
    for (let j = 0; j < n_features; j++) data[i * n_features + j] = Number(fields[j]);
    const t = Number(fields[n_features]);
    if (t !== 0 && t !== 1) throw new Error(`${name} line ${i + 2}: target ${fields[n_features]} is not 0 or 1`);
    target[i] = t;
  }
  return {
    data: new NDArray(data, [n_samples, n_features], "float64"),
    target: new NDArray(target, [n_samples], "int64"),
    target_names,
    feature_names: [...FEATURE_NAMES],
  };
}
