#!/usr/bin/env python3
"""Seeds for zip_import_fuzzer: small zips shaped as CMS ships them (a GPCI csv, a PTP txt, a pdf beside them, a
folder entry, a nested zip), stored and deflated. Made from the committed packs, no CMS text.

Usage: seed_zips.py PACKS_DIR OUT_DIR
"""
import io
import sys
import zipfile
from pathlib import Path


def gpci_csv(packs):
    rows = (packs / "cms-2026/gpci-2026-01-01.csv").read_text().splitlines()[1:12]
    lines = ["ADDENDUM E. FINAL CY 2027 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,",
             "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2027 PW GPCI,2027 PE GPCI,2027 MP GPCI"]
    for row in rows:
        mac, locality, state, name, work, pe, mp = row.split(",")[:7]
        lines.append(",".join([mac, state, locality, name, work, pe, mp]))
    return ("\r\n".join(lines) + "\r\n").encode("latin-1")


def ptp_txt():
    return ("test\t\t\t\t\t\t\r\nColumn 1\tColumn 2\t*\tEffective\tDeletion\tModifier\tRationale\r\n"
            "97140\t97530\t\t20270101\t*\t1\tMutually exclusive procedures\r\n").encode()


def archive(members, method):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def main():
    packs, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    gpci, ptp = gpci_csv(packs), ptp_txt()
    seeds = {
        "rvu-stored": archive([("GPCI2027.csv", gpci), ("RVU27A.pdf", b"%PDF-1.4\n")], zipfile.ZIP_STORED),
        "rvu-deflated": archive([("rvu27a/", b""), ("rvu27a/GPCI2027.csv", gpci)], zipfile.ZIP_DEFLATED),
        "ptp": archive([("ccipra-v330r0-f4.txt", ptp)], zipfile.ZIP_DEFLATED),
        "nested": archive([("inner.zip", archive([("GPCI2027.csv", gpci)], zipfile.ZIP_STORED))], zipfile.ZIP_STORED),
        "empty": archive([], zipfile.ZIP_STORED),
    }
    for name, data in seeds.items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main()
