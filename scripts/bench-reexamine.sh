#!/usr/bin/env bash
# Times `earl audit rescreen` over 100,000 recorded parties and `earl audit recheck` over 100,000
# recorded checks. The trail is filled by one `earl check --batch` of 100,000 orders, every row
# naming an end user (N distinct names, default 100,000: the worst case, no repeat customer;
# one in twenty is a name of the bundled list). Then: rescreen against the bundled list (cold),
# again (incremental: nothing to screen), against a list with 1% of the Entity List removed
# (a new list hash: everything screened again), and recheck. Prints seconds and peak resident
# memory (GNU time's %M) for each, with the machine's 1-minute load average when it started
# (another build on the machine slows every figure).
#
#   ROWS=10000 DISTINCT=10000 scripts/bench-reexamine.sh
#   EARL_BIN=path/to/earl scripts/bench-reexamine.sh      (a given binary; no build)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-100000}
distinct=${DISTINCT:-100000}
if [[ -n "${EARL_BIN:-}" ]]; then
  earl="$EARL_BIN"
else
  cargo build --release --locked -p earl-cli
  earl="${CARGO_TARGET_DIR:-target}/release/earl"
fi
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }
load() { cut -d' ' -f1 /proc/loadavg; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export EARL_DB="$work/audit.sqlite" EARL_DATA_DIR="$work/data" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/home"
python3 - "$rows" "$distinct" "$work/orders.csv" <<'PY'
import csv, random, sys
rows, distinct, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(10)
listed = [r["name"] for r in csv.DictReader(open("data/csl/consolidated.csv", encoding="utf-8"))]
words = ["Advanced", "Pacific", "Golden", "Bright", "Northern", "Unity", "Star", "Harbor", "Summit", "Delta",
         "Quantum", "Silver", "Ocean", "Vertex", "Lotus", "Crown", "Falcon", "Jade", "Nova", "Prime"]
kinds = ["Electronics", "Trading", "Technology", "Logistics", "Semiconductor", "Computing", "Systems", "Data"]
forms = ["Co., Ltd.", "GmbH", "Pte. Ltd.", "LLC", "S.A.", "Limited", "Inc."]
names = []
for i in range(distinct):
    if i % 20 == 0:
        names.append(random.choice(listed))
    else:
        names.append(f"{random.choice(words)} {random.choice(words)} {random.choice(kinds)} {i} {random.choice(forms)}")
chips = ["H200", "H100", "H20", "A100", "RTX 4090", "L40S", "B200", "MI300X", "T4", "L4"]
dests = ["CN", "HK", "SG", "MY", "AE", "DE", "GB", "JP", "IN", "US"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["chip", "destination", "end_user", "end_user_hq", "date", "quantity"])
    for i in range(rows):
        y, m, d = random.choice([2023, 2024, 2025, 2026]), random.randint(1, 12), random.randint(1, 28)
        w.writerow([random.choice(chips), random.choice(dests), names[i % distinct], "", f"{y}-{m:02d}-{d:02d}", random.randint(1, 5000)])
PY
python3 - "$work/fewer.csv" <<'PY'
import sys
lines = open("data/csl/consolidated.csv", encoding="utf-8").read().splitlines(keepends=True)
out, el = [lines[0]], 0
for l in lines[1:]:
    if ",Entity List (EL)" in l:
        el += 1
        if el % 100 == 0:
            continue
    out.append(l)
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
time_it() {
  local label=$1; shift
  local start end load_then
  load_then=$(load)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$earl" "$@" > "$work/out.json"
  end=$(date +%s.%N)
  python3 -c "import json,sys; s=float(sys.argv[2])-float(sys.argv[1]); r=json.load(open(sys.argv[4])); keys=[k for k in ('records','parties','screened','reused','from_records','questions') if k in r]; extra=', '.join(f'{k} {r[k]:,}' for k in keys); u=r.get('unchanged_by_update'); extra += f\", unchanged by the update {u['names']:,}\" if u else ''; n=sum(len(r.get(k,[])) for k in ('new_hits','cleared','changed')); print(f'{sys.argv[3]}: {s:.2f} s, peak {int(sys.argv[5])/1024:.0f} MiB, load {sys.argv[6]} ({extra}; {n:,} changes reported)')" "$start" "$end" "$label" "$work/out.json" "$(tail -n 1 "$work/rss")" "$load_then"
}
load_then=$(load)
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/rss" "$earl" check --batch "$work/orders.csv" --out "$work/orders.out.csv" 2>"$work/batch.err" || true
end=$(date +%s.%N)
python3 -c "import sys; print(f'recording {sys.argv[3]} checks (check --batch): {float(sys.argv[2])-float(sys.argv[1]):.2f} s, peak {int(sys.argv[4])/1024:.0f} MiB, load {sys.argv[5]}')" "$start" "$end" "$rows" "$(tail -n 1 "$work/rss")" "$load_then"
tail -n 1 "$work/batch.err"
time_it "rescreen, cold" audit rescreen --json
time_it "rescreen, same lists again" audit rescreen --json
cp "$work/audit.sqlite" "$work/before-update.sqlite"
time_it "rescreen, a new list (1% of EL removed), delta" --lists "$work/fewer.csv" audit rescreen --json
cp "$work/out.json" "$work/delta.json"
# The same re-screen in full: the trail as it was before, the earlier lists' index set aside.
mkdir -p "$work/aside"
mv "$work"/cache/earl/index/*.idx "$work/aside/"
EARL_DB="$work/before-update.sqlite" time_it "rescreen, a new list (1% of EL removed), full" --lists "$work/fewer.csv" audit rescreen --json
mv "$work"/aside/*.idx "$work/cache/earl/index/"
python3 - "$work/delta.json" "$work/out.json" <<'PY'
import json, sys
delta, full = (json.load(open(p)) for p in sys.argv[1:])
same = all(delta[k] == full[k] for k in ("new_hits", "reraised", "cleared", "parties", "not_read"))
print(f"delta and full re-screens report the same changes: {same}")
sys.exit(0 if same else 1)
PY
time_it "recheck, same data" audit recheck --json
time_it "recheck, the new list" --lists "$work/fewer.csv" audit recheck --json
"$earl" audit verify | tail -n 1
