// The exception classes numpy raises, under numpy's (Python's) names, so a traceback reads
// `ValueError: operands could not be broadcast together with shapes (4,3) (4,2)` as it does in
// Python, and `catch (e) { if (e instanceof np.ValueError) ... }` works as `except ValueError:`.
//
// TypeError is JavaScript's own (its name already matches Python's); it is re-exported from `np`
// so `np.TypeError` exists beside the others. The name lives on the prototype, so the stack
// header V8 writes when the error is created already says `ValueError: ...`.

/**
 * Python's ValueError: an argument has the right type but an unacceptable value.
 *
 * np raises it where numpy does, with numpy's message: shapes that do not broadcast, a ragged
 * nested list, a negative dimension, a reshape to the wrong size, ...
 * `catch (e) { if (e instanceof np.ValueError) ... }` is Python's `except ValueError:`;
 * np.AxisError is a ValueError too. Mirrors Python's builtin ValueError.
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.add(np.zeros([4, 3]), np.zeros([4, 2])); } catch (e) { if (e instanceof np.ValueError) console.log(e.message); }
 */
export class ValueError extends Error {}
ValueError.prototype.name = "ValueError";

/**
 * Python's IndexError: an index out of range, too many indices, or an invalid index.
 *
 * np raises it where numpy does, with numpy's message ("index 5 is out of bounds for axis 0 with
 * size 3"). `e instanceof np.IndexError` also holds for an np.AxisError, as numpy's
 * `except IndexError` catches AxisError. Mirrors Python's builtin IndexError.
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.zeros([3]).get(5); } catch (e) { if (e instanceof np.IndexError) console.log(e.message); }
 */
export class IndexError extends Error {}
IndexError.prototype.name = "IndexError";

/**
 * numpy's AxisError: an `axis` argument out of range for the array's number of dimensions.
 *
 * The message is numpy's ("axis 2 is out of bounds for array of dimension 2"). In numpy it is both
 * a ValueError and an IndexError; here it extends np.ValueError (JavaScript has single inheritance)
 * and `instanceof np.IndexError` is made true for it as well. Mirrors numpy.exceptions.AxisError
 * (numpy.AxisError).
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.sum(np.zeros([2, 3]), 2); } catch (e) { if (e instanceof np.AxisError) console.log(e.message); }
 */
export class AxisError extends ValueError {}
AxisError.prototype.name = "AxisError";

// `e instanceof IndexError` holds for AxisErrors as well, as numpy's `except IndexError` catches them.
Object.defineProperty(IndexError, Symbol.hasInstance, {
  value(x: unknown): boolean {
    return x instanceof AxisError || Function.prototype[Symbol.hasInstance].call(IndexError, x);
  },
});

/**
 * Python's ZeroDivisionError: a division by zero in numpy's Python code (np.arange with step 0).
 *
 * Array division by zero does not raise: it gives inf or nan, as in numpy. Mirrors Python's builtin
 * ZeroDivisionError.
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.arange(0, 1, 0); } catch (e) { if (e instanceof np.ZeroDivisionError) console.log(e.message); }
 */
export class ZeroDivisionError extends Error {}
ZeroDivisionError.prototype.name = "ZeroDivisionError";

/**
 * Python's OverflowError: a value too large for the conversion asked for.
 *
 * np raises it where numpy does: int(inf) (e.g. `np.int64(Infinity)`), a uniform range that exceeds
 * a double, ... Mirrors Python's builtin OverflowError.
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @example try { np.int64(Infinity); } catch (e) { if (e instanceof np.OverflowError) console.log(e.message); }
 */
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

/**
 * Python's TypeError, which is JavaScript's own TypeError: an argument of the wrong type.
 *
 * np raises it where numpy does, with numpy's message ("'float' object cannot be interpreted as an
 * integer", "unsupported operand", ...). It is JavaScript's builtin class (the name already matches
 * Python's), re-exported so `np.TypeError` sits beside np.ValueError and the others; calling it
 * without `new` also makes an error, as for every JS error class. Mirrors Python's builtin
 * TypeError.
 *
 * @param message - the error message (what numpy's message would say)
 * @param options - JavaScript's error options: { cause }, the error that led to this one
 * @returns a new TypeError (when called as a function)
 * @example try { np.zeros(2.5); } catch (e) { if (e instanceof np.TypeError) console.log(e.message); }
 */
const TypeErrorClass = TypeError;
export { TypeErrorClass as TypeError };
