#!/usr/bin/env bash
# examples/dask/batch.py on 2,000 seeded visits (plus a blank, a CRLF and a garbage line) must give, byte
# for byte and with the same exit status, what `unitwise evaluate --batch` gives. Needs build/native.
set -euo pipefail
cd "$(dirname "$0")/../.."
UNITWISE="${UNITWISE:-$PWD/build/native/bin/unitwise}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node --input-type=module -e '
  import { generateVisits } from "./tests/node/generate-visits.mjs";
  const lines = generateVisits(2000, 15).map((v) => JSON.stringify(v));
  lines.splice(700, 0, "");                  // blank: an error result of its own (line N answers line N)
  lines[1200] += "\r";                         // CRLF line end
  lines.splice(1500, 0, "not json, one error"); // one error result, not the end of the batch
  process.stdout.write(lines.join("\n") + "\n");
' > "$work/in.jsonl"

set +e
"$UNITWISE" evaluate --batch "$work/in.jsonl" > "$work/plain.jsonl"
plain_status=$?
# 64 KiB blocks: about 10 partitions over the 2 workers, so order across partitions is tested.
timeout 60 /usr/bin/python3 examples/dask/batch.py "$work/in.jsonl" "$work/dask.jsonl" \
  --unitwise "$UNITWISE" --blocksize 65536 2> "$work/dask.err"
dask_status=$?
set -e

fail() { echo "dask_test: $*" >&2; cat "$work/dask.err" >&2; exit 1; }
[ "$plain_status" -eq 1 ] || fail "plain batch exited $plain_status, expected 1 (some visits are invalid)"
[ "$dask_status" -eq "$plain_status" ] || fail "batch.py exited $dask_status, the plain batch $plain_status"
[ "$(wc -l < "$work/plain.jsonl")" -eq 2002 ] || fail "expected 2002 result lines, one per input line"
cmp "$work/plain.jsonl" "$work/dask.jsonl" || fail "outputs differ"
echo "dask_test: 2002 results, identical to the plain batch"
