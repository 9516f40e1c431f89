// Finding a submission's graded functions by name, wherever the student left them. Grading goes by
// function name, not cell position: cells may have been moved, duplicated, split, renamed or
// retyped as markdown. From every cell, the declarations a graded function may need are kept
// (imports, functions, classes, types, interfaces, enums, and constants with literal values); other
// top-level statements (training runs, prints, checks) are not run by the grader.
import * as ts from "@tslab/typescript-for-tslab";
import { joinLines, type Notebook } from "../notebook/nbformat";

export interface Declaration {
  /** Names it declares (a function's name; every name of a `const a = 1, b = 2`). */
  names: string[];
  /** Its source text. */
  text: string;
  /** Index of its cell in notebook.cells, and whether that cell was markdown or raw. */
  cell: number;
  fromMarkdown: boolean;
  kind: "import" | "function" | "class" | "type" | "value";
  /** For functions: the parameter names, in order. */
  params?: string[];
}

export interface Extraction {
  /** In notebook order; a later declaration of a name replaces an earlier one. */
  declarations: Declaration[];
  /** Notes for the student or the instructor ("nn_model is defined twice ..."). */
  notes: string[];
}

/** Initializers the grader may evaluate: literals and functions, nothing that computes. */
function isStatic(e: ts.Expression | undefined): boolean {
  if (!e) return true;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression?.(e)) return isStatic(e.expression);
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(e)) return isStatic(e.operand);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => isStatic(x as ts.Expression));
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) => (ts.isPropertyAssignment(p) ? isStatic(p.initializer) : ts.isMethodDeclaration(p)));
  }
  return false;
}

function paramNames(fn: ts.SignatureDeclarationBase, src: ts.SourceFile): string[] {
  return fn.parameters.map((p) => p.name.getText(src));
}

/** The kept declarations of one piece of source. Local imports of the released check module
 *  ("./<name>_checks") are dropped: graded code runs without it. */
function declarationsOf(text: string, cell: number, fromMarkdown: boolean): Declaration[] {
  const src = ts.createSourceFile(`cell${cell}.ts`, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Declaration[] = [];
  for (const st of src.statements) {
    const base = { text: st.getText(src), cell, fromMarkdown };
    if (ts.isImportDeclaration(st)) {
      const spec = (st.moduleSpecifier as ts.StringLiteral).text;
      if (/_checks$/.test(spec)) continue;
      const names: string[] = [];
      const clause = st.importClause;
      if (clause?.name) names.push(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.push(clause.namedBindings.name.text);
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) names.push(...clause.namedBindings.elements.map((e) => e.name.text));
      out.push({ ...base, names, kind: "import" });
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      // Overload signatures (no body) travel with their implementation.
      const prev = out[out.length - 1];
      if (prev && prev.kind === "function" && prev.names[0] === st.name.text && !prev.text.includes("{")) {
        out.pop();
        out.push({ ...base, text: `${prev.text}\n${base.text}`, names: [st.name.text], kind: "function", params: paramNames(st, src) });
      } else {
        out.push({ ...base, names: [st.name.text], kind: "function", params: paramNames(st, src) });
      }
    } else if (ts.isClassDeclaration(st) && st.name) {
      out.push({ ...base, names: [st.name.text], kind: "class" });
    } else if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) {
      out.push({ ...base, names: [st.name.text], kind: "type" });
    } else if (ts.isVariableStatement(st)) {
      const decls = st.declarationList.declarations;
      if (!decls.every((d) => ts.isIdentifier(d.name) && isStatic(d.initializer))) continue;
      const names = decls.map((d) => (d.name as ts.Identifier).text);
      const only = decls.length === 1 ? decls[0].initializer : undefined;
      const fn = only && (ts.isArrowFunction(only) || ts.isFunctionExpression(only)) ? only : undefined;
      out.push({ ...base, names, kind: fn ? "function" : "value", params: fn ? paramNames(fn, src) : undefined });
    }
  }
  return out;
}

/** Code inside a markdown cell: its ``` fences, or the whole cell if it has none. */
function codeInMarkdown(text: string): string[] {
  const fences = [...text.matchAll(/```[a-zA-Z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  return fences.length ? fences : [text];
}

/**
 * The declarations of a notebook. `graded` names the functions the grader looks for: one missing
 * from the code cells is also looked for in markdown and raw cells (a cell retyped by mistake), and
 * graded with a note, as a human grader would.
 */
export function extractDeclarations(nb: Notebook, graded: readonly string[]): Extraction {
  const declarations: Declaration[] = [];
  const notes: string[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") declarations.push(...declarationsOf(joinLines(cell.source), i, false));
  });
  const found = new Set(declarations.flatMap((d) => d.names));
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") return;
    for (const code of codeInMarkdown(joinLines(cell.source))) {
      for (const d of declarationsOf(code, i, true)) {
        const wanted = d.kind === "function" && d.names.some((n) => graded.includes(n) && !found.has(n));
        if (!wanted) continue;
        declarations.push(d);
        d.names.forEach((n) => found.add(n));
        notes.push(`${d.names[0]} was found in a ${cell.cell_type} cell (cell ${i + 1}) and graded as code; make that cell a code cell`);
      }
    }
  });
  for (const name of graded) {
    const defs = declarations.filter((d) => d.names.includes(name));
    if (defs.length > 1) {
      notes.push(`${name} is defined ${defs.length} times (cells ${defs.map((d) => d.cell + 1).join(", ")}); the last one is graded`);
    }
  }
  // The grading harness's names are the grader's: a submission cannot declare them.
  const kept = declarations.filter((d) => !d.names.some((n) => n.startsWith("__nnlab")));
  if (kept.length < declarations.length) notes.push("declarations of __nnlab names were ignored (the grader's own)");
  return { declarations: dedupe(kept), notes };
}

/** A later declaration of a name replaces earlier ones, as re-running a cell would. Imports are
 *  merged by keeping each distinct import once. */
function dedupe(decls: Declaration[]): Declaration[] {
  const out: Declaration[] = [];
  const seenImports = new Set<string>();
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i];
    if (d.kind === "import") {
      if (seenImports.has(d.text)) continue;
      seenImports.add(d.text);
      out.push(d);
      continue;
    }
    const later = decls.slice(i + 1).some((e) => e.kind !== "import" && e.names.some((n) => d.names.includes(n)));
    if (!later) out.push(d);
  }
  return out;
}
