# Puente — the README's two commands (run, test) and one more (bench).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
APPS   := courses exchanges experiences rooms search
export DJANGO_ENV ?= dev

.PHONY: run test test-suite lint bench messages clean

$(VENV)/.base-installed: requirements/base.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/base.lock
	touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	touch $@

## run: set everything up on SQLite with demo data and serve http://127.0.0.1:$(PORT) over ASGI
run: $(VENV)/.base-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Puente is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/daphne --bind 127.0.0.1 --port $(PORT) cms.asgi:application

## test: lint, Django checks, migrations check and the whole suite; non-zero on any failure
test: lint test-suite

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
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
	for app in $(APPS); do (cd $$app && ../$(BIN)/python ../manage.py makemessages -l es -l fr -l pt); done
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var db.sqlite3
