#!/usr/bin/env python3
"""Writes one seed file per shared vector's visit: seed_corpus.py VECTORS_DIR OUT_DIR"""
import json, pathlib, sys

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.rglob("*.json")):
    visit = json.loads(path.read_text(encoding="utf-8"))["visit"]
    (out / f"{path.parent.name}-{path.stem}.json").write_text(json.dumps(visit, separators=(",", ":")), encoding="utf-8")
