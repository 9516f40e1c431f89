// The docstrings a notebook user sees. Shift+Tab in a tslab cell asks the kernel's TypeScript
// language service for quick info at the cursor; this test does the same over a virtual file that
// imports the public namespaces and names every function, class and public method in them
// (`nn.sigmoid;`, `classic.Perceptron;`, `(undefined as unknown as classic.Perceptron).fit;`), and
// requires each to show a summary, an `@example`, a `@param` per parameter and, when it returns
// something, `@returns`; each example must compile (names it takes from earlier cells, such as X
// or parameters, aside). The rule itself is in docs/contributing.md.
// It reads src/ by default; NNLAB_DOCS_ENTRY=./dist/index checks the built .d.ts files instead,
// which is what notebooks see through `import ... from "nnlab"` (run `npm run build` first).
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The namespaces of src/index.ts that are checked. `complete: false` only counts what is missing. */
const NAMESPACES: readonly { name: string; complete: boolean }[] = [
  { name: "nn", complete: true },
  { name: "classic", complete: true },
  { name: "logistic", complete: true },
  { name: "shallow", complete: true },
  { name: "deep", complete: true },
  { name: "initialization", complete: true },
  { name: "cnn", complete: true },
  { name: "keras", complete: true },
  { name: "testcases", complete: true },
  { name: "datasets", complete: true },
  { name: "plot", complete: true },
  { name: "np", complete: true },
];

const ROOT = join(__dirname, "..");
const PROBE = join(ROOT, "__docs_probe__.ts");
/** A module standing in for a careless contributor: the check must catch its undocumented export and its broken example. */
const SAMPLE = join(ROOT, "__docs_sample__.ts");
const SAMPLE_SOURCE = `
/**
 * Doubles a number.
 * @param x - the number
 * @returns 2 * x
 * @example const y = sample.documented(2);
 */
export function documented(x: number): number { return 2 * x; }
export function undocumented(x: number): number { return x; }
/**
 * Triples a number.
 * @param x - the number
 * @returns 3 * x
 * @example const y = sample.tripled("two", x_from_an_earlier_cell);
 */
export function tripled(x: number): number { return 3 * x; }
`;

/** One name to ask quick info about: how to write it in the probe, and what it must document. */
interface Probe {
  label: string;
  namespace: string;
  /** The probe expression; quick info is asked at the start of its last identifier. */
  expression: string;
  params: string[];
  returns: boolean;
}

function createService(): { service: ts.LanguageService; setProbe(text: string): void } {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("cannot read tsconfig.json");
  const virtual = new Map<string, { text: string; version: number }>([
    [PROBE, { text: "", version: 0 }],
    [SAMPLE, { text: SAMPLE_SOURCE, version: 0 }],
  ]);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...config.options, noEmit: true, rootDir: ROOT }),
    getScriptFileNames: () => [PROBE],
    getScriptVersion: (f) => String(virtual.get(f)?.version ?? 0),
    getScriptSnapshot: (f) => {
      const text = virtual.get(f)?.text ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    fileExists: (f) => virtual.has(f) || ts.sys.fileExists(f),
    readFile: (f) => virtual.get(f)?.text ?? ts.sys.readFile(f),
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    service,
    setProbe(text: string) {
      const entry = virtual.get(PROBE)!;
      entry.text = text;
      entry.version++;
    },
  };
}

const ENTRY = process.env.NNLAB_DOCS_ENTRY ?? "./src/index";
const IMPORTS =
  `import { ${NAMESPACES.map((n) => n.name).join(", ")} } from "${ENTRY}";\n` +
  `import * as sample from "./__docs_sample__";\n`;

/** Declared in nnlab (src/ or dist/), not in TypeScript's lib or a dependency. */
function isProjectDeclaration(d: ts.Declaration): boolean {
  const file = d.getSourceFile().fileName;
  return file.startsWith(ROOT + "/") && !file.includes("/node_modules/");
}

function parameterNames(signatures: readonly ts.Signature[]): string[] {
  const names = signatures.flatMap((s) => s.getParameters().map((p) => p.getName()));
  return [...new Set(names)].filter((n) => n !== "this");
}

