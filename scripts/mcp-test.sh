#!/usr/bin/env bash
# `earl mcp` against a real MCP client (the official Python SDK, installed into the project venv
# by scripts/setup-python.sh): list the tools, call each, check answers and errors, then verify
# the audit trail the calls were recorded in.
#
#   scripts/mcp-test.sh                    (as in scripts/test-all.sh)
#   EARL_BIN=path/to/earl scripts/mcp-test.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
earl="${EARL_BIN:-$target/debug/earl}"
# earl's own files (the screening index cache, the lists' counts) go under target/home, never $HOME.
export XDG_DATA_HOME="${XDG_DATA_HOME:-$target/home/data}" XDG_CACHE_HOME="${XDG_CACHE_HOME:-$target/home/cache}"
[[ -x "$earl" ]] || { echo "mcp-test: no binary at $earl (cargo build -p earl-cli)" >&2; exit 1; }
venv="$(bash "$repo/scripts/setup-python.sh")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" "$repo/scripts/mcp-test.py" "$earl" "$work/audit.sqlite" | tee "$work/latency.json"
# Every determination was recorded, by the mcp front end, and the chain verifies.
"$earl" --db "$work/audit.sqlite" audit verify >&2
n="$("$earl" --db "$work/audit.sqlite" audit list --json | "$venv/bin/python" -c 'import json,sys; v=json.load(sys.stdin); rows=v if isinstance(v,list) else v.get("records", []); print(sum(1 for r in rows if r.get("source")=="mcp"))')"
if (( n < 10 )); then
    echo "mcp-test: FAIL: only $n records from mcp in the audit trail" >&2
    exit 1
fi
echo "mcp-test: ok ($n determinations recorded from mcp)" >&2
