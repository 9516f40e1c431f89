// Fisher's Iris data as the UCI repository distributes it (datasets/iris/iris.data: 150 rows of
// sepal length, sepal width, petal length, petal width in cm, then the species; no header).
import { NDArray } from "../np/ndarray";
import { readDataFile } from "./files";

/** What `load_iris` returns, like scikit-learn's Bunch. */
export interface IrisBunch {
  /** (150, 4) float64: sepal length, sepal width, petal length, petal width, in file order. */
  data: NDArray;
  /** (150,) int64: the index of each row's species in target_names. */
  target: NDArray;
  /** The species names as the UCI file spells them. */
  target_names: string[];
  /** The names of the four columns of data, as scikit-learn spells them. */
  feature_names: string[];
  /** Each row's species string (the file's fifth column, pandas' df.iloc[:, 4]). */
  species: string[];
}

const FEATURE_NAMES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

/**
 * Fisher's Iris data: 150 flowers, 4 measurements each, 3 species (50 of each, in that order).
 *
 * Shaped like scikit-learn's `sklearn.datasets.load_iris()` bunch, with the values of the UCI
 * repository's iris.data file, which the Raschka perceptron lab reads with pandas.
 *
 * @returns {data (150, 4) float64 in cm, target (150,) int64 species indices, target_names, feature_names, species: each row's species string}
 * @example const iris = datasets.load_iris(); iris.data.shape; // [150, 4]
 */
export function load_iris(): IrisBunch {
  const lines = readDataFile("iris", "iris.data").toString("utf8").split("\n").filter((l) => l.trim() !== "");
  const data = new Float64Array(lines.length * 4);
  const species: string[] = [];
  lines.forEach((line, i) => {
    const fields = line.split(",");
    if (fields.length !== 5) throw new Error(`iris.data line ${i + 1}: expected 5 fields, found ${fields.length}`);
    for (let j = 0; j < 4; j++) data[i * 4 + j] = Number(fields[j]);
    species.push(fields[4]);
  });
  const target_names = [...new Set(species)];
  const target = new Float64Array(species.map((s) => target_names.indexOf(s)));
  return {
    data: new NDArray(data, [lines.length, 4], "float64"),
    target: new NDArray(target, [lines.length], "int64"),
    target_names,
    feature_names: [...FEATURE_NAMES],
    species,
  };
}

/**
 * The perceptron lab's two-class subset of Iris: setosa (-1) and versicolor (1), by sepal and petal length.
 *
 * The first 100 rows, columns 0 and 2, as the lab writes it:
 * `y = np.where(df.iloc[0:100, 4].values == 'Iris-setosa', -1, 1)`, `X = df.iloc[0:100, [0, 2]].values`.
 * The two classes are linearly separable, so the perceptron converges.
 *
 * @returns [X, y]: X of shape (100, 2) float64 (sepal length, petal length in cm), y of shape (100,) int64 labels -1 and 1
 * @example const [X, y] = datasets.load_iris_perceptron();
 */
export function load_iris_perceptron(): [X: NDArray, y: NDArray] {
  const { data, species } = load_iris();
  const m = 100;
  const X = new Float64Array(m * 2);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    X[2 * i] = data.data[4 * i];
    X[2 * i + 1] = data.data[4 * i + 2];
    y[i] = species[i] === "Iris-setosa" ? -1 : 1;
  }
  return [new NDArray(X, [m, 2], "float64"), new NDArray(y, [m], "int64")];
}
