#!/usr/bin/env bash
# Every test earl has: the workspace's Rust tests, the OpenAPI contract (schemathesis), `earl mcp`
# under a real MCP client (the Python SDK), the README's examples, the Python package (pytest, Spark in local mode),
# then the web page in a real headless browser.
# Installs what the browser test needs on first run (Debian's chromium, playwright-core from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here writes the developer's home: earl's data and its screening index cache live under
# target/home for every step (cargo sets the same for its own runs: .cargo/config.toml).
target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")"
export XDG_DATA_HOME="$target_dir/home/data" XDG_CACHE_HOME="$target_dir/home/cache"

# Style is part of the build: formatting and every clippy lint, as errors.
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

cargo test --workspace --locked

cargo build --locked -p earl-cli
# The OpenAPI contract against the real server: a short seeded schemathesis run (installs
# schemathesis into scripts/.venv on first run).
bash scripts/contract-test.sh
# `earl mcp` driven by the official MCP Python SDK (installed into the same venv).
bash scripts/mcp-test.sh
# Every shell example of README.md, extracted from it and run as written (its Python examples
# run in python/tests/test_readme.py).
bash scripts/readme-test.sh
# `pip install ./python` and its tests, Spark's local mode among them (Java 17 installed if absent).
bash scripts/python-test.sh
bash scripts/setup-browser.sh
EARL_BIN="${CARGO_TARGET_DIR:-target}/debug/earl" node scripts/browser-test.mjs
