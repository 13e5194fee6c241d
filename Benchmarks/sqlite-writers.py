#!/usr/bin/env python3
"""The anchor of the concurrent-writers benchmark on SQLite: plain single-row inserts of wins, each in its own
transaction, from CONNECTIONS connections at once for SECONDS, into an empty copy of the win table and its
indexes (WAL, synchronous NORMAL, as SmallWins opens its files). Each row copies a win of the district with a
new id. Prints the rows inserted per second.

    python3 Benchmarks/sqlite-writers.py DISTRICT.sqlite ANCHOR.sqlite CONNECTIONS SECONDS
"""
import sqlite3
import sys
import threading
import time
import uuid

district, anchor, connections, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])

source = sqlite3.connect(district)
schema = [row[0] for row in source.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'win' AND type IN ('table', 'index') AND sql IS NOT NULL")]
columns = [row[1] for row in source.execute("PRAGMA table_info(win)") if row[1] != "seq"]
template = dict(zip(columns, source.execute(f"SELECT {', '.join(columns)} FROM win LIMIT 1").fetchone()))
source.close()

setup = sqlite3.connect(anchor)
setup.execute("PRAGMA journal_mode = WAL")
for statement in schema:
    setup.execute(statement)
setup.commit()
setup.close()

insert = f"INSERT INTO win ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
deadline = time.monotonic() + seconds
counts = [0] * connections


def write(index):
    connection = sqlite3.connect(anchor, timeout=60, isolation_level=None)
    connection.execute("PRAGMA synchronous = NORMAL")
    while time.monotonic() < deadline:
        row = dict(template, id=str(uuid.uuid4()))
        connection.execute(insert, [row[column] for column in columns])
        counts[index] += 1
    connection.close()


start = time.monotonic()
threads = [threading.Thread(target=write, args=(index,)) for index in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"{sum(counts) / (time.monotonic() - start):.0f}")
