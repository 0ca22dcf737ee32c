# council: `make run` opens the app on the demo council; `make test` runs every test and ruff.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DATA := .demo-data
# The suite on two workers (pytest-xdist); tests marked xdist_group (the tmux meetings) take turns on one.
# `make test PARALLEL=` runs it in one process.
PARALLEL ?= -n 2 --dist loadgroup
# pyproject.toml carries version ranges (what a person's `pipx install` accepts); here every package, direct or
# indirect, is installed at the exact version in constraints.txt (`make lock` writes it from .venv).
CONSTRAINTS := constraints.txt

.PHONY: run test lint format bench soak clean demo e2e wheel lock

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $(STAMP)

# The wheel a person installs with `pipx install dist/council_session-*.whl`; built offline with .venv's setuptools.
wheel: $(STAMP)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .

# constraints.txt from what .venv holds now (after changing a range in pyproject.toml and installing).
lock: $(STAMP)
	{ sed -n '1,2p' $(CONSTRAINTS); $(BIN)/python -m pip freeze --exclude-editable --all | grep -v '^pip=='; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

$(DEMO_DATA)/council.json: | $(STAMP)
	$(BIN)/council demo --data $(DEMO_DATA)

run: $(STAMP) $(DEMO_DATA)/council.json
	$(BIN)/council --data $(DEMO_DATA)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@command -v tmux >/dev/null || echo "NOTE: tmux is not installed: the end-to-end suite (tests/e2e, make e2e) is SKIPPED."
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || echo "NOTE: chromium or chromedriver is not installed: the board's browser tests (tests/test_board_browser.py) are SKIPPED."
	$(BIN)/pytest $(PARALLEL)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The end-to-end suite: the installed `council` played through a whole meeting in tmux (docs/e2e.md).
e2e: $(STAMP)
	@command -v tmux >/dev/null || { echo "make e2e needs tmux (apt-get install tmux)"; exit 1; }
	$(BIN)/pytest -m e2e tests/e2e

# The crash tests in full (docs/durability.md): 500 SIGKILL trials (`make test` runs 30) and every
# power-cut crash state of the scripted meeting (`make test` checks a sample); COUNCIL_CRASH_SEED=N for another draw.
soak: $(STAMP)
	COUNCIL_CRASH_TRIALS=500 COUNCIL_CRASH_STATES=all $(BIN)/pytest -q tests/test_crash.py tests/test_crash_states.py

# Benchmarks against their targets (docs/performance.md): prints a table, writes bench/results.md.
bench: $(STAMP)
	$(BIN)/python -m bench

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) $(DEMO_DATA) .pytest_cache .ruff_cache build dist
