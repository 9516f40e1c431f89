// The playground's configuration as a URL fragment, so a link reproduces a setup:
// #dataset=spiral&noise=10&train=50&batch=10&features=x1,x2&hidden=4,2&activation=tanh&lr=0.03
//  &reg=none&regRate=0&problem=classification&seed=1
// Parsing is forgiving: a missing or invalid field keeps the default, so old links keep working.
import { DEFAULT_CONFIG, FEATURES, type ActivationName, type DatasetName, type FeatureName, type PlaygroundConfig } from "./config";

/** The limits the page's controls enforce; parseConfig clamps to them. */
export const LIMITS = {
  maxLayers: 6,
  maxUnits: 8,
  noise: [0, 50],
  trainRatio: [10, 90],
  batchSize: [1, 30],
  learningRates: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  regularizationRates: [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
} as const;

const DATASETS: readonly DatasetName[] = ["circle", "xor", "gauss", "spiral"];
const ACTIVATIONS: readonly ActivationName[] = ["relu", "tanh", "sigmoid", "linear"];

/**
 * The configuration as a URL fragment (without the leading "#").
 *
 * @param c - the configuration
 * @returns e.g. "dataset=circle&noise=0&train=50&..."
 * @example location.hash = configToHash(config);
 */
export function configToHash(c: PlaygroundConfig): string {
  const p = new URLSearchParams();
  p.set("dataset", c.dataset);
  p.set("noise", String(c.noise));
  p.set("train", String(c.trainRatio));
  p.set("batch", String(c.batchSize));
  p.set("features", c.features.join(","));
  p.set("hidden", c.hidden.join(","));
  p.set("activation", c.activation);
  p.set("lr", String(c.learningRate));
  p.set("reg", c.regularization);
  p.set("regRate", String(c.regularizationRate));
  p.set("problem", c.problem);
  p.set("seed", String(c.seed));
  return p.toString().replace(/%2C/g, ",");
}

function intIn(v: string | null, lo: number, hi: number, dflt: number): number {
  if (v === null || !/^-?\d+$/.test(v.trim())) return dflt;
  return Math.min(hi, Math.max(lo, parseInt(v, 10)));
}

function numberIn(v: string | null, allowed: readonly number[], dflt: number): number {
  const x = v === null ? NaN : Number(v);
  return allowed.includes(x) ? x : dflt;
}

/**
 * The configuration a URL fragment describes; fields that are missing or invalid take the defaults.
 *
 * @param hash - location.hash, with or without the "#"
 * @returns a complete, valid configuration
 * @example const config = parseConfig(location.hash);
 */
export function parseConfig(hash: string): PlaygroundConfig {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const d = DEFAULT_CONFIG;
  const dataset = p.get("dataset") as DatasetName | null;
  const activation = p.get("activation") as ActivationName | null;
  const reg = p.get("reg");
  const problem = p.get("problem");
  let features = d.features;
  if (p.has("features")) {
    const names = new Set((p.get("features") ?? "").split(","));
    const chosen = FEATURES.map((f) => f.name).filter((n) => names.has(n)) as FeatureName[];
    if (chosen.length > 0) features = chosen;
  }
  let hidden = d.hidden;
  if (p.has("hidden")) {
    const text = (p.get("hidden") ?? "").trim();
    const parts = text === "" ? [] : text.split(",");
    if (parts.length <= LIMITS.maxLayers && parts.every((s) => /^\d+$/.test(s) && +s >= 1 && +s <= LIMITS.maxUnits)) {
      hidden = parts.map(Number);
    }
  }
  const seedText = p.get("seed");
  const seed = seedText !== null && /^\d+$/.test(seedText) && +seedText <= 0xffffffff ? +seedText : d.seed;
  return {
    dataset: dataset && DATASETS.includes(dataset) ? dataset : d.dataset,
    noise: intIn(p.get("noise"), LIMITS.noise[0], LIMITS.noise[1], d.noise),
    trainRatio: intIn(p.get("train"), LIMITS.trainRatio[0], LIMITS.trainRatio[1], d.trainRatio),
    batchSize: intIn(p.get("batch"), LIMITS.batchSize[0], LIMITS.batchSize[1], d.batchSize),
    features: [...features],
    hidden: [...hidden],
    activation: activation && ACTIVATIONS.includes(activation) ? activation : d.activation,
    learningRate: numberIn(p.get("lr"), LIMITS.learningRates, d.learningRate),
    regularization: reg === "L1" || reg === "L2" || reg === "none" ? reg : d.regularization,
    regularizationRate: numberIn(p.get("regRate"), LIMITS.regularizationRates, d.regularizationRate),
    problem: problem === "regression" || problem === "classification" ? problem : d.problem,
    seed,
  };
}
