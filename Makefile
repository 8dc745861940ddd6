# The README's two commands. Each sets itself up on a fresh machine (Python >= 3.10 and pip,
# no root): it makes its own virtual environment in .venv and installs argmap into it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
OUT ?= out
EXAMPLES := $(wildcard examples/*.py)

.PHONY: demo test lint typecheck unit clean

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "argmap needs Python 3.10 or newer; set PYTHON=")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

## demo: build every example map and write it under out/, as JSON and as SVG and PNG diagrams.
demo: $(READY)
	@mkdir -p $(OUT)
	@for example in $(EXAMPLES); do \
		name=$$(basename $$example .py); \
		$(BIN)/argmap convert $$example -o $(OUT)/$$name.json || exit $$?; \
	done
	$(BIN)/argmap render $(EXAMPLES) -o $(OUT) -f svg --group-by document
	$(BIN)/argmap render $(EXAMPLES) -o $(OUT) -f png --group-by document
	@echo "demo: wrote $(OUT)/"

## test: lint, type-check and run the whole suite.
test: lint typecheck unit

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(READY)
	$(BIN)/mypy

unit: $(READY)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(OUT) .mypy_cache .ruff_cache .pytest_cache .hypothesis
