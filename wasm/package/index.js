// unitwise: the ES-module wrapper over the WebAssembly engine (the browser entry: it imports nothing from node:).
// createEngine() loads the module once; evaluate() is a pure function of the visit and never throws.
import createUnitwise from "./unitwise.js";
/** @import { CmsFileInput, DataPack, Engine, EngineOptions, ImportCmsOptions, ImportedPack } from "./index.js" */
/** @import { UnitwiseModule } from "./unitwise.js" */

// The engine refuses a visit over 4 MiB (core/src/visit_json.cpp); the wrapper refuses it first, before copying
// it into wasm memory, which can grow but never shrinks.
const LIMIT_BYTES = 4 * 1024 * 1024;
const DIRECT_CHARS = 64 * 1024; // visits up to this many UTF-16 units are written by TextEncoder (below)
const EPISODE_LIMIT_BYTES = 16 * 1024 * 1024; // kMaxEpisodeBytes (core/include/unitwise/episode.h)
const PACK_LIMIT_BYTES = 64 * 1024 * 1024; // kMaxPackBytes (core/include/unitwise/data_limits.h)
const isNode = typeof globalThis.process?.versions?.node === "string";
const [FORM_UTF8, FORM_LATIN1, FORM_ASCII] = [0, 1, 2]; // the forms a result leaves wasm memory in (wasm/hand_over.h Form)

/**
 * Loads the engine. Options: `wasmModule` (the .wasm compiled), `wasmBinary` (its bytes) or `locateFile(name)`
 * (where the .wasm is served).
 * Without either, the .wasm is fetched from beside this file: `new URL("./unitwise.wasm", import.meta.url)`,
 * which Vite and webpack 5 follow and copy into the build.
 * @param {EngineOptions} [options]
 * @returns {Promise<Engine>}
 */
