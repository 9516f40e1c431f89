// dtype promotion, following numpy 1.24 for the three kinds nnlab stores.
// JS numbers passed as operands are "weak" Python-style scalars: an integral number
// behaves like a Python int, any other like a Python float, true/false like Python bools.
import { NDArray, type ArrayLike, type DType } from "./ndarray";

const RANK: Record<DType, number> = { bool: 0, int64: 1, float64: 2 };
const BY_RANK: DType[] = ["bool", "int64", "float64"];

/** The dtype numpy would give a scalar operand (value-based, as in numpy 1.24). */
export function scalarKind(x: number | boolean): DType {
  if (typeof x === "boolean") return "bool";
  return Number.isInteger(x) ? "int64" : "float64";
}

/** The dtype of any operand: an NDArray's own, a scalar's kind, nested arrays' widest element. */
export function operandDType(x: ArrayLike): DType {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === "number" || typeof x === "boolean") return scalarKind(x);
  // Nested JS arrays become float64 arrays (np.array's default here) unless all booleans.
  return nestedAllBool(x) ? "bool" : "float64";
}

function nestedAllBool(x: ArrayLike): boolean {
  if (Array.isArray(x)) return x.every(nestedAllBool);
  return typeof x === "boolean";
}

/** numpy's result_type for two dtypes. */
export function promote(a: DType, b: DType): DType {
  return BY_RANK[Math.max(RANK[a], RANK[b])];
}

/** Result dtype of arithmetic on the operands, where a scalar may not widen an array of
 *  the same or higher kind (numpy's value-based casting: int64 array + 2 stays int64,
 *  int64 array + 0.5 becomes float64, float64 array + anything stays float64). */
export function resultDType(a: ArrayLike, b: ArrayLike): DType {
  return promote(operandDType(a), operandDType(b));
}
