#!/usr/bin/env python3
"""Seeds for read_pack_fuzzer: each table of the given pack folders, prefixed by the byte of its kind.

Usage: seed_packs.py PACKS_DIR... OUT_DIR (each PACKS_DIR holds pack folders with a manifest.json).
"""
import io
import json
import sys
import zipfile
from pathlib import Path

KINDS = ["rvu", "conversion_factor", "gpci", "locality", "mue", "ncci", "threshold", "telehealth_code",
         "telehealth_period"]  # the order of unitwise::kTableKinds


def main():
    *roots, out = sys.argv[1:]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for root in roots:
        for manifest in sorted(Path(root).glob("*/manifest.json")):
            text = manifest.read_text(encoding="utf-8")
            (out / f"manifest-{n}").write_bytes(b"\x00" + text.encode())
            for table in json.loads(text)["tables"]:
                body = (manifest.parent / table["file"]).read_bytes()[:16000]
                (out / f"table-{n}").write_bytes(bytes([KINDS.index(table["kind"]) + 1]) + body)
                n += 1
    cms_like = bytes([len(KINDS) + 1]) + b",,2026 National Physician Fee Schedule Relative Value File July Release\nHCPCS,MOD,DESCRIPTION\n"
    (out / "cms-0").write_bytes(cms_like)
    # A zip as CMS serves its files (the CLI opens zips; the engine must refuse one handed to it directly).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ccipra-v331r0-f1.txt", "Column 1\tColumn 2\n97012\t97140\t\t20000101\t*\t1\tMisuse\n")
    (out / "cms-zip").write_bytes(bytes([len(KINDS) + 1]) + buffer.getvalue())
    print(f"{n} pack seeds in {out}")


if __name__ == "__main__":
    main()
