#!/usr/bin/env bash
# README command one: builds the extension ready to load and the CLI.
#   dist/chrome/  dist/primum-chrome.zip    (Chrome, Edge)
#   dist/firefox/ dist/primum-firefox.zip   (Firefox MV3)
#   target/release/primum                   (the CLI)
#   target/wasm-pkg/primum_wasm*            (the checker: background worker, popup, options)
#   target/wasm-pkg/primum_audit*           (the report page's archive import)
# Installs what is missing first; incremental (a no-change run takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { printf '\033[1mbuild:\033[0m %s (%s)\n' "$*" "$(date +%T)"; }

# Two modules from crates/wasm: the checker every tab's worker loads, kept small, and the report
# page's, with the archive parsers (its own target dir, so neither build undoes the other).
wasm_module() { # name, target dir, wasm-opt level, cargo features...
  local name=$1 dir=$2 level=$3
  shift 3
  step "wasm $name (profile wasm, wasm-opt $level)"
  CARGO_TARGET_DIR=$dir cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p primum-wasm "$@"
  local wasm=$dir/wasm32-unknown-unknown/wasm/primum_wasm.wasm
  if [ ! -f "$pkg/${name}_bg.wasm" ] || [ "$wasm" -nt "$pkg/${name}_bg.wasm" ] || [ "$0" -nt "$pkg/${name}_bg.wasm" ]; then
    step "wasm-bindgen + wasm-opt ($name)"
    wasm-bindgen --target web --no-typescript --out-name "$name" --out-dir "$pkg" "$wasm"
    # binaryen from npm (pinned in package-lock.json): Debian's wasm-opt 108 corrupts the externref table.
    # Rust's default wasm32 features are named because wasm-bindgen drops the section listing them.
    node_modules/.bin/wasm-opt "$level" --enable-bulk-memory --enable-multivalue --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
      "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.wasm"
  fi
}
pkg=target/wasm-pkg
wasm_module primum_wasm target -Oz
# The report page checks a whole archive at once, so its module is optimised for speed, not size.
CARGO_PROFILE_WASM_OPT_LEVEL=3 wasm_module primum_audit target/audit -O3 --features archive

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
size() { echo "$(($(gzip -9c "$pkg/$1_bg.wasm" | wc -c) / 1024)) KB gzip"; }
step "done: wasm checker $(size primum_wasm), report page $(size primum_audit); load dist/chrome or dist/firefox unpacked"
