export * from "../../../../wasm/package/index.js";
