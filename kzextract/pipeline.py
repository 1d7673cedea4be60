"""The pipeline as a list of stages you can read top to bottom.

Each stage is a plain function ``Document -> Document``; they compose by order, not by calling
each other. ``kzextract.runtime`` runs this list over batches of articles (in worker processes or
on a Dask cluster) and hands every result to the dataset writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from .clean import clean
from .dates import date_stage
from .document import Document
from .entities import tag_entities
from .entities.spans import Predictor
from .facts import assemble_facts
from .numbers import quantify
from .sentences import split_sentences

Stage = Callable[[Document], Document]


def build_stages(ner: Predictor | None = None) -> list[tuple[str, Stage]]:
    """clean → sentences → numbers → dates → entities → facts (writing happens in the runner)."""
    return [
        ("clean", clean),
        ("sentences", split_sentences),
        ("numbers", quantify),
        ("dates", date_stage),
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
