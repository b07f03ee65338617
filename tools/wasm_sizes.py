#!/usr/bin/env python3
"""Sizes of a .wasm file: bytes per section (code and data apart) and, when the module carries
a name section (link with --profiling-funcs), the largest functions.
usage: wasm_sizes.py FILE.wasm [--top N] [--json]"""
import gzip, json, sys

def leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]; i += 1
        result |= (b & 0x7F) << shift; shift += 7
        if b < 0x80: return result, i

SECTION_NAMES = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
                 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

def read(path):
    buf = open(path, "rb").read()
    i, sections, bodies, names, imported = 8, [], [], {}, 0
    while i < len(buf):
        sid = buf[i]; size, j = leb(buf, i + 1); end = j + size
        name = SECTION_NAMES.get(sid, str(sid))
        if sid == 0:
            n, k = leb(buf, j); name = "custom:" + buf[k:k + n].decode(); k += n
            if name == "custom:name":
                while k < end:
                    sub, k = leb(buf, k); sz, k = leb(buf, k)
                    if sub == 1:
                        cnt, m = leb(buf, k)
                        for _ in range(cnt):
                            idx, m = leb(buf, m); ln, m = leb(buf, m)
                            names[idx] = buf[m:m + ln].decode(errors="replace"); m += ln
                    k += sz
        elif sid == 2:
            cnt, k = leb(buf, j)
            for _ in range(cnt):
                for _ in range(2):
                    ln, k = leb(buf, k); k += ln
                kind = buf[k]; k += 1
                if kind == 0: _, k = leb(buf, k); imported += 1
                elif kind == 1: k += 1; flags, k = leb(buf, k); _, k = leb(buf, k); k = leb(buf, k)[1] if flags & 1 else k
                elif kind == 2: flags, k = leb(buf, k); _, k = leb(buf, k); k = leb(buf, k)[1] if flags & 1 else k
                elif kind == 3: k += 2
        elif sid == 10:
            cnt, k = leb(buf, j)
            for f in range(cnt):
                sz, k2 = leb(buf, k); bodies.append((imported + f, sz + (k2 - k), buf[k2:k2 + sz])); k = k2 + sz
        sections.append((name, end - i, buf[i:end]))
        i = end
    return buf, sections, bodies, names

def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    buf, sections, bodies, names = read(path)
    report = {"file_bytes": len(buf), "file_gz_bytes": len(gzip.compress(buf, 9)), "sections": {}}
    for name, size, raw in sections:
        s = report["sections"].setdefault(name, {"bytes": 0, "gz_bytes": 0})
        s["bytes"] += size; s["gz_bytes"] += len(gzip.compress(raw, 9))
    if "--json" in sys.argv:
        print(json.dumps(report)); return
    print(f"{path}: {report['file_bytes']} B, {report['file_gz_bytes']} B gzip -9")
    for name, s in sorted(report["sections"].items(), key=lambda kv: -kv[1]["bytes"]):
        print(f"  {name:<28} {s['bytes']:>9} B {s['gz_bytes']:>9} B gzip")
    if names:
        print(f"largest of {len(bodies)} functions:")
        for idx, size, _ in sorted(bodies, key=lambda b: -b[1])[:top]:
            print(f"  {size:>8} {names.get(idx, '?')[:150]}")

if __name__ == "__main__":
    main()
