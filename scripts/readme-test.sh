#!/usr/bin/env bash
# Every shell example of README.md runs as written (issue 28): each command of every ```sh block
# is extracted from the README itself (so the two cannot drift) and run with bash against the
# debug build, in a fresh HOME, audit trail and data directory, and must exit 0. The few that
# cannot run here are named below with why, and what stands in for them; the ```python blocks
# are run by python/tests/test_readme.py.
#
#   scripts/readme-test.sh                    (the workspace's debug build)
#   EARL_BIN=path/to/earl scripts/readme-test.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
earl="${EARL_BIN:-$target/debug/earl}"
[[ -x "$earl" ]] || { echo "readme-test: no binary at $earl (cargo build -p earl-cli)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" EARL_DB="$work/audit.sqlite" EARL_DATA_DIR="$work/data"
unset EARL_TOKEN
mkdir -p "$HOME" "$work/bin" "$work/run"
ln -s "$earl" "$work/bin/earl"
export PATH="$work/bin:$PATH"

# The files the examples name, as a user would have them: orders, two list downloads, a
# directory of files fetched elsewhere.
cat >"$work/run/orders.csv" <<'CSV'
chip,destination,end_user,end_user_hq,date,quantity
H200,CN,,,2026-03-01,8
B200,AE,G42,,2026-06-01,64
CSV
cp "$repo/data/csl/consolidated.csv" "$work/run/old.csv"
python3 - "$repo/data/csl/consolidated.csv" "$work/run/new.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(json.dumps({"results": rows[: len(rows) - 3]}), file=open(sys.argv[2], "w", encoding="utf-8"))
PY
# Two ownership files: a listed parent owning a holding company that owns 60% of Acme Widgets
# Trading (made up: the names below the listed parent are not real companies).
cat >"$work/run/owners-june.csv" <<'CSV'
owner,owned,percent,source
"Huawei Technologies Co., Ltd.",Acme Widgets Holdings Ltd,100,readme example
CSV
cat >"$work/run/owners.csv" <<'CSV'
owner,owned,percent,source
"Huawei Technologies Co., Ltd.",Acme Widgets Holdings Ltd,100,readme example
Acme Widgets Holdings Ltd,Acme Widgets Trading Ltd,60,readme example
CSV
mkdir -p "$HOME/Downloads/csl"
cp "$repo/data/csl/consolidated.csv" "$HOME/Downloads/csl/"

# Each command of each ```sh block, continuation lines joined, comment-only lines dropped.
python3 - "$repo/README.md" >"$work/commands" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for block in re.findall(r"^```sh\n(.*?)^```$", text, flags=re.S | re.M):
    command = ""
    for line in block.splitlines():
        if not command and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            command += line[:-1] + " "
            continue
        command += line
        sys.stdout.write(command + "\0")
        command = ""
PY

MCP_INITIALIZE='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"readme-test","version":"0"}}}'
failed=0
ran=0
skipped=0
while IFS= read -r -d '' command; do
    expect=0
    run="$command"
    case "$command" in
        "bash scripts/test-all.sh"*)
            echo "skip: $command  (the suite itself, which runs this script)"; skipped=$((skipped + 1)); continue ;;
        "cargo install "*)
            echo "skip: $command  (a release build of this binary; the debug build stands in)"; skipped=$((skipped + 1)); continue ;;
        "pip install"* | "python -m venv"* | "earl-env/"* | "PYSPARK_PYTHON="*)
            echo "skip: $command  (the package: scripts/python-test.sh builds and installs it; a cluster is not here)"; skipped=$((skipped + 1)); continue ;;
        "cargo run --release -- "*)
            run="earl ${command#cargo run --release -- }" ;;
        "earl update"*"--from-dir"*) ;;
        "earl update"*)
            echo "skip: $command  (fetches from trade.gov and federalregister.gov; --from-dir stands in)"; skipped=$((skipped + 1)); continue ;;
        "earl serve"*)
            # A server runs until stopped: it must still be serving after 3 s (timeout's 124),
            # on a free port so that a busy 8080 does not fail the test.
            rest="${command#earl serve}"
            run="timeout 3 earl serve --addr 127.0.0.1:0 ${rest/--addr 127.0.0.1:8080/}"
            expect=124 ;;
        "earl mcp"*)
            # A client's session: initialize, then the end of stdin ends the server.
            run="printf '%s\n' '$MCP_INITIALIZE' | $command" ;;
    esac
    ran=$((ran + 1))
    set +e
    (cd "$work/run" && bash -c "$run" </dev/null >"$work/out" 2>"$work/err")
    code=$?
    set -e
    if [[ $code -eq $expect ]]; then
        echo "ok:   $command"
    else
        failed=$((failed + 1))
        echo "FAIL: $command  (exit $code, expected $expect)"
        sed 's/^/      /' "$work/err" | tail -5
    fi
done <"$work/commands"

echo "readme-test: $ran run, $skipped skipped, $failed failed"
[[ $ran -gt 30 ]] || { echo "readme-test: too few commands found in README.md" >&2; exit 1; }
[[ $failed -eq 0 ]]
