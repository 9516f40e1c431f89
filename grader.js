// `require("nnlab/grader")` for Node's and TypeScript's classic resolution (tslab ignores "exports").
module.exports = require("./dist/grader/index.js");
