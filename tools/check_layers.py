#!/usr/bin/env python3
"""Fails on an include that goes up core's layers (core/LAYERS), so the order stays real, not just documented.

Prints `file:line: <folder> includes <header> from <higher folder>` for each, and exits 1 when there is any.
usage: tools/check_layers.py [repository root]
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
src = root / "core" / "src"
public = root / "core" / "include"

layers = [line.split("#")[0].strip() for line in (root / "core" / "LAYERS").read_text().splitlines()]
layers = [name for name in layers if name]
rank = {name: i for i, name in enumerate(layers)}


def folder(relative):  # the layer a path under core/src belongs to: its first folder, or "." for core/src itself
    parts = pathlib.PurePosixPath(relative).parts
    return parts[0] if len(parts) > 1 else "."


def includes(path):
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        match = INCLUDE.match(line)
        if match:
            yield number, match.group(1)


problems = []
for path in sorted(src.rglob("*")):
    if path.suffix not in (".h", ".cpp") or not path.is_file():
        continue
    name = path.relative_to(root).as_posix()
    own = folder(path.relative_to(src).as_posix())
    if own not in rank:
        problems.append(f"{name}:1: {own} is no layer of core/LAYERS")
        continue
    for number, header in includes(path):
        if header.startswith("unitwise/"):
            continue
        if not (src / header).is_file():
            continue  # a header of a library (nlohmann/json.hpp) or a generated one: not ours to order
        theirs = folder(header)
        if theirs not in rank:
            problems.append(f"{name}:{number}: {own} includes {header} from {theirs}, no layer of core/LAYERS")
        elif rank[theirs] > rank[own]:
            problems.append(f"{name}:{number}: {own} includes {header} from {theirs}")

# The public headers sit beside every layer: a quoted include of core/src from them would hand that layer's
# internals to the CLI and the wasm module.
for path in sorted(public.rglob("*.h")):
    for number, header in includes(path):
        if not header.startswith("unitwise/"):
            problems.append(f"{path.relative_to(root).as_posix()}:{number}: public header includes {header} from core/src")

# The engine is built from core alone: a CLI or wasm file compiled into it would make core depend on its callers.
cmake = root / "core" / "CMakeLists.txt"
for number, line in enumerate(cmake.read_text().splitlines(), 1):
    if re.search(r"\b(cli|wasm)/\S+\.cpp", line.split("#")[0]):
        problems.append(f"core/CMakeLists.txt:{number}: core compiles a file from outside core: {line.strip()}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
