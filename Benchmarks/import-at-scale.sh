#!/usr/bin/env bash
# Atomic imports at scale, with the release CLI as a person runs it: a snapshot of WINS wins (the demo
# district's directory, its wins repeated with fresh ids; 1,000,000 by default) and the same wins as CSV with
# --create-missing, each imported into an empty SQLite file and (when SMALLWINS_BENCH_POSTGRES or
# SMALLWINS_TEST_POSTGRES_URL holds a URL) an empty PostgreSQL schema, timed with the process's peak memory.
# "copy" copies the SQLite store of the snapshot into an empty destination with `smallwins copy`.
# Then each run goes again and is killed with SIGKILL at a random moment within 10-90% of its time, and the
# destination is counted with sqlite3 or psql: it must hold no team, no win and no celebration.
# KINDS ("snapshot csv" by default) picks among "snapshot", "csv" and "copy"; the CSV and the copy's source come
# from the SQLite snapshot store. BACKENDS ("SQLite PostgreSQL" by default, PostgreSQL only with a URL) picks the
# destinations.
#   bash Benchmarks/import-at-scale.sh [WINS [KINDS [BACKENDS]]]
set -euo pipefail
cd "$(dirname "$0")/.."
wins=${1:-1000000}
kinds=${2:-snapshot csv}
data=${SMALLWINS_BENCH_DATA:-${TMPDIR:-/tmp}/smallwins-bench}/import-$wins
url=${SMALLWINS_BENCH_POSTGRES:-${SMALLWINS_TEST_POSTGRES_URL:-}}
export PGOPTIONS="-c client_min_messages=warning"
mkdir -p "$data"
swift build -c release --product smallwins >/dev/null
cli="$(swift build -c release --show-bin-path)/smallwins"

if [ ! -s "$data/snapshot.json" ]; then
  rm -rf "$data/demo"
  "$cli" demo --out "$data/demo" >/dev/null
  python3 Benchmarks/grow-snapshot.py "$data/demo/snapshot.json" "$wins" >"$data/snapshot.json.part"
  mv "$data/snapshot.json.part" "$data/snapshot.json"
fi
echo "snapshot: $wins wins, $(du -m "$data/snapshot.json" | cut -f1) MB"

# Destinations: a SQLite file, or a schema of the server.
location() { # backend name -> path or URL
  local sep='?'; [[ "$url" == *\?* ]] && sep='&'
  if [ "$1" = SQLite ]; then echo "$data/$2.sqlite"; else echo "$url${sep}schema=$2"; fi
}
fresh() { # backend name -> path or URL of an empty destination
  if [ "$1" = SQLite ]; then rm -f "$data/$2.sqlite"*; else psql "$url" -qc "DROP SCHEMA IF EXISTS $2 CASCADE"; fi
  location "$1" "$2"
}
count() { # backend destination-name -> "teams wins celebrations"
  local q="SELECT (SELECT count(*) FROM PFXteam) || ' ' || (SELECT count(*) FROM PFXwin) || ' ' || (SELECT count(*) FROM PFXcelebration)"
  if [ "$1" = SQLite ]; then
    [ -f "$data/$2.sqlite" ] || { echo "0 0 0"; return; }
    [ "$(sqlite3 "$data/$2.sqlite" 'PRAGMA integrity_check')" = ok ] || echo "integrity check failed" >&2
    sqlite3 "$data/$2.sqlite" "${q//PFX/}" 2>/dev/null || echo "0 0 0"
  else
    psql "$url" -Atc "${q//PFX/$2.}" 2>/dev/null || echo "0 0 0"
  fi
}
run() { # seconds-before-kill (0: none) -- command...; prints "SECONDS PEAK_MB"
  local kill_after=$1; shift 2
  /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >/dev/null 2>"$data/stderr.txt" &
  local pid=$!
  if [ "$kill_after" != 0 ]; then sleep "$kill_after"; pkill -KILL -P "$pid" || true; fi
  wait "$pid" || true
  tail -1 "$data/time.txt" | awk '{ printf "%s %d\n", $1, $2 / 1024 }'
}

read -ra backends <<<"${3:-SQLite${url:+ PostgreSQL}}"
[[ " ${backends[*]} " != *" PostgreSQL "* || -n "$url" ]] || { echo "PostgreSQL needs SMALLWINS_BENCH_POSTGRES" >&2; exit 2; }
# The SQLite store of the snapshot and its CSV, made once.
source_store() {
  [ -s "$data/sqlite_snapshot.sqlite" ] || "$cli" import "$data/snapshot.json" --database "$(fresh SQLite sqlite_snapshot)" >/dev/null 2>&1
  echo "$data/sqlite_snapshot.sqlite"
}
if [[ " $kinds " == *" csv "* && ! -s "$data/wins.csv" ]]; then
  "$cli" export csv --table wins --database "$(source_store)" --out "$data/wins.csv.part" >/dev/null 2>&1
  mv "$data/wins.csv.part" "$data/wins.csv"
fi
[[ " $kinds " != *" copy "* ]] || source_store >/dev/null
invocation() { # kind destination -> sets `cli_run` to the CLI's command line
  case "$1" in
    snapshot) cli_run=("$cli" import "$data/snapshot.json" --database "$2") ;;
    csv) cli_run=("$cli" import "$data/wins.csv" --create-missing --database "$2") ;;
    copy) cli_run=("$cli" copy --from "$data/sqlite_snapshot.sqlite" --to "$2") ;;
    *) echo "unknown kind: $1" >&2; exit 2 ;;
  esac
}

declare -A took
for backend in "${backends[@]}"; do
  key=$(echo "$backend" | tr 'A-Z' 'a-z')
  for kind in $kinds; do
    invocation "$kind" "$(fresh "$backend" "${key}_$kind")"
    read -r seconds peak < <(run 0 -- "${cli_run[@]}")
    took[$backend$kind]=$seconds
    holds=$(count "$backend" "${key}_$kind")
    echo "$backend $kind: $seconds s, $(echo "$wins / $seconds" | bc) wins/s, peak $peak MB; holds (teams wins celebrations) $holds"
    read -r _ stored _ <<<"$holds"
    [ "$stored" = "$wins" ] || { echo "the $kind import did not store every win:" >&2; tail -c 2000 "$data/stderr.txt" >&2; exit 1; }
  done
  # Killed at a random moment: nothing may be left.
  for kind in $kinds; do
    total=${took[$backend$kind]}
    delay=$(python3 -c "import random; print(round($total * random.uniform(0.1, 0.9), 1))")
    invocation "$kind" "$(fresh "$backend" "${key}_killed")"
    run "$delay" -- "${cli_run[@]}" >/dev/null
    left=$(count "$backend" "${key}_killed")
    echo "$backend $kind killed after $delay s of $total s: left (teams wins celebrations) $left"
    [ "$left" = "0 0 0" ] || { echo "a killed $kind left part of it" >&2; exit 1; }
  done
done
