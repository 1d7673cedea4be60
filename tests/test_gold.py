"""The gold set follows the contract: every labelled text occurs verbatim in its article, values are
in the contract, and the dev/test split is the documented rule (gold/README.md)."""

import hashlib
import json
from pathlib import Path

import pytest

from kzextract.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"PERSON", "POSITION", "ORGANISATION", "PROGRAMME", "GPE"}
UNITS = {"count", "percent", "percentage_point", "KZT", "USD", "EUR", "RUB", "year_span", "month_span",
         "day_span", "hour_span", "share", "times", "hectare", "tonne", "km", "sq_m", "head", "mci"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "up_to", "vague"}
GOLD_FILES = sorted((ROOT / "gold").glob("*/*.json"))
SHARED_EXTRA = ROOT.parent / "shared" / "corpus-extra"


def test_every_corpus_article_is_labelled_once(corpus_dir):
    stems = [p.stem for p in GOLD_FILES]
    assert len(stems) == len(set(stems))
    assert {p.stem for p in corpus_dir.glob("*.txt")} == set(stems)


def test_the_split_is_the_sha256_rule():
    """The 40 corpus-extra articles whose file-name sha256 is smallest are test; the rest are dev."""
    extra = sorted(p.stem for p in SHARED_EXTRA.glob("*.txt"))
    assert len(extra) == 100
    test = set(sorted(extra, key=lambda n: hashlib.sha256(n.encode()).hexdigest())[:40])
    assert {p.stem for p in (ROOT / "gold" / "test").glob("*.json")} == test
    assert {p.stem for p in (ROOT / "gold" / "dev").glob("*.json")} >= set(extra) - test
    assert len(list((ROOT / "gold" / "dev").glob("*.json"))) == 77


def test_corpus_extra_articles_are_copied_unchanged(corpus_dir):
    for p in SHARED_EXTRA.glob("*.txt"):
        assert (corpus_dir / p.name).read_bytes() == p.read_bytes(), p.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in GOLD_FILES])
def test_gold_texts_occur_verbatim_and_values_are_in_the_contract(path, corpus_dir):
    gold = json.loads(path.read_text("utf-8"))
    raw = read_document(corpus_dir / f"{path.stem}.txt").raw
    assert gold["doc_id"] == path.stem
    for key in ("first", "last"):
        assert gold["body"][key] in raw
    for line in gold["boilerplate"]:
        assert line in raw
    for ent in gold["entities"]:
        assert ent["label"] in LABELS and ent["text"] in raw, ent
    for q in gold["quantities"]:
        assert q["text"] in raw and q["unit"] in UNITS and q["qualifier"] in QUALIFIERS, q
        assert isinstance(q["value"], (int, float))
    for d in gold.get("dates", []):
        assert d["text"] in raw, d
        assert d["from"] is not None or d["to"] is not None, d
