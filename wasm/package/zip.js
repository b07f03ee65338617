// Reads the files out of a zip as CMS serves them (the RVU, MUE and NCCI PTP downloads), in browsers and Node
// alike. The container is read here; the inflating is the runtime's own DecompressionStream("deflate-raw").
// Nothing is ever written to disk, so entry names only name things; a zip with unsafe ones is still refused.

// The CLI's limits (core/include/unitwise/data_limits.h: kMaxSourceBytes, kMaxImportBytes, kMaxZipEntries; a
// node test checks they agree): CMS's largest file is about 3 MB unzipped, so anything near these is not a CMS
// download but a zip bomb or a mistake.
export const ZIP_LIMITS = Object.freeze({ entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, entries: 1000 });

const EOCD = 0x06054b50; // end of central directory record
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start as a zip does ("PK\3\4"), or are an empty zip ("PK\5\6"). */
export function isZip(bytes) {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * The files of a zip: [{ name, bytes }], and what was left out: [{ name, why }]. Throws an Error naming the zip
 * and the problem when the zip cannot be read whole (truncated, encrypted, over the limits).
 * @param {string} zipName
 * @param {Uint8Array} bytes
 */
export async function unzip(zipName, bytes) {
  const fail = (why) => {
    throw new Error(`${zipName}: ${why}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  // The end record is in the last 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) fail("is not a whole zip file (no central directory: it may have been cut short while downloading)");
  const count = u16(end + 10);
  const dirSize = u32(end + 12);
  const dirAt = u32(end + 16);
  if (count === 0xffff || dirAt === 0xffffffff)
    fail("is a ZIP64 archive, which CMS does not use; unzip it and give the files");
  if (count > ZIP_LIMITS.entries) fail(`holds ${count} entries; the limit is ${ZIP_LIMITS.entries}`);
  if (dirAt + dirSize > end) fail("is not a whole zip file (its directory points past its end)");

  const files = [];
  const skipped = [];
  let total = 0;
  for (let i = 0, at = dirAt; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) fail("is damaged (an entry of its directory cannot be read)");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const packed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = u32(at + 42);
    at = next;
    if (name.endsWith("/")) continue; // a folder
    // CMS's zips never hold such names: a zip that does is not one to trust in any part (as the CLI decides).
    if (unsafeName(name)) fail(`holds an entry named "${name}", which leads outside the zip's own folder`);
    if (/\.zip$/i.test(name)) {
      skipped.push({ name, why: "a zip inside the zip: unzip it and give it on its own" });
      continue;
    }
    if (flags & 1) fail(`${name} is encrypted`);
    if (method !== 0 && method !== 8)
      fail(`${name} is compressed with method ${method}; only stored and deflated entries are read`);
    if (size > ZIP_LIMITS.entryBytes)
      fail(`${name} would unzip to ${size} bytes; the limit is ${ZIP_LIMITS.entryBytes}`);
    total += size;
    if (total > ZIP_LIMITS.totalBytes) fail(`would unzip to more than ${ZIP_LIMITS.totalBytes} bytes in all`);
    if (local + 30 > bytes.length || u32(local) !== LOCAL) fail(`${name} cannot be found where its directory says`);
    const dataAt = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataAt + packed > bytes.length) fail(`${name} is cut short (the zip may not have downloaded whole)`);
    const data = bytes.subarray(dataAt, dataAt + packed);
    const out =
      method === 0
        ? data
        : await inflate(
            data,
            size,
            () => fail(`${name} unzips to more than its directory says`),
            () => fail(`${name} is damaged and cannot be unzipped`),
          );
    if (out.length !== size || crc32(out) !== crc) fail(`${name} is damaged (its checksum does not match)`);
    files.push({ name, bytes: out });
  }
  return { files, skipped };
}

// "../x", "/etc/x", "C:\x", "a/../../x": names that would leave the folder a zip is unpacked into.
function unsafeName(name) {
  const parts = name.split(/[\\/]/);
  return (
    name.startsWith("/") ||
    name.startsWith("\\") ||
    /^[A-Za-z]:/.test(name) ||
    parts.includes("..") ||
    name.includes("\0")
  );
}

// Inflates a deflated entry, stopping as soon as it makes more than the directory said (a zip bomb lies there).
async function inflate(data, size, tooLarge, damaged) {
  const out = new Uint8Array(size);
  let length = 0;
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > size) {
        await reader.cancel();
        tooLarge();
      }
      out.set(value, length);
      length += value.length;
    }
  } catch (error) {
    if (error instanceof Error && error.message.includes("unzips to more")) throw error;
    damaged();
  }
  return out.subarray(0, length);
}

let table = null;
function crc32(bytes) {
  if (table === null) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