function returnsSomething(checker: ts.TypeChecker, signatures: readonly ts.Signature[]): boolean {
  return signatures.some((s) => !(checker.getReturnTypeOfSignature(s).flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)));
}

/** Declared with an `@internal` tag: not public API, whatever its modifiers. */
function isInternal(d: ts.Declaration): boolean {
  return ts.getJSDocTags(d).some((t) => t.tagName.text === "internal");
}

function isPublicMember(symbol: ts.Symbol): boolean {
  if (symbol.getName().startsWith("#") || symbol.getName() === "prototype") return false;
  // Symbol-keyed members ([inspect.custom], [Symbol.toPrimitive]) have no name a student can
  // write after a dot, so Shift+Tab never shows them (and a probe cannot name them).
  if (symbol.getName().startsWith("__@")) return false;
  return (symbol.declarations ?? []).every(
    (d) =>
      isProjectDeclaration(d) &&
      !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) &&
      !isInternal(d),
  );
}

/** Every function, class (and its public methods), and function member of an exported object literal under `path`. */
function collect(checker: ts.TypeChecker, namespace: string, path: string, module: ts.Symbol, out: Probe[]): void {
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
    const name = `${path}.${exported.getName()}`;
    if (symbol.flags & ts.SymbolFlags.ValueModule) {
      collect(checker, namespace, name, symbol, out);
      continue;
    }
    const type = checker.getTypeOfSymbol(symbol);
    if (symbol.flags & ts.SymbolFlags.Class) {
      const ctors = type.getConstructSignatures();
      out.push({ label: name, namespace, expression: name, params: parameterNames(ctors), returns: false });
      const methods = (of: ts.Type, prefix: string) => {
        for (const member of checker.getPropertiesOfType(of)) {
          if (!(member.flags & ts.SymbolFlags.Method) || !isPublicMember(member)) continue;
          const signatures = checker.getTypeOfSymbol(member).getCallSignatures();
          out.push({
            label: `${name}${prefix}${member.getName()}`, namespace,
            expression: prefix === "." ? `${name}.${member.getName()}` : `(undefined as unknown as ${name}).${member.getName()}`,
            params: parameterNames(signatures), returns: returnsSomething(checker, signatures),
          });
        }
      };
      methods(checker.getDeclaredTypeOfSymbol(symbol), "#");
      methods(type, ".");
      continue;
    }
    const signatures = type.getCallSignatures();
    if (signatures.length > 0) {
      out.push({ label: name, namespace, expression: name, params: parameterNames(signatures), returns: returnsSomething(checker, signatures) });
      continue;
    }
    // An object literal of functions (testcases.shallow, np.linalg): its members are what users call.
    for (const member of checker.getPropertiesOfType(type)) {
      if (!(member.declarations ?? []).some(isProjectDeclaration)) continue;
      const memberSignatures = checker.getTypeOfSymbol(member).getCallSignatures();
      if (memberSignatures.length === 0) continue;
      out.push({
        label: `${name}.${member.getName()}`, namespace, expression: `${name}.${member.getName()}`,
        params: parameterNames(memberSignatures), returns: returnsSomething(checker, memberSignatures),
      });
    }
  }
}

function text(parts: ts.SymbolDisplayPart[] | undefined): string {
  return ts.displayPartsToString(parts).trim();
}

/** What is missing from a probe's quick info ([] when complete). */
function problems(info: ts.QuickInfo | undefined, probe: Probe): string[] {
  if (!info) return ["no quick info"];
  const missing: string[] = [];
  const tags = info.tags ?? [];
  if (text(info.documentation) === "") missing.push("summary");
  if (!tags.some((t) => t.name === "example" && text(t.text) !== "")) missing.push("@example");
  const documented = new Set(tags.filter((t) => t.name === "param").map((t) => text(t.text).split(/\s/)[0]));
  for (const p of probe.params) if (!documented.has(p)) missing.push(`@param ${p}`);
  if (probe.returns && !tags.some((t) => (t.name === "returns" || t.name === "return") && text(t.text) !== "")) {
    missing.push("@returns");
  }
  return missing;
}

