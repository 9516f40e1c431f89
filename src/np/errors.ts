// The exception classes numpy raises, under numpy's (Python's) names, so a traceback reads
// `ValueError: operands could not be broadcast together with shapes (4,3) (4,2)` as it does in
// Python, and `catch (e) { if (e instanceof np.ValueError) ... }` works as `except ValueError:`.
//
// TypeError is JavaScript's own (its name already matches Python's); it is re-exported from `np`
// so `np.TypeError` exists beside the others. The name lives on the prototype, so the stack
// header V8 writes when the error is created already says `ValueError: ...`.

/** Python's ValueError: an argument has the right type but an unacceptable value (shapes that do
 *  not broadcast, a ragged nested list, a negative dimension, ...). */
export class ValueError extends Error {}
ValueError.prototype.name = "ValueError";

/** Python's IndexError: an index out of range, too many indices, an invalid index type. */
export class IndexError extends Error {}
IndexError.prototype.name = "IndexError";

/** numpy's AxisError: an `axis` argument out of range for the array's dimension. In numpy it
 *  subclasses both ValueError and IndexError; here it extends ValueError (JavaScript has single
 *  inheritance), and `instanceof IndexError` is made true for it too. */
export class AxisError extends ValueError {}
AxisError.prototype.name = "AxisError";

// `e instanceof IndexError` holds for AxisErrors as well, as numpy's `except IndexError` catches them.
Object.defineProperty(IndexError, Symbol.hasInstance, {
  value(x: unknown): boolean {
    return x instanceof AxisError || Function.prototype[Symbol.hasInstance].call(IndexError, x);
  },
});

/** Python's ZeroDivisionError (np.arange with a step of 0). */
export class ZeroDivisionError extends Error {}
ZeroDivisionError.prototype.name = "ZeroDivisionError";

/** Python's OverflowError: a value too large for the conversion asked for (int(inf), a range that
 *  exceeds a double). */
export class OverflowError extends Error {}
OverflowError.prototype.name = "OverflowError";

/** The name of a JS value's Python counterpart, as Python's messages print it ("'float' object
 *  cannot be interpreted as an integer"): an integral number is an int, any other a float. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "string") return "str";
  if (typeof x === "bigint") return "int";
  if (typeof x === "function") return "function";
  if (Array.isArray(x)) return "list";
  if (typeof x === "object" && (x as object).constructor?.name === "NDArray") return "numpy.ndarray";
  return "dict";
}

/** JavaScript's TypeError, which is also Python's name for a wrong argument type. */
const TypeErrorClass = TypeError;
export { TypeErrorClass as TypeError };
