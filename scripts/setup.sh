#!/usr/bin/env bash
# Installs what the build and tests need and is missing. Idempotent: a second run does nothing.
#   scripts/setup.sh           toolchain + npm packages (what `make build` needs)
#   scripts/setup.sh browsers  also Chromium and Firefox ESR (what `make test` needs)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root to run: $*" >&2; exit 1; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { say "apt-get update"; as_root apt-get update -qq; apt_updated=1; }
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust target for the extension's wasm.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'); takes a few minutes once"
  # Not --locked: the registry mirror lags one of its pinned dependencies.
  cargo install wasm-bindgen-cli --version "$want"
fi


command -v python3 >/dev/null || apt_install python3
command -v node >/dev/null || apt_install nodejs npm

# npm packages from the committed lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = browsers ]; then
  command -v chromium >/dev/null || apt_install chromium
  command -v firefox-esr >/dev/null || apt_install firefox-esr
fi