/** Diagnostics that only say an example uses a name a student defines in an earlier cell (X, parameters, ...). */
const UNDEFINED_NAME = new Set([2304, 2552, 18004]);

/** Per probe: what its docstring lacks, and the compile errors of its `@example`. */
interface Result {
  missing: string[];
  exampleErrors: string[];
}

function checkAll(): { probes: Probe[]; results: Map<string, Result> } {
  const { service, setProbe } = createService();
  setProbe(IMPORTS);
  const program = service.getProgram()!;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(PROBE)!;
  const probes: Probe[] = [];
  const namespaces = [...NAMESPACES.map((n) => n.name), "sample"];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const bindings = statement.importClause.namedBindings;
    const names = ts.isNamespaceImport(bindings) ? [bindings.name] : bindings.elements.map((e) => e.name);
    for (const id of names) {
      if (!namespaces.includes(id.text)) continue;
      const alias = checker.getSymbolAtLocation(id);
      if (!alias) throw new Error(`cannot resolve ${id.text}`);
      collect(checker, id.text, id.text, checker.getAliasedSymbol(alias), probes);
    }
  }
  // One probe per line, then one quick-info request at each probe's last identifier.
  let probeText = IMPORTS;
  const positions: number[] = [];
  for (const p of probes) {
    positions.push(probeText.length + p.expression.lastIndexOf(".") + 1);
    probeText += `${p.expression};\n`;
  }
  setProbe(probeText);
  const results = new Map<string, Result>();
  const examples: { label: string; start: number; end: number }[] = [];
  let examplesText = probeText;
  probes.forEach((p, i) => {
    const info = service.getQuickInfoAtPosition(PROBE, positions[i]);
    results.set(p.label, { missing: problems(info, p), exampleErrors: [] });
    const example = info?.tags?.find((t) => t.name === "example");
    if (example) {
      const block = `{ ${text(example.text)}\n}\n`;
      examples.push({ label: p.label, start: examplesText.length, end: examplesText.length + block.length });
      examplesText += block;
    }
  });
  // Every example in a block of its own after the probes: it must compile, apart from the names
  // it takes from earlier cells.
  setProbe(examplesText);
  const diagnostics = [...service.getSyntacticDiagnostics(PROBE), ...service.getSemanticDiagnostics(PROBE)];
  for (const d of diagnostics) {
    if (d.start === undefined || UNDEFINED_NAME.has(d.code)) continue;
    const owner = examples.find((e) => d.start! >= e.start && d.start! < e.end);
    if (owner) results.get(owner.label)!.exampleErrors.push(ts.flattenDiagnosticMessageText(d.messageText, " "));
  }
  return { probes, results };
}

describe("docstrings shown by Shift+Tab", () => {
  const { probes, results } = checkAll();
  const report = (namespace: string, field: keyof Result) =>
    probes
      .filter((p) => p.namespace === namespace && results.get(p.label)![field].length > 0)
      .map((p) => `${p.label}: ${results.get(p.label)![field].join(", ")}`);

  it("catches an undocumented function and an example that does not compile", () => {
    expect(report("sample", "missing")).toEqual(["sample.undocumented: summary, @example, @param x, @returns"]);
    expect(report("sample", "exampleErrors")).toEqual(["sample.tripled: Expected 1 arguments, but got 2."]);
  });

  for (const { name, complete } of NAMESPACES) {
    const count = probes.filter((p) => p.namespace === name).length;
    it(`${name}: ${complete ? "every function documented" : "documentation counted"} (${count} names)`, () => {
      expect(count).toBeGreaterThan(0);
      const missing = report(name, "missing");
      const broken = report(name, "exampleErrors");
      if (complete) {
        expect(missing).toEqual([]);
        expect(broken).toEqual([]);
      } else {
        const bare = probes.filter((p) => p.namespace === name && results.get(p.label)!.missing.includes("summary")).length;
        console.log(
          `${name}: ${missing.length} of ${count} functions, classes and methods not fully documented yet ` +
            `(${bare} without any docstring); ${broken.length} examples do not compile`,
        );
      }
    });
  }
});
