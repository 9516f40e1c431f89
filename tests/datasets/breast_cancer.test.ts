// load_breast_cancer against scikit-learn 1.2.1's load_breast_cancer() and numpy's sums of it
// (tests/fixtures/gen_breast_cancer.py writes the fixture).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import * as np from "../../src/np";
import { load_breast_cancer } from "../../src/datasets";
import * as datasets from "../../src/datasets";

interface Fixture {
  shape: number[];
  feature_names: string[];
  target_names: string[];
  first_row: number[];
  last_row: number[];
  column_sums: number[];
  row_sums: number[];
  total: number;
  column_means: number[];
  column_stds: number[];
  target: number[];
  class_counts: number[];
}

const fx = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "datasets", "breast_cancer.json"), "utf8")) as Fixture;

describe("load_breast_cancer", () => {
  const bunch = load_breast_cancer();

  test("shape, dtypes and scikit-learn's names", () => {
    expect(bunch.data.shape).toEqual(fx.shape);
    expect(bunch.data.shape).toEqual([569, 30]);
    expect(bunch.data.dtype).toBe("float64");
    expect(bunch.target.shape).toEqual([569]);
    expect(bunch.target.dtype).toBe("int64");
    expect(bunch.feature_names).toEqual(fx.feature_names);
    expect(bunch.feature_names[0]).toBe("mean radius");
    expect(bunch.feature_names[10]).toBe("radius error");
    expect(bunch.feature_names[29]).toBe("worst fractal dimension");
    expect(bunch.target_names).toEqual(["malignant", "benign"]);
  });

  test("first and last rows as scikit-learn reads them", () => {
    expect(Array.from(bunch.data.data.subarray(0, 30))).toEqual(fx.first_row);
    expect(Array.from(bunch.data.data.subarray(568 * 30))).toEqual(fx.last_row);
    expect(bunch.data.get(0, 0)).toBe(17.99);
    expect(bunch.data.get(0, 3)).toBe(1001);
  });

  test("sums along both axes and in total, bit for bit with numpy", () => {
    expect(Array.from(np.sum(bunch.data, 0).data)).toEqual(fx.column_sums);
    expect(Array.from(np.sum(bunch.data, 1).data)).toEqual(fx.row_sums);
    expect(np.sum(bunch.data)).toBe(fx.total);
  });

  test("column means and standard deviations (what standardizing uses), to 1e-12", () => {
    const mean = np.mean(bunch.data, 0);
    const std = np.std(bunch.data, 0);
    fx.column_means.forEach((m, j) => expect(Math.abs(mean.get(j) - m)).toBeLessThanOrEqual(1e-12 * Math.abs(m)));
    fx.column_stds.forEach((s, j) => expect(Math.abs(std.get(j) - s)).toBeLessThanOrEqual(1e-12 * Math.abs(s)));
  });

  test("targets: 212 malignant (0), 357 benign (1), in scikit-learn's order", () => {
    expect(Array.from(bunch.target.data)).toEqual(fx.target);
    expect(fx.class_counts).toEqual([212, 357]);
    const malignant = bunch.target.data.filter((t) => t === 0).length;
    expect([malignant, 569 - malignant]).toEqual(fx.class_counts);
    expect(bunch.target.get(0)).toBe(0); // the file's first sample is malignant (M in wdbc.data)
  });

  test("each call returns fresh arrays", () => {
    const other = load_breast_cancer();
    other.data.set(0, 0, -1);
    other.feature_names[0] = "changed";
    expect(load_breast_cancer().data.get(0, 0)).toBe(17.99);
    expect(bunch.feature_names[0]).toBe("mean radius");
  });

  test("exported from the datasets namespace", () => {
    expect(datasets.load_breast_cancer).toBe(load_breast_cancer);
  });
});
