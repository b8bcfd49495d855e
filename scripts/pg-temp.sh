#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a loopback port, for tests and benchmarks.
#   scripts/pg-temp.sh start DIR PORT   -> prints the connection URI on stdout
#   scripts/pg-temp.sh stop DIR
# For fault tests (tests/fault/pg_restart_test.sh), the server of a started cluster:
#   scripts/pg-temp.sh restart DIR      (fast shutdown: clients get "terminating connection")
#   scripts/pg-temp.sh down DIR | up DIR
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
command="$1"
dir="$2"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    port="$3"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$PGBIN/initdb" -D "$dir/data" -U tdkt --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    echo "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >"$dir/options"
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(cat "$dir/options")" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql "host=127.0.0.1 port=$port user=tdkt dbname=postgres" -v ON_ERROR_STOP=1 -qAt -c "CREATE DATABASE tdkt_test" >/dev/null
    echo "postgresql://tdkt@127.0.0.1:$port/tdkt_test"
    ;;
  restart)
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 -o "$(cat "$dir/options")" \
      restart >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  down)
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    ;;
  up)
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(cat "$dir/options")" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | restart DIR | down DIR | up DIR" >&2
    exit 2
    ;;
esac
