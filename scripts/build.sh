#!/usr/bin/env bash
# README command one: builds the extension ready to load and the CLI.
#   dist/chrome/  dist/primum-chrome.zip    (Chrome, Edge)
#   dist/firefox/ dist/primum-firefox.zip   (Firefox MV3)
#   target/release/primum                   (the CLI)
# Installs what is missing first; incremental (a no-change run takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { printf '\033[1mbuild:\033[0m %s (%s)\n' "$*" "$(date +%T)"; }

step "wasm (size-optimized release profile)"
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p primum-wasm
wasm=target/wasm32-unknown-unknown/wasm/primum_wasm.wasm
pkg=target/wasm-pkg
if [ ! -f "$pkg/primum_wasm_bg.wasm" ] || [ "$wasm" -nt "$pkg/primum_wasm_bg.wasm" ] || [ "$0" -nt "$pkg/primum_wasm_bg.wasm" ]; then
  step "wasm-bindgen + wasm-opt"
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" "$wasm"
  # binaryen from npm (pinned in package-lock.json): Debian's wasm-opt 108 corrupts the externref table.
  # Rust's default wasm32 features are named because wasm-bindgen drops the section listing them.
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-multivalue --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-sign-ext "$pkg/primum_wasm_bg.wasm" -o "$pkg/primum_wasm_bg.wasm"
fi

step "CLI (release)"
cargo build --quiet --release -p primum-cli

step "extension (dist/chrome, dist/firefox)"
node scripts/assemble.mjs

step "zips"
python3 - <<'PY'
import os, zipfile
for name in ("chrome", "firefox"):
    root = os.path.join("dist", name)
    out = os.path.join("dist", f"primum-{name}.zip")
    with zipfile.ZipFile(out + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for d, _, files in sorted(os.walk(root)):
            for f in sorted(files):
                p = os.path.join(d, f)
                z.write(p, os.path.relpath(p, root))
    os.replace(out + ".tmp", out)
PY
raw=$(stat -c %s "$pkg/primum_wasm_bg.wasm")
gz=$(gzip -9c "$pkg/primum_wasm_bg.wasm" | wc -c)
step "done: wasm $((raw / 1024)) KB raw, $((gz / 1024)) KB gzip; load dist/chrome or dist/firefox unpacked"
