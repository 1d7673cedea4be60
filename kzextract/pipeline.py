"""The pipeline as a list of stages you can read top to bottom, and the batch runner around it.

Each stage is a plain function ``Document -> Document``; they compose by order, not by calling
each other. The runner reads files, runs the stages (in worker processes with ``jobs > 1``, the
model loaded once per worker), reports failures as error rows without stopping the batch, and hands
every result to the dataset writer.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from spacy.language import Language

from .clean import clean
from .document import Document
from .entities import tag_entities
from .facts import assemble_facts
from .numbers import quantify
from .reader import ReadError, read_document
from .sentences import split_sentences

Stage = Callable[[Document], Document]


def build_stages(model: Language | None = None) -> list[tuple[str, Stage]]:
    """clean → sentences → numbers → entities → facts (writing happens in the runner)."""
    return [
        ("clean", clean),
        ("sentences", split_sentences),
        ("numbers", quantify),
        ("entities", partial(tag_entities, model=model)),
        ("facts", assemble_facts),
    ]


class StageError(Exception):
    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


def process(doc: Document, stages: list[tuple[str, Stage]]) -> Document:
    """Run every stage; a failure is reported with the name of the stage it happened in."""
    for name, stage in stages:
        try:
            doc = stage(doc)
        except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not raised
            raise StageError(name, f"{type(exc).__name__}: {exc}") from exc
    return doc


@dataclass(slots=True)
class Outcome:
    kind: str  # ok, error, skipped
    doc_id: str
    path: str
    doc: Document | None = None
    stage: str = ""
    message: str = ""


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


def init_worker(use_model: bool, known: frozenset[str]) -> None:
    """Per-process set-up: load the model once, remember which articles are already done."""
    model = None
    if use_model:
        from .model import load_ner

        model = load_ner()
    _WORKER["stages"] = build_stages(model)
    _WORKER["known"] = known


def run_one(item: tuple[str, str]) -> Outcome:
    """Read and process one article; never raises."""
    doc_id, path = item
    try:
        data = Path(path).read_bytes() if Path(path).is_file() else None
        if data is not None and hashlib.sha256(data).hexdigest() in _WORKER["known"]:
            return Outcome("skipped", doc_id, path)
        doc = read_document(path, doc_id)
    except ReadError as exc:
        return Outcome("error", doc_id, path, stage="read", message=str(exc))
    except OSError as exc:
        return Outcome("error", doc_id, path, stage="read", message=f"cannot read: {exc.strerror or exc}")
    try:
        return Outcome("ok", doc_id, path, doc=process(doc, _WORKER["stages"]))
    except StageError as exc:
        return Outcome("error", doc_id, path, stage=exc.stage, message=exc.message)


def run(
    items: list[tuple[str, str]],
    use_model: bool = True,
    jobs: int = 1,
    known: frozenset[str] = frozenset(),
    chunksize: int = 8,
) -> Iterator[Outcome]:
    """Outcomes in input order, computed in ``jobs`` processes."""
    if jobs <= 1:
        init_worker(use_model, known)
        yield from map(run_one, items)
        return
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with ProcessPoolExecutor(jobs, initializer=init_worker, initargs=(use_model, known)) as pool:
        yield from pool.map(run_one, items, chunksize=chunksize)
