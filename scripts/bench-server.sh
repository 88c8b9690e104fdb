#!/usr/bin/env bash
# Load test of `earl serve` with the audit trail on: builds the release binary, starts the
# server on a random loopback port with a fresh audit database, drives it from a second
# process with wrk (Debian's package, installed if missing), and prints throughput and
# p50/p99 latency of POST /v1/check (H200 to CN) and GET /v1/screen at 64 and 1,000
# concurrent connections. Then stops the server with SIGTERM and verifies the audit trail.
#
#   scripts/bench-server.sh                 (DURATION=10s per run by default)
#   DURATION=5s CONNECTIONS="64" scripts/bench-server.sh
#
# Target: p99 < 10 ms for /v1/check at 64 connections. Note that wrk and the server share the
# machine's cores, and every answered request is a durable, synced audit record.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-64 1000}"

# 1,000 connections need 1,000 sockets on each side, beyond the usual soft limit of 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
echo "open-file limit: $(ulimit -n)"

if ! command -v wrk >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

(cd "$repo" && cargo build --release -q -p earl-cli)
earl="$target/release/earl"

# The audit database goes on the same disk as the build, not a tmpfs, so its syncs are real.
work="$(mktemp -d -p "$target" bench-server.XXXXXX)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$earl" --db "$work/audit.sqlite" serve --addr 127.0.0.1:0 >"$work/serve.log" 2>&1 &
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

# Prints one result row from wrk's --latency report.
run() {
    local name="$1" conns="$2" path="$3" script="$4"
    local threads=2 out
    local args=(-t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency)
    [[ -n "$script" ]] && args+=(-s "$script")
    out="$(wrk "${args[@]}" "$url$path")"
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
done

kill -TERM "$server_pid"
wait "$server_pid" || { echo "earl serve exited with $? on SIGTERM" >&2; exit 1; }
server_pid=""
echo
echo "audit trail after the runs: $("$earl" --db "$work/audit.sqlite" audit verify --json | tr -d '\n ')"
