#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (and benchmarks):
#   scripts/pg-test-cluster.sh start STATE_DIR   initdb into a new temporary
#       directory, start on a free 127.0.0.1 port with trust authentication,
#       write the connection URL to STATE_DIR/url
#   scripts/pg-test-cluster.sh stop STATE_DIR    stop it and delete its data
# Runs the server as user `postgres` when started as root (PostgreSQL refuses
# to run as root). The cluster trades durability for speed (fsync=off): it
# holds test data only and is deleted afterwards. GK_PG_DURABLE=1 keeps
# PostgreSQL's durable defaults (benchmarks: scripts/bench-pg.sh). Fails loudly, saying why,
# when PostgreSQL cannot start — the tests never skip it.
set -euo pipefail

cmd=${1:-}
state=${2:-}
if [[ -z "$cmd" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi

bindir=${GK_PG_BINDIR:-}
if [[ -z "$bindir" ]]; then
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x "$d/initdb" ]]; then bindir=$d; break; fi
  done
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "pg-test-cluster: PostgreSQL server binaries not found (install postgresql-15: scripts/deps.sh)" >&2
  exit 1
fi

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$state"
    if [[ -f "$state/datadir" ]]; then "$0" stop "$state" || true; mkdir -p "$state"; fi
    data=$(mktemp -d /tmp/gk-pg-XXXXXX)
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$data"; fi
    chmod 700 "$data"
    echo "$data" > "$state/datadir"
    as_pg "$bindir/initdb" -D "$data/db" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --lc-collate=C -N >"$data/initdb.log" 2>&1 || {
      echo "pg-test-cluster: initdb failed:" >&2; cat "$data/initdb.log" >&2; exit 1; }
    # A free port: try random ones until nothing answers.
    port=
    for _ in $(seq 1 50); do
      p=$((20000 + RANDOM % 30000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
    done
    [[ -n "$port" ]] || { echo "pg-test-cluster: no free port found" >&2; exit 1; }
    speed="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    [[ "${GK_PG_DURABLE:-0}" == 1 ]] && speed=""
    as_pg "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 $speed -c max_connections=300 \
-c shared_buffers=128MB" start >/dev/null || {
      echo "pg-test-cluster: the server did not start:" >&2; cat "$data/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres" > "$state/url"
    echo "pg-test-cluster: $(cat "$state/url") (data in $data)"
    ;;
  stop)
    [[ -f "$state/datadir" ]] || exit 0
    data=$(cat "$state/datadir")
    as_pg "$bindir/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$data" "$state/datadir" "$state/url"
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
