# The few commands a newcomer needs. Everything installs into ./.venv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run demo test lint bench bench-read clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## one ingest pass over the configured (default: built-in) sources into ./newswatch.db
	$(BIN)/newswatch run $(ARGS)

demo: $(STAMP)  ## the whole pipeline offline against a synthetic site on 127.0.0.1
	$(BIN)/newswatch demo

test: $(STAMP)  ## lint, type-check and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)  ## throughput, re-poll and memory on the shared corpora (see docs/BENCHMARKS.md)
	$(BIN)/python -m bench.run $(ARGS)

bench-read: $(STAMP)  ## search, compare, timeline and export on 100,000 records, SQLite (ARGS: --db URL ... --n N)
	$(BIN)/python -m bench.read $(ARGS)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
