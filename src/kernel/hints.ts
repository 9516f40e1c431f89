// The numpy habits every student brings to a TypeScript cell, and the one line that answers each.
// TypeScript's own diagnostics for them are correct but say nothing of nnlab ("Operator '+' cannot
// be applied to types 'number' and 'NDArray'"). Each rule recognises one habit from the diagnostic
// (its code and message) and the cell text at its span, and says the nnlab spelling, built from
// the student's own operands where that is possible. `example` is a cell that triggers the rule
// (after HINT_SETUP); tests run every example in the real kernel.

/** A compile diagnostic as tslab reports it: 0-based line/character, offsets into the cell. */
export interface Diagnostic {
  start: { offset: number; line: number; character: number };
  end?: { offset: number; line: number; character: number };
  messageText: string;
  code?: number;
  category?: number;
  /** Set for diagnostics in other files (a local module); the cell's own have none. */
  fileName?: string;
}

/** A habit a rule answers: a cell (run after HINT_SETUP) and a fragment of the hint it gets. */
export interface Habit {
  habit: string;
  example: string;
  expected: string;
}

export interface HintRule {
  /** What the rule recognises, for docs. */
  name: string;
  /** The habits it answers; tests run each example in the real kernel. */
  habits: readonly Habit[];
  hint(d: Diagnostic, src: string): string | null;
}

/** Declarations the examples use. */
export const HINT_SETUP =
  'import { np, NDArray } from "nnlab";\n' +
  "const W = np.ones([2, 2]), X = np.ones([2, 2]), A = np.ones([2, 2]), A2 = np.ones([1, 2]);\n" +
  "const z = np.ones([2, 1]), b = np.zeros([2, 1]), dZ = np.ones([2, 2]);\n" +
  "const i = 0, j = 1, n = 3;";

// ---- reading the cell around a diagnostic

function span(d: Diagnostic, src: string): string {
  return src.slice(d.start.offset, d.end ? d.end.offset : d.start.offset);
}

/** The name at the diagnostic is followed by `=` (not `==`): a Python keyword argument. */
function followedByAssignment(d: Diagnostic, src: string): boolean {
  return /^\s*=(?!=)/.test(src.slice(d.end ? d.end.offset : d.start.offset));
}

function lineOf(d: Diagnostic, src: string): string {
  return src.split("\n")[d.start.line] ?? "";
}

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** The operand that starts at `pos` (after spaces): a unary minus, a name or number with its
 *  property accesses, calls and indexing. Empty when there is none. */
function operandAfter(text: string, pos: number): string {
  let i = pos;
  while (text[i] === " ") i++;
  const start = i;
  if (text[i] === "-" || text[i] === "+") i++;
  if (text[i] === "(") {
    i = skipGroup(text, i);
  } else {
    while (i < text.length && /[\w.$]/.test(text[i])) i++;
  }
  while (i < text.length && (text[i] === "(" || text[i] === "[" || text[i] === ".")) {
    if (text[i] === ".") {
      i++;
      while (i < text.length && /[\w$]/.test(text[i])) i++;
    } else {
      i = skipGroup(text, i);
    }
  }
  return text.slice(start, i).trim();
}

/** The operand that ends just before `pos` (spaces skipped), scanning back over groups. */
function operandBefore(text: string, pos: number): string {
  let i = pos - 1;
  while (i >= 0 && text[i] === " ") i--;
  const end = i + 1;
  while (i >= 0) {
    const c = text[i];
    if (c === ")" || c === "]") {
      let depth = 0;
      for (; i >= 0; i--) {
        if (text[i] === ")" || text[i] === "]") depth++;
        else if (text[i] === "(" || text[i] === "[") depth--;
        if (depth === 0) break;
      }
      i--;
    } else if (/[\w.$]/.test(c)) {
      i--;
    } else break;
  }
  return text.slice(i + 1, end).trim();
}

