// The browser bundle's entry (dist/browser/nnlab.js, a script that sets the global `nnlab`):
// np, nn and the seeded data-set generators, without the loaders that read files in Node.
import * as np from "../np";
import * as nn from "../nn";
import * as datasets from "../datasets/generators";

export { np, nn, datasets };
