#!/usr/bin/env bash
# README command two: every check, in the order a failure is cheapest to find.
#   PRIMUM_EXTENDED=1 scripts/test.sh   also runs the fuzz targets for a short fixed budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browsers

step() { printf '\n\033[1mtest:\033[0m %s (%s)\n' "$*" "$(date +%T)"; }

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy -D warnings"
cargo clippy --quiet --workspace --all-targets --all-features -- -D warnings
step "cargo test"
cargo test --quiet --workspace --all-features
step "build (dist/chrome, dist/firefox, CLI)"
scripts/build.sh
step "size budgets (wasm, content script)"
node scripts/budget.mjs
step "web-ext lint dist/firefox"
npx --no-install web-ext lint --source-dir dist/firefox --output text
step "end-to-end (Chromium and Firefox ESR with the built extension) and the deploy kit"
node --test --test-concurrency=1 tests/e2e/ tests/deploy/

if [ -n "${PRIMUM_EXTENDED:-}" ]; then
  # Extended mode: each fuzz target for a fixed budget (needs the nightly toolchain).
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
  for target in check policy; do
    step "fuzz $target (${PRIMUM_FUZZ_SECONDS:-60} s)"
    (cd fuzz && cargo +nightly fuzz run "$target" -- -max_total_time="${PRIMUM_FUZZ_SECONDS:-60}")
  done
fi
