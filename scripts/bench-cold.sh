#!/usr/bin/env bash
# Cold-start figures of issue 9: a one-off screen, an audited check and a match, each against
# `earl classify H200 --no-audit` as the yardstick, as ratios taken pair by pair in one run
# (farm-bench --vs), with peak memory; and the first screen that builds the index.
# Usage: scripts/bench-cold.sh [EARL_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
earl="${1:-target/release/earl}"
[ -x "$earl" ] || cargo build --release -p earl-cli
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data" XDG_CACHE_HOME="$data/cache"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
yardstick="$earl classify H200 --no-audit"
echo "== first screen (builds and stores the index)"
/usr/bin/time -f "%e s wall, %M KB peak" "$earl" screen "Huawei Technologies" --no-audit >/dev/null
echo "== one-off screen, index stored"
farm-bench -n 10 --vs "$yardstick" -- "$earl" screen "Huawei Technologies" --no-audit
echo "== audited check without an end user (no lists loaded)"
farm-bench -n 10 --vs "$yardstick" -- "$earl" check H200 --to CN
echo "== match (token statistics only)"
farm-bench -n 10 --vs "$yardstick" -- "$earl" match "Huawei Technologies" "Hua Wei Technology" --no-audit
echo "== audited check with an end user"
farm-bench -n 10 --vs "$yardstick" -- "$earl" check H200 --to CN --end-user "Nettrix Information Industry"
