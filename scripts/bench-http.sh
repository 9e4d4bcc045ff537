#!/usr/bin/env bash
# Applications taken in per second over HTTP on SQLite: starts `gongkai serve`
# on a temporary database and drives POST /api/v1/applications with wrk.
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
"$build/gongkai" serve --db "sqlite:$dir/b.db" --listen "127.0.0.1:$port" --demo 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
wrk -t2 -c8 -d"${seconds}s" -s bench/apply.lua "http://127.0.0.1:$port/api/v1/applications"
echo "verify:"; "$build/gongkai" verify --db "sqlite:$dir/b.db"
