#!/usr/bin/env bash
# Every test earl has: the workspace's Rust tests, then the web page in a real headless browser.
# Installs what the browser test needs on first run (Debian's chromium, playwright-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked

cargo build --locked -p earl-cli
bash scripts/setup-browser.sh
EARL_BIN="${CARGO_TARGET_DIR:-target}/debug/earl" node scripts/browser-test.mjs