/** Index just past the bracket group opening at `i`. */
function skipGroup(text: string, i: number): number {
  const stack: string[] = [];
  for (; i < text.length; i++) {
    const c = text[i];
    if (OPENERS[c]) stack.push(OPENERS[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return i;
}

/** The binary operator at the top level of `text` (no brackets around it), and its operands. */
function splitBinary(text: string, ops: readonly string[]): { left: string; op: string; right: string } | null {
  let depth = 0;
  // Longest operators first, so "**" is not read as "*" and ">=" not as ">".
  const sorted = [...ops].sort((a, b) => b.length - a.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPENERS[c]) depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && i > 0) {
      for (const op of sorted) {
        if (text.startsWith(op, i)) {
          const left = text.slice(0, i).trim();
          const right = text.slice(i + op.length).trim();
          if (left && right) return { left, op, right };
        }
      }
    }
  }
  return null;
}

// ---- what each operator is in nnlab

const ARITHMETIC: Record<string, string> = { "+": "add", "-": "subtract", "*": "multiply", "/": "divide", "**": "power", "%": "mod" };
const COMPARISON: Record<string, string> = {
  ">": "greater", ">=": "greater_equal", "<": "less", "<=": "less_equal",
  "==": "equal", "===": "equal", "!=": "not_equal", "!==": "not_equal",
  "&&": "logical_and", "||": "logical_or",
};

/** `-z` inside an operand is NaN at run time (unary minus on an object): say so. */
function unaryMinusNote(...operands: string[]): string {
  const m = operands.map((o) => /(?:^|[^\w.)\]])-\s*([A-Za-z_$][\w.$]*)/.exec(o)).find(Boolean);
  return m ? ` (and -${m[1]} is ${m[1]}.negative())` : "";
}

function isNumberLiteral(s: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s);
}

/** "np.multiply(W, X) or W.multiply(X)"; only the np form when the left operand is a number. */
function spelling(fn: string, left: string, right: string): string {
  const free = `np.${fn}(${left}, ${right})`;
  if (isNumberLiteral(left) || !/^[\w.$]+(\(.*\))?(\[.*\])?$/.test(left)) return free;
  return `${free} or ${left}.${fn}(${right})`;
}

function operatorHint(left: string, op: string, right: string): string | null {
  const fn = ARITHMETIC[op] ?? COMPARISON[op];
  if (!fn) return null;
  const base = `NDArrays have no operators in TypeScript: write ${spelling(fn, left, right)}`;
  if (op === "**" && right.trim() === "2") return `${base}, or np.square(${left})${unaryMinusNote(left)}`;
  if (op === "==" || op === "===") return `${base}; np.array_equal(${left}, ${right}) gives one true/false`;
  return base + unaryMinusNote(left, right);
}

/** The call around `offset` with Python keyword arguments as one options object:
 *  "np.sum(dZ, { axis: 1, keepdims: true })". */
function keywordCall(src: string, offset: number): string | null {
  let depth = 0;
  let open = -1;
  for (let i = offset; i >= 0; i--) {
    const c = src[i];
    if (c === ")") depth++;
    else if (c === "(") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  const close = skipGroup(src, open) - 1;
  const positional: string[] = [];
  const pairs: string[] = [];
  for (const arg of splitArgs(src.slice(open + 1, close))) {
    const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]+)$/.exec(arg);
    if (kw) pairs.push(`${kw[1]}: ${pythonValue(kw[2].trim())}`);
    else positional.push(arg);
  }
  if (!pairs.length) return null;
  const callee = /([\w.$]+)\s*$/.exec(src.slice(0, open));
  return `${callee ? callee[1] : "f"}(${[...positional, `{ ${pairs.join(", ")} }`].join(", ")})`;
}

/** Top-level comma-separated arguments of a call's text. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPENERS[c]) depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Python literals in TypeScript. */
function pythonValue(v: string): string {
  if (v === "True") return "true";
  if (v === "False") return "false";
  if (v === "None") return "null";
  const tuple = /^\((.*)\)$/.exec(v);
  if (tuple && tuple[1].includes(",")) return `[${tuple[1].replace(/,\s*$/, "")}]`;
  return v;
}

