PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp records that the venv holds what pyproject.toml asks for; it is
# remade only when pyproject.toml changes, so a second run installs nothing.
STAMP := $(VENV)/.installed

.PHONY: setup run test bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/factcheck check seeds/ --report reports/seeds.md --exit-zero

test: $(STAMP)
	$(BIN)/python -m pytest

# ruff (style), mypy (types, configured in pyproject.toml) and import-linter
# (the stages import only downwards; Textual only in tui/). tests/test_lint.py
# runs the same three, so CI enforces them.
lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .factcheck build *.egg-info
