"""Where the stages run: processes on this machine (``local``) or a Dask cluster (``dask``).

Both engines run the same function on chunks of articles (``worker.run_chunk``) and give back
``Outcome``\\ s in input order; the dataset is written by the calling process in both cases, so a
cluster run writes exactly the dataset a local run writes. Nothing here imports Dask until the Dask
engine is asked for.
"""

from __future__ import annotations

from .inputs import discover
from .local import LocalEngine
from .threads import limit_threads, one_blas_thread
from .worker import Outcome

ENGINES = ("local", "dask")


def get_engine(name: str, jobs: int = 1, scheduler: str | None = None, chunksize: int = 16):
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return LocalEngine(jobs, chunksize)
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(scheduler, jobs, chunksize)
    raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")


__all__ = ["ENGINES", "LocalEngine", "Outcome", "discover", "get_engine", "limit_threads", "one_blas_thread"]
