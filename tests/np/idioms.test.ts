// The numpy idioms of the classic labs (docs/numpy-coverage.md), run in nnlab and compared with
// numpy 1.24's printed results, recorded by tests/fixtures/gen_idioms.py. Each nnlab spelling is
// JavaScript as a tslab cell runs it: it is evaluated with `np` in scope after the same seeded
// setup as the Python side, and str()/repr() of its last expression (or the exception's class and
// message) must equal numpy's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as np from "../../src/np";

interface Printed {
  str?: string;
  repr?: string;
  error?: { type: string; message: string };
}
interface Idiom {
  id: number;
  lab: string;
  py: string;
  ts: string;
  status: "identical" | "different" | "missing";
  why: string;
  kind: "int" | "tuple" | "ints" | null;
  equiv: string | null;
  needs: string | null;
  missing: string | null;
  python: Printed;
  python_equiv?: Printed;
}
interface Fixture {
  setup_ts: string;
  idioms: Idiom[];
  table: string;
}

const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/idioms/idioms.json"), "utf8")) as Fixture;
const npAny = np as unknown as Record<string, unknown>;

/** Runs an nnlab spelling: the setup, its statements, then its last line's value. */
function run(code: string): unknown {
  const lines = code.split("\n");
  const body = `${fx.setup_ts}\n${lines.slice(0, -1).join("\n")}\nreturn (${lines[lines.length - 1]});`;
  return new Function("np", body)(np);
}

/** What Python prints for the value a JS value stands for. */
function printed(code: string, kind: Idiom["kind"]): Printed {
  let v: unknown;
  try {
    v = run(code);
  } catch (e) {
    return { error: { type: (e as Error).name, message: (e as Error).message } };
  }
  const int = (x: unknown) => {
    if (typeof x !== "number" || !Number.isInteger(x)) throw new Error(`expected an integer, got ${String(x)}`);
    return String(x);
  };
  if (kind === "int") return { str: int(v), repr: int(v) };
  if (kind === "tuple" || kind === "ints") {
    const items = (v as unknown[]).map(int);
    const text = kind === "ints" ? `[${items.join(", ")}]` : items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
    return { str: text, repr: text };
  }
  return { str: np.str(v), repr: np.repr(v) };
}

const label = (it: Idiom) => `#${it.id} ${it.py.replace(/\n/g, "; ")}`;

describe("the labs' numpy idioms print the same in nnlab (docs/numpy-coverage.md)", () => {
  const byLab = new Map<string, Idiom[]>();
  for (const it of fx.idioms) byLab.set(it.lab, [...(byLab.get(it.lab) ?? []), it]);
  for (const [lab, idioms] of byLab) {
    describe(lab, () => {
      for (const it of idioms) {
        if (it.status === "missing") {
          test(`${label(it)}: np.${it.missing} is missing`, () => {
            expect(npAny[it.missing!]).toBeUndefined();
          });
        } else {
          test(`${label(it)}: ${it.status}${it.needs ? ` (needed ${it.needs})` : ""}`, () => {
            expect(printed(it.ts, it.kind)).toEqual(it.python_equiv ?? it.python);
            if (it.python_equiv) expect(it.python_equiv).not.toEqual(it.python);
          });
        }
      }
    });
  }
});

describe("docs/numpy-coverage.md", () => {
  const doc = readFileSync(join(__dirname, "../../docs/numpy-coverage.md"), "utf8");

  test("its table is the one generated from the fixture (regenerate with gen_idioms.py)", () => {
    const m = /<!-- idioms:start -->\n([\s\S]*?)\n<!-- idioms:end -->/.exec(doc);
    expect(m?.[1]).toBe(fx.table);
  });

  test("at least 100 idioms, every lab covered", () => {
    expect(fx.idioms.length).toBeGreaterThanOrEqual(100);
    const labs = new Set(fx.idioms.map((it) => it.lab.split(" ")[0]));
    for (const lab of ["C1W2", "C1W3", "C1W4", "C2W1", "C2W2", "C4W1"]) expect(labs.has(lab), lab).toBe(true);
  });

  test("every idiom that is not identical says why", () => {
    for (const it of fx.idioms) if (it.status === "different") expect(it.why, label(it)).not.toBe("");
  });
});
