"""The Parquet dataset: declared schema, readable by pandas/pyarrow/DuckDB, atomic batches."""

import pyarrow.parquet as pq

from kzextract.document import Document, Quantity, Sentence
from kzextract.write import SCHEMAS, DatasetWriter, read_table, remove_uncommitted


def _doc(doc_id="a"):
    raw = "Тақырып\nҚалада 506 мың жас тұрады."
    doc = Document(doc_id, f"{doc_id}.txt", raw, sha256=doc_id * 4, title="Тақырып", date="2021-09-29")
    doc.blocks = [(8, len(raw))]
    doc.sentences = [Sentence(8, len(raw), raw[8:])]
    doc.quantities = [Quantity(15, 22, "506 мың", 506000.0, "count", "exact", "жас", 0)]
    return doc


def test_every_table_has_its_declared_schema(tmp_path):
    w = DatasetWriter(tmp_path)
    w.add(_doc())
    w.add_error("bad", "bad.txt", "read", "empty article")
    w.close()
    for table, schema in SCHEMAS.items():
        parts = list((tmp_path / table).glob("part-*.parquet"))
        assert len(parts) == 1
        assert pq.read_schema(parts[0]).remove_metadata() == schema
    q = read_table(tmp_path, "quantities").to_pylist()[0]
    assert q["value"] == 506000.0 and q["noun"] == "жас"
    assert read_table(tmp_path, "errors").to_pylist()[0]["stage"] == "read"


def test_batches_make_bounded_part_files(tmp_path):
    w = DatasetWriter(tmp_path, batch_docs=2)
    for i in range(5):
        w.add(_doc(f"d{i}"))
    w.close()
    assert len(list((tmp_path / "documents").glob("part-*.parquet"))) == 3
    assert read_table(tmp_path, "documents").num_rows == 5


def test_parts_without_a_documents_part_are_removed_as_uncommitted(tmp_path):
    w = DatasetWriter(tmp_path)
    w.add(_doc())
    w.close()
    orphan = tmp_path / "entities" / "part-killed.parquet"
    orphan.write_bytes(b"half written")
    (tmp_path / ".staging-killed").mkdir()
    remove_uncommitted(tmp_path)
    assert not orphan.exists() and not (tmp_path / ".staging-killed").exists()
    assert read_table(tmp_path, "documents").num_rows == 1


def test_output_loads_in_pandas_and_duckdb(tmp_path):
    import duckdb
    import pandas as pd

    w = DatasetWriter(tmp_path)
    w.add(_doc())
    w.close()
    assert pd.read_parquet(tmp_path / "documents")["title"].tolist() == ["Тақырып"]
    n = duckdb.sql(f"select count(*) from read_parquet('{tmp_path}/quantities/*.parquet')").fetchall()[0][0]
    assert n == 1
