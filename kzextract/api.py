"""The Python API: one article from a string, a batch into a dataset, or a spaCy pipeline.

    >>> import kzextract
    >>> doc = kzextract.extract_text("Облыс әкімі Марат Ахметжанов 35 мыңға жуық жасқа жұмыс берді.")
    >>> [(e.label, e.norm) for e in doc.entities]
    >>> doc.rows("quantities")   # the rows the Parquet table would get, same column names
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .batch import Summary
from .batch import extract as _run_batch
from .document import Document
from .entities import backends
from .pipeline import Stage, build_stages, process
from .reader import document_from_bytes
from .settings import current


@lru_cache(maxsize=4)
def _stages(ner: str) -> list[tuple[str, Stage]]:
    """The stages with backend ``ner`` loaded once per process."""
    return build_stages(ner=backends.load(ner))


def extract_text(text: str, doc_id: str | None = None, *, ner: str | None = None) -> Document:
    """Run every stage on one article given as a string.

    Offsets of every record point into ``doc.raw``: the text after line-end and NFC normalisation
    (and HTML stripping, if the text is a page).
    """
    doc = document_from_bytes(text.encode("utf-8"), doc_id or "text")
    return process(doc, _stages(ner or current().ner))


def extract(inputs, out: str | Path, **options) -> Summary:
    """Run a batch (files, directories) into the Parquet dataset ``out`` and return its summary.

    Options are those of ``kzextract extract``: ``jobs``, ``ner``, ``force``, ``batch_size``,
    ``engine``, ``scheduler``.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    options.setdefault("ner", current().ner)
    return _run_batch(inputs, out, **options)


def load(ner: str | None = None):
    """A spaCy ``Language`` (``kk``) whose components are kzextract's stages.

    ``nlp(text)`` gives ``doc.ents`` (entities), ``doc._.quantities``, ``doc._.officials``,
    ``doc._.dates`` and ``doc._.kzextract`` (the full :class:`~kzextract.document.Document`).
    """
    import spacy

    from .components import stages  # noqa: F401  (registers the kzextract_* factories)

    nlp = spacy.blank("kk")
    nlp.add_pipe("kzextract_document")
    for name, _ in build_stages(ner=None):  # the pipeline's own order
        if name == "entities":
            nlp.add_pipe("kzextract_entities", config={"ner": ner or current().ner})
        else:
            nlp.add_pipe("kzextract_stage", name=f"kzextract_{name}", config={"stage": name})
    return nlp