const NAME_HINTS: Record<string, string> = {
  True: "Python's True is true in TypeScript",
  False: "Python's False is false in TypeScript",
  None: "Python's None is null in TypeScript",
  print: "print(x) is console.log(x) (an NDArray prints as numpy prints it)",
  len: "len(A) of an array is A.shape[0] (A.size counts every element; a JS list has .length)",
  range: "range(n) is a counting loop: for (let i = 0; i < n; i++) { ... }, or np.arange(n) for an array of 0..n-1",
  np: 'import it first: import { np } from "nnlab";',
  self: "methods use this, not self (this.w_ inside a class)",
  pass: "pass is an empty block {} in TypeScript",
  elif: "elif is else if (...) { ... } in TypeScript",
  isinstance: "isinstance(x, NDArray) is x instanceof NDArray",
  str: "str(A) is String(A) (numpy's str), A.repr() is repr(A)",
  zip: "zip has no TypeScript built-in: loop over indices, or A.map((a, k) => [a, B[k]])",
  enumerate: "enumerate(xs) is xs.entries(): for (const [i, x] of xs.entries()) { ... }",
};

// ---- the rules

export const HINT_RULES: readonly HintRule[] = [
  {
    name: "arithmetic operator on arrays (W * X)",
    habits: [
      { habit: "arithmetic operator on arrays (W * X)", example: "const Z = W * X;", expected: "np.multiply(W, X) or W.multiply(X)" },
      { habit: "power operator on an array (A ** 2)", example: "const S = A ** 2;", expected: "np.square(A)" },
    ],
    hint(d, src) {
      // 2362/2363: "The left-hand/right-hand side of an arithmetic operation must be of type 'any', ..."
      if (d.code !== 2362 && d.code !== 2363) return null;
      const line = lineOf(d, src);
      const col = d.start.character;
      const len = span(d, src).length;
      if (d.code === 2362) {
        const after = line.slice(col + len);
        const op = /^\s*(\*\*|[*/%+-])/.exec(after);
        if (!op) return null;
        const left = span(d, src).trim();
        const right = operandAfter(line, col + len + op[0].length);
        return operatorHint(left, op[1], right || "...");
      }
      const before = line.slice(0, col);
      const op = /(\*\*|[*/%+-])\s*$/.exec(before);
      if (!op) return null;
      const left = operandBefore(line, col - op[0].length);
      return operatorHint(left || "...", op[1], span(d, src).trim());
    },
  },
  {
    name: "number + array (1 + np.exp(Z))",
    habits: [
      { habit: "number + array (1 + np.exp(Z))", example: "const s = 1 / (1 + np.exp(z.negative()));", expected: "np.add(1, np.exp(z.negative()))" },
      { habit: "comparison of an array (A2 > 0.5)", example: "const predictions = A2 > 0.5;", expected: "A2.greater(0.5)" },
      { habit: "array + array (np.dot(W, X) + b)", example: "const Z1 = np.dot(W, X) + b;", expected: "np.add(np.dot(W, X), b)" },
    ],
    hint(d, src) {
      // 2365: "Operator '+' cannot be applied to types 'number' and 'NDArray'."
      if (d.code !== 2365) return null;
      const m = /^Operator '([^']+)' cannot be applied/.exec(d.messageText);
      if (!m) return null;
      const parts = splitBinary(span(d, src), [m[1]]);
      if (!parts) return null;
      return operatorHint(parts.left, parts.op, parts.right);
    },
  },
  {
    name: "keyword arguments (np.sum(dZ, axis=1, keepdims=True))",
    habits: [
      { habit: "keyword arguments (np.sum(dZ, axis=1, keepdims=True))", example: "const db = np.sum(dZ, axis=1, keepdims=True);", expected: "np.sum(dZ, { axis: 1, keepdims: true })" },
    ],
    hint(d, src) {
      // 2304 "Cannot find name 'axis'." where the name is followed by "=" inside a call.
      if (!/^Cannot find name '(\w+)'/.test(d.messageText) || !followedByAssignment(d, src)) return null;
      const call = keywordCall(src, d.start.offset);
      if (!call) return null;
      return `keyword arguments are one options object in nnlab: ${call}`;
    },
  },
  {
    name: "Python names (True, None, print, len, range, ...)",
    habits: [
      { habit: "Python names (True, None, print, len, range, ...)", example: "print(len(A));", expected: "console.log(x)" },
      { habit: "True as a value", example: "const keep = True;", expected: "true" },
      { habit: "range(n) loop", example: "for (const k of range(n)) { console.log(k); }", expected: "for (let i = 0; i < n; i++)" },
    ],
    hint(d, src) {
      const m = /^Cannot find name '(\w+)'/.exec(d.messageText);
      // keyword arguments (axis=True) are the rule above
      if (!m || !(m[1] in NAME_HINTS) || followedByAssignment(d, src)) return null;
      return NAME_HINTS[m[1]];
    },
  },
  {
    name: "element access A[i, j]",
    habits: [
      { habit: "element access A[i, j]", example: "const a_ij = A[i, j];", expected: "A.get(i, j)" },
      { habit: "tuple shape (np.zeros((4, 1)))", example: "const b1 = np.zeros((4, 1));", expected: "np.zeros([4, 1])" },
    ],
    hint(d, src) {
      // 2695 "Left side of comma operator is unused and has no side effects." inside [ ].
      if (d.code !== 2695) return null;
      const before = src.slice(0, d.start.offset);
      const bracket = /([\w.$)\]]+)\s*\[\s*$/.exec(before);
      if (bracket) {
        const close = skipGroup(src, before.lastIndexOf("["));
        const inner = src.slice(before.lastIndexOf("[") + 1, close - 1).trim();
        const name = operandBefore(before, before.lastIndexOf("["));
        const sliced = inner.includes(":");
        if (sliced) {
          const args = inner.split(",").map((s) => (/^[-\w.]+$/.test(s.trim()) ? s.trim() : JSON.stringify(s.trim()))).join(", ");
          return `${name}[${inner}] is a comma expression in TypeScript; numpy indexing is ${name}.slice(${args}) (a copy; write back with ${name}.assign([...], value))`;
        }
        return `${name}[${inner}] is a comma expression in TypeScript (it reads ${name}[${inner.split(",").pop()!.trim()}]); write ${name}.get(${inner}), and ${name}.set(${inner}, value) to write`;
      }
      const paren = /\(\s*$/.exec(before);
      if (paren) {
        return "(4, 1) is not a tuple in TypeScript: shapes and tuples are arrays, e.g. np.zeros([4, 1])";
      }
      return null;
    },
  },
  {
    name: "a function returning [A2, cache] without a tuple type",
    habits: [
      { habit: "a function returning [A2, cache] without a tuple type", example: "function forward(X: NDArray) { const cache = { Z: X }; return [X, cache]; }\nconst [A_out, cache] = forward(X);\nconsole.log(A_out.shape);", expected: "[NDArray, Cache]" },
    ],
    hint(d) {
      // 2339 "Property 'shape' does not exist on type 'NDArray | { Z: NDArray; }'", 2345/2322 with such unions.
      if (d.code !== 2339 && d.code !== 2345 && d.code !== 2322 && d.code !== 2554) return null;
      const t = /type '([^']*\|[^']*)'/.exec(d.messageText);
      if (!t || !/NDArray|\{/.test(t[1])) return null;
      return (
        "a function that returns [A2, cache] is typed as an array of either, (NDArray | Cache)[]; give it a tuple " +
        "return type, function f(...): [NDArray, Cache] { ... }, or return [A2, cache] as const"
      );
    },
  },
  {
    name: "comparing shapes or arrays with ==",
    habits: [
      { habit: "comparing shapes or arrays with ==", example: "if (A.shape == [2, 2]) { console.log('square'); }", expected: "np.array_equal" },
    ],
    hint(d) {
      if (!/compares objects by reference/.test(d.messageText)) return null;
      return "== on arrays compares identity; compare values with np.array_equal(a, b) (shapes too: np.array_equal(A.shape, [2, 2]))";
    },
  },
  {
    name: "matrix product operator (W @ X)",
    habits: [
      { habit: "matrix product operator (W @ X)", example: "const Z = W @ X;", expected: "np.dot(W, X)" },
    ],
    hint(d, src) {
      const line = lineOf(d, src);
      const m = /([\w.$)\]]+)\s*@\s*([\w.$(]+)/.exec(line);
      if (!m) return null;
      const left = operandBefore(line, m.index + m[0].indexOf("@"));
      const right = operandAfter(line, m.index + m[0].indexOf("@") + 1);
      return `@ is not an operator in TypeScript: write np.dot(${left}, ${right}) or ${left}.dot(${right}) (np.matmul for stacks of matrices)`;
    },
  },
  {
    name: "import numpy",
    habits: [
      { habit: "import numpy", example: "import numpy as np2", expected: 'import { np } from "nnlab"' },
    ],
    hint(d, src) {
      if (!/^\s*(import\s+numpy\b|from\s+numpy\b)/m.test(lineOf(d, src))) return null;
      return 'nnlab\'s np is numpy for TypeScript: import { np } from "nnlab";';
    },
  },
  {
    name: "Python for loop",
    habits: [
      { habit: "Python for loop", example: "for k in range(3):\n    console.log(k)", expected: "for (let k = 0; k < 3; k++)" },
    ],
    hint(d, src) {
      const m = /^\s*for\s+(\w+)\s+in\s+range\(\s*([^,)]+)\s*\)\s*:/.exec(lineOf(d, src));
      if (m) return `a Python loop; in TypeScript: for (let ${m[1]} = 0; ${m[1]} < ${m[2]}; ${m[1]}++) { ... }`;
      const each = /^\s*for\s+(\w+)\s+in\s+(.+?)\s*:\s*$/.exec(lineOf(d, src));
      if (each) return `a Python loop; in TypeScript: for (const ${each[1]} of ${each[2]}) { ... }`;
      return null;
    },
  },
  {
    name: "Python def",
    habits: [
      { habit: "Python def", example: "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))", expected: "function sigmoid(z: NDArray): NDArray" },
    ],
    hint(d, src) {
      const m = /^\s*def\s+(\w+)\s*\(([^)]*)\)\s*:/.exec(lineOf(d, src));
      if (!m) return null;
      const params = m[2].split(",").map((p) => p.trim()).filter(Boolean).map((p) => `${p.split("=")[0].trim()}: NDArray`).join(", ");
      return `a Python function; in TypeScript: function ${m[1]}(${params}): NDArray { ... } (braces, not indentation)`;
    },
  },
  {
    name: "A.T() or A.shape() called",
    habits: [
      { habit: "A.T() or A.shape() called", example: "const At = A.T();", expected: "write A.T without ()" },
    ],
    hint(d, src) {
      // 2349 "This expression is not callable", 6234 "... because it is a 'get' accessor".
      if (!/is not callable/.test(d.messageText)) return null;
      const m = /([\w.$]+)\.(T|shape|ndim|size|dtype)\s*$/.exec(src.slice(0, d.end ? d.end.offset : d.start.offset));
      if (!m) return null;
      return `${m[2]} is a property, as in numpy: write ${m[1]}.${m[2]} without ()`;
    },
  },
];

/** The hints that answer one diagnostic of a cell (usually none, at most a couple). */
export function hintsFor(d: Diagnostic, src: string): string[] {
  const out: string[] = [];
  for (const rule of HINT_RULES) {
    let h: string | null = null;
    try {
      h = rule.hint(d, src);
    } catch {
      h = null; // a hint must never hide the diagnostic
    }
    if (h && !out.includes(h)) out.push(h);
  }
  return out;
}
