# Two commands do all set-up on a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Find a Python >= 3.12: pyenv's 3.13 build, then python3.13, python3.12, python3.
PYTHON ?= $(shell for p in "$$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3" python3.13 python3.12 python3; do \
	  if command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "$$p"; break; fi; done)
DEV_ENV := DEBUG=1

.PHONY: run test test-fast browser-deps bench scale load audit validate collectstatic clean

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "HIM Careers needs Python 3.12 or newer (none found: install one, or set PYTHON=/path/to/python3.12)."; exit 1; fi
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed  ## Serve on http://127.0.0.1:$(PORT) with SQLite and the content loaded
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_content
	$(DEV_ENV) $(BIN)/python manage.py load_icd10cm
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

browser-deps:  ## Debian's Chromium (and poppler for PDF checks) for the browser tests
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null); \
	  else echo "Browser tests need Debian's chromium and poppler-utils: sudo apt-get install chromium poppler-utils"; exit 1; fi; fi

test: $(VENV)/.installed browser-deps  ## The whole suite: lint, migrations check, unit, browser tests
	$(BIN)/ruff check .
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python manage.py check_content
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed  ## Everything but the real-browser tests
	$(BIN)/python -m pytest -m "not browser"

bench: $(VENV)/.installed  ## Benchmark pages against a minimal Django view (see README)
	$(BIN)/python bench/run.py

validate: $(VENV)/.installed  ## Simulate 2 x 20,000 answer sets and the personas; figures in docs/validation.md
	$(BIN)/python -m assessments.validation --n 20000 --svg docs/validation-first-place.svg

scale: $(VENV)/.installed  ## Two gunicorn servers behind nginx on PostgreSQL and Redis, about 2 minutes (see bench/README.md)
	$(BIN)/python bench/scale.py

load: $(VENV)/.installed  ## Bounded load test against gunicorn (see README)
	$(BIN)/python bench/load.py

audit: $(VENV)/.installed  ## pip-audit of the pinned dependencies (needs network access to vulnerability services)
	$(BIN)/python -m pip install --quiet pip-audit && $(BIN)/pip-audit

collectstatic: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --noinput

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
