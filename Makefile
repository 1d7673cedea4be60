# The interface a newcomer uses. Every target sets up .venv/ itself when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
JOBS ?=

.PHONY: setup extract report score test bench model model-eval lemma-eval numbers-eval clean-compare stanza-check clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

extract: $(STAMP)
	$(VENV)/bin/kzextract extract corpus -o out $(if $(JOBS),--jobs $(JOBS))

report: extract
	$(VENV)/bin/kzextract report out -o out/report.html

score: extract
	$(VENV)/bin/kzextract score --gold gold/dev --pred out --json out/score-dev.json --errors out/errors-dev.txt
	$(VENV)/bin/kzextract score --gold gold/test --pred out --json out/score-test.json

# The report test opens the page in a real headless browser: Debian's chromium, installed when missing.
test: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	$(PY) -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(PY) -m devtools.bench

model: $(STAMP)
	$(PY) -m pip install -q -e '.[train]'
	$(PY) -m devtools.modeltrain train --all

model-eval: $(STAMP)
	$(PY) -m devtools.modeltrain eval

lemma-eval: $(STAMP)
	$(PY) -m devtools.lemma_eval

numbers-eval: $(STAMP)
	$(PY) -m devtools.numbers_eval

clean-compare: $(STAMP)
	$(PY) -m devtools.clean_compare

# Optional: the Stanza backend end to end, in its own venv (CPU torch), with a Stanza NER model
# trained here on KazNERD valid unless STANZA_NER=path/to/model.pt (with STANZA_PRETRAIN) names one.
# Not part of `make test`: it installs torch.
STANZA_VENV := .venv-stanza
STANZA_DIR := training/stanza
STANZA_NER ?= $(STANZA_DIR)/kk_kzextract_nertagger.pt
STANZA_PRETRAIN ?= $(STANZA_DIR)/pretrain.pt
STANZA_STEPS ?= 3000

stanza-check: $(STAMP)
	test -x $(STANZA_VENV)/bin/python || $(PYTHON) -m venv $(STANZA_VENV)
	$(STANZA_VENV)/bin/pip install -q torch==2.13.0
	$(STANZA_VENV)/bin/pip install -q -e '.[stanza]'
	test -f $(STANZA_NER) || $(STANZA_VENV)/bin/python -m devtools.stanza_train --out $(STANZA_DIR) --max-steps $(STANZA_STEPS)
	KZEXTRACT_STANZA_NER=$(STANZA_NER) KZEXTRACT_STANZA_PRETRAIN=$(STANZA_PRETRAIN) \
	  $(STANZA_VENV)/bin/python -m devtools.stanza_eval

clean:
	rm -rf out
