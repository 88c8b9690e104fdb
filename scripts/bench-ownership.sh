#!/usr/bin/env bash
# Measures the ownership graph on 1,000,000 CSV edges: `earl owners import` (parse, verify,
# SQLite write, graph hash) and a check that loads the graph and walks its end user's chains,
# each with wall-clock time and peak resident memory (GNU time). Prints figures; times nothing
# as a test.
#   scripts/bench-ownership.sh              # builds and uses target/release/earl
#   EARL_BIN=target/debug/earl scripts/bench-ownership.sh
set -euo pipefail
cd "$(dirname "$0")/.."
edges=${EDGES:-1000000}
if [[ -z "${EARL_BIN:-}" ]]; then
  cargo build --release --locked -p earl-cli
  EARL_BIN=target/release/earl
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Chains of ten: Holding k owns 60% of Holding k+1 within each chain; every name distinct.
python3 - "$edges" "$work/edges.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("owner,owned,percent,source,from\n")
    for i in range(n):
        chain, k = divmod(i, 10)
        f.write(f"Bench Holding {chain}-{k} Limited,Bench Holding {chain}-{k + 1} Limited,60,bench row {i},2020-01-01\n")
PY
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r seconds kb <"$work/time"
  printf '%s: %.2f s, peak RSS %.0f MB\n' "$label" "$seconds" "$(echo "$kb / 1024" | bc -l)"
}
export XDG_DATA_HOME="$work/home" XDG_CACHE_HOME="$work/cache"
measure "import of $edges edges" "$EARL_BIN" --data-dir "$work/data" owners import "$work/edges.csv"
ls -l "$work/data/ownership.sqlite" | awk '{printf "graph file: %.0f MB\n", $5 / 1048576}'
measure "check with the graph loaded (end user at the foot of a chain of 10)" \
  "$EARL_BIN" --data-dir "$work/data" --no-audit check H200 --to HK --end-user "Bench Holding 7-10 Limited" --date 2026-12-01 --json
measure "owners show (load and walk)" "$EARL_BIN" --data-dir "$work/data" owners show "Bench Holding 7-5 Limited" --json