export async function createEngine(options = {}) {
  let moduleOptions;
  if (options.wasmModule) {
    // Compiled already (WebAssembly.compileStreaming, or a Module another thread compiled and sent here): only
    // instantiated. A Module shares its compiled code between the threads that hold it.
    const compiled = options.wasmModule;
    moduleOptions = {
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
        return {};
      },
    };
  } else if (options.wasmBinary) moduleOptions = { wasmBinary: options.wasmBinary };
  else if (options.locateFile) moduleOptions = { locateFile: options.locateFile };
  else if (isNode)
    throw new Error('unitwise: in Node, import "unitwise" (index.node.js reads the .wasm) or pass wasmBinary');
  else {
    const wasmUrl = viteDevDependency()
      ? packageFile("unitwise.wasm")
      : new URL("./unitwise.wasm", import.meta.url).href;
    moduleOptions = { locateFile: () => wasmUrl };
  }
  const wasm = await createUnitwise(moduleOptions);
  if (options.data !== undefined) usePacks(wasm, options.data);
  const handOver = resultReader(wasm);
  // A visit of usual size is written into wasm memory by TextEncoder, natively; Embind's string conversion is a
  // JS loop (3% of a call). Only well-formed text: encodeInto would turn a lone surrogate into U+FFFD where Embind
  // writes bytes the engine refuses as not UTF-8, and the answer must not depend on the path.
  const encoder = new TextEncoder();
  const direct = (text) =>
    text.length <= DIRECT_CHARS && typeof text.isWellFormed === "function" && text.isWellFormed();
  // form: how the result leaves wasm memory (resultReader below): handOver.form for evaluateJson, byte for byte the
  // engine's text; ASCII for the results evaluate() parses itself.
  const evaluateText = (text, form = handOver.form) => {
    if (typeof text !== "string") return errorJson("evaluateJson takes the visit as a JSON string");
    if (text.length * 3 + 1 > LIMIT_BYTES) {
      // the cheap bound; count only a string that may be too long
      const bytes = utf8Bytes(text);
      if (bytes > LIMIT_BYTES) return tooLarge(bytes);
    }
    if (!direct(text)) return handOver(wasm.evaluateJsonText(text, form));
    const room = text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
    const at = wasm.inputBuffer(room); // may grow the memory, so HEAPU8 is read after it
    const { written } = encoder.encodeInto(text, wasm.HEAPU8.subarray(at, at + room));
    return handOver(wasm.evaluateInput(written, form));
  };

  const evaluateEpisodeText = (text, form = handOver.form) => {
    if (typeof text !== "string") return episodeErrorJson("evaluateEpisodeJson takes the episode as a JSON string");
    if (text.length * 3 + 1 > EPISODE_LIMIT_BYTES) {
      const bytes = utf8Bytes(text);
      if (bytes > EPISODE_LIMIT_BYTES) return episodeTooLarge(bytes);
    }
    return handOver(wasm.evaluateEpisodeJsonText(text, form));
  };

  // satisfies: tsc holds this object to index.d.ts's Engine, a member too many or too few included.
  return Object.freeze(
    /** @satisfies {Engine} */ ({
      /** Visit JSON string in, result JSON string out: the raw entry point. Never throws. */
      evaluateJson: (text) => evaluateText(text),
      /**
       * Visit object in, result object out. Never throws: a bad visit (or any other value) gives ok:false.
       * @param {unknown} visit
       */
      evaluate(visit) {
        // A long string is refused from its length, not from a copy of it written as JSON.
        if (typeof visit === "string" && visit.length > LIMIT_BYTES)
          return JSON.parse(tooLarge(jsonStringBytes(visit)));
        let text;
        try {
          text = JSON.stringify(visit);
        } catch (error) {
          return JSON.parse(errorJson(`the visit cannot be written as JSON: ${describe(error)}`));
        }
        if (text === undefined) return JSON.parse(errorJson("a visit must be a JSON object"));
        return JSON.parse(evaluateText(text, FORM_ASCII));
      },
      /** Episode JSON string in, episode result JSON string out (docs/episodes.md). Never throws. */
      evaluateEpisodeJson: (text) => evaluateEpisodeText(text),
      /**
       * One plan of care's visits, in date order, in; the visits' results and the episode's alerts out. Never throws.
       * @param {unknown} episode
       */
      evaluateEpisode(episode) {
        if (typeof episode === "string" && episode.length > EPISODE_LIMIT_BYTES) {
          return JSON.parse(episodeTooLarge(jsonStringBytes(episode)));
        }
        let text;
        try {
          text = JSON.stringify(episode);
        } catch (error) {
          return JSON.parse(episodeErrorJson(`the episode cannot be written as JSON: ${describe(error)}`));
        }
        if (text === undefined) return JSON.parse(episodeErrorJson("an episode must be a JSON object"));
        return JSON.parse(evaluateEpisodeText(text, FORM_ASCII));
      },
      /**
       * CMS's files as downloaded (the RVU, MUE or NCCI PTP zips, or the csv/txt files in them) in; a data pack out,
       * with what was imported and what was left out. Rejects with an Error whose `errors` name each problem.
       */
      importCms: (files, importOptions) => importCms(wasm, files, importOptions),
      /** Replaces the packs layered over the built-in data (an empty array: the built-in data alone). */
      setData(data) {
        usePacks(wasm, data);
      },
      version: () => wasm.version(),
      dataVersions: () => JSON.parse(wasm.dataVersions()),
      catalogue: () => JSON.parse(wasm.catalogue()),
      /** Did-you-mean for a code outside the catalogue ("97100" → ["97110", …]), at most three: the engine's own rule. */
      suggestCodes: (code) => wasm.suggestCodes(String(code).trim().toUpperCase()).split(" ").filter(Boolean),
      /** The payment localities in force on a date ("YYYY-MM-DD"; a bare year means its 1 July). */
      localities: (date) => JSON.parse(wasm.localities(localityDate(date))),
      /**
       * The localities a place may mean ("Miami, FL", "Travis County, TX", "Manhattan NY", "Texas" or a code) on a
       * date (default today): one is the answer, several a choice, none nothing found. A visit's `locality` takes
       * the same places and is an error when they name several.
       */
      findLocality: (text, date = isoToday()) => {
        if (typeof text !== "string")
          throw new TypeError(`unitwise: findLocality takes a place as text, not ${typeof text}`);
        return JSON.parse(wasm.findLocality(text, localityDate(date)));
      },
      /**
       * The FHIR R4 Claim of a result and the visit it came from (docs/fhir.md), the same as `unitwise evaluate
       * --fhir`. options: { patient, provider, insurance, created }. Never throws: a problem is { ok: false, errors }.
       */
      toFhirClaim: (result, visit, claimOptions) => toFhirClaim(wasm, result, visit, claimOptions),
      /** The size of the engine's wasm memory in bytes: it grows with the largest visit and never shrinks. */
      memoryBytes: () => wasm.HEAPU8.length,
    }),
  );
}

