// The Emscripten glue the wasm build writes (build/wasm/unitwise.js, copied beside index.js): what index.js uses
// of it, as wasm/bindings.cpp binds it. Results come back as an address of four numbers (bindings.cpp HandOver).
export interface UnitwiseModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  evaluateJsonText(visit: string, form: number): number;
  inputBuffer(bytes: number): number;
  evaluateInput(length: number, form: number): number;
  evaluateEpisodeJsonText(episode: string, form: number): number;
  addPackFile(pack: number, name: string, text: string): void;
  /** "" when every pack was taken; otherwise one problem a line. */
  usePacks(): string;
  addImportFile(name: string, archive: string, length: number): void;
  importCms(effective: string): string;
  version(): string;
  dataVersions(): string;
  catalogue(): string;
  suggestCodes(code: string): string;
  localities(date: string): string;
  findLocality(text: string, date: string): string;
}

export interface UnitwiseModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (name: string) => string;
  /** Emscripten's hook: instantiate the module yourself (index.js, for a Module compiled already). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
}

export default function createUnitwise(options?: UnitwiseModuleOptions): Promise<UnitwiseModule>;
