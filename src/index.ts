// nnlab's public API: `import { np, shallow, datasets } from "nnlab"`.
import * as np from "./np";

export { np };
export { NDArray } from "./np/ndarray";
export type { DType, ArrayLike, Index } from "./np/ndarray";
export * as nn from "./nn";
export { classic, logistic, shallow, deep, initialization, cnn, testcases } from "./labs";
export * as datasets from "./datasets";
export * as plot from "./plot";
export * as keras from "./keras";
export { display, displayBundle } from "./display";
