#!/usr/bin/env bash
# Build feedback on this machine: a clean build of the workspace's test binaries, and the
# rebuild after an edit to one use-case file of sales and one of customers (a comment line
# added at the top, then taken out again). Prints seconds; bench/results/build-times.md
# records the figures with the machine and the commit.
#
#   bench/build-times.sh [clean-target-dir]
#
# The incremental figures use $CARGO_TARGET_DIR (or ./target), warmed first. With an argument,
# the clean build runs in that (new, empty) directory and it is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

SALES_FILE=${SALES_FILE:-crates/sales/src/leads/create.rs}
CUSTOMERS_FILE=${CUSTOMERS_FILE:-crates/customers/src/create.rs}

build() { cargo build --workspace --tests --locked -q 2>/dev/null; }

# Seconds since a `date +%s%N` reading, to a tenth.
since() {
  local ms=$(( ($(date +%s%N) - $1) / 1000000 ))
  printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100))
}

seconds() {
  local start
  start=$(date +%s%N)
  build
  since "$start"
}

probe() {
  local file=$1
  cp "$file" "$file.orig"
  sed -i '1i // build-time probe' "$file"
  local took
  took=$(seconds)
  mv "$file.orig" "$file"
  build
  echo "$took"
}

if [ $# -ge 1 ]; then
  dir=$1
  [ -e "$dir" ] && { echo "$dir exists: give a new directory"; exit 1; }
  start=$(date +%s%N)
  CARGO_TARGET_DIR=$dir build
  echo "clean build of the test binaries: $(since "$start") s"
  rm -rf "$dir"
fi

build
echo "rebuild after editing $SALES_FILE: $(probe "$SALES_FILE") s"
echo "rebuild after editing $CUSTOMERS_FILE: $(probe "$CUSTOMERS_FILE") s"
