# The README's commands. Each target sets up what it needs from nothing:
# a tools environment with uv (from PyPI), then the project environment from uv.lock.

PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
DEMO_DB := $(CURDIR)/.demo/nextmove.db
NEXTMOVE := $(VENV)/bin/nextmove --db sqlite:///$(DEMO_DB)
# Docs with parts generated from the JSON models (nextmove.formats.schemas) by cog.
GENERATED_DOCS := docs/json.md docs/api.md

.PHONY: run test setup lint docs bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv>=0.4"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet --compile-bytecode
	touch $@

setup: $(VENV)/.synced

## Start the web app on the demo workspace (a fresh demo each time, in .demo/).
## It prints its address and opens a browser when there is one; Ctrl+C stops it.
run: setup
	@$(NEXTMOVE) demo --replace
	@$(NEXTMOVE) serve $(SERVE_ARGS)

## Run the whole test suite: lint, import contracts, types, then every test.
test: setup lint
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests $(wildcard benchmarks)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	@$(VENV)/bin/cog --check $(GENERATED_DOCS) || { echo "$(GENERATED_DOCS): out of date with the models; run make docs"; exit 1; }

## Regenerate the parts of the docs that are written from the code (the JSON shapes, the API).
docs: setup
	$(VENV)/bin/cog -r $(GENERATED_DOCS)

bench: setup
	$(VENV)/bin/python benchmarks/run_all.py

clean:
	rm -rf $(TOOLS) $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache
