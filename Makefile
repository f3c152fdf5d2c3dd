# Two commands: `make run` (set up and serve on SQLite) and `make test` (set up, test on SQLite
# and PostgreSQL). Both are idempotent and work on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/onderwijsgids
PYTEST_ARGS ?=

.PHONY: run test setup install system-deps test-sqlite test-postgres lint bench check help

help:
	@echo "make run   - alles opzetten en de app serveren op http://$(HOST):$(PORT)/ (SQLite)"
	@echo "make test  - alles opzetten en alle tests draaien op SQLite en PostgreSQL"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]' 2>&1 | grep -v "is ignored" || true
	$(BIN)/python -c "import django, weasyprint, Stemmer, playwright, psycopg" 
	touch $@

install: $(STAMP)

setup: install
	$(BIN)/python -m django migrate --noinput --settings=onderwijsgids.settings -v0
	$(BIN)/onderwijsgids content load

run: setup
	$(BIN)/python -m django collectstatic --noinput --settings=onderwijsgids.settings -v0
	$(BIN)/onderwijsgids serve --host $(HOST) --port $(PORT)

# System packages the tests need (Debian's chromium for browser tests, poppler for pdftotext).
system-deps:
	@bash scripts/ensure-system-deps.sh

test: setup system-deps
	$(BIN)/ruff check src tests bench scripts
	$(MAKE) --no-print-directory test-sqlite
	@bash scripts/postgres-available.sh "$(PG_URL)" && $(MAKE) --no-print-directory test-postgres || \
	  { status=$$?; if [ $$status -eq 3 ]; then echo "PostgreSQL niet bereikbaar op $(PG_URL): alleen SQLite getest."; else exit $$status; fi; }

test-sqlite:
	@echo "== tests op SQLite =="
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres:
	@echo "== tests op PostgreSQL =="
	DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_ARGS)

# One lint entry point: ruff over everything, mypy over the domain modules (no web imports).
DOMAIN_MODULES := src/onderwijsgids/kb src/onderwijsgids/advice/engine src/onderwijsgids/search/engine src/onderwijsgids/workspace/domain
lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy $(DOMAIN_MODULES)

check: install
	$(BIN)/onderwijsgids content check

bench: setup
	@for script in bench/*.py; do echo "== $$script =="; $(BIN)/python $$script || exit 1; done
