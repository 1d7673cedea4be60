"""The Python API: one article from a string, a batch, and a spaCy pipeline of kzextract's stages."""

import dataclasses

import pyarrow.parquet  # noqa: F401

import kzextract
from kzextract.write import SCHEMAS

TEXT = ("Алматы облысының әкімі Марат Ахметжанов Талдықорғанда жастармен кездесті. "
        "Жиынға 35 мыңға жуық адам қатысты, 77,8% қолдады.")


def test_extract_text_fills_every_record_kind():
    doc = kzextract.extract_text(TEXT, doc_id="a1")
    assert doc.doc_id == "a1"
    assert len(doc.sentences) == 2
    assert ("PERSON", "Марат Ахметжанов") in {(e.label, e.norm) for e in doc.entities}
    assert {(q.value, q.unit, q.qualifier) for q in doc.quantities} >= {(35000, "count", "approx"), (77.8, "percent", "exact")}
    assert "Марат Ахметжанов" in {o.name for o in doc.officials}
    for e in doc.entities:
        assert doc.raw[e.start:e.end] == e.text


def test_records_carry_the_parquet_column_names():
    doc = kzextract.extract_text(TEXT)
    for table, records in (("sentences", doc.sentences), ("entities", doc.entities),
                           ("quantities", doc.quantities), ("officials", doc.officials)):
        columns = set(SCHEMAS[table].names) - {"doc_id", "sent_id"}
        assert columns <= {f.name for f in dataclasses.fields(records[0])}, table
        assert set(doc.rows(table)[0]) == set(SCHEMAS[table].names)


def test_extract_runs_a_batch_and_returns_its_summary(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text(TEXT, encoding="utf-8")
    (src / "two.txt").write_text("", encoding="utf-8")
    summary = kzextract.extract(src, tmp_path / "out", jobs=1, ner="none")
    assert (summary.processed, summary.failed) == (1, 1)
    docs = pyarrow.parquet.read_table(tmp_path / "out" / "documents").to_pylist()
    assert [d["doc_id"] for d in docs] == ["one"]


def test_load_gives_a_spacy_pipeline_with_the_stages_as_components():
    nlp = kzextract.load(ner="none")
    assert nlp.lang == "kk"
    assert {"kzextract_clean", "kzextract_numbers", "kzextract_entities", "kzextract_facts"} <= set(nlp.pipe_names)
    doc = nlp(TEXT)
    assert ("Марат Ахметжанов", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    assert 35000 in {q.value for q in doc._.quantities}
    assert "Марат Ахметжанов" in {o.name for o in doc._.officials}
