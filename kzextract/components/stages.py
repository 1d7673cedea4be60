"""kzextract's stages as registered spaCy components, for people who live in spaCy.

``kzextract_document`` wraps ``doc.text`` in a kzextract ``Document`` (``doc._.kzextract``); each
``kzextract_stage`` runs one stage on it by name; ``kzextract_entities`` runs the entity stage with a
NER backend and sets ``doc.ents``; after ``facts`` ``doc._.quantities`` and ``doc._.officials`` hold
the records (``doc._.dates`` too). Offsets are into ``doc.text``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..document import Document
from ..entities import backends, tag_entities
from ..pipeline import build_stages

Doc.set_extension("kzextract", default=None, force=True)
Doc.set_extension("quantities", getter=lambda d: d._.kzextract.quantities if d._.kzextract else [], force=True)
Doc.set_extension("officials", getter=lambda d: d._.kzextract.officials if d._.kzextract else [], force=True)
Doc.set_extension("dates", getter=lambda d: getattr(d._.kzextract, "dates", []) if d._.kzextract else [], force=True)

_STAGES = {name: stage for name, stage in build_stages(ner=None) if name != "entities"}


class DocumentMaker:
    def __call__(self, doc: Doc) -> Doc:
        doc._.kzextract = Document(doc_id="spacy", path="-", raw=doc.text)
        return doc


class StageRunner:
    def __init__(self, stage: str):
        if stage not in _STAGES:
            raise ValueError(f"unknown kzextract stage {stage!r} (choose from {', '.join(_STAGES)})")
        self.stage = _STAGES[stage]

    def __call__(self, doc: Doc) -> Doc:
        doc._.kzextract = self.stage(doc._.kzextract)
        return doc


class EntityTagger:
    def __init__(self, ner: str):
        self.ner = backends.load(ner)

    def __call__(self, doc: Doc) -> Doc:
        kz = tag_entities(doc._.kzextract, ner=self.ner)
        doc._.kzextract = kz
        spans = [doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand") for e in kz.entities]
        doc.ents = filter_spans([s for s in spans if s is not None])
        return doc


@Language.factory("kzextract_document")
def make_document(nlp: Language, name: str) -> DocumentMaker:
    return DocumentMaker()


@Language.factory("kzextract_stage", default_config={"stage": "clean"})
def make_stage(nlp: Language, name: str, stage: str) -> StageRunner:
    return StageRunner(stage)


@Language.factory("kzextract_entities", default_config={"ner": "spacy"})
def make_entities(nlp: Language, name: str, ner: str) -> EntityTagger:
    return EntityTagger(ner)