// The claim is built in the engine (core/src/json/fhir_claim.cpp) from the JSON texts, so the CLI, the package and
// the element give the same claim; what cannot be written as JSON comes back as an error value, never thrown.
const CLAIM_LIMIT_BYTES = 64 * 1024 * 1024; // a result with its trace is far below; bounds the copy into wasm
function toFhirClaim(wasm, result, visit, options) {
  const texts = [];
  for (const [name, value] of [
    ["result", result],
    ["visit", visit],
    ["options", options ?? {}],
  ]) {
    let text;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      return claimError(`/${name}`, `cannot be written as JSON: ${describe(error)}`);
    }
    if (text === undefined) return claimError(`/${name}`, "must be an object");
    if (text.length * 3 > CLAIM_LIMIT_BYTES && utf8Bytes(text) > CLAIM_LIMIT_BYTES) {
      return claimError(`/${name}`, "is over 64 MiB");
    }
    texts.push(text);
  }
  return JSON.parse(wasm.fhirClaim(...texts));
}

const claimError = (path, message) => ({ ok: false, errors: [{ path, message }] });

// Reads a call's result from wasm memory before the next call reuses it: four numbers at the address the call
// returned (wasm/hand_over.h HandOver). Browsers decode UTF-8 with TextDecoder, the fastest way there. Node gets
// Latin-1 bytes, which Buffer copies into a one-byte string, and splices in the few characters past U+00FF
// ("→", "–"): several times faster than decoding UTF-8 (docs/performance.md). A result holding many such
// characters comes as UTF-8. A result in ASCII (the form evaluate() asks for) is one Latin-1 slice in Node and
// TextDecoder's ASCII fast path in browsers.
/** @param {UnitwiseModule} wasm */
function resultReader(wasm) {
  const UTF8 = 0xffffffff; // kUtf8
  const nodeBuffer =
    isNode && typeof globalThis.Buffer?.prototype?.latin1Slice === "function" ? globalThis.Buffer : null;
  const decoder = new TextDecoder();
  // A Buffer over wasm memory, made again when the memory grows (its ArrayBuffer changes). latin1Slice and
  // utf8Slice are what toString(encoding, start, end) calls, without its checks: 2 µs a result. A runtime whose
  // Buffer lacks them (or that has no Buffer) takes the browsers' way.
  let heap = null;
  const read = (address) => {
    const words = wasm.HEAPU32;
    const at = address >>> 2;
    const text = words[at];
    const end = text + words[at + 1];
    if (!nodeBuffer) return decoder.decode(wasm.HEAPU8.subarray(text, end));
    if (heap === null || heap.buffer !== wasm.HEAPU8.buffer) heap = nodeBuffer.from(wasm.HEAPU8.buffer);
    const count = words[at + 3];
    if (count === UTF8) return heap.utf8Slice(text, end);
    let result = "";
    let from = text;
    for (let k = words[at + 2] >>> 2, last = k + 2 * count; k < last; k += 2) {
      const wide = text + words[k]; // its '?' stands in the Latin-1 bytes
      result += heap.latin1Slice(from, wide) + String.fromCharCode(words[k + 1]);
      from = wide + 1;
    }
    return result + heap.latin1Slice(from, end);
  };
  read.form = nodeBuffer !== null ? FORM_LATIN1 : FORM_UTF8;
  return read;
}

