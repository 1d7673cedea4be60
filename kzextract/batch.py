"""A batch run: discover articles, run the stages on an engine, write the dataset, count.

This is what ``kzextract extract`` and :func:`kzextract.extract` both call. A run is resumable:
articles whose raw sha256 is already in the output are skipped (``force`` redoes them), and a run
that is killed loses at most its uncommitted batch.

A doc_id has one version in the output: an edited article (or any article under ``force``) replaces
its earlier rows in the same commit that adds the new ones, and an article that succeeds drops its
earlier error rows. ``force`` therefore deletes nothing up front: until a batch commits, the earlier
output stays as it was, and articles not given to the run keep their rows. An article that fails
keeps its last good rows next to the new error row (an unreadable file must not erase what was
extracted from it); once it is done again (processed, or skipped as unchanged) the error row goes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .runtime import Outcome, discover, get_engine
from .write import DatasetWriter, read_table


class BatchError(Exception):
    """The run cannot start (no inputs, bad options, a locked output, a missing backend)."""


@dataclass
class Summary:
    output: str
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    engine: str = "local"
    jobs: int = 1
    ner: str = "spacy"
    # CPU seconds summed over workers, per stage ("read" = decoding, "write" = Parquet)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        el = self.seconds
        return {
            "engine": self.engine, "jobs": self.jobs, "ner": self.ner, "ok": self.processed,
            "error": self.failed, "skipped": self.skipped, "words": self.words, "seconds": round(el, 3),
            "articles_per_s": round(self.processed / el, 2) if el else None,
            "words_per_s": round(self.words / el, 1) if el else None,
            "stage_seconds": {k: round(v, 4) for k, v in self.stage_seconds.items()},
        }


def cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _open_writer(out: Path, batch_size: int) -> DatasetWriter:
    """The dataset writer, or a ``BatchError`` with one clear line when ``out`` cannot be written."""
    try:
        return DatasetWriter(out, batch_docs=batch_size)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename and exc.filename != str(out) else ""
        raise BatchError(f"cannot write to {out}: {exc.strerror or exc}{where}") from exc


def extract(
    inputs: Iterable[str | Path | tuple[str, str]],
    out: str | Path,
    *,
    jobs: int = 0,
    ner: str = "spacy",
    force: bool = False,
    batch_size: int = 2000,
    engine: str = "local",
    scheduler: str | None = None,
    chunksize: int = 16,
    on_outcome: Callable[[Outcome], None] | None = None,
    shown_paths: dict[str, str] | None = None,
) -> Summary:
    """Run the pipeline over ``inputs`` (files, directories, or ``(doc_id, path)`` pairs) into ``out``.

    ``shown_paths`` maps a path read to the path written in the output (stdin's temporary file → ``-``).

    ``on_outcome`` sees every article's outcome as it completes (progress bars, error lines).
    """
    from .entities.backends import BackendError

    t_start = time.perf_counter()
    out = Path(out)
    items: list[tuple[str, str]] = []
    for item in inputs:
        items.extend([item] if isinstance(item, tuple) else discover([str(item)]))
    items = list(dict.fromkeys(items))  # a file named twice (corpus corpus/a.txt) is one article
    if not items:
        raise BatchError("no .txt articles found in the inputs")
    if scheduler and engine != "dask":
        raise BatchError("--scheduler needs --engine dask")
    writer = _open_writer(out, batch_size)
    known: frozenset[str] = frozenset()
    if not force:
        known = frozenset(read_table(out, "documents").column("sha256").to_pylist())
    # error rows already in the output: a re-run does not repeat them
    reported = {tuple(e.values()) for e in read_table(out, "errors").to_pylist()}
    jobs = jobs or cores()
    if engine == "local":  # no more workers than chunks of work
        jobs = max(1, min(jobs, -(-len(items) // max(1, chunksize))))
    summary = Summary(str(out), engine=engine, jobs=jobs, ner=ner)
    try:
        if ner == "stanza":  # fail early and clearly, before any worker starts
            from .entities.backends.stanza import load_stanza

            load_stanza()
        runner = get_engine(engine, jobs=jobs, scheduler=scheduler, chunksize=chunksize)
    except (BackendError, RuntimeError, ValueError, OSError) as exc:  # dask or stanza missing, scheduler unreachable
        writer.close()
        raise BatchError(f"cannot start: {exc}") from exc
    seen: set[str] = set()  # sha256 of the articles written by this run: identical files count once
    stages = summary.stage_seconds
    try:
        for outcome in runner.run(items, ner=ner, known=known):
            for stage, sec in outcome.timings.items():
                stages[stage] = stages.get(stage, 0.0) + sec
            if outcome.kind == "ok" and outcome.doc.sha256 in seen:
                outcome.kind = "skipped"
            if outcome.kind == "ok":
                summary.processed += 1
                seen.add(outcome.doc.sha256)
                if shown_paths and outcome.doc.path in shown_paths:
                    outcome.doc.path = shown_paths[outcome.doc.path]
                writer.add(outcome.doc)
                summary.words += writer.last_n_words
            elif outcome.kind == "error":
                summary.failed += 1
                if (outcome.doc_id, outcome.path, outcome.stage, outcome.message) not in reported:
                    writer.add_error(outcome.doc_id, outcome.path, outcome.stage, outcome.message)
            else:
                summary.skipped += 1
                writer.drop_errors(outcome.doc_id)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        try:
            writer.close()  # commits what was processed: an interrupted run resumes from there
        finally:
            runner.close()  # even when the commit failed (a full disk): no cluster left behind
    stages["write"] = writer.seconds
    summary.seconds = time.perf_counter() - t_start
    return summary
