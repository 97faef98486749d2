# Portal 70:20:10 — `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
# Where links in certificates point (portal.public_url); required without --debug.
export PORTAL_PUBLIC_URL ?= http://127.0.0.1:$(PORT)/
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
FLASK := $(BIN)/flask --app portal
# pytest-xdist workers for the suites (one per core by default; PYTEST_WORKERS=0 runs in one process).
PYTEST_WORKERS ?= auto
XDIST := -n $(PYTEST_WORKERS)

.PHONY: run test install test-sqlite test-postgres test-e2e test-plugins-isolated lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(BIN)/pip install -q -e ".[test,serve]" $(foreach p,$(PLUGIN_DIRS),-e ./$(p))
	touch $@

install: $(VENV)/.installed

# The web server and the task-queue consumer (imports and other long work run as jobs); Ctrl-C
# stops both.
run: install
	$(FLASK) db upgrade
	$(FLASK) demo load --scale small --if-empty
	@$(FLASK) tasks worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	@$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$PORTAL_TEST_POSTGRES_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	  else echo "== PostgreSQL: skipped (PORTAL_TEST_POSTGRES_URL not set)"; fi
	@if [ "$$PORTAL_E2E" = "1" ] || [ -x /usr/bin/chromium ]; then $(MAKE) --no-print-directory test-e2e; \
	  else echo "== Browser: skipped (set PORTAL_E2E=1 and install Debian's chromium)"; fi
	@$(MAKE) --no-print-directory test-plugins-isolated

test-sqlite: install
	@echo "== Suite on SQLite"
	$(BIN)/pytest $(XDIST) -m "not e2e" -q

test-postgres: install
	@echo "== Suite on PostgreSQL ($${PORTAL_TEST_POSTGRES_URL%%@*}@…)"
	$(BIN)/python -m portal.dbcheck "$$PORTAL_TEST_POSTGRES_URL"
	PORTAL_TEST_DATABASE_URL="$$PORTAL_TEST_POSTGRES_URL" $(BIN)/pytest $(XDIST) -m "not e2e" -q

test-e2e: install
	@echo "== Browser journeys (Playwright, system Chromium)"
	$(BIN)/pytest -m e2e -q

# Each plugin with only the core installed: proof that it is independently installable.
# One venv holds the core; each plugin is installed into it, tested, then uninstalled again.
ISOLATED := .venv-isolated/core
PLUGIN_DISTS := $(foreach p,$(PLUGIN_DIRS),portal-$(subst _,-,$(notdir $(p))))
test-plugins-isolated:
	@[ -x $(ISOLATED)/bin/python ] || $(PYTHON) -m venv $(ISOLATED)
	@$(ISOLATED)/bin/pip install -q -e ".[test]"
	@$(ISOLATED)/bin/pip uninstall -q -y $(PLUGIN_DISTS) 2>/dev/null || true
	@for plugin in $(PLUGIN_DIRS); do \
	  name=$$(basename $$plugin); dist="portal-$$(echo $$name | tr _ -)"; \
	  echo "== Plugin $$name with only the core installed"; \
	  $(ISOLATED)/bin/pip install -q --no-deps -e ./$$plugin || exit 1; \
	  $(ISOLATED)/bin/pytest $(XDIST) -q -m "not e2e" $$plugin/tests || exit 1; \
	  $(ISOLATED)/bin/pip uninstall -q -y $$dist || exit 1; \
	done

lint: install
	$(BIN)/ruff check portal tests bench plugins

bench: install
	$(BIN)/python bench/import_employees.py
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/activities_import.py
	$(BIN)/python bench/certificates.py
	$(BIN)/python bench/mail.py
	$(BIN)/python bench/task_queue.py

clean:
	rm -rf $(VENV) .venv-isolated instance
