// Runs an emcc-built test program under Node: node run.cjs PROGRAM.cjs [ARGS...]. emcc 3.1.6 loads its .wasm
// with fetch() whenever one exists, and Node's fetch cannot read a file path; without fetch it reads the file.
const { resolve } = require("node:path");

const program = resolve(process.argv[2]);
process.argv.splice(2, 1); // the program sees its own arguments only
globalThis.fetch = undefined;
require(program);
