# Roster developer entry points. `make run` and `make test` work on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .roster-demo
DEMO_HOUSEHOLDS ?= 5000

.PHONY: setup run test test-fast lint typecheck bench demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[server,dev]'
	touch $(STAMP)

setup: $(STAMP)

# Open the desktop app on a demo district (created on first run).
run: $(STAMP)
	@test -f $(DEMO_DIR)/roster.sqlite || $(BIN)/roster demo --households $(DEMO_HOUSEHOLDS) --seed 7 --data-dir $(DEMO_DIR)
	$(BIN)/roster --data-dir $(DEMO_DIR)

demo: $(STAMP)
	$(BIN)/roster demo --households $(DEMO_HOUSEHOLDS) --seed 7 --data-dir $(DEMO_DIR) --force

lint: $(STAMP)
	$(BIN)/ruff check app tests bench main.py
	$(BIN)/ruff format --check app tests bench main.py

typecheck: $(STAMP)
	$(BIN)/mypy app main.py

# Every test, lint and type check: what CI runs.
test: $(STAMP) lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(STAMP)
	$(BIN)/python bench/registry.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache
