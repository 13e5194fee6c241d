#!/usr/bin/env bash
# Every benchmark, then SmallWins against what the engines themselves do with the same rows, measured in the
# same run:
#   - the sqlite3 command-line tool importing the district's win rows into the same table and indexes
#     (.import) and writing them out with -csv;
#   - psql doing COPY FROM and COPY TO on the same table, indexes and generated search column;
#   - for the 16 concurrent writers, plain single-row inserts of the same wins from 16 connections for as long
#     (sqlite-writers.py; pgbench).
# It prints the median of every benchmark (wall time, wins per second, peak memory), then each SmallWins
# ingest and CSV export figure as a ratio to its anchor. The district's size is SMALLWINS_BENCH_WINS (1,000,000 by default); PostgreSQL is measured
# when SMALLWINS_BENCH_POSTGRES or SMALLWINS_TEST_POSTGRES_URL holds a URL (Scripts/with-postgres.sh sets one).
#   bash Benchmarks/compare.sh [benchmark runner options, such as --skip REGEX]
set -euo pipefail
cd "$(dirname "$0")"
wins=${SMALLWINS_BENCH_WINS:-1000000}
data=${SMALLWINS_BENCH_DATA:-${TMPDIR:-/tmp}/smallwins-bench}
url=${SMALLWINS_BENCH_POSTGRES:-${SMALLWINS_TEST_POSTGRES_URL:-}}
export PGOPTIONS="-c client_min_messages=warning"
export SMALLWINS_BENCH_WINS=$wins SMALLWINS_BENCH_DATA=$data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift package benchmark --format influx --path "$work" --no-progress "$@" >"$work/benchmark.log" 2>&1 \
  || { cat "$work/benchmark.log"; exit 1; }
# The runner reports a benchmark that throws and carries on with the others, exiting 0; this script does not.
if grep -q "^Benchmark .* failed with" "$work/benchmark.log"; then
  grep "^Benchmark .* failed with" "$work/benchmark.log" >&2
  exit 1
fi

seconds() { # wall time of a command, in seconds
  local start end
  start=$(date +%s.%N); "$@"; end=$(date +%s.%N)
  echo "$end - $start" | bc
}
anchors="$work/anchors.tsv" rates="$work/rates.tsv"
touch "$anchors" "$rates"
writers=16 writing=5 writes_wins=$((wins < 10000 ? wins : 10000))

# What a SmallWins CSV export reads, as one statement: every win, newest first, with its themes, student groups and
# shout-outs in order and its number of celebrations. $1 is the schema prefix ("" on SQLite).
same_content() {
  local agg="group_concat(v, ',')"
  [ -n "$1" ] && agg="string_agg(v::text, ',')"
  echo "SELECT w.*,
    (SELECT $agg FROM (SELECT theme_id AS v FROM ${1}win_theme WHERE win_id = w.id ORDER BY position) t),
    (SELECT $agg FROM (SELECT group_id AS v FROM ${1}win_group WHERE win_id = w.id ORDER BY position) t),
    (SELECT $agg FROM (SELECT member_id AS v FROM ${1}win_shout_out WHERE win_id = w.id ORDER BY position) t),
    (SELECT count(*) FROM ${1}celebration WHERE win_id = w.id)
    FROM ${1}win w ORDER BY w.day DESC, w.id DESC"
}

# SQLite: the win table's rows as CSV, then into an empty copy of the table and its indexes (no triggers), when
# this run built the district (a --filter may leave it out).
db="$data/district-$wins.sqlite"
if [ -f "$db" ]; then
  echo -e "SQLite export\t$(seconds sh -c "sqlite3 -csv '$db' 'SELECT * FROM win' >'$work/win.csv'")" >>"$anchors"
  echo "$(same_content "");" >"$work/same.sql"
  echo -e "SQLite export, same content\t$(seconds sh -c "sqlite3 -csv '$db' <'$work/same.sql' >/dev/null")" >>"$anchors"
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'win' AND type IN ('table', 'index') AND sql IS NOT NULL" \
    >"$work/schema.sql"
  sqlite3 "$work/anchor.sqlite" <"$work/schema.sql"
  echo -e "SQLite ingest\t$(seconds sqlite3 "$work/anchor.sqlite" ".import --csv '$work/win.csv' win")" >>"$anchors"
fi
if [ -f "$data/writes-$writes_wins.sqlite" ]; then
  echo -e "SQLite writes\t$(python3 sqlite-writers.py "$data/writes-$writes_wins.sqlite" "$work/writers.sqlite" $writers $writing)" >>"$rates"
fi

if [ -n "$url" ]; then
  schema="bench_$wins"
  columns="id, tenant_id, team_id, author_id, kind, title, story, learned, next, day, goal_id, attempt_id, recorded_at, search_text"
  exists() { [ -n "$(psql "$url" -Atq -c "SELECT 1 FROM pg_namespace WHERE nspname = '$1'")" ]; }
  psql "$url" -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS anchor CASCADE" -c "CREATE SCHEMA anchor"
  if exists "$schema"; then
    psql "$url" -q -v ON_ERROR_STOP=1 -c "CREATE TABLE anchor.win (LIKE \"$schema\".win INCLUDING ALL)"
    echo -e "PostgreSQL export\t$(seconds sh -c "psql '$url' -q -c 'COPY (SELECT $columns FROM \"$schema\".win) TO STDOUT (FORMAT csv)' >'$work/pg.csv'")" >>"$anchors"
    echo "COPY ($(same_content "\"$schema\".")) TO STDOUT (FORMAT csv);" >"$work/same-pg.sql"
    echo -e "PostgreSQL export, same content\t$(seconds sh -c "psql '$url' -q -v ON_ERROR_STOP=1 -f '$work/same-pg.sql' >/dev/null")" >>"$anchors"
    echo -e "PostgreSQL ingest\t$(seconds sh -c "psql '$url' -q -c 'COPY anchor.win ($columns) FROM STDIN (FORMAT csv)' <'$work/pg.csv'")" >>"$anchors"
  fi
  writes_schema="bench_writes_$writes_wins"
  if exists "$writes_schema"; then
    psql "$url" -q -v ON_ERROR_STOP=1 -c "CREATE TABLE anchor.win_writes (LIKE \"$writes_schema\".win INCLUDING ALL)"
    psql "$url" -Atq -v ON_ERROR_STOP=1 -c "SELECT format('INSERT INTO anchor.win_writes ($columns)
      VALUES (gen_random_uuid(), %L, %L, %L, %L, %L, %L, %L, %L, %L::date, %L, %L, now(), %L);', tenant_id, team_id, author_id,
      kind, title, story, learned, next, day, goal_id, attempt_id, search_text) FROM \"$writes_schema\".win LIMIT 1" >"$work/insert.sql"
    tps=$(pgbench -n -c $writers -j 2 -T $writing -f "$work/insert.sql" "$url" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
    echo -e "PostgreSQL writes\t$tps" >>"$rates"
  fi
  psql "$url" -q -c "DROP SCHEMA anchor CASCADE"
fi

python3 - "$work" "$wins" "$writes_wins" <<'PY'
import glob, sys
work, wins, writes_wins = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
anchors = dict(line.rstrip("\n").split("\t") for line in open(f"{work}/anchors.tsv"))
rates = dict(line.rstrip("\n").split("\t") for line in open(f"{work}/rates.tsv"))
medians = {}  # benchmark name: {metric: median}, from the runner's influx export
for path in glob.glob(f"{work}/*.influx.csv"):
    for line in open(path):
        fields = line.rstrip("\n").split(",")
        if len(fields) >= 15 and fields[-6] == "50.0":
            medians.setdefault(",".join(fields[8:-6]).strip('"'), {})[fields[6]] = float(fields[-5])
print(f"| benchmark, at {wins:,} wins | median wall time | wins per second | peak memory |")
print("|---|---:|---:|---:|")
for name, metrics in medians.items():
    time = metrics.get("Time(wallclock)", 0) / 1e6
    per_second = metrics.get("winspersecond", metrics.get("writespersecond"))
    rate = f"{per_second:,.0f}" if per_second is not None else ""
    print(f"| {name} | {time:,.1f} ms | {rate} | {metrics.get('Memory(residentpeak)', 0) / 1e6:,.0f} MB |")
print()
print(f"| at {wins:,} wins | SmallWins, wins per second | anchor, rows per second | ratio |")
print("|---|---:|---:|---:|")
for backend in ["SQLite", "PostgreSQL"]:
    for benchmark, anchor_key, label in [("ingest the district", "ingest", "ingest"), ("CSV export of every win", "export", "CSV export"),
                                         ("CSV export of every win", "export, same content", "CSV export, to the engine reading the same content")]:
        rate = medians.get(f"{backend}: {benchmark}", {}).get("winspersecond")
        if f"{backend} {anchor_key}" not in anchors or rate is None:
            continue
        anchor = wins / float(anchors[f"{backend} {anchor_key}"])
        print(f"| {backend} {label} | {rate:,.0f} | {anchor:,.0f} | {rate / anchor:.0%} |")
    rate = medians.get(f"{backend}: 16 writers recording one win at a time", {}).get("writespersecond")
    if rate is not None and rates.get(f"{backend} writes"):
        anchor = float(rates[f"{backend} writes"])
        print(f"| {backend} 16 concurrent writers (a district of {writes_wins:,} wins) | {rate:,.0f} | {anchor:,.0f} | {rate / anchor:.0%} |")
PY
