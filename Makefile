# council: `make run` opens the app on the demo council; `make test` runs every test and ruff.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DATA := .demo-data

.PHONY: run test lint format bench soak clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(DEMO_DATA)/council.json: | $(STAMP)
	$(BIN)/council demo --data $(DEMO_DATA)

run: $(STAMP) $(DEMO_DATA)/council.json
	$(BIN)/council --data $(DEMO_DATA)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# 500 SIGKILL trials of the crash harness (`make test` runs 30); COUNCIL_CRASH_SEED=N for another draw.
soak: $(STAMP)
	COUNCIL_CRASH_TRIALS=500 $(BIN)/pytest -q tests/test_crash.py

# Benchmarks against their targets (docs/performance.md): prints a table, writes bench/results.md.
bench: $(STAMP)
	$(BIN)/python -m bench

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) $(DEMO_DATA) .pytest_cache .ruff_cache
