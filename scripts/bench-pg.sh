#!/usr/bin/env bash
# Applications per second and catalog search latency with one and with two
# `gongkai serve` processes on one PostgreSQL database, next to one server on
# SQLite, driven by wrk (docs/performance.md). PostgreSQL runs durable here
# (fsync and synchronous_commit on, unlike the tests' cluster), on the same
# machine as the servers and wrk.
# Usage: scripts/bench-pg.sh [BUILD_DIR] [SECONDS]   (GK_BENCH_RECORDS: corpus size, 20000)
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
cd "$(dirname "$0")/.."
records=${GK_BENCH_RECORDS:-20000}
corpus=/tmp/gk-search-bench-$records.db
if [ ! -f "$corpus.complete" ]; then
  echo "generating the corpus with search_bench …" >&2
  GK_BENCH_RECORDS=$records "$build/bench/search_bench" --benchmark_filter=BM_Import >/dev/null
fi
work=$(mktemp -d)
state=$work/pg
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  GK_PG_DURABLE=1 scripts/pg-test-cluster.sh stop "$state" || true
  rm -rf "$work"
}
trap cleanup EXIT
GK_PG_DURABLE=1 scripts/pg-test-cluster.sh start "$state" >&2
admin=$(cat "$state/url")
pg_url() { echo "${admin%/*}/$1"; }
psql_admin() { psql "$admin" -qAt -c "$1"; }

serve() {  # url port → starts a server in the background, waits for /readyz
  "$build/gongkai" serve --db "$1" --listen "127.0.0.1:$2" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$2/readyz" >/dev/null && return; sleep 0.1; done
  echo "server on $2 did not become ready" >&2; exit 1
}
stop_servers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
}
# wrk against each port at once (8 connections in all), results summed.
drive() {  # label lua path port...
  local label=$1 lua=$2 path=$3; shift 3
  local n=$# c=$(( 8 / $# )) out=() wrks=()
  for port in "$@"; do
    out+=("$work/wrk-$port.txt")
    wrk -t1 -c"$c" -d"${seconds}s" -s "$lua" "http://127.0.0.1:$port$path" >"$work/wrk-$port.txt" &
    wrks+=($!)
  done
  wait "${wrks[@]}"
  echo "== $label ($n server(s), 8 connections)"
  grep -h '^result:' "${out[@]}"
}

port=$(( 20000 + RANDOM % 20000 ))
q='%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF'             # 政府信息
q2='%E5%9C%9F%E5%9C%B0%20%E5%BE%81%E6%94%B6%20%E8%A1%A5%E5%81%BF'  # 土地 征收 补偿

# --- SQLite, one server
cp "$corpus" "$work/s.db"
"$build/gongkai" demo --agencies-only --db "sqlite:$work/s.db" >/dev/null
serve "sqlite:$work/s.db" "$port"
drive "SQLite: applications" bench/apply_result.lua /api/v1/applications "$port"
drive "SQLite: search 政府信息" bench/latency.lua "/api/v1/records?q=$q" "$port"
drive "SQLite: search 土地 征收 补偿" bench/latency.lua "/api/v1/records?q=$q2" "$port"
stop_servers
"$build/gongkai" verify --db "sqlite:$work/s.db"

# --- PostgreSQL: the same corpus, migrated
psql_admin "CREATE DATABASE bench"
db=$(pg_url bench)
cp "$corpus" "$work/c.db"
"$build/gongkai" demo --agencies-only --db "sqlite:$work/c.db" >/dev/null
"$build/gongkai" migrate --from "sqlite:$work/c.db" --to "$db"
for servers in 1 2; do
  ports=()
  for i in $(seq 1 "$servers"); do serve "$db" $(( port + i )); ports+=($(( port + i ))); done
  drive "PostgreSQL: applications" bench/apply_result.lua /api/v1/applications "${ports[@]}"
  drive "PostgreSQL: search 政府信息" bench/latency.lua "/api/v1/records?q=$q" "${ports[@]}"
  drive "PostgreSQL: search 土地 征收 补偿" bench/latency.lua "/api/v1/records?q=$q2" "${ports[@]}"
  stop_servers
done
"$build/gongkai" verify --db "$db"
