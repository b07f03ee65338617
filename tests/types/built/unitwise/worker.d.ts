export * from "../../../../wasm/package/worker.js";
