"""Rules only, model only, and both: entity scores on ``gold/`` and on KazNERD's test split.

``gold/`` is scored with the project scorer (``(label, norm)`` per document). KazNERD is scored on
exact character spans for the labels both sides share (PERSON, POSITION, ORGANISATION, GPE
(+LOCATION), PROGRAMME (= PROJECT)), on a fixed sample of test sentences, detokenised. The rules were
written while reading ``gold/``, so KazNERD is the fairer check of how they generalise.
Run: ``python -m devtools.ner_compare`` (writes ``bench/ner-compare.json``).
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import partial

from kzextract.clean import clean
from kzextract.entities import entity_spans, tag_entities
from kzextract.entities.backends.spacy_model import spacy_predictor
from kzextract.facts import assemble_facts
from .kaznerd import kaznerd_dir, read_iob, spans_from_iob
from kzextract.entities.backends.spacy_model import LABEL_MAP, load_ner
from kzextract.numbers import quantify
from kzextract.pipeline import process
from kzextract.reader import read_document
from .paths import ROOT
from kzextract.score import LABELS, score
from kzextract.sentences import split_sentences
from kzextract.write import DatasetWriter

MODES = {"rules": (True, False), "model": (False, True), "both": (True, True)}


def gold_scores(ner) -> dict:
    """Entity and officials figures on gold/dev and gold/test for each mode."""
    results: dict = {split: {} for split in ("dev", "test")}
    for mode, (rules, use_model) in MODES.items():
        stages = [
            ("clean", clean), ("sentences", split_sentences), ("numbers", quantify),
            ("entities", partial(tag_entities, ner=ner if use_model else None, rules=rules)),
            ("facts", assemble_facts),
        ]
        with tempfile.TemporaryDirectory() as out:
            writer = DatasetWriter(out)
            for path in sorted((ROOT / "corpus").glob("*.txt")):
                writer.add(process(read_document(path), stages))
            writer.close()
            for split in results:
                r = score(ROOT / "gold" / split, out, ROOT / "corpus")
                results[split][mode] = {"micro": r["entities"]["micro"], **{lab: r["entities"][lab]["f1"] for lab in LABELS},
                                        "officials_name_position": r["officials"]["name_position"]["f1"]}
    return results


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4)}


def kaznerd_scores(ner, n_sentences: int = 3000) -> dict:
    """P/R/F1 on a fixed sample of KazNERD test sentences for each mode: exact spans, and overlap
    (same label, spans overlap; each gold span matched once), which forgives the difference
    between KazNERD's span conventions and this project's."""
    sents = read_iob(kaznerd_dir() / "IOB2_test.txt")[:n_sentences]
    texts, golds = [], []
    for sent in sents:
        text, spans = spans_from_iob(sent)
        texts.append(text)
        golds.append({(s, e, LABEL_MAP[lab]) for s, e, lab in spans if lab in LABEL_MAP})
    results = {}
    for mode, (rules, use_model) in MODES.items():
        pred = entity_spans(texts, ner if use_model else None, rules)
        exact = [0, 0, 0]  # tp, pred, gold
        overlap = [0, 0, 0]
        for p_spans, g in zip(pred, golds):
            p = {(s, e, lab) for s, e, lab, _ in p_spans}
            exact = [exact[0] + len(p & g), exact[1] + len(p), exact[2] + len(g)]
            unmatched = set(g)
            for s, e, lab in p:
                hit = next((x for x in unmatched if x[2] == lab and x[0] < e and s < x[1]), None)
                if hit is not None:
                    unmatched.discard(hit)
                    overlap[0] += 1
            overlap = [overlap[0], overlap[1] + len(p), overlap[2] + len(g)]
        results[mode] = {"exact": _prf(*exact), "overlap": _prf(*overlap)}
    return {"sentences": len(texts), **results}


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m devtools.ner_compare", description=__doc__.splitlines()[0])
    ap.add_argument("--gold-only", action="store_true", help="skip the KazNERD test sample")
    args = ap.parse_args(argv)
    model = load_ner()
    if model is None:
        print("no shipped model: run `make model` first", file=sys.stderr)
        return 1
    ner = spacy_predictor(model)
    result = {"gold": gold_scores(ner)}
    print(f"{'':8} {'dev micro':>10} {'test micro':>11} {'dev name+pos':>13} {'test name+pos':>14}")
    for mode in MODES:
        d, t = result["gold"]["dev"][mode], result["gold"]["test"][mode]
        print(f"{mode:8} {d['micro']['f1']:10.3f} {t['micro']['f1']:11.3f} {d['officials_name_position']:13.3f}"
              f" {t['officials_name_position']:14.3f}")
    if not args.gold_only:
        result["kaznerd_test"] = kaznerd_scores(ner)
        for mode in MODES:
            e, o = result["kaznerd_test"][mode]["exact"], result["kaznerd_test"][mode]["overlap"]
            print(f"KazNERD {mode:8} exact F1 {e['f1']:.3f}  overlap F1 {o['f1']:.3f}")
    path = ROOT / "bench" / "ner-compare.json"
    previous = json.loads(path.read_text()) if path.exists() else {}
    if args.gold_only and "kaznerd_test" in previous:  # keep the last KazNERD figures, and say so
        result["kaznerd_test"] = previous["kaznerd_test"]
        result["kaznerd_test_note"] = previous.get("kaznerd_test_note", "from an earlier full run")
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

