#!/usr/bin/env python3
"""Turns bench/http.sh's results.jsonl into bench/results/http-<backend>.md (and the import log
into import-<backend>.md)."""
import datetime, json, os, re, subprocess, sys

backend, out, results, label = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
# Optional: another results file of the same run directory, and a suffix for the output names
# (to keep an earlier run's figures: `report.py sqlite DIR RESULTS "before" results-before.jsonl -before`).
source = sys.argv[5] if len(sys.argv) > 5 else "results.jsonl"
suffix = sys.argv[6] if len(sys.argv) > 6 else ""
rows = [json.loads(l) for l in open(os.path.join(out, source)) if l.strip()]
name = {"sqlite": "SQLite", "postgres": "PostgreSQL"}[backend]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
load = open("/proc/loadavg").read().split()[:3]
try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "crates"], capture_output=True, text=True).stdout.strip()
except Exception:
    commit, dirty = "?", ""

def ms(us):
    return f"{us / 1000:.1f}" if us >= 1000 else f"{us / 1000:.2f}"

healthz = next((r for r in rows if r["kind"] == "limit"), None)
limits = next((r["result"] for r in rows if r["kind"] in ("sqlite_limits", "pg_limits")), {})
health_rps = healthz["wrk"]["requests"] / (healthz["wrk"]["duration_us"] / 1e6) if healthz else 0
commit_rate = limits.get("commits_per_s", 0)
read_rate = limits.get("point_reads_per_s", 0)

TARGETS = {
    "get one customer": ("CPU ≤ 0.4 ms", lambda r: r["cpu_ms"] <= 0.4),
    "list 50 customers": ("CPU ≤ 1.5 ms", lambda r: r["cpu_ms"] <= 1.5),
    "list 50 leads": ("CPU ≤ 1.5 ms", lambda r: r["cpu_ms"] <= 1.5),
}

lines = []
w = lines.append
w(f"# HTTP benchmark: {name}{' — ' + label if label else ''}\n")
w(f"Run {now} by `bench/http.sh {backend}` on commit {commit}{' (with uncommitted changes)' if dirty else ''}; "
  f"`nproc` = {os.cpu_count()}, load average at the end {' '.join(load)} (the machine is shared: "
  "compare the ratios, which were measured in the same run).\n")
w("## Limits measured in this run\n")
w("| limit | rate |")
w("|---|---:|")
if healthz:
    w(f"| `/healthz` of the same binary, c=8 | {health_rps:,.0f} req/s |")
if backend == "sqlite":
    w(f"| SQLite {limits.get('sqlite_version', '')} single-row commits, same pragmas (WAL, synchronous=FULL), one connection | {commit_rate:,} /s |")
    w(f"| SQLite primary-key reads of `customers`, same pragmas, one connection | {read_rate:,} /s |")
else:
    w(f"| PostgreSQL single-row commits (pgbench, one client) | {commit_rate:,} /s |")
    w(f"| PostgreSQL primary-key reads of `customers` (pgbench, prepared, one client) | {read_rate:,} /s |")
w("")
w("## Scenarios\n")
w("CPU/req is the server process's utime+stime over the run (/proc/<pid>/stat) ÷ requests"
  + (" (db CPU/req: every PostgreSQL process's, likewise)" if backend == "postgres" else "") + ". "
  "Ratios: req/s ÷ `/healthz` req/s; for reads, req/s ÷ the raw point-read rate; for writes, req/s ÷ the raw commit rate.\n")
head = "| scenario | c | req/s | p50 ms | p99 ms | CPU/req ms |" + (" db CPU/req ms |" if backend == "postgres" else "") + " errors (non-2xx / socket) | ÷ healthz | ÷ raw limit | target |"
w(head)
w("|" + "---|" * (head.count("|") - 1))
for r in rows:
    if r["kind"] != "scenario":
        continue
    k = r["wrk"]
    n = max(k["requests"], 1)
    rps = k["requests"] / (k["duration_us"] / 1e6)
    cpu_ms = r["cpu_ticks"] / r["hz"] * 1000 / n
    r["cpu_ms"] = cpu_ms
    db_ms = r["db_cpu_ticks"] / r["hz"] * 1000 / n
    write = r["name"] in ("create a customer", "log a follow-up")
    raw = commit_rate if write else read_rate
    target = ""
    if r["name"] in TARGETS:
        t, ok = TARGETS[r["name"]]
        target = f"{t}: {'met' if ok(r) else '**missed**'}"
    if r["name"] == "create a customer" and backend == "sqlite":
        if r["c"] == 8:
            target = f"≥ 600 req/s: {'met' if rps >= 600 else '**missed**'}"
        if r["c"] == 32:
            target = f"p99 ≤ 100 ms: {'met' if k['p99_us'] <= 100_000 else '**missed**'}"
    errs = f"{k['non_2xx']} / {k['connect_errors'] + k['read_errors'] + k['write_errors'] + k['timeouts']}"
    w(f"| {r['name']} | {r['c']} | {rps:,.0f} | {ms(k['p50_us'])} | {ms(k['p99_us'])} | {cpu_ms:.2f} |"
      + (f" {db_ms:.2f} |" if backend == "postgres" else "")
      + f" {errs} | {rps / health_rps:.3f} | {rps / raw:.3f} | {target} |" if raw and health_rps else "")
w("")
w("## Memory (server RSS)\n")
w("| when | RSS MB |")
w("|---|---:|")
imp = os.path.join(out, "import-rss.json")
if os.path.exists(imp):
    w(f"| peak of the import process (`forecourt-bench generate`, the same import code and `Db::connect`) | {json.load(open(imp))['import_peak_rss_kib'] / 1024:.0f} |")
for r in rows:
    if r["kind"] == "rss":
        w(f"| {r['phase']} | {r['kib'] / 1024:.0f} |")
log = next((r for r in rows if r["kind"] == "log"), None)
total = sum(r["wrk"]["requests"] for r in rows if r["kind"] == "scenario")
if log:
    w("")
    w(f"Log: {log['lines']:,} lines at the default level for {total:,} requests "
      f"({log['lines'] / max(total, 1) * 1000:,.0f} per 1,000 requests); the whole log file {log['bytes'] / 1e6:.1f} MB.")
open(os.path.join(results, f"http-{backend}{suffix}.md"), "w").write("\n".join(lines) + "\n")

imp_txt = os.path.join(out, "import.txt")
if os.path.exists(imp_txt):
    il = [f"# Import: {name}{' — ' + label if label else ''}\n",
          f"Run {now} by `bench/http.sh {backend}` (load average {' '.join(load)}): generated customers imported "
          "through the real import path (`forecourt-bench generate`), file after file into the same dealer.\n",
          "| file | rows | customers in all | seconds | rows/s |", "|---:|---:|---:|---:|---:|"]
    tot_rows = tot_s = 0
    for line in open(imp_txt):
        m = re.search(r"file (\d+): (\d+) rows \((\d+) customers, (\d+) in all\) imported in ([\d.]+) s", line)
        if m:
            f, rws, _, allc, s = m.groups()
            tot_rows += int(rws); tot_s += float(s)
            il.append(f"| {f} | {int(rws):,} | {int(allc):,} | {float(s):.1f} | {int(rws) / float(s):,.0f} |")
    il.append(f"\nIn all: {tot_rows:,} rows in {tot_s:.1f} s.")
    open(os.path.join(results, f"import-{backend}{suffix}.md"), "w").write("\n".join(il) + "\n")
print("wrote", os.path.join(results, f"http-{backend}{suffix}.md"))
