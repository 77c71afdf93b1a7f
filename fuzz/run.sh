#!/usr/bin/env bash
# Fuzzes the API with schemathesis: a demo server on a temporary SQLite database, an API token
# of its admin, then every documented operation with FUZZ_EXAMPLES generated requests each.
# Fails on any 5xx and on any response that does not match the schema the document gives it.
#
# Usage: fuzz/run.sh FORECOURT_BINARY SCHEMATHESIS_BINARY
# Environment: FUZZ_EXAMPLES (cases per operation, default 50), FUZZ_SEED (default: random),
#              FUZZ_CHECKS (default below), FUZZ_REPORT_DIR (default fuzz/report),
#              FUZZ_DEMO_CACHE (a directory: the demo database is loaded once into it and copied
#              from there on later runs, which saves the minutes loading takes).
set -euo pipefail

bin=$1
schemathesis=$2
examples=${FUZZ_EXAMPLES:-50}
checks=${FUZZ_CHECKS:-not_a_server_error,response_schema_conformance,content_type_conformance}
report_dir=${FUZZ_REPORT_DIR:-fuzz/report}

dir=$(mktemp -d "${TMPDIR:-/tmp}/forecourt-fuzz-XXXXXX")
database="sqlite://$dir/forecourt.db"
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

# The fuzzer signs in with made-up names many times from one address; the real-world limit
# (30 per 10 minutes) would answer 429 and hide the login endpoint from it.
export FORECOURT_AUTH__LOGIN_RATE_LIMIT=100000
export RUST_LOG=${RUST_LOG:-warn}

cache=${FUZZ_DEMO_CACHE:-}
if [ -n "$cache" ] && [ -f "$cache/demo.txt" ]; then
  cp -a "$cache/." "$dir/"
else
  "$bin" --database "$database" demo >"$dir/demo.txt"
  if [ -n "$cache" ]; then
    mkdir -p "$cache"
    cp -a "$dir/." "$cache/"
  fi
fi
password=$(sed -n 's/^Demo logins (password for all: \(.*\)):$/\1/p' "$dir/demo.txt")
admin=$(awk '$2 == "admin" { print $1; exit }' "$dir/demo.txt")
if [ -z "$password" ] || [ -z "$admin" ]; then
  echo "fuzz: no admin login in the demo output:" >&2
  cat "$dir/demo.txt" >&2
  exit 1
fi

"$bin" --database "$database" serve --listen 127.0.0.1:0 >"$dir/server.out" 2>"$dir/server.err" &
server=$!
url=
for _ in $(seq 1 600); do
  url=$(sed -n 's/.*Forecourt is running at \(http:[^ ]*\).*/\1/p' "$dir/server.out" | head -n 1)
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "fuzz: the server exited:" >&2
    cat "$dir/server.out" "$dir/server.err" >&2
    exit 1
  fi
  sleep 0.1
done
[ -n "$url" ] || { echo "fuzz: the server did not start" >&2; exit 1; }

token=$(python3 "$(dirname "$0")/token.py" "$url" "$admin" "$password")

seed=()
[ -n "${FUZZ_SEED:-}" ] && seed=(--seed "$FUZZ_SEED")

# Left out, because they would end the fuzzer's own access halfway: logging out (the session
# the token's creator holds is not the token, but a fuzzer's logout is pointless noise) and
# revoking API tokens (a generated id is unknown, but the stateful phase would find ours).
# The stateful phase is not run: it chains real ids from responses into deletes and disables
# of the admin the token acts for.
status=0
"$schemathesis" run "$url/api/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks "$checks" \
  --phases examples,coverage,fuzzing \
  --max-examples "$examples" \
  "${seed[@]}" \
  --exclude-path /api/v1/auth/logout \
  --exclude-path-regex '^/api/v1/api-tokens/\{id\}/revoke$' \
  --workers 2 \
  --request-timeout 30 \
  --generation-database none \
  --suppress-health-check all \
  --no-color \
  --report junit,ndjson --report-dir "$report_dir" \
  || status=$?

if [ "$status" -ne 0 ]; then
  echo "fuzz: failures above; server log follows" >&2
  tail -n 50 "$dir/server.err" >&2
fi
exit "$status"
