# The few commands a newcomer needs. Everything installs into ./.venv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements.lock

.PHONY: install run demo test lint lock bench bench-read clean

# The exact versions of requirements.lock, then newswatch itself without resolving anything.
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## one ingest pass over the configured (default: built-in) sources into ./newswatch.db
	$(BIN)/newswatch run $(ARGS)

demo: $(STAMP)  ## the whole pipeline offline against a synthetic site on 127.0.0.1
	$(BIN)/newswatch demo

test: $(STAMP)  ## lint, type-check, layer contracts and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

lock:  ## re-resolve requirements.lock from pyproject.toml (OFFLINE=1: from uv's cache, no network)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet 'uv>=0.9,<1'
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --upgrade --quiet \
		$(if $(OFFLINE),--offline) --custom-compile-command 'make lock' -o $(LOCK)

bench: $(STAMP)  ## throughput, re-poll and memory on the shared corpora (see docs/BENCHMARKS.md)
	$(BIN)/python -m bench.run $(ARGS)

bench-read: $(STAMP)  ## search, compare, timeline and export on 100,000 records, SQLite (ARGS: --db URL ... --n N)
	$(BIN)/python -m bench.read $(ARGS)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
