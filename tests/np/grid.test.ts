import { describe, expect, test } from "vitest";
import { meshgrid, r_, c_, type ConcatItem, type MeshgridOptions } from "../../src/np/grid";
import { arange } from "../../src/np/creation";
import { array } from "../../src/np/convert";
import { expectNumpyError } from "../helpers/errors";
import { dec, expectSame, load, type NumpyError, type Rec } from "../fixtures/np_extra/fixture";

type ItemSpec = string | { int: number } | { float: number } | { bool: boolean };
interface Fixture {
  arrays: Record<string, Rec>;
  meshgrid: { inputs: string[]; kwargs: MeshgridOptions; expected?: Rec[]; error?: NumpyError }[];
  boundary: { x_min: number; x_max: number; y_min: number; y_max: number; h: number; xx: Rec; yy: Rec; grid: Rec };
  concat: { fn: "r_" | "c_"; items: ItemSpec[]; expected?: Rec; error?: NumpyError }[];
}

const fx = load<Fixture>("grid.json");

function item(s: ItemSpec): ConcatItem {
  if (typeof s === "string") return Object.hasOwn(fx.arrays, s) ? dec(fx.arrays[s]) : s;
  if ("int" in s) return s.int;
  if ("float" in s) return s.float;
  return s.bool;
}

describe("np.meshgrid matches numpy 1.24", () => {
  for (const c of fx.meshgrid) {
    const label = `np.meshgrid(${c.inputs.join(", ")}, ${JSON.stringify(c.kwargs)})`;
    test(label, () => {
      const args = c.inputs.map((n) => dec(fx.arrays[n]));
      const call = () => (Object.keys(c.kwargs).length ? meshgrid(...args, c.kwargs) : meshgrid(...args));
      if (c.error) return expectNumpyError(call, c.error, label);
      const out = call();
      expect(out.length).toBe(c.expected!.length);
      out.forEach((g, i) => expectSame(g, c.expected![i], c.expected![i].shape, `${label}[${i}]`));
    });
  }

  test("the planar lab's decision-boundary grid: meshgrid of two aranges, then np.c_[xx.ravel(), yy.ravel()]", () => {
    const b = fx.boundary;
    const [xx, yy] = meshgrid(arange(b.x_min, b.x_max, b.h), arange(b.y_min, b.y_max, b.h));
    expectSame(xx, b.xx);
    expectSame(yy, b.yy);
    expectSame(c_(xx.ravel(), yy.ravel()), b.grid);
  });

  test("grids are new arrays: writing one leaves the inputs and the other grids alone", () => {
    const x = array([1, 2, 3]);
    const [xx, yy] = meshgrid(x, array([4, 5]));
    xx.set(0, 0, 100);
    expect([x.get(0), xx.get(1, 0), yy.get(0, 0)]).toEqual([1, 1, 4]);
  });
});

describe("np.r_ and np.c_ (numpy's r_[...] and c_[...]) match numpy 1.24", () => {
  for (const c of fx.concat) {
    const label = `np.${c.fn}[${c.items.map((s) => (typeof s === "string" ? s : JSON.stringify(s))).join(", ")}]`;
    test(label, () => {
      const f = c.fn === "r_" ? r_ : c_;
      const call = () => f(...c.items.map(item));
      if (c.error) expectNumpyError(call, c.error, label);
      else expectSame(call(), c.expected!, c.expected!.shape, label);
    });
  }

  test("nested JS arrays are array_likes (float64, as np.array makes them)", () => {
    expect(r_([1, 2], [3]).repr()).toBe("array([1., 2., 3.])");
    expect(c_([1, 2], [3, 4]).repr()).toBe("array([[1., 3.],\n       [2., 4.]])");
  });

  test("the matrix directives are refused", () => {
    expect(() => r_("r", array([1, 2]))).toThrow("the matrix directives 'r' and 'c' are not supported: nnlab has no np.matrix");
  });
});
