"""The pipeline as a list of stages you can read top to bottom, and the batch runner around it.

Each stage is a plain function ``Document -> Document``; they compose by order, not by calling
each other. The runner reads files, runs the stages (in worker processes with ``jobs > 1``, the
model loaded once per worker), reports failures as error rows without stopping the batch, and hands
every result to the dataset writer.

Throughput notes (README, "Performance, scale and robustness"): every worker is a separate process with one BLAS/OpenMP
thread (``limit_threads``), the model is loaded once per worker, work is sent in chunks of articles
with a bounded number in flight (memory does not grow with the corpus), and results come back in
input order. ``kzextract.engines`` runs the same ``run_chunk`` on a Dask cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from .clean import clean
from .document import Document
from .engines import limit_threads, one_blas_thread
from .entities import Predictor, spacy_predictor, tag_entities
from .facts import assemble_facts
from .numbers import quantify
from .reader import ReadError, read_document
from .sentences import split_sentences

Stage = Callable[[Document], Document]


def build_stages(ner: Predictor | None = None) -> list[tuple[str, Stage]]:
    """clean → sentences → numbers → entities → facts (writing happens in the runner)."""
    return [
        ("clean", clean),
        ("sentences", split_sentences),
        ("numbers", quantify),
        ("entities", partial(tag_entities, ner=ner)),
        ("facts", assemble_facts),
    ]


class StageError(Exception):
    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


def process(doc: Document, stages: list[tuple[str, Stage]], timings: dict[str, float] | None = None) -> Document:
    """Run every stage; a failure is reported with the name of the stage it happened in.

    With ``timings``, the seconds spent in each stage are added to it (keyed by stage name).
    """
    for name, stage in stages:
        t0 = time.perf_counter()
        try:
            doc = stage(doc)
        except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not raised
            raise StageError(name, f"{type(exc).__name__}: {exc}") from exc
        finally:
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return doc


@dataclass(slots=True)
class Outcome:
    kind: str  # ok, error, skipped
    doc_id: str
    path: str
    doc: Document | None = None
    stage: str = ""
    message: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (and "read")


def discover(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(doc_id, path) for every ``.txt`` file named or found under a named directory.

    A path that does not exist is yielded as-is so the runner reports it as an error row.
    """
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*.txt")):
                yield f.stem, str(f)
        else:
            yield p.stem if p.suffix == ".txt" else p.name, str(p)


_WORKER: dict = {}


def load_predictor(ner: str) -> Predictor | None:
    """The NER backend: ``spacy`` (the shipped model; rules only if none is shipped), ``stanza``, ``none``."""
    if ner == "none":
        return None
    if ner == "stanza":
        from .stanza_backend import load_stanza

        return load_stanza()
    from .model import load_ner

    model = load_ner()
    return spacy_predictor(model) if model is not None else None


def init_worker(ner: str, known: frozenset[str]) -> None:
    """Per-process set-up: load the model once, remember which articles are already done."""
    _WORKER["stages"] = build_stages(ner=load_predictor(ner))
    _WORKER["known"] = known
    _WORKER["ner"] = ner


def init_pool_worker(ner: str, known: frozenset[str]) -> None:
    """``init_worker`` in a pool process, with one BLAS thread: parallelism comes from the pool."""
    one_blas_thread()
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


def chunked(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_start_method() -> str:
    """``fork`` where it exists (workers start in milliseconds, sharing the parent's imports);
    ``KZEXTRACT_START_METHOD=spawn`` for a clean interpreter per worker."""
    method = os.environ.get("KZEXTRACT_START_METHOD")
    if method:
        return method
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def run(
    items: Iterable[tuple[str, str]],
    ner: str = "spacy",
    jobs: int = 1,
    known: frozenset[str] = frozenset(),
    chunksize: int = 16,
    start_method: str | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order, computed in ``jobs`` processes.

    At most ``4 × jobs`` chunks are in flight, so memory does not depend on the number of items. A
    worker that dies (killed, out of memory, a crash in native code) does not stop the run: the pool
    is restarted, its chunk retried article by article, and an article that kills a worker again
    becomes an error row.
    """
    if jobs <= 1:
        init_worker(ner, known)
        for item in items:
            yield run_one(item)
        return
    limit_threads()
    ctx = multiprocessing.get_context(start_method or default_start_method())

    pool = _Pool(lambda: ProcessPoolExecutor(jobs, mp_context=ctx, initializer=init_pool_worker, initargs=(ner, known)))
    window: deque[tuple[list[tuple[str, str]], Future]] = deque()
    chunks = chunked(items, chunksize)
    try:
        while True:
            while len(window) < 4 * jobs and (chunk := next(chunks, None)) is not None:
                window.append((chunk, pool.executor.submit(run_chunk, chunk)))
            if not window:
                break
            chunk, fut = window.popleft()
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                pending = [chunk] + [c for c, _ in window]
                window.clear()
                pool.restart()
                for c in pending:
                    yield from _retry_one_by_one(c, pool)
            else:
                yield from outcomes
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


class _Pool:
    """A process pool that can be replaced when one of its workers died."""

    def __init__(self, factory: Callable[[], ProcessPoolExecutor]):
        self.factory = factory
        self.executor = factory()

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self.factory()


def _retry_one_by_one(chunk: list[tuple[str, str]], pool: _Pool) -> Iterator[Outcome]:
    """Each article of a chunk whose worker died, on its own; one that kills its worker again is
    an error row (stage ``worker``)."""
    for item in chunk:
        try:
            yield pool.executor.submit(run_one, item).result()
        except BrokenProcessPool:
            pool.restart()
            yield Outcome("error", item[0], item[1], stage="worker",
                          message="the worker process died on this article (killed, out of memory or crashed)")
