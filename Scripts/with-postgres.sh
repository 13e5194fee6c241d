#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 and stops it afterwards, even when the
# command fails. The server's URL is exported as SMALLWINS_TEST_POSTGRES_URL.
#   bash Scripts/with-postgres.sh swift test
# Installs the PostgreSQL server from Debian's packages when it is missing and this runs as root. The server
# does not sync to disk and keeps 512 MB of shared buffers (the default 128 MB holds less than the dashboard
# aggregates of a 1,000,000-win district, see Documentation/Performance.md).
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN=$(find_bin)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing the PostgreSQL server (apt-get install postgresql)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
    PGBIN=$(find_bin)
  else
    echo "PostgreSQL server not found: install it (sudo apt-get install postgresql) and run again." >&2
    exit 1
  fi
fi

PGDATA=$(mktemp -d)
PGPORT=${SMALLWINS_TEST_POSTGRES_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; fi

stop() {
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop EXIT

as_owner "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" >/dev/null

export SMALLWINS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres?sslmode=disable"
echo "Throwaway PostgreSQL on 127.0.0.1:$PGPORT ($("$PGBIN/postgres" --version))"
set +e
"$@"
status=$?
set -e
exit $status
