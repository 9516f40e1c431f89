// nnlab's public API: `import { np } from "nnlab"`.
import * as np from "./np";

export { np };
export { NDArray } from "./np/ndarray";
export type { DType, ArrayLike, Index } from "./np/ndarray";
