# One command to set up and run, one to set up and test (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DECK ?= decks/kirov-assassination

.PHONY: setup run test services chromium lint screenshots clean

$(BIN)/quizgen: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/quizgen

# the web app at http://127.0.0.1:8000 (the first start imports decks/ and generates their questions)
run: setup
	$(BIN)/quizgen serve

# PostgreSQL for the web tests; started when it does not answer
services:
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done

# Debian's Chromium for the browser tests
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: setup services chromium
	$(BIN)/pytest -n 2 -q

# style (ruff) and types (mypy on quizgen/ and web/, settings in pyproject.toml)
lint: setup
	$(BIN)/ruff check quizgen web tests
	$(BIN)/mypy

# the README's screenshots, as the first-lesson browser test takes them
screenshots: setup chromium
	QUIZGEN_DOC_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_browser_lesson.py

clean:
	rm -rf $(VENV) decks/*/dist .pytest_cache
