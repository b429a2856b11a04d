#!/usr/bin/env bash
# Whether two `primum` binaries report exactly the same findings (`check --jsonl`, byte for byte)
# on every corpus: how a speed change proves it changed nothing else.
# Usage: scripts/same-output.sh OLD_PRIMUM NEW_PRIMUM   (exit 1 when any corpus differs)
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 tmp=$(mktemp -d) rc=0
trap 'rm -rf "$tmp"' EXIT
for f in tests/corpus/*.jsonl tests/corpus/blind/*.jsonl; do
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    if l.strip(): print(json.dumps({"text": json.loads(l)["text"]}))' "$f" > "$tmp/in.jsonl"
  "$old" check --jsonl < "$tmp/in.jsonl" > "$tmp/old.txt" || true
  "$new" check --jsonl < "$tmp/in.jsonl" > "$tmp/new.txt" || true
  if cmp -s "$tmp/old.txt" "$tmp/new.txt"; then echo "same      $f"; else echo "DIFFERENT $f"; rc=1; fi
done
exit $rc
