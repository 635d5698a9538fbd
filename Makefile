# Puente — the README's two commands (run, test) and one more (bench).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
APPS   := courses exchanges rooms search cms/publishing forums projects frameworks networks countries opendata experiences
export DJANGO_ENV ?= dev
# The one public address every absolute link is built from (cms.notify.absolute_url).
export BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run serve test test-suite lint audit bench messages clean
WORKERS ?= 2
HOST    ?= 127.0.0.1

$(VENV)/.base-installed: requirements/base.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/base.lock
	touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	touch $@

## run: set everything up on SQLite with demo data and serve http://127.0.0.1:$(PORT) over ASGI
## Debug off: the site's own 404/error pages; static files collected, then served compressed
## and cached by WhiteNoise (DEBUG=true make run gives Django's debug pages back).
run: export DEBUG ?= false
run: $(VENV)/.base-installed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Puente is at $(BASE_URL)/ (admin: $(BASE_URL)/admin/)"
	$(BIN)/daphne --bind 127.0.0.1 --port $(PORT) cms.asgi:application

## serve: production settings; WORKERS processes share one port for HTTP and WebSockets
## (gunicorn with uvicorn workers). Needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL:
## see docs/deploy.md.
serve: $(VENV)/.base-installed
	@test -n "$$SECRET_KEY" || { echo "Set SECRET_KEY (50+ random characters): see docs/deploy.md"; exit 2; }
	@test "$(WORKERS)" = 1 || test -n "$$REDIS_URL" || { echo "Several workers need REDIS_URL (shared cache and channel layer): see docs/deploy.md"; exit 2; }
	DJANGO_ENV=production $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_ENV=production $(BIN)/python manage.py migrate --noinput
	DJANGO_ENV=production $(BIN)/gunicorn cms.asgi:application --worker-class uvicorn_worker.UvicornWorker \
	  --workers $(WORKERS) --bind $(HOST):$(PORT) --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
	  --access-logfile - --graceful-timeout 30

## audit: bandit over the code and pip-audit over the locks (pinned tools, own venv)
audit:
	.ci/audit

## test: lint (ruff, import contracts), Django checks, migrations check and the whole suite
test: lint test-suite

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run --noinput

test-suite: $(VENV)/.dev-installed
	$(BIN)/pytest -n 2 --dist loadgroup -ra

## bench: the benchmarks under tests/benchmarks (never part of `make test`)
bench: $(VENV)/.dev-installed
	$(BIN)/python -m tests.benchmarks $(BENCH)

## messages: extract (cms/ + templates/ into cms/locale, each app into its own) and compile
messages: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l es -l fr -l pt --ignore=.venv --ignore=tests \
	  $(foreach app,$(APPS),--ignore=$(app)) --ignore='cms/directory/demo_data.py'
	for app in $(APPS); do (cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l es -l fr -l pt); done
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var db.sqlite3
