# The interface a newcomer uses. Every target sets up .venv/ itself when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
JOBS ?=

.PHONY: setup extract score test bench model model-eval lemma-eval numbers-eval clean-compare clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

extract: $(STAMP)
	$(VENV)/bin/kzextract extract corpus -o out $(if $(JOBS),--jobs $(JOBS))

score: extract
	$(VENV)/bin/kzextract score --gold gold --pred out --json out/score.json

test: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(PY) -m kzextract.bench

model: $(STAMP)
	$(PY) -m pip install -q -e '.[train]'
	$(PY) -m kzextract.modeltrain train

model-eval: $(STAMP)
	$(PY) -m kzextract.modeltrain eval

lemma-eval: $(STAMP)
	$(PY) -m kzextract.lemma_eval

numbers-eval: $(STAMP)
	$(PY) -m kzextract.numbers_eval

clean-compare: $(STAMP)
	$(PY) -m kzextract.clean_compare

clean:
	rm -rf out
