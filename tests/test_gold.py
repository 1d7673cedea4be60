"""The gold set follows the contract: every labelled text occurs verbatim in its article."""

import json

import pytest

from kzextract.reader import read_document

LABELS = {"PERSON", "POSITION", "ORGANISATION", "PROGRAMME", "GPE"}
UNITS = {"count", "percent", "KZT", "USD", "year_span", "month_span", "day_span", "share"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "up_to"}


def _golds(gold_dir):
    return sorted(gold_dir.glob("*.json"))


def test_every_corpus_article_is_labelled(corpus_dir, gold_dir):
    assert {p.stem for p in corpus_dir.glob("*.txt")} == {p.stem for p in _golds(gold_dir)}


@pytest.mark.parametrize("name", [p.stem for p in sorted((__import__("pathlib").Path(__file__).parent.parent / "gold").glob("*.json"))])
def test_gold_texts_occur_verbatim_and_values_are_in_the_contract(name, corpus_dir, gold_dir):
    gold = json.loads((gold_dir / f"{name}.json").read_text("utf-8"))
    raw = read_document(corpus_dir / f"{name}.txt").raw
    assert gold["doc_id"] == name
    for key in ("first", "last"):
        assert gold["body"][key] in raw
    for line in gold["boilerplate"]:
        assert line in raw
    for ent in gold["entities"]:
        assert ent["label"] in LABELS and ent["text"] in raw, ent
    for q in gold["quantities"]:
        assert q["text"] in raw and q["unit"] in UNITS and q["qualifier"] in QUALIFIERS, q
        assert isinstance(q["value"], (int, float))
