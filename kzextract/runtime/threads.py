"""Math threads: one per process, since parallelism comes from processes."""

from __future__ import annotations

import os

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def limit_threads() -> None:
    """One math thread per process: parallelism comes from processes, and N processes each with N
    BLAS/OpenMP threads on N cores only fight over them. Takes effect in this process only when it
    runs before numpy is imported (the CLI does it first thing); it always reaches worker processes,
    which inherit the environment. A value already set by the user is kept."""
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")


def one_blas_thread() -> None:
    """One BLAS thread in this process, even when its BLAS is already loaded: a forked worker
    inherits its parent's BLAS thread count, which ``limit_threads`` cannot change once the caller
    has imported numpy.
    The NER model multiplies through numpy's OpenBLAS (``model.blas_ops``), which would otherwise
    start a thread per core in every worker (spaCy's ``n_process=2`` ran 35 % slower so here)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
