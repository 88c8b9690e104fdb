#!/usr/bin/env bash
# Benchmarks the Python package and Spark against the CLI (figures, not assertions): per-call
# cost of earl.check, check_many rows/s vs `earl check --batch`, the Spark example job in local
# mode. BENCH_ROWS (default 100000) rows, BENCH_REPEAT (default 3) runs each, medians.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${EARL_PACKAGE_VENV:-scripts/.venv-package}"
cargo build --release --locked -p earl-cli >&2
bash scripts/python-test.sh --collect-only -q >/dev/null
EARL_BIN="${CARGO_TARGET_DIR:-target}/release/earl" "$venv/bin/python" -u scripts/bench-python.py
