# Two commands do all set-up: `make serve` to preview, `make test` to run every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
## Separate install stamps: the site's packages (requirements.txt) for serve and the builds, and
## the test, benchmark and lint tools on top (requirements-dev.txt) for test, lint and bench.
SITE_STAMP := $(VENV)/.installed-site-$(shell cksum < requirements.txt | cut -d' ' -f1)
DEV_STAMP  := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
SITE   := site
PORT   ?= 8000
## Material for MkDocs prints a long end-of-life notice about MkDocs 2 on every build, which
## drowned the build's own messages; this documented switch turns it off.
export NO_MKDOCS_2_WARNING := 1
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

## One line instead of an OSError traceback when the preview port is taken or not a number.
PORT_CHECK := import socket, sys; port = sys.argv[1]; \
  port.isdigit() and 0 < int(port) < 65536 or sys.exit(f"PORT={port} is not a port number: use e.g. make serve PORT=8001"); \
  socket.socket().connect_ex(("127.0.0.1", int(port))) == 0 and sys.exit( \
  f"Port {port} is already in use (another make serve?): stop it, or run make serve PORT={int(port) + 1}")

.PHONY: serve port-free build build-zensical check find test lint bench bench-quick schema clean

$(SITE_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")") if sys.version_info < (3, 11) else None'
	@echo "Installing the pinned Python packages into $(VENV)/ (first run only, takes a minute or two)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-site-* && touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(SITE_STAMP)
	@echo "Installing the pinned test, benchmark and lint tools into $(VENV)/ (first run only)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-dev-* && touch $@

## Checking tools pinned in package-lock.json (axe-core, vnu-jar, Lighthouse); install scripts
## are skipped (vnu-jar's would download a Java runtime: the system's Java 17 is used instead).
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: install Node.js and npm (apt-get install nodejs npm)" >&2; exit 1; }
	@echo "Installing the pinned Node checking tools into node_modules/ (first run only, about a minute)..."
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## Preview at http://127.0.0.1:8000 with live reload (data/ and macros/ are watched too);
## `make serve PORT=8001` uses another port. A port in use is told in one line. Not strict: a
## mistake shows in the browser page (macros/adapters/preview.py) instead of stopping the rebuild.
serve: port-free $(SITE_STAMP)
	$(BIN)/mkdocs serve --livereload --no-strict --dev-addr 127.0.0.1:$(PORT)

## The port is checked first, with the system Python, so a taken port costs no install.
port-free:
	@$(PYTHON) -c '$(PORT_CHECK)' '$(PORT)'

## Strict build into a folder of its own, renamed into site/ only when it succeeds; a second
## build at the same time waits for the first (macros/adapters/publish.py).
build: $(SITE_STAMP)
	@$(BIN)/python -m macros.adapters.publish $(SITE)

## The same docs/, data/ and macros/ built by Zensical (Material's successor) into site-zensical/
## (mkdocs.zensical.yml's site_dir), published the same way; downloads and errors as above.
build-zensical: $(SITE_STAMP)
	@$(BIN)/python -m macros.adapters.zensical mkdocs.zensical.yml

## Check the data file without building the site (the data checks `make build` runs).
check: $(SITE_STAMP)
	$(BIN)/python -m macros.engine.check

## The sentences of an article that state a quantity, as the build reads them, the figures it
## supports or contradicts, and YAML to paste: make find ARTICLE=../shared/sources/002_....txt
## [Q=431] (only the sentences containing 431).
find: $(SITE_STAMP)
	@test -n "$(ARTICLE)" || { echo "give the article: make find ARTICLE=path/to/article.txt [Q=431]" >&2; exit 2; }
	@$(BIN)/python -m macros.engine.find "$(ARTICLE)" $(if $(Q),--q "$(Q)")

## The whole test suite.
test: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## Style and mistakes (ruff), the engine's import layers (import-linter, contracts in
## pyproject.toml) and the Pages workflow against GitHub's schema.
## Every check runs and reports; the target fails if any of them failed.
lint: $(DEV_STAMP)
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/lint-imports --no-cache || status=1; \
	for schema in vendor.github-workflows custom.github-workflows-require-timeout; do \
	  $(BIN)/check-jsonschema --builtin-schema $$schema .github/workflows/pages.yml || status=1; \
	done; \
	exit $$status

## Performance benchmark against a plain Material build: prints its table, writes
## bench/results/ (several minutes; `bench-quick` is the CI-sized run).
bench: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/python bench/run.py

bench-quick: $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/python bench/run.py --quick

## Regenerate the editor schema for the data file.
schema: $(SITE_STAMP)
	$(BIN)/python -m macros.engine.validate.schema_export

clean:
	rm -rf $(SITE) $(SITE).tmp-* $(SITE).old-* site-zensical site-zensical.tmp-* site-zensical.old-* .pytest_cache .cache