// Data packs (docs/data.md) layered over the built-in data: one pack is an object of file name → text,
// as `unitwise import-cms` writes them; `data` is one pack or an array of them, later packs winning.
/**
 * @param {UnitwiseModule} wasm
 * @param {DataPack | DataPack[]} data
 */
function usePacks(wasm, data) {
  const packs = Array.isArray(data) ? data : [data];
  // Every pack is checked before any file enters wasm memory: a refused call leaves nothing half loaded, and a
  // pack over the engine's limit never reaches it (2.5 GB of text there ended in a bare "Aborted()").
  const refused = []; // empty or too large: refused before anything is loaded
  packs.forEach((pack, index) => {
    if (pack === null || typeof pack !== "object")
      throw new TypeError(`unitwise: data pack ${index} must be an object of file name → text`);
    if (Object.keys(pack).length === 0)
      refused.push(`data pack ${index} holds no files: expected manifest.json and its tables`);
    let bytes = 0;
    for (const [name, text] of Object.entries(pack)) {
      if (typeof text !== "string")
        throw new TypeError(`unitwise: data pack ${index}, ${name}: the text must be a string`);
      bytes += text.length > PACK_LIMIT_BYTES ? text.length : utf8Bytes(text);
      if (bytes > PACK_LIMIT_BYTES) {
        refused.push(`${name}: brings the pack to over ${bytes} bytes; the limit is 64 MiB per pack`);
        break;
      }
    }
  });
  if (refused.length) throw refusal(refused);
  packs.forEach((pack, index) => {
    for (const [name, text] of Object.entries(pack)) wasm.addPackFile(index, name, text);
  });
  const problems = wasm.usePacks();
  if (problems) throw refusal(problems.trim().split("\n"));
}

// Today in the user's time zone, as a date of service.
function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// A date of service for localities(): "YYYY-MM-DD" (a real calendar date) or a year (its 1 July). Anything else
// is an error, not a quiet list of the national entry alone.
function localityDate(date) {
  const text = typeof date === "number" && Number.isInteger(date) ? `${date}-07-01` : date;
  const real =
    typeof text === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
  if (!real)
    throw new TypeError(
      `unitwise: localities takes a date written YYYY-MM-DD or a year, not ${JSON.stringify(date) ?? String(date)}`,
    );
  return text;
}

/** @param {string[]} errors */
function refusal(errors) {
  return Object.assign(new Error(`unitwise: the data pack was refused:\n${errors.join("\n")}`), { errors });
}

// import-cms in JavaScript (docs/data.md): zips are opened here, every file goes to the engine's importer as
// bytes (CMS's files are Latin-1), which recognises each by its content.
/**
 * @param {UnitwiseModule} wasm
 * @param {CmsFileInput | CmsFileInput[]} files
 * @param {ImportCmsOptions} [options]
 * @returns {Promise<ImportedPack>}
 */
