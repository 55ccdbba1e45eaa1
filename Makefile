# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test bench score clean

$(BIN)/kemnaker-tui: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

run: $(BIN)/kemnaker-tui
	$(BIN)/kemnaker-tui

test: $(BIN)/kemnaker-tui
	$(BIN)/python -m pytest -n 2 -q

bench: $(BIN)/kemnaker-tui
	$(BIN)/python bench/analysis_speed.py

# The seed articles (corpus/) and the 24 real dev articles (../shared/eval/dev), each against its gold.
EVAL ?= ../shared/eval
score: $(BIN)/kemnaker-tui
	@echo "== seed articles (corpus/ against $(EVAL)/gold_seeds.json)"
	$(BIN)/kemnaker-tui export corpus --format json > /tmp/kemnaker-export-seed.json
	$(PYTHON) $(EVAL)/score.py --gold $(EVAL)/gold_seeds.json --pred /tmp/kemnaker-export-seed.json -v
	@echo "== dev articles ($(EVAL)/dev/articles against $(EVAL)/dev/gold_dev.json)"
	$(BIN)/kemnaker-tui export $(EVAL)/dev/articles --format json > /tmp/kemnaker-export-dev.json
	$(PYTHON) $(EVAL)/score.py --gold $(EVAL)/dev/gold_dev.json --pred /tmp/kemnaker-export-dev.json -v

clean:
	rm -rf $(VENV) build dist *.egg-info
