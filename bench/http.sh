#!/usr/bin/env bash
# The HTTP benchmark: the release binary on SQLite and/or PostgreSQL, a dealer of $CUSTOMERS
# customers (with cars, leads and follow-ups), driven by wrk at concurrency 1, 8 and 32.
# Writes bench/results/http-<backend>.md and import-<backend>.md. See bench/README.md.
#
#   bench/http.sh [sqlite|postgres|both]
#
# Environment: CUSTOMERS (100000), CHUNK (20000), DURATION (seconds per run, 10), LEAD_SEED
# (seconds of lead creation, 30), PG (postgres://postgres@127.0.0.1:5432), SKIP_BUILD=1 (use the
# binaries as built), BIN/BENCH (other binaries), REUSE=1 (keep the database of an earlier
# run), LABEL (added to the results' heading, e.g. "before"), SQLITE_CACHE_KIB (the page cache
# of the raw-limit measurement, when the server's differs from the default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHICH=${1:-both}
CUSTOMERS=${CUSTOMERS:-100000}
CHUNK=${CHUNK:-20000}
DURATION=${DURATION:-10}
LEAD_SEED=${LEAD_SEED:-30}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
PORT=${PORT:-18181}
LABEL=${LABEL:-}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=${BIN:-$TARGET/release/forecourt}
BENCH=${BENCH:-$TARGET/release/forecourt-bench}
DATA=$ROOT/bench/data/http
RESULTS=$ROOT/bench/results
export FC_LUA=$ROOT/bench/http
# The generator's fixed key (bench/src/main.rs): base64 of 32 bytes of 7.
export FORECOURT_SECURITY__PII_KEY=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=
export FORECOURT_AUTH__LOGIN_RATE_LIMIT=1000000
mkdir -p "$DATA" "$RESULTS"

command -v wrk >/dev/null || apt-get install -y wrk
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd web && { [ -d node_modules ] || npm ci; } && npm run build)
  nice -n 10 cargo build --release -p forecourt-server -p forecourt-bench
fi

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in clock ticks
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
pg_snapshot() {  # "pid ticks" of every PostgreSQL process (its backends do the database's share)
  for p in $(pgrep -u postgres 2>/dev/null); do
    echo "$p $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)"
  done
}
pg_ticks_since() {  # CPU ticks PostgreSQL spent since snapshot $1, summed per process: a backend
  # that exited in between loses its share (never a negative total, as a plain sum gave)
  pg_snapshot | awk 'NR == FNR { before[$1] = $2; next } { d += $2 - (($1 in before) ? before[$1] : 0) } END { print d + 0 }' "$1" -
}
HZ=$(getconf CLK_TCK)

run_backend() {
  local backend=$1 url out jsonl server pid
  out=$DATA/$backend
  mkdir -p "$out"
  jsonl=$out/results.jsonl
  : > "$jsonl"
  if [ "$backend" = sqlite ]; then
    url=sqlite://$out/forecourt.db
    [ -n "${REUSE:-}" ] || rm -f "$out"/forecourt.db*
  else
    url=$PG/forecourt_http
    if [ -z "${REUSE:-}" ]; then
      psql "$PG/postgres" -qc 'DROP DATABASE IF EXISTS forecourt_http' -c 'CREATE DATABASE forecourt_http'
    fi
  fi

  # 1. The dealer: customers and cars through the real import path, in files of $CHUNK.
  if [ -z "${REUSE:-}" ]; then
    echo "== $backend: importing $CUSTOMERS customers in files of $CHUNK"
    /usr/bin/time -f '{"import_peak_rss_kib": %M}' -o "$out/import-rss.json" \
      nice -n 10 "$BENCH" --database "$url" generate --customers "$CUSTOMERS" --chunk "$CHUNK" \
      | tee "$out/import.txt"
  fi

  # 2. The server, as an operator runs it.
  echo "== $backend: starting the server"
  "$BIN" --database "$url" serve --listen "127.0.0.1:$PORT" > "$out/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
    sleep 0.2
  done
  local base=http://127.0.0.1:$PORT
  local login
  login=$(curl -sf -c "$out/cookies" -H 'content-type: application/json' \
    -d '{"username":"bench-admin","password":"bench-password-1"}' "$base/api/v1/auth/login")
  export FC_CSRF
  FC_CSRF=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<< "$login")
  export FC_COOKIE
  FC_COOKIE=$(awk '$6 == "forecourt_session" {print $7}' "$out/cookies")

  # Samples: customer ids (from the list API), names (from the generator's samples).
  python3 - "$base" "$out" <<'PY'
