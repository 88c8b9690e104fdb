#!/usr/bin/env bash
# Times `earl check --batch` on 1,000,000 generated orders, without and with end-user screening.
# Prints wall-clock seconds and rows per second for each run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p earl-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
# The screening index built before the clock starts, as any machine that screened once has it.
target/release/earl --no-audit screen "index warm-up" >/dev/null
python3 scripts/gen-orders.py 1000000 "$work/orders.csv" ""
python3 scripts/gen-orders.py 1000000 "$work/orders-parties.csv" parties
for f in orders orders-parties; do
  start=$(date +%s.%N)
  target/release/earl --no-audit check --batch "$work/$f.csv" --out "$work/$f.out.csv" 2>"$work/$f.err" || true
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]}: 1,000,000 rows in {s:.2f} s ({1e6/s:,.0f} rows/s)')" "$start" "$end" "$f"
  tail -n 1 "$work/$f.err"
done
