# Forecourt: `make run` builds everything and starts the server with demo data;
# `make test` runs every check CI runs.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
FORECOURT := $(TARGET_DIR)/release/forecourt
LOCAL_PG := postgres://postgres@127.0.0.1:5432/postgres

# Test on PostgreSQL as well whenever a server answers (CI sets FORECOURT_TEST_PG itself).
ifeq ($(origin FORECOURT_TEST_PG),undefined)
FORECOURT_TEST_PG := $(shell command -v psql >/dev/null && psql "$(LOCAL_PG)" -Atqc 'select 1' >/dev/null 2>&1 && echo "$(LOCAL_PG)")
endif
export FORECOURT_TEST_PG

.PHONY: run build web-deps web-build web-api e2e-deps test check-fmt clippy check-layers \
        test-rust test-web test-e2e release clean

## run: build the web app and the binary, load the demo data, start the server
run: build
	$(FORECOURT) demo
	$(FORECOURT) serve

## build: the web app, then the release binary with the app compiled in
build: web-build
	$(CARGO) build --release -p forecourt-server

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web-deps: web/node_modules/.installed

web-build: web-deps
	cd web && npm run build

## web-api: regenerate the web app's API types from the server's OpenAPI document
web-api: web-deps
	$(CARGO) run -q -p forecourt-server -- openapi > web/src/api/openapi.json
	cd web && npm run gen:api

e2e/node_modules/.installed: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund
	touch $@

## e2e-deps: Playwright's library and Debian's Chromium (Playwright never downloads a browser)
e2e-deps: e2e/node_modules/.installed
	@if ! command -v chromium >/dev/null; then \
	  echo "Installing Debian's chromium and CJK fonts"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

## test: everything CI checks
test: check-fmt clippy check-layers test-rust test-web release fuzz-short test-e2e

check-fmt:
	$(CARGO) fmt --all --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# The domain crate stays pure: no database library anywhere below it.
check-layers:
	@if $(CARGO) tree -p forecourt-domain -e normal -i sea-orm >/dev/null 2>&1; then \
	  echo "forecourt-domain must not depend on sea-orm"; exit 1; fi

test-rust:
	@if [ -n "$(FORECOURT_TEST_PG)" ]; then echo "Rust tests on SQLite and PostgreSQL"; \
	  else echo "Rust tests on SQLite only (no PostgreSQL answered)"; fi
	@if command -v cargo-nextest >/dev/null; then \
	  $(CARGO) nextest run --workspace --locked --no-fail-fast; \
	else \
	  $(CARGO) test --workspace --locked --no-fail-fast; \
	fi

## test-web: API types up to date, typecheck, lint, format, unit tests
test-web: web-deps
	$(CARGO) run -q -p forecourt-server -- openapi > web/src/api/openapi.json.new
	@if ! cmp -s web/src/api/openapi.json web/src/api/openapi.json.new; then \
	  rm -f web/src/api/openapi.json.new; \
	  echo "web/src/api is stale: run 'make web-api' and commit the result"; exit 1; fi
	rm -f web/src/api/openapi.json.new
	cd web && npm run gen:api:check && npm run typecheck && npm run lint && npm run format:check && npm run test

release: build

## test-e2e: the Playwright suite against the release binary in Debian's Chromium
test-e2e: release e2e-deps
	cd e2e && FORECOURT_BIN="$(abspath $(FORECOURT))" npm test

.venv-fuzz/.installed: fuzz/requirements.txt
	python3 -m venv .venv-fuzz
	.venv-fuzz/bin/pip install --quiet --disable-pip-version-check -r fuzz/requirements.txt
	touch $@

## fuzz-deps: schemathesis (pinned in fuzz/requirements.txt) in a local virtual environment
fuzz-deps: .venv-fuzz/.installed

FUZZ_EXAMPLES ?= 50

## fuzz: schemathesis against a demo server: no 5xx, every response as documented
fuzz: release fuzz-deps
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) fuzz/run.sh "$(FORECOURT)" .venv-fuzz/bin/schemathesis

## fuzz-short: the same with a few cases per operation (part of `make test`)
fuzz-short: release fuzz-deps
	FUZZ_EXAMPLES=5 fuzz/run.sh "$(FORECOURT)" .venv-fuzz/bin/schemathesis

clean:
	$(CARGO) clean
	rm -rf web/dist web/node_modules e2e/node_modules e2e/screenshots e2e/test-results \
	  .venv-fuzz fuzz/report
