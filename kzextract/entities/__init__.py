"""Stage 4 — entities: the Kazakh phrase grammar (``rules``) and an optional NER backend
(``backends``), merged sentence by sentence by the policy in ``merge``; each mention gets its
canonical nominative ``norm``, and a surname the article gave with a first name is that person
again.
"""

from __future__ import annotations

import regex

from ..document import Document, Entity
from ..lang.kk.orthography import repair
from ..lemma import canonical
from .merge import admissible, complete, merge
from .rules import gpe_norm, head_nominative, rule_spans, singular_role, tokenizer
from .spans import Predictor, Span3

def entity_spans(
    texts: list[str], ner: Predictor | None = None, rules: bool = True, source: str | None = None
) -> list[list[tuple[int, int, str, str]]]:
    """Merged spans per text: rules, a model (``ner``), or both. Model-only keeps every model span
    that is admissible; with rules, model spans go through :func:`merge`'s precedence."""
    predicted: list[list[Span3]] = [[] for _ in texts]
    if ner is not None:
        # Next to the rules the model may only add capitalised spans; a sentence whose one capital
        # is its first letter can only hold such a span at its start, where the rules' gazetteer and
        # cues already look. Skipping those sentences saves about 40 % of the model's time.
        todo = [i for i, t in enumerate(texts) if not rules or _CAPITAL.search(t, 1)]
        for i, spans in zip(todo, ner([texts[i] for i in todo])):
            text = texts[i]
            completed = [(s, complete(text, s, e, lab), lab) for s, e, lab in spans]
            predicted[i] = [
                (s, e, lab) for s, e, lab in completed
                if admissible(text[s:e], lab, source, with_rules=rules, after=text[e : e + 40])
            ]
    if not rules:
        return [[(s, e, lab, "model") for s, e, lab in spans] for spans in predicted]
    sdocs = tokenizer().pipe(texts)
    return [merge(rule_spans(sdoc), spans, text) for text, sdoc, spans in zip(texts, sdocs, predicted)]


def tag_entities(doc: Document, ner: Predictor | None = None, rules: bool = True) -> Document:
    """Fill ``doc.entities`` from the rules and/or a model (any ``texts -> spans`` predictor)."""
    texts = [repair(s.text) for s in doc.sentences]  # same length: offsets stay the raw text's
    entities = []
    for sent_id, (sent, clean, spans) in enumerate(zip(doc.sentences, texts, entity_spans(texts, ner, rules, doc.source))):
        for start, end, label, origin in spans:
            if label == "ORGANISATION" and clean[start:end] == doc.source:
                continue  # the credited outlet (деп хабарлады АШМ) goes to ``source``, not to entities
            norm = (label == "GPE" and gpe_norm(clean[start:end])) or canonical(clean[start:end], label)
            if label in ("POSITION", "ORGANISATION") and (head := head_nominative(clean[start:end].split()[-1])):
                norm = " ".join(norm.split()[:-1] + [head])
            if label == "POSITION":
                norm = singular_role(norm)  # мәслихат депутаттары А. мен Б.: each is a депутаты
            entities.append(Entity(sent.start + start, sent.start + end, label, sent.text[start:end], norm, origin, sent_id))
    doc.entities = sorted(entities + _surname_mentions(doc, entities), key=lambda e: e.start)
    return doc


_CAPITAL = regex.compile(r"\p{Lu}")
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}.])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?")


def _surname_mentions(doc: Document, entities: list[Entity]) -> list[Entity]:
    """A surname the article has already given with a first name or initials is that person
    again (``Трамп`` after ``Дональд Трамп``, ``Досаевтың`` after ``Ерболат Досаев``)."""
    surnames = {e.norm.split()[-1] for e in entities if e.label == "PERSON" and len(e.norm.split()) > 1}
    if not surnames:
        return []
    taken = [(e.start, e.end) for e in entities]
    out = []
    for sent_id, sent in enumerate(doc.sentences):
        for m in _CAPITALISED_WORD.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            if any(a < end and start < b for a, b in taken):
                continue
            norm = canonical(m.group(), "PERSON")
            if norm in surnames:
                out.append(Entity(start, end, "PERSON", m.group(), norm, "rule", sent_id))
    return out
