#!/usr/bin/env bash
# A clone with nothing beside it must configure and make its built-in data: the build reads nothing outside
# the repository (no ../shared). Clones the committed HEAD into an empty folder, configures it, and makes the
# embedded data; the rest of the build compiles the same sources as build/native.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q --no-local . "$tmp/unitwise"
unset UNITWISE_CMS_DIR  # as an outside user has it: no CMS files anywhere
cd "$tmp/unitwise"
if [ -e ../shared ]; then echo "standalone clone: $tmp/shared exists" >&2; exit 1; fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
# Only the two commands that make the embedded data (ninja would compile the engine first, a minute on 2 cores).
for made in core/generated/builtin_packs.cpp core/generated/static_data.cpp; do
  (cd build && ninja -t commands "$made" | tail -1 | sh)
done
grep -q "cms-2026" build/core/generated/builtin_packs.cpp
if grep -qF "../shared" build/CMakeCache.txt; then echo "standalone clone: the build's cache names ../shared" >&2; exit 1; fi
status=0
out=$(scripts/update-data --check ../shared/data/cms) || status=$?
if [ "$status" -ne 77 ] || [[ "$out" != skipped* ]]; then
  echo "standalone clone: the committed-pack check should skip without CMS's files, but said: $out" >&2
  exit 1
fi
echo "standalone clone: configures and makes its data packs with nothing beside it"
