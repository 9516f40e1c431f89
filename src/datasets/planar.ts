// The planar-data lab's data (planar_utils.py), reproduced draw for draw with nnlab's np.random.
import { linspace } from "../np/creation";
import { NDArray } from "../np/ndarray";
import * as random from "../np/random";
import { make_blobs, make_circles, make_gaussian_quantiles, make_moons, type Dataset } from "./generators";

/**
 * The Planar data classification lab's "flower": 400 points in 2-D, two classes in interleaved petals.
 *
 * Seeds the global np.random with 1, as the lab does, then for class j draws
 * `t = linspace(3.12j, 3.12(j+1), 200) + randn(200) * 0.2`, `r = 4 sin(4t) + randn(200) * 0.2` and
 * places the points at `(r sin t, r cos t)`. Logistic regression gets about half of them right;
 * one hidden layer learns the petals. Mirrors planar_utils' `load_planar_dataset`.
 *
 * @returns [X, Y]: X of shape (2, 400) float64, one point per column; Y of shape (1, 400) int64 labels 0 (red) and 1 (blue)
 * @example const [X, Y] = datasets.load_planar_dataset();
 */
export function load_planar_dataset(): [X: NDArray, Y: NDArray] {
  random.seed(1);
  const m = 400;
  const N = m / 2;
  const a = 4;
  const X = new Float64Array(2 * m); // already X.T: row 0 holds the first coordinates
  const Y = new Float64Array(m);
  for (let j = 0; j < 2; j++) {
    const base = linspace(j * 3.12, (j + 1) * 3.12, N).data;
    const gt = random.randn(N).data;
    const t = base.map((v, i) => v + gt[i] * 0.2);
    const gr = random.randn(N).data;
    for (let i = 0; i < N; i++) {
      const r = a * Math.sin(4 * t[i]) + gr[i] * 0.2;
      X[j * N + i] = r * Math.sin(t[i]);
      X[m + j * N + i] = r * Math.cos(t[i]);
      Y[j * N + i] = j;
    }
  }
  return [new NDArray(X, [2, m], "float64"), new NDArray(Y, [1, m], "int64")];
}

/**
 * The Planar data classification lab's other data sets, to try the network on.
 *
 * noisy_circles (factor 0.5, noise 0.3), noisy_moons (noise 0.2), blobs (6 centers, its own
 * RandomState(5)), gaussian_quantiles (cov 0.5, 2 classes) and no_structure (two `np.random.rand(200, 2)`
 * arrays), drawn from the global np.random stream in the lab's order. Points are rows: use
 * `X.T` for the lab's (n_x, m) layout. Mirrors planar_utils' `load_extra_datasets`.
 *
 * @returns [noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure], each an [X (200, 2), y (200,)] pair
 * @example const [noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure] = datasets.load_extra_datasets();
 */
export function load_extra_datasets(): [Dataset, Dataset, Dataset, Dataset, Dataset] {
  const N = 200;
  const noisy_circles = make_circles({ n_samples: N, factor: 0.5, noise: 0.3 });
  const noisy_moons = make_moons({ n_samples: N, noise: 0.2 });
  const blobs = make_blobs({ n_samples: N, random_state: 5, n_features: 2, centers: 6 });
  const gaussian_quantiles = make_gaussian_quantiles({ mean: null, cov: 0.5, n_samples: N, n_features: 2, n_classes: 2, shuffle: true, random_state: null });
  const no_structure: Dataset = [random.rand(N, 2), random.rand(N, 2)];
  return [noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure];
}
