#!/usr/bin/env python3
"""The raw limits of SQLite on this machine, with the pragmas Forecourt's `Db::connect` sets
(WAL, synchronous=FULL, foreign keys, temp_store=memory, the same cache_size): single-row
commits per second (into a scratch table of a scratch file in the same directory) and
primary-key point reads per second of the benchmark database's customers, one process, one
connection. Prints JSON."""
import json, os, random, sqlite3, sys, time

db_path, cache_kib = sys.argv[1], int(sys.argv[2])
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0


def connect(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "temp_store=memory", f"cache_size=-{cache_kib}", "busy_timeout=30000"):
        conn.execute("PRAGMA " + pragma)
    return conn


scratch = os.path.join(os.path.dirname(os.path.abspath(db_path)), "limits-scratch.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(scratch + suffix):
        os.remove(scratch + suffix)
w = connect(scratch)
w.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
n, start = 0, time.perf_counter()
while time.perf_counter() - start < seconds:
    w.execute("BEGIN IMMEDIATE")
    w.execute("INSERT INTO t (body) VALUES (?)", ("x" * 200,))
    w.execute("COMMIT")
    n += 1
commits = n / (time.perf_counter() - start)
w.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(scratch + suffix):
        os.remove(scratch + suffix)

r = connect(db_path)
ids = [row[0] for row in r.execute("SELECT id FROM customers LIMIT 20000")]
random.seed(1)
random.shuffle(ids)
n, start = 0, time.perf_counter()
while time.perf_counter() - start < seconds:
    for cid in ids[:1000]:
        r.execute("SELECT * FROM customers WHERE id = ?", (cid,)).fetchone()
    n += 1000
reads = n / (time.perf_counter() - start)
print(json.dumps({"sqlite_version": sqlite3.sqlite_version, "commits_per_s": round(commits),
                  "point_reads_per_s": round(reads)}))
