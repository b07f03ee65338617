#!/usr/bin/env python3
"""Writes one seed file per episode vector: seed_episodes.py EPISODE_VECTORS_DIR OUT_DIR"""
import json, pathlib, sys

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.glob("*.json")):
    vector = json.loads(path.read_text(encoding="utf-8"))
    text = vector.get("rawEpisode") or json.dumps(vector["episode"], separators=(",", ":"))
    (out / f"episode-{path.stem}.json").write_text(text, encoding="utf-8")
