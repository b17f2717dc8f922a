# The README's Quick start: `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench clean

$(BIN)/wirestream: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/wirestream

run: install  ## the main job on the embedded broker: samples in, enriched events out
	$(BIN)/wirestream run

test: install  ## unit and integration tests (the integration tests start their own broker)
	$(BIN)/ruff check streams tests bench examples deploy
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check streams tests bench examples deploy
	$(BIN)/ruff format --check streams tests bench examples deploy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
