// The docstrings a notebook user sees. Shift+Tab in a tslab cell asks the kernel's TypeScript
// language service for quick info at the cursor; this test does the same over a virtual file that
// imports the public namespaces and names every function, class and public method in them
// (`nn.sigmoid;`, `classic.Perceptron;`, `(undefined as unknown as classic.Perceptron).fit;`), and
// requires each to show a summary, an `@example`, a `@param` per parameter and, when it returns
// something, `@returns`. The rule itself is in docs/contributing.md.
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
  { name: "testcases", complete: true },
  { name: "datasets", complete: true },
  { name: "plot", complete: true },
  { name: "np", complete: false }, // documented later: counted and printed, not failed
];

const ROOT = join(__dirname, "..");
const PROBE = join(ROOT, "__docs_probe__.ts");
/** A module standing in for a careless contributor, to show the check catches an undocumented export. */
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

const IMPORTS =
  `import { ${NAMESPACES.map((n) => n.name).join(", ")} } from "./src/index";\n` +
  `import * as sample from "./__docs_sample__";\n`;

function isProjectDeclaration(d: ts.Declaration): boolean {
  const file = d.getSourceFile().fileName;
  return !file.includes("/node_modules/") && !file.endsWith(".d.ts");
}

function parameterNames(signatures: readonly ts.Signature[]): string[] {
  const names = signatures.flatMap((s) => s.getParameters().map((p) => p.getName()));
  return [...new Set(names)].filter((n) => n !== "this");
}

function returnsSomething(checker: ts.TypeChecker, signatures: readonly ts.Signature[]): boolean {
  return signatures.some((s) => !(checker.getReturnTypeOfSignature(s).flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)));
}

function isPublicMember(symbol: ts.Symbol): boolean {
  if (symbol.getName().startsWith("#") || symbol.getName() === "prototype") return false;
  return (symbol.declarations ?? []).every(
    (d) => isProjectDeclaration(d) && !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)),
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

/** What is missing from the quick info of each probe ([] when complete), by label. */
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

function checkAll(): { probes: Probe[]; missing: Map<string, string[]> } {
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
  const missing = new Map<string, string[]>();
  probes.forEach((p, i) => missing.set(p.label, problems(service.getQuickInfoAtPosition(PROBE, positions[i]), p)));
  return { probes, missing };
}

describe("docstrings shown by Shift+Tab", () => {
  const { probes, missing } = checkAll();
  const undocumented = (namespace: string) =>
    probes.filter((p) => p.namespace === namespace && missing.get(p.label)!.length > 0).map((p) => `${p.label}: ${missing.get(p.label)!.join(", ")}`);

  it("catches an undocumented function", () => {
    expect(undocumented("sample")).toEqual(["sample.undocumented: summary, @example, @param x, @returns"]);
  });

  for (const { name, complete } of NAMESPACES) {
    const count = probes.filter((p) => p.namespace === name).length;
    it(`${name}: ${complete ? "every function documented" : "documentation counted"} (${count} names)`, () => {
      expect(count).toBeGreaterThan(0);
      const missingHere = undocumented(name);
      if (complete) {
        expect(missingHere).toEqual([]);
      } else {
        console.log(`${name}: ${missingHere.length} of ${count} functions, classes and methods not fully documented yet`);
      }
    });
  }
});
