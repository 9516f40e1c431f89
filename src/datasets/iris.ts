// Fisher's Iris data as the UCI repository distributes it (datasets/iris/iris.data: 150 rows of
// sepal length, sepal width, petal length, petal width in cm, then the species; no header).
import { NDArray } from "../np/ndarray";
import { readDataFile } from "./files";

export interface IrisBunch {
  /** (150, 4) float64: sepal length, sepal width, petal length, petal width, in file order. */
  data: NDArray;
  /** (150,) int64: the index of each row's species in target_names. */
  target: NDArray;
  /** The species names as the UCI file spells them. */
  target_names: string[];
  feature_names: string[];
  /** Each row's species string (the file's fifth column, pandas' df.iloc[:, 4]). */
  species: string[];
}

const FEATURE_NAMES = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

/** All 150 rows, shaped like scikit-learn's load_iris() bunch but with the UCI file's values. */
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

/** The perceptron lab's data: the first 100 rows (setosa, then versicolor) with sepal length and
 *  petal length, and labels -1 for Iris-setosa, 1 otherwise. In the lab:
 *    y = df.iloc[0:100, 4].values; y = np.where(y == 'Iris-setosa', -1, 1)
 *    X = df.iloc[0:100, [0, 2]].values
 *  Returns [X (100, 2) float64, y (100,) int64]. */
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
