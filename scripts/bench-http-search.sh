#!/usr/bin/env bash
# Catalog search over HTTP at 100,000 records (GK_BENCH_RECORDS for another
# size): starts `gongkai serve` on a copy of search_bench's corpus and drives
# /search?q=… and /api/v1/records?q=… (latency p50/p95) and the home page /
# (requests per second) with wrk; then nginx serves a static copy of the same
# home page on another port: the ceiling of requests per second on this
# machine. Usage: scripts/bench-http-search.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
cd "$(dirname "$0")/.."
records=${GK_BENCH_RECORDS:-100000}
corpus=/tmp/gk-search-bench-$records.db
if [ ! -f "$corpus.complete" ]; then
  echo "generating the corpus with search_bench …" >&2
  GK_BENCH_RECORDS=$records "$build/bench/search_bench" --benchmark_filter=BM_Import >/dev/null
fi
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
dir=$(mktemp -d)
chmod 755 "$dir"
port=$(( 20000 + RANDOM % 20000 ))
nginx_port=$(( port + 1 ))
cp "$corpus" "$dir/s.db"
"$build/gongkai" serve --db "sqlite:$dir/s.db" --listen "127.0.0.1:$port" 2>/dev/null &
pid=$!
nginx_pid=
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# bench/latency.lua prints one "result:" line with requests/s and p50/p95/p99.
# One connection: the latency of a request alone. Eight (as
# scripts/bench-http.sh): requests per second, and the latency under load.
drive() {  # label url [connections]
  local c=${3:-8} t=2
  [ "$c" -gt 1 ] || t=1
  echo "== $1, $c connection(s)  $2"
  wrk -t"$t" -c"$c" -d"${seconds}s" -s bench/latency.lua "$2" | grep -E '^result:'
}
base="http://127.0.0.1:$port"
# 政府信息 (606 matches at 100,000 records), 安全 (54,937), 土地 征收 补偿 (18,197)
q_narrow='%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF'
q_broad='%E5%AE%89%E5%85%A8'
q_three='%E5%9C%9F%E5%9C%B0%20%E5%BE%81%E6%94%B6%20%E8%A1%A5%E5%81%BF'
for q in "$q_narrow" "$q_broad" "$q_three"; do
  for c in 1 8; do
    drive "search page" "$base/search?q=$q" "$c"
    drive "API" "$base/api/v1/records?q=$q" "$c"
  done
done
drive "home page (gongkai)" "$base/"

# The ceiling: nginx serving the same page as a static file.
mkdir -p "$dir/www" "$dir/tmp"
curl -sf "$base/" >"$dir/www/index.html"
chmod -R a+rX "$dir/www"
cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $dir/www;
    index index.html;
  }
}
CONF
nginx -p "$dir" -e "$dir/nginx-error.log" -c "$dir/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null && break; sleep 0.1; done
echo "home page: $(wc -c <"$dir/www/index.html") bytes"
drive "home page (nginx, static copy)" "http://127.0.0.1:$nginx_port/"
