# The README's two commands. Each sets itself up on a fresh machine (Python >= 3.10 and pip,
# no root): it makes its own virtual environment in .venv and installs argmap into it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
OUT ?= out
EXAMPLES := $(wildcard examples/*.py)

.PHONY: demo test lint typecheck unit docs docs-check bench clean

$(READY): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "argmap needs Python 3.10 or newer; set PYTHON=")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

## demo: build every example map and write it under out/: JSON, SVG and PNG diagrams, an HTML page, and its outline as text and Markdown.
demo: $(READY)
	@mkdir -p $(OUT)
	@for example in $(EXAMPLES); do \
		name=$$(basename $$example .py); \
		$(BIN)/argmap convert $$example -o $(OUT)/$$name.json || exit $$?; \
		$(BIN)/argmap outline $$example > $(OUT)/.$$name.txt && mv $(OUT)/.$$name.txt $(OUT)/$$name.txt || exit $$?; \
		$(BIN)/argmap outline $$example --style markdown > $(OUT)/.$$name.md && mv $(OUT)/.$$name.md $(OUT)/$$name.md || exit $$?; \
	done
	$(BIN)/argmap render $(EXAMPLES) -o $(OUT) -f svg --group-by document
	$(BIN)/argmap render $(EXAMPLES) -o $(OUT) -f png --group-by document
	$(BIN)/argmap render $(EXAMPLES) -o $(OUT) -f html --group-by document
	@echo "demo: wrote $(OUT)/"

## test: lint, type-check, run the whole suite and build the docs with strict warnings.
test: lint typecheck unit docs-check

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: $(READY)
	$(BIN)/mypy

unit: $(READY)
	$(BIN)/pytest

## bench: run every benchmark, beside the peers, and write the figures into docs/performance.md.
bench: $(READY)
	$(BIN)/python -m benchmarks

# The docs build runs docs/notebook.ipynb in a Jupyter kernel: its IPython and Jupyter folders go in a
# temporary folder, not in the home folder.
MKDOCS := NO_MKDOCS_2_WARNING=1 JUPYTER_PLATFORM_DIRS=1 IPYTHONDIR=$(CURDIR)/.docs-jupyter/ipython \
	JUPYTER_RUNTIME_DIR=$(CURDIR)/.docs-jupyter/runtime $(BIN)/mkdocs

## docs: build the documentation site into site/ (open site/index.html).
docs: $(READY)
	@mkdir -p .docs-jupyter
	$(MKDOCS) build --strict --quiet
	@rm -rf .docs-jupyter

docs-check: $(READY)
	@rm -rf .docs-check && mkdir -p .docs-jupyter
	$(MKDOCS) build --strict --quiet --site-dir .docs-check
	@rm -rf .docs-check .docs-jupyter

clean:
	rm -rf $(VENV) $(OUT) site .docs-check .docs-jupyter .mypy_cache .ruff_cache .pytest_cache .hypothesis
