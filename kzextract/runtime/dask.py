"""The Dask engine: the stages on a Dask cluster.

Why Dask rather than Ray: ``dask[distributed]`` is a pure-Python pip install, starts a real
``LocalCluster`` in a test in seconds, and reaches the clusters researchers actually have (SLURM/PBS
through ``dask-jobqueue``, Kubernetes through ``dask-kubernetes``, or ``dask scheduler`` / ``dask
worker`` by hand). The work is embarrassingly parallel CPU-bound tasks with a per-process model:
nothing needs Ray's actors, object store or GPU scheduling, and Ray is a much heavier dependency.

On a cluster, every worker needs kzextract installed (a wheel carries ``patterns/`` and the model as
package data), the input files on a path it can read (a shared file system), and should run one thread per process, e.g.::

    OMP_NUM_THREADS=1 dask worker tcp://head:8786 --nworkers 16 --nthreads 1
    kzextract extract /shared/archive -o /shared/out --engine dask --scheduler tcp://head:8786
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .local import chunked
from .threads import limit_threads
from .worker import Outcome, ensure_worker, run_chunk


def _dask_chunk(chunk: list[tuple[str, str]], ner: str, known: frozenset[str]) -> list[Outcome]:
    """Runs on a Dask worker: set the process up once (model loaded once), then the chunk."""
    ensure_worker(ner, known)
    return run_chunk(chunk)


class DaskEngine:
    """The stages on a Dask cluster: ``scheduler`` is its address (``tcp://host:8786``); without one
    a ``LocalCluster`` of ``jobs`` single-threaded worker processes is started (and stopped)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int = 1, chunksize: int = 16):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise RuntimeError("the dask engine needs dask.distributed: pip install 'kzextract[dask]'") from exc
        limit_threads()
        self.chunksize = chunksize
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def run(self, items: Iterable[tuple[str, str]], ner: str = "spacy",
            known: frozenset[str] = frozenset()) -> Iterator[Outcome]:
        """Outcomes in input order; at most ``4 × workers`` chunks in flight."""
        # Sent to every worker once (a set is scattered element-wise, hence the dict around it).
        known_ref = self.client.scatter({"known": known}, broadcast=True)["known"]

        def submit(chunk):
            return self.client.submit(_dask_chunk, chunk, ner, known_ref, pure=False)

        window: deque = deque()
        chunks = chunked(items, self.chunksize)
        limit = 4 * self.n_workers
        while True:
            while len(window) < limit and (chunk := next(chunks, None)) is not None:
                window.append((chunk, submit(chunk)))
            if not window:
                break
            chunk, fut = window.popleft()
            try:
                outcomes = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker (KilledWorker) must not stop the run
                outcomes = []
                for item in chunk:
                    try:
                        outcomes.extend(submit([item]).result())
                    except Exception as exc_one:  # noqa: BLE001
                        outcomes.append(Outcome("error", item[0], item[1], stage="worker",
                                                message=f"the Dask task failed: {type(exc_one).__name__}: {exc_one}"
                                                        f" (its chunk failed with {type(exc).__name__})"))
            finally:
                fut.release()
            yield from outcomes

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
