#!/usr/bin/env bash
# Runs every cargo-fuzz target (the list is `cargo fuzz list`, i.e. fuzz/Cargo.toml) for a fixed
# budget each, after seeding its corpus with realistic input generated at run time:
#   scripts/fuzz.sh [seconds per target, default 60]
# Seeds (fuzz/corpus/<target>/seed-*, not committed): X, Facebook and LinkedIn downloads from
# `primum generate-archive` (the zips and the posts/comments files in them), the development
# corpus's posts for `check`, the sample managed policy for `policy`.
# A crash stops the run and leaves the input in fuzz/artifacts/<target>/; make it a regression test
# in crates/core and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
[ -x target/release/primum ] || cargo build --release --quiet -p primum-cli

corpus=fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$corpus"/{archive_x,archive_facebook,archive_linkedin,archive_zip,check,policy}
for site in x facebook linkedin; do
  target/release/primum generate-archive --site "$site" --posts 12 --seed 7 "$corpus/archive_zip/seed-$site.zip"
  unzip -q -o "$corpus/archive_zip/seed-$site.zip" -d "$tmp/$site"
done
find "$tmp/x" -name 'tweets*.js' -exec cp {} "$corpus/archive_x/seed-tweets.js" \;
find "$tmp/facebook" -name '*.json' | while read -r f; do cp "$f" "$corpus/archive_facebook/seed-$(basename "$f")"; done
find "$tmp/linkedin" -name '*.csv' | while read -r f; do cp "$f" "$corpus/archive_linkedin/seed-$(basename "$f")"; done
python3 - "$corpus/check" <<'PY'
import json, sys
for i, line in enumerate(open("tests/corpus/dev.jsonl", encoding="utf-8")):
    open(f"{sys.argv[1]}/seed-{i:04}", "w", encoding="utf-8").write(json.loads(line)["text"])
PY
cp deploy/policy.json "$corpus/policy/seed-policy.json"

cd fuzz
for target in $(cargo +nightly fuzz list); do
  printf '\n\033[1mfuzz:\033[0m %s for %s s (%s)\n' "$target" "$seconds" "$(date +%T)"
  # -a: debug assertions and overflow checks on, so an offset that wraps is a crash, not a wrong span.
  # -timeout: one input taking over 20 s is a hang (the inputs are a few KB).
  cargo +nightly fuzz run -O -a "$target" -- -max_total_time="$seconds" -timeout=20 -print_final_stats=1
done
