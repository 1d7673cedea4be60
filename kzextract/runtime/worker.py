"""What one worker process does: set the stages up once, then read and process articles.

Every failure of one article becomes an ``Outcome`` of kind ``error`` naming the stage it happened
in; nothing here raises for a bad article.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..document import Document
from ..entities import backends
from ..pipeline import StageError, build_stages, process
from ..reader import ReadError, read_document
from ..settings import Settings, use
from .threads import one_blas_thread


@dataclass(slots=True)
class Outcome:
    kind: str  # ok, error, skipped
    doc_id: str
    path: str
    doc: Document | None = None
    stage: str = ""
    message: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (and "read")


_WORKER: dict = {}


def init_worker(ner: str, known: frozenset[str]) -> None:
    """Per-process set-up: load the model once, remember which articles are already done."""
    _WORKER["stages"] = build_stages(ner=backends.load(ner))
    _WORKER["known"] = known
    _WORKER["ner"] = ner


def init_pool_worker(ner: str, known: frozenset[str], settings: Settings | None = None) -> None:
    """``init_worker`` in a pool process, with one BLAS thread (parallelism comes from the pool) and
    the parent's settings (a spawned worker would otherwise read only files and the environment)."""
    one_blas_thread()
    if settings is not None:
        use(settings)
    init_worker(ner, known)


def ensure_worker(ner: str, known: frozenset[str]) -> None:
    """``init_pool_worker`` unless this process is already set up for ``ner`` (Dask workers)."""
    if _WORKER.get("ner") != ner or "stages" not in _WORKER:
        init_pool_worker(ner, known)
    _WORKER["known"] = known


def run_one(item: tuple[str, str]) -> Outcome:
    """Read and process one article; never raises."""
    doc_id, path = item
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    try:
        doc = read_document(path, doc_id)  # cheap next to the stages; gives the raw sha256
    except ReadError as exc:
        return Outcome("error", doc_id, path, stage="read", message=str(exc))
    except OSError as exc:
        return Outcome("error", doc_id, path, stage="read", message=f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return Outcome("error", doc_id, path, stage="read", message=f"{type(exc).__name__}: {exc}")
    timings["read"] = time.perf_counter() - t0
    if doc.sha256 in _WORKER["known"]:
        return Outcome("skipped", doc_id, path)
    try:
        return Outcome("ok", doc_id, path, doc=process(doc, _WORKER["stages"], timings), timings=timings)
    except StageError as exc:
        return Outcome("error", doc_id, path, stage=exc.stage, message=exc.message, timings=timings)


def run_chunk(items: list[tuple[str, str]]) -> list[Outcome]:
    """A chunk of articles in one worker call (amortises inter-process overhead)."""
    return [run_one(item) for item in items]
