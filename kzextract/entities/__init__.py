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
from ..resources import load_toml
from .rules import RuleSpan, gpe_norm, head_nominative, rule_spans, singular_role, tokenizer
from .spans import Predictor, Span3

def entity_spans(
    texts: list[str], ner: Predictor | None = None, rules: bool = True, source: str | None = None
) -> list[list[tuple[int, int, str, str]]]:
    """Merged spans per text: rules, a model (``ner``), or both. Model-only keeps every model span
    that is admissible; with rules, model spans go through :func:`merge`'s precedence."""
    predicted: list[list[Span3]] = [[] for _ in texts]
    ruled = [rule_spans(sdoc) for sdoc in tokenizer().pipe(texts)] if rules else []
    if ner is not None:
        todo = [i for i, t in enumerate(texts) if not rules or _room_for_model(t, ruled[i])]
        for i, spans in zip(todo, ner([texts[i] for i in todo])):
            text = texts[i]
            completed = [(s, complete(text, s, e, lab), lab) for s, e, lab in spans]
            predicted[i] = [
                (s, e, lab) for s, e, lab in completed
                if admissible(text[s:e], lab, source, with_rules=rules, after=text[e : e + 40])
            ]
    if not rules:
        return [[(s, e, lab, "model") for s, e, lab in spans] for spans in predicted]
    return [merge(found, spans, text) for text, found, spans in zip(texts, ruled, predicted)]


def _room_for_model(text: str, ruled: list[RuleSpan]) -> bool:
    """Whether the model may add anything next to the rules: it adds only spans that start with a
    capital (``[model] require_capital``) outside every rule span. A capital that only starts the
    sentence is left to the rules' gazetteer and cues, which look there too. Running the model on
    the other sentences alone saves most of its time; only fewer rule spans are marked ``both``.
    A model that may extend rule spans (``[model] extend``) runs everywhere."""
    cfg = load_toml("entities")["model"]
    if not cfg["require_capital"] or cfg["extend"]:
        return True
    return any(not any(r.start <= m.start() < r.end for r in ruled) for m in _CAPITAL.finditer(text, 1))


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
    again (``Трамп`` after ``Дональд Трамп``, ``Досаевтың`` after ``Ерболат Досаев``), and so is
    the full name written again where no rule saw it (a sentence-initial ``Жанарбек Әшімжан``) or
    printed in capitals (``НҰРЛЫБАЙ НАУРЫЗБАЕВ``, a caption or a signature)."""
    full = {e.norm for e in entities if e.label == "PERSON" and len(e.norm.split()) > 1 and not e.norm.isupper()}
    surnames = {n.split()[-1] for n in full}
    if not surnames:
        return []
    taken = [(e.start, e.end) for e in entities]
    out = []
    # the full name again, as written (a case ending allowed) or in capitals
    again = regex.compile(r"(?<!\p{L})(?:%s)(?:\p{Ll}*+)(?!\p{L})|(?<!\p{L})(?:%s)(?!\p{L})" % (
        "|".join(regex.escape(n) for n in sorted(full)), "|".join(regex.escape(n.upper()) for n in sorted(full))))
    for sent_id, sent in enumerate(doc.sentences):
        for m in again.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            if not any(a < end and start < b for a, b in taken):
                norm = m.group().title() if m.group().isupper() else canonical(m.group(), "PERSON")
                out.append(Entity(start, end, "PERSON", m.group(), norm, "rule", sent_id))
                taken.append((start, end))
        for m in _CAPITALISED_WORD.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            if any(a < end and start < b for a, b in taken):
                continue
            norm = canonical(m.group(), "PERSON")
            if norm in surnames:
                out.append(Entity(start, end, "PERSON", m.group(), norm, "rule", sent_id))
    return out
