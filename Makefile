# The two commands a newcomer needs: `make run` and `make test`. Only Python 3.11+ and make required.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types pytest i18n checklists bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "onlineveilig needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Pausing the audit (stop, Ctrl-C) ends with code 130: that is not a failure of make.
run: $(STAMP)
	@$(BIN)/onlineveilig audit || [ $$? -eq 130 ]

test: $(STAMP) lint types pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/pytest

# Extract messages from the code, merge them into the Dutch catalog, compile it.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output -k _ -k N_ -k Nn_:1,2 -k ngettext:1,2 -o src/onlineveilig/locale/onlineveilig.pot src
	$(BIN)/pybabel update --no-fuzzy-matching -D onlineveilig -i src/onlineveilig/locale/onlineveilig.pot -d src/onlineveilig/locale -l nl
	$(BIN)/pybabel compile -D onlineveilig -d src/onlineveilig/locale -l nl

# After changing checklists/sections/*.toml or checklists/platforms.toml: validate them and write
# the compiled copy the commands read (checklists/compiled.json); the tests fail while it is stale.
checklists: $(STAMP)
	$(BIN)/python -m onlineveilig.content.compile

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/audit_length.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/profiles.py
	$(BIN)/python bench/evidence.py
	$(BIN)/python bench/team.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
