#!/usr/bin/env python3
"""Writes one seed file per shared vector's visit: seed_corpus.py VECTORS_DIR OUT_DIR"""
import json, pathlib, sys

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.rglob("*.json")):
    vector = json.loads(path.read_text(encoding="utf-8"))
    if "visit" not in vector and "rawVisit" not in vector:
        continue  # an episode vector (tests/vectors/episodes/)
    text = vector.get("rawVisit") or json.dumps(vector["visit"], separators=(",", ":"))  # findings keep their bytes
    (out / f"{path.parent.name}-{path.stem}.json").write_text(text, encoding="utf-8")
