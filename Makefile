# Two commands for a fresh machine with Python 3.11+ and make:
#   make run    start the whole platform on embedded defaults, with demo data
#   make test   install what the tests need and run the whole suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint format migrate demo browser clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	$(BIN)/python manage.py run_platform

# Browser tests drive Debian's Chromium; install it when missing and we are allowed to.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests…"; \
			(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
		else \
			echo "The browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install chromium'."; exit 1; \
		fi; \
	fi

# pytest exits 5 when it collects nothing: that is a failure too. The suite runs on every CPU
# (pytest-xdist); tests that start a real Celery worker each use a task queue of their own.
PYTEST_PARALLEL := -n logical

test: $(STAMP) browser
	$(BIN)/python -m ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run >/dev/null
	$(BIN)/python -m pytest --create-db $(PYTEST_PARALLEL); status=$$?; \
		if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

format: $(STAMP)
	$(BIN)/python -m ruff check --fix .
	$(BIN)/python -m ruff format .

# The benchmarks need the [bench] extra (locust for the load test) besides what the tests need.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data .pytest_cache
