#!/usr/bin/env bash
# `earl screen --batch` throughput (issue 27: ≥ 10,000 names/s on this 2-core machine): N names
# (default 20,000), half taken from the bundled list, half generated company names that share its
# words ("Crown Summit Semiconductor 17 GmbH"), screened with --no-audit and audited. Prints
# names/s, CPU seconds and peak memory (GNU time), with the 1-minute load beside each run (a
# build on the machine slows every figure). With a second binary, the two run in turn, each
# against its own index cache (another build's index is rebuilt, not read: sharing a cache
# would time index builds), and their outputs are compared.
#
#   scripts/bench-screen-batch.sh [EARL_BIN [EARL_BIN_B]]     NAMES=5000 RUNS=3 ...
set -euo pipefail
cd "$(dirname "$0")/.."
a="${1:-target/release/earl}"
b="${2:-}"
[ -x "$a" ] || cargo build --release --locked -p earl-cli
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }
names=${NAMES:-20000}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/home" EARL_DB="$work/audit.sqlite"
python3 - "$names" "$work/names.csv" <<'PY'
import csv, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(27)
listed = [r["name"] for r in csv.DictReader(open("data/csl/consolidated.csv", encoding="utf-8"))]
words = ["Advanced", "Pacific", "Golden", "Bright", "Northern", "Unity", "Star", "Harbor", "Summit", "Delta",
         "Quantum", "Silver", "Ocean", "Vertex", "Lotus", "Crown", "Falcon", "Jade", "Nova", "Prime"]
kinds = ["Electronics", "Trading", "Technology", "Logistics", "Semiconductor", "Computing", "Systems", "Data"]
forms = ["Co., Ltd.", "GmbH", "Pte. Ltd.", "LLC", "S.A.", "Limited", "Inc."]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name"])
    for i in range(n):
        if i % 2 == 0:
            w.writerow([random.choice(listed)])
        else:
            w.writerow([f"{random.choice(words)} {random.choice(words)} {random.choice(kinds)} {i} {random.choice(forms)}"])
PY
run() { # label binary cache out [extra args]
  local label=$1 bin=$2 cache=$3 out=$4
  shift 4
  rm -f "$EARL_DB"*
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  XDG_CACHE_HOME="$cache" /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "$bin" screen --batch "$work/names.csv" --json --out "$out" "$@" 2>/dev/null || true
  read -r wall user sys peak < <(tail -n 1 "$work/time")
  python3 -c "import sys; n,w,u,s,p=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]),int(sys.argv[5]); print(f'{sys.argv[6]:<28} {n/w:8,.0f} names/s  {w:6.2f} s wall  {u+s:6.2f} s CPU  {p/1024:5.0f} MiB  load {sys.argv[7]}')" \
    "$names" "$wall" "$user" "$sys" "$peak" "$label" "$load"
}
declare -A bins=([A]="$a")
[[ -n "$b" ]] && bins[B]="$b"
for tag in "${!bins[@]}"; do
  # The index, built once per binary before timing.
  XDG_CACHE_HOME="$work/cache-$tag" "${bins[$tag]}" screen "warm up" --no-audit >/dev/null 2>&1
done
for i in $(seq "$runs"); do
  for tag in A ${b:+B}; do
    run "$tag --no-audit" "${bins[$tag]}" "$work/cache-$tag" "$work/out-$tag.json" --no-audit
    run "$tag audited" "${bins[$tag]}" "$work/cache-$tag" "$work/out-$tag-audited.json"
  done
done
if [[ -n "$b" ]]; then
  if cmp -s "$work/out-A.json" "$work/out-B.json"; then
    echo "A and B wrote the same lines"
  else
    python3 - "$work/out-A.json" "$work/out-B.json" <<'PY'
import json, sys
def rounded(v):
    # A binary that re-read its answers as JSON printed scores a last digit apart.
    if isinstance(v, float):
        return round(v, 12)
    if isinstance(v, dict):
        return {k: rounded(x) for k, x in v.items()}
    if isinstance(v, list):
        return [rounded(x) for x in v]
    return v
a = [rounded(json.loads(l)) for l in open(sys.argv[1])]
b = [rounded(json.loads(l)) for l in open(sys.argv[2])]
differ = [(x, y) for x, y in zip(a, b) if x != y]
print(f"A and B differ on {len(differ)} of {len(a)} lines (scores to 12 decimals)")
for x, y in differ[:5]:
    ids = lambda r: {(m["entry_id"], round(m["score"], 3)) for m in r.get("matches", [])}
    print(f"  {x.get('query')!r}: only A {sorted(ids(x) - ids(y))[:3]} | only B {sorted(ids(y) - ids(x))[:3]}")
PY
  fi
fi
