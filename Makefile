# Two commands do all set-up on a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Find a Python >= 3.12: pyenv's 3.13 build, then python3.13, python3.12, python3.
PYTHON ?= $(shell for p in "$$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3" python3.13 python3.12 python3; do \
	  if command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "$$p"; break; fi; done)
DEV_ENV := DEBUG=1
# `make run`: the site as its users see it (DEBUG off, its own error pages, whitenoise static files)
# on plain http://127.0.0.1, with a secret key made on the first run and kept in .secret_key.
RUN_ENV := DEBUG=0 SITE_MODE=local SECRET_KEY_FILE=.secret_key
STATIC_SOURCES := $(shell find static -type f 2>/dev/null)

.PHONY: messages run dev serve-setup test test-fast browser-deps screenshots bench scale load audit validate collectstatic clean

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then echo "HIM Careers needs Python 3.12 or newer (none found: install one, or set PYTHON=/path/to/python3.12)."; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime dependencies only for the site; the test toolchain (Playwright, schemathesis...) on top
# for the tests. Separate markers: `make test` after `make run` still installs the test extras.
$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-run

.secret_key: | $(VENV)/bin/python
	@umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "Made a secret key for this checkout in $@ (git-ignored; keep it private)."

# Spanish messages: compiled from the committed .po with GNU gettext's msgfmt (Debian's gettext,
# installed when missing and run as root).
MO_FILES := locale/es/LC_MESSAGES/django.mo

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext >/dev/null; \
	  else echo "Compiling the Spanish messages needs GNU gettext: sudo apt-get install gettext"; exit 1; fi; }
	msgfmt --check -o $@ $<

staticfiles/staticfiles.json: $(VENV)/.installed-run .secret_key $(STATIC_SOURCES)
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput -v0

serve-setup: $(VENV)/.installed-run .secret_key $(MO_FILES)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_content
	$(RUN_ENV) $(BIN)/python manage.py load_icd10cm

run: serve-setup staticfiles/staticfiles.json  ## Serve http://127.0.0.1:$(PORT) as users see it (DEBUG off), SQLite, content loaded
	@echo "HIM Careers: http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	$(RUN_ENV) $(BIN)/gunicorn himcareers.wsgi -b 127.0.0.1:$(PORT) --workers 1 --threads 4 \
	  --no-control-socket --access-logfile - --logger-class core.logging.GunicornLogger

dev: serve-setup  ## Develop: DEBUG pages and auto-reload on http://127.0.0.1:$(PORT)
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

screenshots: $(VENV)/.installed-test browser-deps staticfiles/staticfiles.json  ## Phone and desktop screenshots of the main pages in docs/screenshots/
	$(RUN_ENV) $(BIN)/python scripts/screenshots.py

messages: $(VENV)/.installed-test  ## After marking strings: add them to locale/es/LC_MESSAGES/django.po (then translate them)
	DEBUG=1 $(BIN)/python manage.py makemessages -l es --no-obsolete --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles

browser-deps:  ## Debian's Chromium (and poppler for PDF checks) for the browser tests
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null); \
	  else echo "Browser tests need Debian's chromium and poppler-utils: sudo apt-get install chromium poppler-utils"; exit 1; fi; fi

test: $(VENV)/.installed-test browser-deps $(MO_FILES)  ## The whole suite: lint, migrations check, unit, browser tests
	$(BIN)/ruff check .
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python manage.py check_content
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-test $(MO_FILES)  ## Everything but the real-browser tests
	$(BIN)/python -m pytest -m "not browser"

bench: $(VENV)/.installed-test  ## Benchmark pages against a minimal Django view (see README)
	$(BIN)/python bench/run.py

validate: $(VENV)/.installed-test  ## Simulate 2 x 20,000 answer sets and the personas; figures in docs/validation.md
	$(BIN)/python -m assessments.validation --n 20000 --svg docs/validation-first-place.svg

scale: $(VENV)/.installed-test  ## Two gunicorn servers behind nginx on PostgreSQL and Redis, about 2 minutes (see bench/README.md)
	$(BIN)/python bench/scale.py

load: $(VENV)/.installed-test  ## Bounded load test against gunicorn (see README)
	$(BIN)/python bench/load.py

audit: $(VENV)/.installed-test  ## pip-audit of the pinned dependencies (needs network access to vulnerability services)
	$(BIN)/python -m pip install --quiet pip-audit && $(BIN)/pip-audit

collectstatic: $(VENV)/.installed-run
	DEBUG=0 SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --noinput

clean:
	rm -rf $(VENV) staticfiles .secret_key db.sqlite3 db.sqlite3-wal db.sqlite3-shm
