// The bad-input catalogue of CMS downloads (issue 26): zips and files a biller might hand to `unitwise import-cms`
// or to engine.importCms / the page's Data panel. Each must be refused whole, naming the zip, with the reason in
// plain words (`says`, matched against the CLI's and the package's message alike), and write nothing.
// Built from the CMS-shaped fixture (tests/fixtures/cms-like.mjs), so only the named fault differs.
import { cmsLikeRelease, zip } from "../fixtures/cms-like.mjs";

const release = cmsLikeRelease(2027);
const gpci = release.loose.find((f) => f.name.startsWith("GPCI")).bytes;
const text = (s) => new TextEncoder().encode(s);
// A one-entry zip of the GPCI file, with its directory entry (and local header) changed by `edit`.
const edited = (edit, name = "GPCI2027.csv") => {
  const bytes = zip([{ name, bytes: gpci }]);
  const view = new DataView(bytes.buffer);
  edit(view, view.getUint32(bytes.length - 6, true));
  return bytes;
};

export const zipCases = [
  { name: "an empty file", file: "rvu27a.zip", bytes: new Uint8Array(0), says: /empty|not a CMS file/ },
  {
    name: "a zip with nothing in it",
    file: "rvu27a.zip",
    bytes: new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]),
    says: /holds no files/,
  },
  {
    name: "a zip of files that are not CMS's",
    file: "export.zip",
    bytes: zip([{ name: "notes.csv", bytes: text("a,b\n1,2\n") }]),
    says: /holds no CMS file.*notes\.csv/,
  },
  {
    name: "CMS's zip with only its PDF",
    file: "rvu27a.zip",
    bytes: zip([{ name: "RVU27A.pdf", bytes: text("%PDF-1.4\n") }]),
    says: /holds no CMS file.*RVU27A\.pdf/,
  },
  {
    name: "a zip cut short while downloading",
    file: "rvu27a.zip",
    bytes: release.zips[0].bytes.subarray(0, 3000),
    says: /not a whole zip|cut short/,
  },
  {
    name: "an entry declared over 64 MiB",
    file: "rvu27a.zip",
    bytes: edited((v, dir) => {
      v.setUint32(dir + 24, 65 * 1024 * 1024, true);
      v.setUint32(22, 65 * 1024 * 1024, true);
    }),
    says: /the limit is/,
  },
  {
    name: "an entry that inflates past the size its directory states (a zip bomb's trick)",
    file: "rvu27a.zip",
    bytes: edited((v, dir) => {
      v.setUint32(dir + 24, 100, true);
      v.setUint32(22, 100, true);
    }),
    says: /more than its directory says|not the 100 its directory states/,
  },
  {
    name: "an entry whose name climbs out of the zip",
    file: "rvu27a.zip",
    bytes: zip([{ name: "../GPCI2027.csv", bytes: gpci }]),
    says: /climbs out|leads outside/,
  },
  {
    name: "an entry with an absolute name",
    file: "rvu27a.zip",
    bytes: zip([{ name: "/tmp/GPCI2027.csv", bytes: gpci }]),
    says: /absolute name|leads outside/,
  },
  {
    name: "an encrypted entry",
    file: "rvu27a.zip",
    bytes: edited((v, dir) => {
      v.setUint16(dir + 8, 1, true);
      v.setUint16(6, 1, true);
    }),
    says: /encrypted/,
  },
  {
    name: "a CMS file cut short inside a whole zip",
    file: "rvu27a.zip",
    bytes: zip([{ name: "GPCI2027.csv", bytes: gpci.subarray(0, 2000) }]),
    says: /cut short/,
  },
];