async function importCms(wasm, files, options = {}) {
  const list = Array.isArray(files) ? files : [files];
  if (list.length === 0) throw new TypeError("unitwise: importCms needs at least one file");
  if (options === null || typeof options !== "object")
    throw new TypeError("unitwise: importCms options must be an object");
  const effective = options.effective ?? "";
  if (typeof effective !== "string")
    throw new TypeError("unitwise: importCms effective must be a date written YYYY-MM-DD");
  // The zip reader loads with the first import: a page that only evaluates never fetches it.
  const { isZip, unzip } = await import("./zip.js");
  const entries = [];
  const skipped = [];
  for (const [index, file] of list.entries()) {
    const { name, bytes } = await fileBytes(file, index);
    if (!isZip(bytes)) {
      entries.push({ name, archive: "", bytes });
      continue;
    }
    let opened;
    try {
      opened = await unzip(name, bytes);
    } catch (error) {
      throw importError([describe(error)]);
    }
    for (const left of opened.skipped) skipped.push(`${name}: ${left.name} (${left.why})`);
    for (const entry of opened.files)
      entries.push({ name: entry.name.split("/").pop(), archive: name, bytes: entry.bytes });
    if (opened.files.length === 0) throw importError([`${name}: the zip holds no files`]);
  }
  for (const { name, archive, bytes } of entries) {
    const at = wasm.inputBuffer(bytes.length); // may grow the memory, so HEAPU8 is read after it
    wasm.HEAPU8.set(bytes, at);
    wasm.addImportFile(name, archive, bytes.length);
  }
  const out = JSON.parse(wasm.importCms(effective));
  if (!out.ok)
    throw importError(
      out.errors.map((e) => `${e.file}${e.line ? ` line ${e.line}` : ""}${e.file ? ": " : ""}${e.message}`),
    );
  return { name: out.name, pack: out.files, notes: out.notes, skipped: [...skipped, ...(out.skipped ?? [])] };
}

/** @param {string[]} errors */
function importError(errors) {
  return Object.assign(new Error(`unitwise: CMS's files could not be imported:\n${errors.join("\n")}`), { errors });
}

// A File or Blob (the page), or { name, bytes } with bytes a Uint8Array or ArrayBuffer (Node: fs.readFile's Buffer).
async function fileBytes(file, index) {
  if (file && typeof file.arrayBuffer === "function" && typeof file.name === "string") {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const bytes = file?.bytes;
  if (file && typeof file.name === "string" && (bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
    return { name: file.name, bytes: bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes) };
  }
  throw new TypeError(`unitwise: importCms file ${index} must be a File or { name, bytes } with bytes a Uint8Array`);
}

// Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ and leaves their assets behind
// (vitejs/vite#8427); from there, the package's own files are at node_modules/unitwise/. The base is a variable so
// that bundlers, which rewrite only the literal new URL("...", import.meta.url), leave these two alone.
function viteDevDependency() {
  const base = import.meta.url;
  return /\/node_modules\/\.vite\/deps(_[a-z]+)?\//.test(base);
}

function packageFile(name) {
  const base = import.meta.url;
  return new URL(`../../unitwise/${name}`, base).href;
}

// The engine's error result, field for field and byte for byte (core/src/json_writer.cpp).
function errorJson(message) {
  return (
    `{"ok":false,"lines":[],"edits":[],"warnings":[],"errors":[{"path":"","message":${JSON.stringify(message)}}],` +
    `"ties":[],"checklist":[],"fee":null,"releases":[],"trace":[]}`
  );
}

const tooLarge = (bytes) => errorJson(`the visit is ${bytes} bytes; the limit is 4 MiB`);

// The engine's episode error result, byte for byte (core/src/json/episode_json.cpp).
function episodeErrorJson(message) {
  return `{"ok":false,"visits":[],"kx":null,"review":null,"alerts":[],"errors":[{"path":"","message":${JSON.stringify(message)}}]}`;
}

const episodeTooLarge = (bytes) => episodeErrorJson(`the episode is ${bytes} bytes; the limit is 16 MiB`);

function describe(error) {
  try {
    return String(error?.message ?? error);
  } catch {
    return "it threw";
  }
}

// The size of the std::string Embind would make of `text`: emscripten's lengthBytesUTF8, which takes any
// surrogate (paired or not) with the unit after it as one 4-byte character. Counts; never encodes.
function utf8Bytes(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdfff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// The UTF-8 size of JSON.stringify(text), without writing it: quotes, short and \u00XX escapes, and \uDXXX
// for a lone surrogate (well-formed JSON.stringify).
function jsonStringBytes(text) {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x5c || unit === 8 || unit === 9 || unit === 10 || unit === 12 || unit === 13)
      bytes += 2;
    else if (unit < 0x20) bytes += 6;
    else if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}
