#!/usr/bin/env bash
# README command two: every check, in the order a failure is cheapest to find.
#   PRIMUM_EXTENDED=1 scripts/test.sh   also runs every fuzz target for a fixed budget
#   (PRIMUM_FUZZ_SECONDS each, default 60; see scripts/fuzz.sh).
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
  # Extended mode: every fuzz target (`cargo fuzz list`) for a fixed budget, seeded with generated
  # archives (needs the nightly toolchain).
  step "fuzz every target (${PRIMUM_FUZZ_SECONDS:-60} s each)"
  scripts/fuzz.sh "${PRIMUM_FUZZ_SECONDS:-60}"
fi
