"""The scorer reads any gold directory in the contract's format."""

import json

from kzextract.document import Document, Entity, Official, Quantity, Sentence
from kzextract.score import norm_key, score
from kzextract.write import DatasetWriter

RAW = "Тақырып\nАлматыда 506 мың жас тұрады.\nҰқсас жаңалықтар"


def _setup(tmp_path, entities, quantities):
    corpus, gold, out = tmp_path / "corpus", tmp_path / "gold", tmp_path / "out"
    corpus.mkdir(), gold.mkdir()
    (corpus / "a.txt").write_text(RAW, encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({
        "doc_id": "a", "title": "Тақырып", "source": None, "date": None,
        "body": {"first": "Алматыда 506", "last": "жас тұрады."}, "boilerplate": ["Ұқсас жаңалықтар"],
        "sentences": 1,
        "entities": [{"label": "GPE", "text": "Алматыда", "norm": "Алматы"}],
        "officials": [{"name": "Ержан Бабақұмаров", "position": "әкім"}],
        "quantities": [{"text": "506 мың", "value": 506000, "unit": "count", "qualifier": "exact"}],
    }, ensure_ascii=False), encoding="utf-8")
    doc = Document("a", "a.txt", RAW, title="Тақырып")
    doc.blocks = [(8, 36)]
    doc.sentences = [Sentence(8, 36, RAW[8:36])]
    doc.entities = entities
    doc.quantities = quantities
    doc.officials = [Official("Ержан Бабақұмаров", None, 0, 1)]
    w = DatasetWriter(out)
    w.add(doc)
    w.close()
    return score(gold, out, corpus)


def test_perfect_prediction_scores_one(tmp_path):
    r = _setup(tmp_path, [Entity(8, 16, "GPE", "Алматыда", "«Алматы»")],
               [Quantity(17, 24, "506 мың", 506000.0, "count", "exact")])
    assert r["entities"]["GPE"]["f1"] == 1.0 and r["entities"]["micro"]["f1"] == 1.0
    assert r["quantities"]["f1"] == 1.0
    assert r["officials"]["name"]["f1"] == 1.0 and r["officials"]["name_position"]["f1"] == 0.0
    assert r["boilerplate"] == 1.0 and r["sentences"]["abs_error"] == 0


def test_wrong_qualifier_and_label_count_as_misses(tmp_path):
    r = _setup(tmp_path, [Entity(8, 16, "ORGANISATION", "Алматыда", "Алматы")],
               [Quantity(17, 24, "506 мың", 506000.0, "count", "approx")])
    assert r["entities"]["GPE"]["r"] == 0.0 and r["entities"]["ORGANISATION"]["p"] == 0.0
    assert r["quantities"]["f1"] == 0.0


def test_norm_key_ignores_case_quotes_and_spaces():
    assert norm_key("«Жасыл  ел»") == norm_key("жасыл ел")


def test_score_lists_misses_and_false_hits_and_scores_dates(tmp_path):
    from kzextract.score import errors

    result = _setup(tmp_path, [Entity(8, 16, "PERSON", "Алматыда", "Алматы")], [])
    rows = errors(tmp_path / "gold", tmp_path / "out")
    assert rows, "a prediction that differs from gold must show errors"
    assert {r["kind"] for r in rows} <= {"miss", "false"}
    assert {(r["figure"], r["kind"], r["key"]) for r in rows} >= {
        ("GPE", "miss", "алматы"), ("PERSON", "false", "алматы"), ("quantities", "miss", (506000.0, "count", "exact"))}
    assert result["dates"]["gold"] == 0  # this gold file has no dates field: dates are not scored


def test_score_refuses_a_missing_prediction_directory_and_names_a_malformed_gold_file(tmp_path, capsys):
    from kzextract.cli import main

    gold = tmp_path / "gold"
    gold.mkdir()
    assert main(["score", "--gold", str(gold), "--pred", str(tmp_path / "nope")]) == 2
    assert "nope" in capsys.readouterr().err
    (tmp_path / "out" / "documents").mkdir(parents=True)
    (gold / "bad.json").write_text("{not json", encoding="utf-8")
    assert main(["score", "--gold", str(gold), "--pred", str(tmp_path / "out")]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_the_corpus_is_found_beside_a_parent_of_a_split_directory(tmp_path):
    from kzextract.score import find_corpus

    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold" / "dev").mkdir(parents=True)
    assert find_corpus(tmp_path / "gold" / "dev") == tmp_path / "corpus"
