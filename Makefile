# One place for every command; the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test check lint types web clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,serve]'
	touch $(STAMP)

setup: $(STAMP)

## The main job on the embedded default: code the bundled sample articles into DuckDB.
demo: setup
	$(BIN)/newsgraph demo --db newsgraph-demo.duckdb

## Every check: lint, types, the whole test suite (slow and browser tests included), the gates.
test: setup
	$(BIN)/ruff check newsgraph tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check newsgraph tests benchmarks

types: setup
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache newsgraph-demo.duckdb
