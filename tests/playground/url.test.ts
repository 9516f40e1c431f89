import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type PlaygroundConfig } from "../../src/playground/config";
import { configToHash, parseConfig } from "../../src/playground/url";

describe("playground URL state", () => {
  it("round-trips every field", () => {
    const c: PlaygroundConfig = {
      dataset: "spiral", noise: 35, trainRatio: 80, batchSize: 3, features: ["x2", "x1sq", "sinx2"], hidden: [8, 1, 6, 2, 3, 4],
      activation: "linear", learningRate: 0.003, regularization: "L1", regularizationRate: 0.3, problem: "regression", seed: 4294967295,
    };
    expect(parseConfig(`#${configToHash(c)}`)).toEqual(c);
    expect(parseConfig(configToHash({ ...c, hidden: [] })).hidden).toEqual([]);
    expect(configToHash(c)).toContain("features=x2,x1sq,sinx2");
  });

  it("keeps the defaults for missing or invalid fields", () => {
    expect(parseConfig("")).toEqual(DEFAULT_CONFIG);
    const p = parseConfig("#dataset=moons&noise=99&train=5&batch=x&features=zz&hidden=9,2&activation=elu&lr=0.02&reg=L3&regRate=-1&problem=x&seed=-4");
    expect(p).toEqual({ ...DEFAULT_CONFIG, noise: 50, trainRatio: 10 });
  });
});
