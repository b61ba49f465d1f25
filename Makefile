# Interactive Cities: `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
MANAGE := DJANGO_SETTINGS_MODULE=network_site.settings.dev WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py
TEST_MANAGE := DJANGO_SETTINGS_MODULE=network_site.settings.test $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install axe setup run serve test check lint format messages pytest pytest-sqlite \
	pytest-postgres bench bench-scale bench-throughput reliability lock

help: ## List the targets with what each does
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

# axe-core for the accessibility tests, from the npm registry at the version
# tests/browser/package-lock.json pins. npm gives the files a fixed old date, hence the touch.
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		echo "npm ci --prefix tests/browser"; \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ "$$CI" = "true" ]; then \
		echo "npm is missing; CI needs it to install axe-core." >&2; exit 1; \
	else \
		echo "SKIPPED installing axe-core: npm is missing, so the accessibility tests will skip."; \
	fi

axe: $(AXE) ## Install axe-core for the accessibility tests (npm ci in tests/browser)

setup: install ## Do everything `make run` does except serving
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) setup_languages
	$(MANAGE) setup_roles
	$(MANAGE) ensure_dev_accounts

run: setup ## Set up, load the demo content and serve on 127.0.0.1, port 8000 (or PORT)
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  (see the login above)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# `make serve`: the production server and settings on the development database. Its whole
# environment is written to .serve.env, so that `set -a; . ./.serve.env; set +a` gives a shell
# (cron's publish_scheduled, an operator's manage.py) the same database and the same cache.
SERVE_ENV := .serve.env
SERVE_WORKERS ?= 2

serve: setup ## Production server, settings and task worker on db.sqlite3 and Redis (PORT, SERVE_WORKERS)
	@secret=$$(sed -n 's/^DJANGO_SECRET_KEY=//p' $(SERVE_ENV) 2>/dev/null); \
	[ -n "$$secret" ] || secret=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))'); \
	{ \
		echo "DJANGO_SETTINGS_MODULE=network_site.settings.production"; \
		echo "DJANGO_SECRET_KEY=$$secret"; \
		echo "DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost"; \
		echo "DJANGO_HTTPS=false"; \
		echo "DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3"; \
		echo "REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0}"; \
		echo "CACHE_KEY_PREFIX=serve-$(PORT)"; \
		echo "WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)"; \
		echo "SERVE_MEDIA=true"; \
		echo "PAGE_CACHE=$${PAGE_CACHE:-on}"; \
		echo "ELASTICSEARCH_URL=$${ELASTICSEARCH_URL:-}"; \
		echo "PORT=$(PORT)"; \
		echo "WEB_CONCURRENCY=$(SERVE_WORKERS)"; \
	} > $(SERVE_ENV)
	@echo "Settings: $(SERVE_ENV) (for manage.py in another shell: set -a; . ./$(SERVE_ENV); set +a)"
	set -a && . ./$(SERVE_ENV) && set +a && \
		$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
		{ $(BIN)/python manage.py db_worker & worker=$$!; \
		  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; $(BIN)/gunicorn; }

test: install ## Run every check and the suite on SQLite and on PostgreSQL, two at a time
	@echo "The suite on PostgreSQL and on SQLite, then the checks and lint, run two at a time;"
	@echo "each one's output appears when it has finished."
	@$(MAKE) --no-print-directory -j2 --output-sync=target pytest-postgres pytest-sqlite check lint

check: install ## Django's system checks and the missing-migrations check
	$(TEST_MANAGE) check --fail-level WARNING
	$(TEST_MANAGE) makemigrations --check --dry-run

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The compiled catalogues (.mo) are committed: a fresh clone needs no gettext to show them.
messages: install ## Re-extract the interface text into the nine catalogues and compile them (needs GNU gettext)
	$(TEST_MANAGE) update_catalogues

pytest: pytest-sqlite pytest-postgres ## The test suite on SQLite, then on PostgreSQL

pytest-sqlite: install axe ## The test suite on SQLite (in memory), the browser tests included
	env -u DATABASE_URL $(BIN)/pytest

# The browser tests run once, in the SQLite run: see "Tests" in the README.
pytest-postgres: install ## The suite but the browser tests on PostgreSQL at POSTGRES_TEST_URL (skipped locally if absent)
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(POSTGRES_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "DATABASE_URL=$(POSTGRES_TEST_URL) pytest -m 'not browser'"; \
		DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(POSTGRES_TEST_URL); CI needs it." >&2; exit 1; \
	else \
		echo "SKIPPED the PostgreSQL run: nothing answers at $(POSTGRES_TEST_URL) (set POSTGRES_TEST_URL)."; \
	fi

bench: install ## Search latency per backend at 1,000 and 10,000 synthetic documents
	$(BIN)/python bench/search_latency.py --sizes 1000 10000

# Stops and restarts the shared PostgreSQL and Redis for a few seconds each: see "Reliability"
# in the README. RELIABILITY_ARGS, e.g. "--only load search", go to the script.
reliability: install ## Load and faults (search server, editor, Redis, PostgreSQL) on the production server; ~6 min
	$(BIN)/python bench/reliability/run.py $(RELIABILITY_ARGS)

bench-scale: install ## Page latency at 100 and 10,000 case studies, in a throwaway database
	$(BIN)/python bench/scale.py --sizes 100 10000

bench-throughput: install ## This site against wagtail/bakerydemo under wrk (BAKERYDEMO_REPO=clone)
	bench/throughput.sh "$(BAKERYDEMO_REPO)"

lock: install ## Re-pin requirements.lock after changing pyproject.toml
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url -o requirements.lock pyproject.toml
