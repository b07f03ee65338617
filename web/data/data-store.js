// The data packs the user added (CMS's files imported in the Data view), kept in this browser's IndexedDB and
// applied over the built-in data by every engine the page makes: the calculator's and plan of care's (app.js) and
// the File view's worker (engine-thread.js). No DOM here, so the worker imports it too. Nothing leaves the browser.
//
// A record: { id, name, pack, notes, skipped, files, added }: `pack` is the DataPack (file name → text) the engine
// reads, `notes`/`skipped` what the import said, `files` the names of the files it came from, `added` a date.
const DB = "unitwise-data";
const STORE = "packs";
// Told to every engine of this page and its other tabs when the kept packs change (BroadcastChannel does not
// deliver to the sender: the one that changed them applies them itself).
export const CHANNEL = "unitwise-data";

function open() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") return reject(new Error("this browser keeps no data (no IndexedDB)"));
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("the browser's storage could not be opened"));
    request.onblocked = () => reject(new Error("the browser's storage is busy in another tab"));
  });
}

// One transaction; resolves with the request's result once the transaction is committed.
async function run(mode, act) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error("the browser's storage refused the change"));
      tx.onabort = () => reject(tx.error ?? new Error("the browser's storage refused the change (is it full?)"));
    });
  } finally {
    db.close();
  }
}

// Every kept record, oldest first (a later one wins over an earlier one on the same date, docs/data.md).
export const listPacks = () => run("readonly", (store) => store.getAll());
// Adds a record (without id) and gives its id; putPack puts one back with its own id (undo of a removal).
export const addPack = (record) => run("readwrite", (store) => store.add(record));
export const putPack = (record) => run("readwrite", (store) => store.put(record));
export const removePack = (id) => run("readwrite", (store) => store.delete(id));

// The kept records, or none with the reason the storage could not be read (private mode, storage turned off).
export async function keptPacks() {
  try {
    return { records: await listPacks(), problem: null };
  } catch (error) {
    return { records: [], problem: error?.message ?? String(error) };
  }
}

// Applies the records over the built-in data, each checked on its own so that one the engine refuses (storage
// damaged, a pack of an older page) is named with its problems and the others still apply. The engine keeps the
// records it accepted: { applied, refused: [{ record, errors }] }. `reset`: apply even none (data removed).
export function applyKept(engine, records, reset = false) {
  const applied = [],
    refused = [];
  const packs = () => applied.map((r) => r.pack);
  for (const record of records) {
    try {
      engine.setData([...packs(), record.pack]);
      applied.push(record);
    } catch (error) {
      refused.push({ record, errors: Array.isArray(error?.errors) ? error.errors : [error?.message ?? String(error)] });
    }
  }
  if (refused.length || (reset && !records.length)) engine.setData(packs());
  return { applied, refused };
}

// A pack's manifest (docs/data.md), or null when it cannot be read.
export function manifestOf(pack) {
  try {
    const manifest = JSON.parse(pack?.["manifest.json"]);
    return manifest && typeof manifest === "object" && Array.isArray(manifest.tables) ? manifest : null;
  } catch {
    return null;
  }
}
