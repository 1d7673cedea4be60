"""End-to-end check of the optional Stanza backend with a real Stanza model (``make stanza-check``).

Runs in the ``.venv-stanza`` environment that target makes (torch CPU + the ``stanza`` extra), with
the model named by ``$KZEXTRACT_STANZA_NER`` / ``$KZEXTRACT_STANZA_PRETRAIN`` or Stanza's own
installed Kazakh models. It scores the backend on KazNERD test sentences through the entity stage
(model alone, rules alone, both; :func:`devtools.ner_compare.kaznerd_scores`), runs
``kzextract extract corpus --ner stanza`` and fails unless every article is processed and the model's
spans reach the output. Results go to ``bench/stanza-eval.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile

from kzextract.cli import main as cli_main
from .ner_compare import kaznerd_scores
from .paths import ROOT
from kzextract.entities.backends.stanza import load_stanza
from kzextract.write import read_table

N_SENTENCES = 1000
MIN_MODEL_F1 = 0.5  # a model that learnt anything; the figures themselves go to the json


def main() -> int:
    ner = load_stanza()
    res = {"kaznerd_test": kaznerd_scores(ner, N_SENTENCES)}
    with tempfile.TemporaryDirectory() as out:
        code = cli_main(["extract", str(ROOT / "corpus"), "-o", out, "-q", "--ner", "stanza", "--jobs", "1"])
        docs = read_table(out, "documents").num_rows
        origins = read_table(out, "entities").column("origin").to_pylist()
    res["corpus"] = {"exit": code, "documents": docs,
                     "origins": {o: origins.count(o) for o in sorted(set(origins))}}  # fmt: skip
    (ROOT / "bench" / "stanza-eval.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    n_corpus = len(list((ROOT / "corpus").glob("*.txt")))
    model_f1 = res["kaznerd_test"]["model"]["exact"]["f1"]
    problems = [msg for ok, msg in (
        (code == 0, f"extract exited {code}"),
        (docs == n_corpus, f"{docs} of {n_corpus} articles written"),
        (any(o in ("model", "both") for o in origins), "no entity came from the Stanza model"),
        (model_f1 >= MIN_MODEL_F1, f"Stanza model F1 {model_f1} < {MIN_MODEL_F1} on KazNERD test"),
    ) if not ok]  # fmt: skip
    for msg in problems:
        print(f"stanza-check: {msg}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
