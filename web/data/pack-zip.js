// A zip of files, for exporting a data pack: stored (not compressed: a pack is a few hundred KB at most), so the
// page needs no compressor. Any unzip tool opens it, and the Data view (through the package's zip.js) takes it
// back. The tests' CMS-shaped zips are written by it too, deflated with Node's zlib (tests/fixtures/cms-like.mjs).
const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

// files: [{ name, text }] or [{ name, bytes }] → the zip's bytes; `deflate` (raw deflate, bytes → bytes) compresses
// each entry when given. Names are UTF-8 (flag bit 11); dates are 1980-01-01, so the same pack always gives the
// same bytes.
/**
 * @param {({ name: string, text: string, bytes?: undefined } | { name: string, bytes: Uint8Array, text?: undefined })[]} files
 * @param {{ deflate?: ((bytes: Uint8Array) => Uint8Array) | null }} [options]
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function zipFiles(files, { deflate = null } = {}) {
  const encoder = new TextEncoder();
  const parts = [],
    central = [];
  let offset = 0;
  for (const file of files) {
    const nameBytes = encoder.encode(file.name);
    const raw = file.bytes ?? encoder.encode(file.text);
    const data = deflate ? deflate(raw) : raw;
    const method = deflate ? 8 : 0;
    const crc = crc32(raw);
    const head = (size, signature) => {
      const view = new DataView(new ArrayBuffer(size));
      view.setUint32(0, signature, true);
      return view;
    };
    const local = head(30, 0x04034b50);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint16(10, 0, true);
    local.setUint16(12, 0x21, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    const entry = head(46, 0x02014b50);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, method, true);
    entry.setUint16(12, 0, true);
    entry.setUint16(14, 0x21, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, raw.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
