#!/usr/bin/env bash
# Instructions per check, counted by callgrind (load-independent, unlike wall-clock benchmarks on a
# shared machine): the criterion tweet, and one round of the 341 `dev.jsonl` posts. The one-time
# build of the rules and word lists is subtracted by running the driver twice with different
# round counts. Needs valgrind. Usage: scripts/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p primum-core --example profile_check
bin=$PWD/target/release/examples/profile_check
# The text of `check/tweet_280` in crates/core/benches/check.rs.
tweet="Long night in the ED. The 45yo in bed 4 with chest pain turned out to be a PE, caught it early \
thanks to a sharp nurse. Reminder to everyone: listen to your nurses, and get your flu shot! #MedTwitter #nursing"
count() { (cd /tmp && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1) |
  awk '/refs:/ { gsub(",", "", $NF); print $NF }'; }
a=$(ONE="$tweet" count 1); b=$(ONE="$tweet" count 1001)
echo "tweet: $(( (b - a) / 1000 )) instructions per check"
a=$(count 5); b=$(count 15)
echo "dev.jsonl: $(( (b - a) / 10 )) instructions per round of 341 posts"
