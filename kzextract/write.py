"""Stage 6 — write: the Parquet dataset, one directory per table, written atomically.

Each table (``documents``, ``sentences``, ``entities``, ``officials``, ``quantities``, ``dates``,
``errors``) is a directory of ``part-<batch>.parquet`` files readable with pandas,
``pyarrow.dataset`` and DuckDB.
A batch is written to a hidden staging directory, then renamed into place with ``documents`` last:
a batch counts only once its ``documents`` part exists, and parts of a batch that never got one
(a killed run) are removed at the next start. Memory stays bounded by the batch size. One run at a
time may write to an output directory (an advisory lock on ``OUT/.lock``; a killed run releases it).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pyarrow.dataset as ds
import regex

from .document import Document

_i32 = pa.int32()
_str = pa.string()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _str), ("path", _str), ("sha256", _str), ("encoding", _str), ("language", _str),
        ("title", _str), ("source", _str), ("date", pa.date32()), ("author", _str), ("body", _str),
        ("n_sentences", _i32), ("n_words", _i32),
    ]),
    "sentences": pa.schema([("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("text", _str)]),
    "entities": pa.schema([
        ("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("label", _str),
        ("text", _str), ("norm", _str), ("origin", _str),
    ]),
    "officials": pa.schema([("doc_id", _str), ("name", _str), ("position", _str), ("start", _i32), ("end", _i32)]),
    "quantities": pa.schema([
        ("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("text", _str),
        ("value", pa.float64()), ("unit", _str), ("qualifier", _str), ("noun", _str),
    ]),
    "dates": pa.schema([
        ("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("text", _str),
        ("date_from", _str), ("date_to", _str),
    ]),
    "errors": pa.schema([("doc_id", _str), ("path", _str), ("stage", _str), ("message", _str)]),
}
TABLES = tuple(SCHEMAS)
_WORDS = regex.compile(r"[\p{L}\p{N}]+")


def document_rows(doc: Document) -> dict[str, list[dict]]:
    """The rows one processed document contributes to each table."""
    body = doc.body
    d = doc.doc_id
    return {
        "documents": [{
            "doc_id": d, "path": doc.path, "sha256": doc.sha256, "encoding": doc.encoding,
            "language": doc.language, "title": doc.title, "source": doc.source,
            "date": dt.date.fromisoformat(doc.date) if doc.date else None, "author": doc.author,
            "body": body,
            "n_sentences": len(doc.sentences), "n_words": len(_WORDS.findall(body)),
        }],
        "sentences": [
            {"doc_id": d, "sent_id": i, "start": s.start, "end": s.end, "text": s.text}
            for i, s in enumerate(doc.sentences)
        ],
        "entities": [
            {"doc_id": d, "sent_id": e.sent_id, "start": e.start, "end": e.end, "label": e.label,
             "text": e.text, "norm": e.norm, "origin": e.origin}
            for e in doc.entities
        ],
        "officials": [
            {"doc_id": d, "name": o.name, "position": o.position, "start": o.start, "end": o.end}
            for o in doc.officials
        ],
        "quantities": [
            {"doc_id": d, "sent_id": q.sent_id, "start": q.start, "end": q.end, "text": q.text,
             "value": float(q.value), "unit": q.unit, "qualifier": q.qualifier, "noun": q.noun}
            for q in doc.quantities
        ],
        "dates": [
            {"doc_id": d, "sent_id": x.sent_id, "start": x.start, "end": x.end, "text": x.text,
             "date_from": x.date_from, "date_to": x.date_to}
            for x in doc.dates
        ],
    }


class OutputLocked(RuntimeError):
    """Another run is writing to the same output directory."""


class DatasetWriter:
    """Collects rows and writes one committed batch every ``batch_docs`` documents."""

    def __init__(self, outdir: str | Path, batch_docs: int = 2000, row_group_size: int = 50_000,
                 replace: bool = False):
        """``replace``: delete the existing output first (``--force``)."""
        self.outdir = Path(outdir)
        self.batch_docs = max(1, batch_docs)
        self.row_group_size = row_group_size
        self.seconds = 0.0  # time spent building rows and writing parts
        self.outdir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.outdir)
        if replace:
            for table in TABLES:
                shutil.rmtree(self.outdir / table, ignore_errors=True)
        for table in TABLES:
            (self.outdir / table).mkdir(exist_ok=True)
        remove_uncommitted(self.outdir)
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._n_docs = 0
        self._n_errors = 0
        self.last_n_words = 0  # words of the last document added

    def add(self, doc: Document) -> None:
        t0 = time.perf_counter()
        rows_by_table = document_rows(doc)
        for table, rows in rows_by_table.items():
            self._rows[table].extend(rows)
        self.last_n_words = rows_by_table["documents"][0]["n_words"]
        self._n_docs += 1
        self.seconds += time.perf_counter() - t0
        if self._n_docs >= self.batch_docs:
            self.flush()

    def add_error(self, doc_id: str, path: str, stage: str, message: str) -> None:
        self._rows["errors"].append({"doc_id": doc_id, "path": path, "stage": stage, "message": message})
        self._n_errors += 1
        if self._n_errors >= self.batch_docs:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows as one batch: staged, then renamed with ``documents`` last."""
        if not self._n_docs and not self._n_errors:
            return
        t0 = time.perf_counter()
        batch = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        staging = self.outdir / f".staging-{batch}"
        staging.mkdir()
        order = [t for t in TABLES if t != "documents"] + ["documents"]
        for table in order:
            tbl = pa.Table.from_pylist(self._rows[table], schema=SCHEMAS[table])
            pq.write_table(tbl, staging / f"{table}.parquet", row_group_size=self.row_group_size)
        for table in order:
            staged = staging / f"{table}.parquet"
            with open(staged, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(staged, self.outdir / table / f"part-{batch}.parquet")
        staging.rmdir()
        self._rows = {t: [] for t in TABLES}
        self._n_docs = self._n_errors = 0
        self.seconds += time.perf_counter() - t0

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._lock is not None:
                self._lock.close()
                self._lock = None


def _lock(outdir: Path):
    """An exclusive advisory lock on ``outdir/.lock``, released by the OS when the process dies.

    A POSIX record lock (``lockf``), not ``flock``: forked worker processes do not inherit it, so an
    orphaned worker of a killed run cannot keep the next run out."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        return None
    fh = open(outdir / ".lock", "a+b")  # noqa: SIM115 - held for the writer's lifetime
    try:
        fcntl.lockf(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        raise OutputLocked(f"another kzextract run is writing to {outdir}") from exc
    return fh


def remove_uncommitted(outdir: Path) -> None:
    """Delete staging leftovers and parts whose batch has no ``documents`` part (a killed run).

    Error-only batches carry an empty ``documents`` part, so they count as committed too.
    """
    for staging in outdir.glob(".staging-*"):
        shutil.rmtree(staging, ignore_errors=True)
    committed = {p.name for p in (outdir / "documents").glob("part-*.parquet")}
    for table in TABLES:
        for part in (outdir / table).glob("part-*.parquet"):
            if part.name not in committed:
                part.unlink()


def read_table(outdir: str | Path, table: str) -> pa.Table:
    """One table of an output directory (all parts), with its declared schema."""
    path = Path(outdir) / table
    if not path.is_dir() or not any(path.glob("part-*.parquet")):
        return SCHEMAS[table].empty_table()
    return ds.dataset(path, schema=SCHEMAS[table], format="parquet").to_table()
