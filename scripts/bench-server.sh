#!/usr/bin/env bash
# Load test of `earl serve` with the audit trail on: builds the release binary, starts the
# server on a random loopback port with a fresh audit database, drives it from a second
# process with wrk (Debian's package, installed if missing), and prints throughput and
# p50/p99 latency of POST /v1/check (H200 to CN) and GET /v1/screen at 64 and 1,000
# concurrent connections. Then stops the server with SIGTERM and verifies the audit trail.
#
# Then, unless RATES is empty, the same at fixed request rates with `hey` (Debian's package;
# -q paces each of its 64 connections), so latency is also seen below saturation: wrk's
# closed loop at 64 connections always measures a full queue, where latency is 64 divided
# by throughput whatever the server does. hey's connections tick together, so its load comes
# in bursts of 64 requests: its p50 is about the time to answer one burst, not one request.
#
#   scripts/bench-server.sh                 (DURATION=10s per run by default)
#   DURATION=5s CONNECTIONS="64" RATES="1000 2000" scripts/bench-server.sh
#   EARL_BIN=path/to/earl scripts/bench-server.sh    (a given binary; no build)
#   SOAK=600s SOAK_RATE=1000 scripts/bench-server.sh (then a soak with the server's RSS sampled)
#   SKIP_NO_AUDIT=1 ...                              (skip the audit-off comparison)
#   PIN=0 ...                                        (do not pin; see below)
#   CONTRACT=0 ...                                   (skip the closing schemathesis run)
#
# On a machine with at least two cores the server is pinned to core 0 and the load generators
# to core 1 (taskset), so the figures measure the server on one core of its own rather than
# the scheduler's choices between it and wrk; the server's runtime then has one worker thread
# per core it may use. PIN=0 leaves both to the scheduler.
#
# Target: p99 < 10 ms for /v1/check at 64 connections. Note that the load generator and the
# server share the machine's cores (the load average is printed before and after: other
# builds on the machine skew the figures), and every answered request is a durable, synced
# audit record.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64 1000}"
rates="${RATES-1000 2000 3000}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# 1,000 connections need 1,000 sockets on each side, beyond the usual soft limit of 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
echo "open-file limit: $(ulimit -n)"

server_cpu=(); client_cpu=(); wrk_threads=2
if [[ "${PIN:-1}" != 0 ]] && (($(nproc) >= 2)) && command -v taskset >/dev/null; then
    server_cpu=(taskset -c 0); client_cpu=(taskset -c 1); wrk_threads=1
    echo "pinned: earl serve on core 0, wrk and hey on core 1"
fi

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[[ -z "$rates" ]] || command -v hey >/dev/null || missing+=(hey)
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ -n "${EARL_BIN:-}" ]]; then
    earl="$EARL_BIN"
else
    (cd "$repo" && cargo build --release -q -p earl-cli)
    earl="$target/release/earl"
fi

# The audit database goes on the same disk as the build, not a tmpfs, so its syncs are real.
work="$(mktemp -d -p "$target" bench-server.XXXXXX)"
# Its screening index too: nothing under $HOME.
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"${server_cpu[@]}" "$earl" --db "$work/audit.sqlite" serve --addr 127.0.0.1:0 --max-requests 2048 >"$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 300); do
    url="$(grep -o 'http://[^ /]*' "$work/serve.log" | head -1 || true)"
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; echo "earl serve did not start" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$url" ]] || { cat "$work/serve.log"; echo "earl serve printed no address" >&2; exit 1; }
echo "earl serve at $url (audit trail $work/audit.sqlite)"

