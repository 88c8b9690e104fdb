#!/usr/bin/env bash
# Every test earl has: the workspace's Rust tests, then the web page in a real headless browser.
# Installs what the browser test needs on first run (Debian's chromium, playwright-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked

bash scripts/setup-browser.sh
cargo build --release --locked -p earl-cli
node scripts/browser-test.mjs target/release/earl
