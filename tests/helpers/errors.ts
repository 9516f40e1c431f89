// Checking that a call fails as numpy fails: the same exception class (by its Python name, which
// nnlab's classes carry as `name`) and the same message text.
import { expect } from "vitest";

/** An exception as the fixture generators record it. */
export interface NumpyError {
  type: string;
  message: string;
}

/** What `call` threw, as {type, message}; fails the test if it returned normally. */
export function thrown(call: () => unknown, label = ""): NumpyError {
  try {
    call();
  } catch (e) {
    const err = e as Error;
    return { type: err.name, message: err.message };
  }
  return expect.fail(`${label ? label + ": " : ""}expected an error, but the call returned`);
}

/** Asserts `call` throws numpy's exception: same class name and same message. */
export function expectNumpyError(call: () => unknown, expected: NumpyError, label = ""): void {
  expect(thrown(call, label), label).toEqual({ type: expected.type, message: expected.message });
}
