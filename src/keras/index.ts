// A Keras-like framework on nnlab's np: `keras.Sequential`, `keras.layers.*`, `keras.optimizers.*`,
// `keras.losses`, `keras.metrics`, `keras.utils.to_categorical`, with Keras' names and defaults.
export { Sequential, SequentialModel, type CompileOptions, type FitOptions, type EvaluateOptions } from "./models/sequential";
export { History } from "./models/history";
export * as layers from "./layers";
export * as activations from "./activations";
export * as losses from "./losses";
export * as metrics from "./metrics";
export * as optimizers from "./optimizers";
export * as initializers from "./initializers";
export * as utils from "./utils-public";
export * as backend from "./backend";
export type { Tensor } from "./utils";
