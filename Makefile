# Insatsportalen: `make run` to try it, `make test` to test it. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_ENV := DEMO_MODE=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup messages lint bench bench-participants bench-scale bench-load bench-import clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.base
	mkdir -p db
	$(PY) manage.py compile_translations
	$(DEMO_ENV) $(PY) manage.py migrate --no-input -v 0
	$(DEMO_ENV) $(PY) manage.py load_demo
	$(DEMO_ENV) $(PY) manage.py generate_demo_data --participants 300 --seed 1 --interventions 4

run: setup
	@command -v tesseract >/dev/null 2>&1 || echo "Tesseract is missing: scanned PDFs cannot be imported (apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils)."
	@echo ""
	@echo "  Insatsportalen: http://$(HOST):$(PORT)/"
	@echo "  Log in as kansli, styrelse, insatsansvarig, deltagaransvarig, handlaggare"
	@echo "  or rapportlasare, all with the password insatsportal-demo."
	@echo "  Imports, exports and the meeting's papers run in the background worker"
	@echo "  (manage.py db_worker), started here beside the server and stopped with it."
	@echo ""
	@$(DEMO_ENV) $(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.test
	$(PY) manage.py compile_translations -v 0
	@command -v tesseract >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || echo \
	  "Tesseract or pdftoppm is missing: scanned-PDF tests are skipped (apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils)."
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r insatsportal --severity-level medium

# 50 000 fictional participants and 500 000 activities in PostgreSQL (built once), then the
# participant list and page timed through the test client. Never SQLite.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/insatsportal_bench
bench-participants: $(VENV)/.test
	DATABASE_URL=$(BENCH_DATABASE_URL) $(DEMO_ENV) $(PY) bench/participants.py

# The förbund dashboard and a goal page at 80 interventions, 200 000 participants, about
# 1 000 000 ratings and 2 000 000 activities in PostgreSQL (built once; BENCH_PARTICIPANTS to
# scale), beside a hand-written SQL floor. Never SQLite.
BENCH_REPORTS_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/insatsportal_bench_reports
bench: $(VENV)/.test
	DATABASE_URL=$(BENCH_REPORTS_DATABASE_URL) $(DEMO_ENV) $(PY) bench/reports.py

# An upload of 20 documents: how soon the request answers, and how long the worker reads.
bench-import: $(VENV)/.test
	$(DEMO_ENV) $(PY) bench/import_jobs.py

# Update the Swedish catalogues after adding strings (needs GNU gettext).
messages: $(VENV)/.base
	$(PY) manage.py makemessages -l sv --no-obsolete --no-location --ignore '.venv/*' --ignore 'db/*'

clean:
	rm -rf $(VENV) db staticfiles .pytest_cache

# One intervention at 5 000 and 50 000 people (each size its own database, built once and
# resumable), every page of issue 15 timed at both: TSV lines and the growth ratio.
BENCH_SCALE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale
bench-scale: $(VENV)/.test
	DATABASE_URL=$(BENCH_SCALE_DATABASE_URL) $(DEMO_ENV) $(PY) bench/scale.py

# The page mix under gunicorn (the production server) against the largest bench-scale
# database: 1, 5 and 20 concurrent users for BENCH_LOAD_SECONDS each.
bench-load: $(VENV)/.test
	DATABASE_URL=$(BENCH_SCALE_DATABASE_URL) $(DEMO_ENV) $(PY) bench/load.py
