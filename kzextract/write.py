"""Stage 6 — write: the Parquet dataset, one directory per table, written atomically.

Each table (``documents``, ``sentences``, ``entities``, ``officials``, ``quantities``, ``dates``,
``errors``) is a directory of ``part-<batch>.parquet`` files readable with pandas,
``pyarrow.dataset`` and DuckDB. Memory stays bounded by the batch size. One run at a time may write
to an output directory (an advisory lock on ``OUT/.lock``; a killed run releases it).

One doc_id, one version. A batch may hold doc_ids already in the output (an edited article, a
``--force`` re-run, an article that failed before and succeeds now). Its commit replaces their rows:

1. Everything is written to a hidden staging directory ``.staging-<batch>``: the batch's new parts
   and, under ``replace/<table>/``, a filtered copy of every existing part that holds rows of those
   doc_ids (all tables for a processed article; only ``errors`` for a new error row). An in-memory
   index (doc_id → parts, per table, read once at start) says which parts those are.
2. The new parts are renamed into place, ``documents`` last: **the batch is committed once its
   ``documents`` part exists**.
3. The filtered copies then replace the old parts (one that came out empty is deleted), and the
   staging directory goes.

A crash before step 2 ends leaves the old output (the next start removes the staging directory and
the parts of the batch that have no ``documents`` part); a crash during step 3 is rolled forward at
the next start from the staging directory, whose ``documents`` part exists. SIGINT and SIGTERM wait
until a commit has finished. This is atomic against crashes, not a snapshot for a reader listing the
files while a run writes: between steps 2 and 3 it may see both versions of a re-done article for
an instant (read after the run, or take the lock, for a consistent view). Re-writing a part costs its size, so ``--force`` with batches much
smaller than those of the earlier run rewrites big parts many times.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import regex

from .document import Document

_i32 = pa.int32()
_str = pa.string()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _str), ("path", _str), ("sha256", _str), ("encoding", _str), ("language", _str),
        ("title", _str), ("source", _str), ("date", pa.date32()), ("author", _str), ("body", _str),
        ("n_sentences", _i32), ("n_words", _i32), ("text", _str),
    ]),
    "sentences": pa.schema([("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("text", _str)]),
    "entities": pa.schema([
        ("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("label", _str),
        ("text", _str), ("norm", _str), ("origin", _str),
    ]),
    "officials": pa.schema([("doc_id", _str), ("name", _str), ("position", _str), ("start", _i32), ("end", _i32)]),
    "quantities": pa.schema([
        ("doc_id", _str), ("sent_id", _i32), ("start", _i32), ("end", _i32), ("text", _str),
        ("value", pa.float64()), ("unit", _str), ("qualifier", _str), ("noun", _str), ("range_id", _i32),
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
    """The rows one processed document contributes to each table.

    ``documents.text`` is the decoded article (``doc.raw``) that every ``start``/``end`` of the other
    tables points into, so ``text[start:end]`` can be checked from the Parquet files alone.
    """
    body = doc.body
    d = doc.doc_id
    return {
        "documents": [{
            "doc_id": d, "path": doc.path, "sha256": doc.sha256, "encoding": doc.encoding,
            "language": doc.language, "title": doc.title, "source": doc.source,
            "date": dt.date.fromisoformat(doc.date) if doc.date else None, "author": doc.author,
            "body": body,
            "n_sentences": len(doc.sentences), "n_words": len(_WORDS.findall(body)),
            "text": doc.raw,
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
             "value": float(q.value), "unit": q.unit, "qualifier": q.qualifier, "noun": q.noun,
             "range_id": q.range_id}
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


Index = dict[str, dict[str, set[str]]]  # table → doc_id → names of the parts holding its rows


class DatasetWriter:
    """Collects rows and writes one committed batch every ``batch_docs`` documents (or errors).

    A batch replaces the existing rows of the doc_ids it holds (see the module docstring)."""

    def __init__(self, outdir: str | Path, batch_docs: int = 2000, row_group_size: int = 50_000):
        self.outdir = Path(outdir)
        self.batch_docs = max(1, batch_docs)
        self.row_group_size = row_group_size
        self.seconds = 0.0  # time spent building rows and writing parts
        if self.outdir.exists() and not self.outdir.is_dir():
            raise NotADirectoryError(20, "exists and is not a directory", str(self.outdir))
        self.outdir.mkdir(parents=True, exist_ok=True)
        _check_writable(self.outdir)
        self._lock = _lock(self.outdir)
        try:
            for table in TABLES:
                (self.outdir / table).mkdir(exist_ok=True)
                _check_writable(self.outdir / table)
            remove_uncommitted(self.outdir)
            self._where = _index(self.outdir)
            self._broken = False
        except BaseException:
            self._release()
            raise
        self._reset()
        self.last_n_words = 0  # words of the last document added

    def _reset(self) -> None:
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._doc_ids: set[str] = set()  # replace their rows in every table
        self._error_ids: set[str] = set()  # replace their rows in ``errors`` only
        self._n_docs = self._n_errors = 0

    def add(self, doc: Document) -> None:
        t0 = time.perf_counter()
        rows_by_table = document_rows(doc)
        with signals_deferred():  # a signal must not leave half a document pending
            for table, rows in rows_by_table.items():
                self._rows[table].extend(rows)
            self._doc_ids.add(doc.doc_id)
            self._n_docs += 1
        self.last_n_words = rows_by_table["documents"][0]["n_words"]
        self.seconds += time.perf_counter() - t0
        if self._n_docs >= self.batch_docs:
            self.flush()

    def add_error(self, doc_id: str, path: str, stage: str, message: str) -> None:
        """An error row; it replaces the doc_id's earlier error rows (not its last good rows)."""
        with signals_deferred():
            self._rows["errors"].append({"doc_id": doc_id, "path": path, "stage": stage, "message": message})
            self._error_ids.add(doc_id)
            self._n_errors += 1
        if self._n_errors >= self.batch_docs:
            self.flush()

    def drop_errors(self, doc_id: str) -> None:
        """Remove the doc_id's error rows at the next commit (its article is done after all)."""
        if self._where["errors"].get(doc_id):
            self._error_ids.add(doc_id)

    def flush(self) -> None:
        """Commit the pending rows as one batch (see the module docstring); signals wait for it."""
        if self._broken or not (self._n_docs or self._n_errors or self._error_ids):
            return
        t0 = time.perf_counter()
        with signals_deferred():
            self._commit(f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}")
        self.seconds += time.perf_counter() - t0

    def _commit(self, batch: str) -> None:
        part = f"part-{batch}.parquet"
        staging = self.outdir / f".staging-{batch}"
        staging.mkdir()
        drops = self._drops()
        moved: list[Path] = []
        try:
            for table in TABLES:
                tbl = pa.Table.from_pylist(self._rows[table], schema=SCHEMAS[table])
                _write(tbl, staging / f"{table}.parquet", self.row_group_size)
            for (table, name), ids in drops.items():
                (staging / "replace" / table).mkdir(parents=True, exist_ok=True)
                _write(_without(self.outdir / table / name, table, ids), staging / "replace" / table / name,
                       self.row_group_size)
            for table in [t for t in TABLES if t != "documents"] + ["documents"]:
                moved.append(self.outdir / table / part)
                os.replace(staging / f"{table}.parquet", moved[-1])  # documents: the commit point
        except BaseException:
            for path in moved:
                path.unlink(missing_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
            raise
        try:
            _apply_replacements(self.outdir, staging)
        except BaseException:
            self._broken = True  # committed but not swapped in: the next start rolls it forward
            raise
        finally:
            self._update_index(part, drops)
            self._reset()

    def _drops(self) -> dict[tuple[str, str], set[str]]:
        """(table, part) → the doc_ids whose rows this batch replaces there."""
        drops: dict[tuple[str, str], set[str]] = {}
        for table in TABLES:
            ids = self._doc_ids | self._error_ids if table == "errors" else self._doc_ids
            where = self._where[table]
            for doc_id in ids:
                for name in where.get(doc_id, ()):
                    drops.setdefault((table, name), set()).add(doc_id)
        return drops

    def _update_index(self, part: str, drops: dict[tuple[str, str], set[str]]) -> None:
        for (table, name), ids in drops.items():
            for doc_id in ids:
                self._where[table][doc_id].discard(name)
        for table, rows in self._rows.items():
            for doc_id in {r["doc_id"] for r in rows}:
                self._where[table].setdefault(doc_id, set()).add(part)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _write(table: pa.Table, path: Path, row_group_size: int) -> None:
    """A Parquet file on disk (fsynced): a rename of it after a crash never points at nothing."""
    pq.write_table(table, path, row_group_size=row_group_size)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _without(path: Path, table: str, doc_ids: set[str]) -> pa.Table:
    """A part's rows minus those of ``doc_ids``, in the current schema (older parts gain its new columns)."""
    data = ds.dataset(path, schema=SCHEMAS[table], format="parquet")
    return data.to_table(filter=~pc.field("doc_id").isin(sorted(doc_ids)))


def _apply_replacements(outdir: Path, staging: Path) -> None:
    """Step 3 of a commit (or its roll-forward): swap in the filtered parts, ``documents`` last.

    An empty filtered part is deleted rather than kept; an empty ``documents`` part only when no
    other table still has a part of its batch (it is what keeps those committed)."""
    replace = staging / "replace"
    for table in [t for t in TABLES if t != "documents"] + ["documents"]:
        for staged in sorted((replace / table).glob("part-*.parquet")):
            target = outdir / table / staged.name
            keep = pq.read_metadata(staged).num_rows > 0
            if table == "documents" and not keep:
                keep = any((outdir / t / staged.name).exists() for t in TABLES if t != "documents")
            if keep:
                os.replace(staged, target)
            else:
                target.unlink(missing_ok=True)
                staged.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _index(outdir: Path) -> Index:
    """Which parts hold rows of which doc_id, per table (one read of the ``doc_id`` columns)."""
    where: Index = {t: {} for t in TABLES}
    for table in TABLES:
        for part in (outdir / table).glob("part-*.parquet"):
            ids = pq.read_table(part, columns=["doc_id"]).column("doc_id")
            for doc_id in pc.unique(ids).to_pylist():
                where[table].setdefault(doc_id, set()).add(part.name)
    return where


def _check_writable(path: Path) -> None:
    """Fail before any work when ``path`` is not a directory we may write (clear message, no staging)."""
    if not path.is_dir():
        raise NotADirectoryError(20, "not a directory", str(path))
    if not os.access(path, os.W_OK | os.X_OK):
        raise PermissionError(13, "permission denied (read-only)", str(path))


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive in the block are delivered when it ends.

    A commit interrupted half-way would be rolled back or forward at the next start anyway; deferring
    lets an interrupted run commit its finished batches in its ``finally`` instead. Only the main
    thread can set handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    saved = {s: signal.signal(s, lambda signum, frame: caught.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        for s in dict.fromkeys(caught):
            signal.raise_signal(s)


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
    """Finish or undo what a killed run left: staging directories and parts without a ``documents`` part.

    A staging directory whose batch has its ``documents`` part was committed: its remaining filtered
    parts are swapped in (roll forward). Any other is deleted with its batch's parts (roll back).
    Error-only batches carry an empty ``documents`` part, so they count as committed too.
    """
    for staging in sorted(outdir.glob(".staging-*")):
        batch = staging.name.removeprefix(".staging-")
        if (outdir / "documents" / f"part-{batch}.parquet").exists():
            _apply_replacements(outdir, staging)
        else:
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
