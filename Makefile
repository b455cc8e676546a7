# The CX playbook: `make serve` to read and fill in the site locally, `make test` to check everything.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

.PHONY: help setup serve build test unit site browser lint bench browsers screenshots clean

help:
	@echo "make serve   set everything up and serve the site on http://127.0.0.1:8000"
	@echo "make test    set everything up and run the whole suite (unit, site, browser)"
	@echo "make build   build the static site into site/"
	@echo "make bench   run the performance benchmarks (writes benchmarks/RESULTS.md)"
	@echo "make screenshots   the journey on a phone and a laptop as PNGs in .github/screenshots/"

# Python: a virtual environment with the pinned docs, test and dev dependencies.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[docs,test,dev]"
	touch $@

# npm: the pinned Pyodide (and axe-core), exactly as in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(VENV)/bin/mkdocs build --strict --site-dir site

# Debian's browsers for the browser tests: Chromium (the suite), Firefox ESR and WebKitGTK with its
# WebDriver and a virtual display (the core flow), installed through apt-get when missing and we are root.
BROWSER_PACKAGES := chromium:$(CHROMIUM) firefox-esr:/usr/bin/firefox-esr \
  webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/Xvfb
browsers:
	@missing=""; for entry in $(BROWSER_PACKAGES); do \
	  [ -x "$${entry#*:}" ] || missing="$$missing $${entry%%:*}"; \
	done; \
	if [ -z "$$missing" ]; then \
	  echo "browsers: $$($(CHROMIUM) --version 2>/dev/null), $$(/usr/bin/firefox-esr --version 2>/dev/null), WebKitGTK"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "browsers: installing Debian's$$missing with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "browsers:$$missing not found and not root: their tests will be skipped (failed when CI=true)"; \
	fi

lint: setup
	$(VENV)/bin/ruff check checklists macros overrides/hooks tests benchmarks
	node_modules/.bin/eslint overrides/assets/javascripts overrides/hooks tests benchmarks

unit: setup
	$(PY) -m pytest tests/unit $(PYTEST_ARGS)

site: setup
	$(PY) -m pytest tests/site $(PYTEST_ARGS)

browser: setup browsers
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

test: setup browsers lint
	$(PY) -m pytest $(PYTEST_ARGS)

# the reader's journey on a phone and a laptop as PNGs (home, checklist, result, shared result, team view, print)
screenshots: build browsers
	$(PY) -m tests.browser.screenshots .github/screenshots site

# Takes about half an hour (Lighthouse included). The machine's load goes into every figure: see `uptime` first;
# `benchmarks/run.py --rerun STEP` measures a step a busy machine disturbed again and merges it.
bench: setup browsers
	@uptime
	$(PY) benchmarks/run.py

clean:
	rm -rf site .cache .pytest_cache .hypothesis
