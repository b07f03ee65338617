export * from "../../../../wasm/package/zip.js";