cat >"$work/check.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"chip":"H200","to":"CN","date":"2026-03-01"}'
EOF
screen_path="/v1/screen?q=Huawei%20Technologies"
# GET /v1/screen also with varied names (VARIED names, default 20,000: more than the server
# keeps recent answers for, so nearly every request screens): half names of the bundled list,
# half generated company names, as scripts/bench-reexamine.sh makes them. The fixed name above
# measures the recent-answer cache; these measure screening itself.
python3 - "$repo/data/csl/consolidated.csv" "${VARIED:-20000}" "$work/names.txt" <<'PY'
import csv, random, sys, urllib.parse
random.seed(27)
listed = [r["name"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
words = ["Advanced", "Pacific", "Golden", "Bright", "Northern", "Unity", "Star", "Harbor", "Summit", "Delta"]
kinds = ["Electronics", "Trading", "Technology", "Logistics", "Semiconductor", "Computing", "Systems", "Data"]
forms = ["Co., Ltd.", "GmbH", "Pte. Ltd.", "LLC", "S.A.", "Limited", "Inc."]
with open(sys.argv[3], "w") as f:
    for i in range(int(sys.argv[2])):
        name = random.choice(listed) if i % 2 == 0 else \
            f"{random.choice(words)} {random.choice(words)} {random.choice(kinds)} {i} {random.choice(forms)}"
        f.write(urllib.parse.quote(name) + "\n")
PY
cat >"$work/names.lua" <<EOF
local names = {}
for line in io.lines("$work/names.txt") do names[#names + 1] = line end
local i = math.random(#names)
request = function()
    i = i % #names + 1
    return wrk.format("GET", "/v1/screen?q=" .. names[i])
end
EOF

# Prints one result row from wrk's --latency report.
run() {
    local name="$1" conns="$2" path="$3" script="$4"
    local threads="$wrk_threads" out
    local args=(-t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency)
    [[ -n "$script" ]] && args+=(-s "$script")
    out="$("${client_cpu[@]}" wrk "${args[@]}" "$url$path")"
    local rps p50 p99 errors non2xx
    rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
    errors="$(awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}' <<<"$out")"
    printf '%-16s %6s %12s %10s %10s   %s\n' "$name" "$conns" "$rps" "$p50" "$p99" \
        "${non2xx:+non-2xx $non2xx }${errors:+socket errors: $errors}"
}

# Warm-up: the first requests fault in pages and fill caches.
wrk -t1 -c8 -d2s -s "$work/check.lua" "$url/v1/check" >/dev/null
wrk -t1 -c8 -d2s "$url$screen_path" >/dev/null

printf '\n%-16s %6s %12s %10s %10s\n' "endpoint" "conns" "requests/s" "p50" "p99"
for conns in $connections; do
    run "POST /v1/check" "$conns" "/v1/check" "$work/check.lua"
    run "GET /v1/screen" "$conns" "$screen_path" ""
    run "GET /v1/screen *" "$conns" "/v1/screen" "$work/names.lua"
done
echo "(* varied names: ${VARIED:-20000} of them, in turn)"

# Fixed rates: 64 connections, each paced to RATE/64 requests per second.
if [[ -n "$rates" ]]; then
    body='{"chip":"H200","to":"CN","date":"2026-03-01"}'
    printf '\n%-16s %6s %12s %10s %10s   (hey, 64 connections at a fixed rate)\n' "endpoint" "rate" "requests/s" "p50" "p99"
    paced() {
        local name="$1" rate="$2"; shift 2
        local out rps p50 p99 non200
        out="$("${client_cpu[@]}" hey -z "$duration" -c 64 -q "$(((rate + 63) / 64))" "$@")"
        rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
        p50="$(awk '/ 50% in / {printf "%.2fms", $3 * 1000}' <<<"$out")"
        p99="$(awk '/ 99% in / {printf "%.2fms", $3 * 1000}' <<<"$out")"
        non200="$(awk '/^\s*\[[0-9]+\]/ && $1 != "[200]" {printf "%s%s ", $1, $2}' <<<"$out")"
        printf '%-16s %6s %12s %10s %10s   %s\n' "$name" "$rate" "$rps" "$p50" "$p99" "${non200:+status $non200}"
    }
    for rate in $rates; do
        paced "POST /v1/check" "$rate" -m POST -T application/json -d "$body" "$url/v1/check"
        paced "GET /v1/screen" "$rate" "$url$screen_path"
    done
fi

# The same 64-connection check against a second server with the audit trail off, in this run,
# so the audit trail's share of the tail is a ratio of figures taken together.
if [[ -z "${SKIP_NO_AUDIT:-}" ]]; then
    "${server_cpu[@]}" "$earl" --no-audit serve --addr 127.0.0.1:0 >"$work/serve-no-audit.log" 2>&1 &
    no_audit_pid=$!
    no_audit_url=""
    for _ in $(seq 1 300); do
        no_audit_url="$(grep -so 'http://[^ /]*' "$work/serve-no-audit.log" | head -1 || true)"
        [[ -n "$no_audit_url" ]] && break
        sleep 0.1
    done
    audited_url="$url"
    url="$no_audit_url"
    wrk -t1 -c8 -d2s -s "$work/check.lua" "$url/v1/check" >/dev/null
    printf '\n%-16s %6s %12s %10s %10s   (wrk, audit trail OFF)\n' "endpoint" "conns" "requests/s" "p50" "p99"
    run "POST /v1/check" 64 /v1/check "$work/check.lua"
    kill -TERM "$no_audit_pid" 2>/dev/null || true
    wait "$no_audit_pid" 2>/dev/null || true
    url="$audited_url"
fi

# Soak (SOAK=600s): a fixed rate (SOAK_RATE, default 1000/s) of checks for that long against
# the audited server, its resident memory sampled every 10 s.
if [[ -n "${SOAK:-}" ]]; then
    soak_rate="${SOAK_RATE:-1000}"
    body='{"chip":"H200","to":"CN","date":"2026-03-01"}'
    echo
    echo "soak: POST /v1/check at $soak_rate/s for $SOAK, RSS of the server every 10 s"
    "${client_cpu[@]}" hey -z "$SOAK" -c 64 -q "$(((soak_rate + 63) / 64))" -m POST -T application/json -d "$body" \
        "$url/v1/check" >"$work/soak.txt" &
    hey_pid=$!
    started=$SECONDS
    while kill -0 "$hey_pid" 2>/dev/null; do
        rss="$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status")"
        echo "  t=$((SECONDS - started))s  RSS ${rss} MiB"
        sleep 10
    done
    wait "$hey_pid" || true
    awk '/Requests\/sec/ {print "  requests/s " $2} / 50% in / {printf "  p50 %.2fms\n", $3 * 1000} / 99% in / {printf "  p99 %.2fms\n", $3 * 1000}' "$work/soak.txt"
    awk '/^\s*\[[0-9]+\]/ {print "  status " $1 " " $2}' "$work/soak.txt"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

kill -TERM "$server_pid"
wait "$server_pid" || { echo "earl serve exited with $? on SIGTERM" >&2; exit 1; }
server_pid=""
echo
echo "audit trail after the runs: $("$earl" --db "$work/audit.sqlite" audit verify --json | tr -d '\n ')"

# A longer contract run than the one in scripts/test-all.sh: more examples per operation and
# another seed, against this binary.
if [[ "${CONTRACT:-1}" != 0 ]]; then
    echo
    MAX_EXAMPLES="${CONTRACT_EXAMPLES:-200}" SEED="${CONTRACT_SEED:-7}" EARL_BIN="$earl" \
        bash "$repo/scripts/contract-test.sh"
fi
