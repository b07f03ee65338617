#!/usr/bin/env python3
"""Writes a zip for the import-cms tests (tests/core/cli_import_zip_test.cpp), including broken ones.

Usage: make_zip.py SPEC.json OUT.zip. SPEC is {"entries": [...], "truncate": N, "encrypt": NAME, "declare": {NAME: N}}:
each entry has "name" and one of "text" (Latin-1), "path" (a file read as is, e.g. a CMS fixture from ../shared)
or "zeros" (that many zero bytes, deflated: a bomb); "store": true keeps it uncompressed. Afterwards "encrypt" sets
the encrypted flag of the entry NAME, "declare" rewrites an entry's declared uncompressed size (a lying header),
and "truncate" keeps only the first N bytes of the zip.
"""
import io
import json
import struct
import sys
import zipfile


def headers(data, name):
    """Offsets of the local and central headers of entry `name` in the zip bytes."""
    raw = name.encode("utf-8")
    found = []
    for sig, name_at, size_at, flag_at in ((b"PK\x03\x04", 30, 22, 6), (b"PK\x01\x02", 46, 24, 8)):
        at = data.find(sig)
        while at >= 0:
            if sig == b"PK\x03\x04":
                n = struct.unpack_from("<H", data, at + 26)[0]
            else:
                n = struct.unpack_from("<H", data, at + 28)[0]
            if data[at + name_at:at + name_at + n] == raw:
                found.append((at, size_at, flag_at))
            at = data.find(sig, at + 4)
    return found


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for e in spec.get("entries", []):
            if "text" in e:
                body = e["text"].encode("latin-1")
            elif "path" in e:
                body = open(e["path"], "rb").read()
            else:
                body = bytes(e["zeros"])
            info = zipfile.ZipInfo(e["name"], date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if e.get("store") else zipfile.ZIP_DEFLATED
            z.writestr(info, body)
    data = bytearray(buffer.getvalue())
    if "encrypt" in spec:
        for at, _, flag_at in headers(data, spec["encrypt"]):
            flags = struct.unpack_from("<H", data, at + flag_at)[0]
            struct.pack_into("<H", data, at + flag_at, flags | 1)
    for name, size in spec.get("declare", {}).items():
        for at, size_at, _ in headers(data, name):
            struct.pack_into("<I", data, at + size_at, size)
    if "truncate" in spec:
        data = data[:spec["truncate"]]
    open(sys.argv[2], "wb").write(bytes(data))


if __name__ == "__main__":
    main()