import json, sys, urllib.request, os
base, out = sys.argv[1], sys.argv[2]
cookie = "forecourt_session=" + os.environ["FC_COOKIE"]
ids, cursor = [], None
while len(ids) < 2000:
    url = base + "/api/v1/customers?limit=200" + (f"&cursor={cursor}" if cursor else "")
    req = urllib.request.Request(url, headers={"Cookie": cookie})
    page = json.load(urllib.request.urlopen(req))
    ids += [c["id"] for c in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
open(f"{out}/ids.txt", "w").write("\n".join(ids[::-1]) + "\n")
samples = json.load(open(os.path.join(os.path.dirname(os.path.dirname(out)), "samples.json")))
open(f"{out}/names.txt", "w").write("\n".join(samples["names"][:2000]) + "\n")
PY

  local rss_idle
  rss_idle=$(rss_kib $pid)
  echo "{\"kind\":\"rss\",\"phase\":\"idle after start\",\"kib\":$rss_idle}" >> "$jsonl"

  # 3. Leads (and, through the follow-up runs, activities): created over HTTP like a busy day.
  if [ -z "${REUSE:-}" ] || [ ! -s "$out/leads.txt" ]; then
    echo "== $backend: creating leads for ${LEAD_SEED}s"
    : > "$out/lead-ids.txt"
    FC_LEADS_OUT=$out/lead-ids.txt FC_PHONE_BASE=$((RANDOM % 9000 + 1000)) \
      wrk -t2 -c8 -d"${LEAD_SEED}s" -s "$FC_LUA/lead-create.lua" "$base" | grep -v WRK_JSON || true
    awk '{print $1, 1}' "$out/lead-ids.txt" > "$out/leads.txt"
  fi
  echo "   $(wc -l < "$out/leads.txt") leads"

  # 4. The limits, measured now, on this machine as loaded now.
  echo "== $backend: limits"
  FC_PATH=/healthz wrk -t2 -c8 -d5s -s "$FC_LUA/get-path.lua" "$base" | grep WRK_JSON \
    | sed 's/^WRK_JSON /{"kind":"limit","name":"healthz","c":8,"wrk":/; s/$/}/' >> "$jsonl"
  if [ "$backend" = sqlite ]; then
    # The page cache the server's connections have (database.sqlite_cache_mib, default 8).
    local cache_kib=${SQLITE_CACHE_KIB:-$(( ${FORECOURT_DATABASE__SQLITE_CACHE_MIB:-8} * 1024 ))}
    echo "{\"kind\":\"sqlite_limits\",\"result\":$(python3 "$FC_LUA/sqlite_limits.py" "$out/forecourt.db" "$cache_kib" 3)}" >> "$jsonl"
  else
    psql "$url" -qc 'CREATE TABLE IF NOT EXISTS bench_limits (id bigserial PRIMARY KEY, body text NOT NULL)'
    echo 'INSERT INTO bench_limits (body) VALUES (repeat($$x$$, 200));' > "$out/commit.sql"
    echo 'SELECT * FROM customers WHERE id = (SELECT id FROM customers OFFSET (random() * 0)::int LIMIT 1);' > /dev/null
    psql "$url" -Atc "SELECT id FROM customers LIMIT 1" > "$out/one-id.txt"
    echo "SELECT * FROM customers WHERE id = '$(cat "$out/one-id.txt")';" > "$out/read.sql"
    local commits reads
    commits=$(pgbench -n -c1 -T3 -f "$out/commit.sql" "$url" 2>/dev/null | awk '/^tps/ {print int($3)}')
    reads=$(pgbench -n -c1 -T3 -M prepared -f "$out/read.sql" "$url" 2>/dev/null | awk '/^tps/ {print int($3)}')
    psql "$url" -qc 'DROP TABLE bench_limits'
    echo "{\"kind\":\"pg_limits\",\"result\":{\"commits_per_s\":$commits,\"point_reads_per_s\":$reads}}" >> "$jsonl"
  fi

  # 5. The scenarios.
  local peak=0 sampler
  ( while kill -0 $pid 2>/dev/null; do rss_kib $pid; sleep 0.5; done ) > "$out/rss-samples.txt" &
  sampler=$!
  scenario() {  # name script c [env...]
    local name=$1 script=$2 c=$3; shift 3
    local t=$(( c < 2 ? 1 : 2 )) before after db line
    before=$(ticks $pid); [ "$backend" = postgres ] && pg_snapshot > "$out/pg-before.txt"
    line=$(env "$@" FC_THREADS=$t wrk -t$t -c"$c" -d"${DURATION}s" --timeout 10s -s "$FC_LUA/$script" "$base" | grep WRK_JSON | sed 's/^WRK_JSON //')
    after=$(ticks $pid); db=$( [ "$backend" = postgres ] && pg_ticks_since "$out/pg-before.txt" || echo 0)
    echo "{\"kind\":\"scenario\",\"name\":\"$name\",\"c\":$c,\"cpu_ticks\":$((after - before)),\"db_cpu_ticks\":$db,\"hz\":$HZ,\"wrk\":$line}" >> "$jsonl"
    echo "   $name c=$c: $line"
  }
  local lines_before
  lines_before=$(wc -l < "$out/server.log")
  for c in 1 8 32; do
    scenario "get one customer" get.lua $c FC_IDS="$out/ids.txt"
    scenario "search a two-character name" search.lua $c FC_NAMES="$out/names.txt"
    scenario "list 50 customers" get-path.lua $c "FC_PATH=/api/v1/customers?limit=50"
    scenario "list 50 leads" get-path.lua $c "FC_PATH=/api/v1/leads?limit=50"
    scenario "create a customer" create.lua $c FC_PHONE_BASE=$((RANDOM % 9000 + 1000))
    scenario "log a follow-up" followup.lua $c FC_LEADS="$out/leads.txt"
  done
  local lines_after
  lines_after=$(wc -l < "$out/server.log")
  kill $sampler 2>/dev/null || true
  peak=$(sort -n "$out/rss-samples.txt" | tail -1)
  echo "{\"kind\":\"rss\",\"phase\":\"peak under load\",\"kib\":$peak}" >> "$jsonl"
  echo "{\"kind\":\"log\",\"lines\":$((lines_after - lines_before)),\"bytes\":$(stat -c %s "$out/server.log")}" >> "$jsonl"
  echo "== $backend: waiting a minute idle"
  sleep 60
  echo "{\"kind\":\"rss\",\"phase\":\"idle a minute after the load\",\"kib\":$(rss_kib $pid)}" >> "$jsonl"
  kill $pid; wait $pid 2>/dev/null || true
  trap - RETURN

  python3 "$FC_LUA/report.py" "$backend" "$out" "$RESULTS" "$LABEL"
}

case $WHICH in
  sqlite) run_backend sqlite ;;
  postgres) run_backend postgres ;;
  both) run_backend sqlite; run_backend postgres ;;
  *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;;
esac
