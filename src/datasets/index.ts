// nnlab's data sets: loaders for the shipped files (datasets/, see PROVENANCE.md) and seeded
// generators, under the names the Python labs and scikit-learn use.
export { load_iris, load_iris_perceptron } from "./iris";
export type { IrisBunch } from "./iris";
export { load_planar_dataset, load_extra_datasets } from "./planar";
export {
  make_circles, make_moons, make_blobs, make_gaussian_quantiles, make_spiral, make_xor, load_xor,
} from "./generators";
export type {
  Dataset, RandomStateLike, CirclesOptions, MoonsOptions, BlobsOptions, GaussianQuantilesOptions, SpiralOptions, XorOptions,
} from "./generators";
export { load_mnist, MNIST_SHIPPED } from "./mnist";
export type { MnistOptions } from "./mnist";
export { load_breast_cancer, type BreastCancerBunch } from "./breast_cancer";
export { load_dataset, load_data } from "./images";
export { DATASETS_DIR } from "./files";
