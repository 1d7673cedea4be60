"""Stage 4 — entities: rule spans and model spans merged into one list per sentence.

Precedence (documented in the README): rules fire on visible cues, so a rule span always stays;
a model span of the same label that overlaps it confirms it (``origin = both``, the rule's extent is
kept); a model span that overlaps a rule span of another label is dropped; a model span that
overlaps nothing is added (``origin = model``). Each mention gets its canonical nominative ``norm``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex
from spacy.language import Language

from .document import Document, Entity
from .lemma import canonical
from .resources import load_toml
from .rules import RuleSpan, grammar, is_org_head, rule_spans, tokenizer

Span3 = tuple[int, int, str]
_LATIN_ACRONYM = regex.compile(r"[A-Z][A-Z0-9.&-]+")


@cache
def _model_cfg() -> dict:
    return load_toml("entities")["model"]


def admissible(text: str, label: str, source: str | None = None) -> bool:
    """Whether a model span may join the output (see ``[model]`` in patterns/entities.toml)."""
    cfg = _model_cfg()
    words = text.split()
    if label not in cfg["labels"] or not words:
        return False
    if cfg["require_capital"] and not text[:1].isupper():
        return False
    if cfg["drop_latin_acronyms"] and len(words) == 1 and _LATIN_ACRONYM.fullmatch(text):
        return False
    if source and text in source:
        return False  # the outlet credited by "деп хабарлайды X" is metadata
    if label == "ORGANISATION" and is_org_head(words[-1], plural=True) and not is_org_head(words[-1]):
        return False  # a generic plural group (Жастар ұйымдары)
    if label == "PERSON" and len(words) == 1 and not grammar()["surname_re"].match(text):
        return False
    return True


def merge(rules: Sequence[RuleSpan], model: Sequence[Span3]) -> list[tuple[int, int, str, str]]:
    """Merge rule and model spans of one text: (start, end, label, origin), sorted, non-overlapping."""
    merged = {(r.start, r.end): [r.start, r.end, r.label, "rule"] for r in rules}
    extra: list[list] = []
    for start, end, label in model:
        hits = [m for m in merged.values() if m[0] < end and start < m[1]]
        if any(m[2] == label for m in hits):
            for m in hits:
                if m[2] == label:
                    m[3] = "both"
        elif not hits and not any(e[0] < end and start < e[1] for e in extra):
            extra.append([start, end, label, "model"])
    return sorted((tuple(m) for m in [*merged.values(), *extra]), key=lambda m: (m[0], m[1]))  # type: ignore[misc]


def tag_entities(doc: Document, model: Language | None = None) -> Document:
    """Fill ``doc.entities``: rules always, the statistical model when one is given."""
    texts = [s.text for s in doc.sentences]
    if model is not None:
        from .model import predict

        predicted = [
            [(s, e, lab) for s, e, lab in spans if admissible(text[s:e], lab, doc.source)]
            for text, spans in zip(texts, predict(model, texts))
        ]
    else:
        predicted = [[] for _ in texts]
    entities = []
    for sent_id, (sent, sdoc, mspans) in enumerate(zip(doc.sentences, tokenizer().pipe(texts), predicted)):
        for start, end, label, origin in merge(rule_spans(sdoc), mspans):
            text = sent.text[start:end]
            entities.append(
                Entity(sent.start + start, sent.start + end, label, text, canonical(text, label), origin, sent_id)
            )
    doc.entities = entities
    return doc
