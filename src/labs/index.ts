// The classic labs' reference solutions, one namespace per lab, under the labs' own function
// names: `import { shallow } from "nnlab"; const [A2, cache] = shallow.forward_propagation(X, parameters)`.
export * as classic from "./classic";
export * as logistic from "./logistic";
export * as shallow from "./shallow";
export * as deep from "./deep";
export * as initialization from "./initialization";
export * as testcases from "./testcases";
export * as cnn from "./cnn";
