# One place for every command; the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WEB    := newsgraph/api/static/app.js

.PHONY: setup web chromium demo test speed lint types clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,serve,export,ray]'
	touch $(STAMP)

# The web page: Cytoscape.js bundled by esbuild into newsgraph/api/static/ (served offline).
$(WEB): web/package.json web/package-lock.json $(wildcard web/src/*) $(wildcard web/docs/*) web/index.html \
	web/style.css web/build.mjs
	npm ci --prefix web --no-audit --no-fund
	npm run build --prefix web

setup: $(STAMP) $(WEB)

web: $(WEB)

# Browser tests drive Debian's chromium; install it when it is missing and we may (root + apt).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium (apt-get install chromium) for the browser tests" >&2; exit 1; fi; }

## The main job on the embedded default: code the bundled sample articles into DuckDB, then serve.
demo: setup
	$(BIN)/newsgraph demo --db newsgraph-demo.duckdb

## Every check: lint, types, the whole test suite (slow, browser and Ray tests included), the gates.
test: setup chromium
	$(BIN)/ruff check newsgraph tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

## Speed gate (~12 min on 2 CPUs): full pipeline / bare parse under the ceiling in benchmarks/floors.json.
speed: setup
	$(BIN)/python benchmarks/speed.py --check

lint: setup
	$(BIN)/ruff check newsgraph tests benchmarks

types: setup
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache newsgraph-demo.duckdb \
	  web/node_modules newsgraph/api/static test-artifacts
