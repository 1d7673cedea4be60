"""The local engine: the stages in ``jobs`` worker processes on this machine.

Every worker is a separate process with one BLAS/OpenMP thread (``threads.limit_threads``), the
model is loaded once per worker, work is sent in chunks of articles with a bounded number in flight
(memory does not grow with the corpus), and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..settings import current
from .threads import limit_threads
from .worker import Outcome, init_pool_worker, init_worker, run_chunk, run_one


def chunked(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_start_method() -> str:
    """``fork`` where it exists (workers start in milliseconds, sharing the parent's imports); the
    ``start_method`` setting (``spawn``) for a clean interpreter per worker."""
    method = current().start_method
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

    pool = _Pool(lambda: ProcessPoolExecutor(jobs, mp_context=ctx, initializer=init_pool_worker, initargs=(ner, known, current())))
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


class LocalEngine:
    """``jobs`` worker processes on this machine (``jobs <= 1``: in this process)."""

    name = "local"

    def __init__(self, jobs: int = 1, chunksize: int = 16, start_method: str | None = None):
        self.jobs = jobs
        self.chunksize = chunksize
        self.start_method = start_method

    def run(self, items: Iterable[tuple[str, str]], ner: str = "spacy",
            known: frozenset[str] = frozenset()) -> Iterator[Outcome]:
        return run(items, ner=ner, jobs=self.jobs, known=known, chunksize=self.chunksize,
                   start_method=self.start_method)

    def close(self) -> None:
        pass
