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

score: $(BIN)/kemnaker-tui
	$(BIN)/kemnaker-tui export corpus --format json > /tmp/kemnaker-export.json
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/gold_seeds.json --pred /tmp/kemnaker-export.json -v

clean:
	rm -rf $(VENV) build dist *.egg-info
