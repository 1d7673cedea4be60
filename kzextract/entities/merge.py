"""The merge policy: how model spans join the rule spans of one sentence.

Precedence: rules fire on visible cues, so a rule span always stays (a rule position may only grow
back to the start of its body, :func:`role_bodies`); a model span of the same label that overlaps it
confirms it (``origin = both``, the rule's extent is kept); a model span that overlaps a rule span of
another label is dropped; a model span that overlaps nothing is added (``origin = model``) when
:func:`admissible` (``[model]`` in ``patterns/entities.toml``). For the labels of ``[model] extend``
a model span that covers exactly one rule span of its label, and more, gives it the model's extent.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..lang.kk.stop_words import STOP_WORDS
from ..resources import load_toml
from .rules import OPEN_QUOTES, RuleSpan, grammar, is_org_head
from .spans import Span3

_LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9.&-]*")
_CAPITAL = regex.compile(r"\p{Lu}")
_CYRILLIC_NAME = regex.compile(r"[\p{Cyrillic}\s.\-’']+")
_GAP_PUNCT = regex.compile("[%s']" % regex.escape("".join({*OPEN_QUOTES, *OPEN_QUOTES.values()})))
_CLAUSE_PUNCT = regex.compile(r"[,.;:!?()–—]")
_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}-]+)")


def admissible(
    text: str, label: str, source: str | None = None, with_rules: bool = True, after: str = ""
) -> bool:
    """Whether a model span may join the output (see ``[model]`` in patterns/entities.toml).

    Next to the rules the model adds only the labels listed there; alone it may give every label.
    """
    cfg = load_toml("entities")["model"]
    words = text.split()
    if (with_rules and label not in cfg["labels"]) or not words:
        return False
    if cfg["require_capital"] and not text[:1].isupper():
        return False
    if cfg["drop_latin_words"] and len(words) == 1 and _LATIN_WORD.fullmatch(text):
        return False
    if words[0].split("-")[0] in cfg["generic_abbreviations"] and len(words) == 1:
        return False  # ҮЕҰ-мен: an abbreviated common noun
    if source and text in source:
        return False  # the outlet credited by "деп хабарлайды X" is metadata
    if cfg["names_in_cyrillic"] and label in ("PERSON", "GPE") and not _CYRILLIC_NAME.fullmatch(text):
        return False  # Kazakh names of people and places are written in Cyrillic
    if label == "ORGANISATION":
        if any(is_org_head(w, plural=True) and not is_org_head(w) for w in words):
            return False  # a generic plural group (Жастар ұйымдары)
        if not (is_org_head(words[-1]) or all(w[:1].isupper() for w in words)) or text[-1] in ".,;:":
            return False  # a name is capitalised or ends in an organisation noun
    if label == "PERSON" and len(words) == 1 and not grammar()["surname_re"].match(text):
        return False
    if label == "PERSON" and set(cfg["eponym_words"]) & {*words, *after.split(maxsplit=1)[:1]}:
        return False  # "Оралхан Бөкей атындағы кітапхана", in the span or after it: the building's name
    return True


def complete(text: str, start: int, end: int, label: str) -> int:
    """The end of a model span, moved past the organisation head noun it stops short of
    (``Ұлттық статистика`` | ``бюросының``), at most ``[model] org_head_reach`` words on."""
    if label != "ORGANISATION" or is_org_head(text[start:end].split()[-1]):
        return end
    pos = end
    for _ in range(load_toml("entities")["model"]["org_head_reach"]):
        word = _NEXT_WORD.match(text, pos)
        if not word or not word.group(1)[:1].islower() or word.group(1) in STOP_WORDS:
            break  # a name, or a conjunction (`және`): the organisation ended before it
        pos = word.end()
        if is_org_head(word.group(1)):
            return pos
    return end


def _body_gap(gap: str, role: str) -> bool:
    """Whether ``gap`` (between an organisation and a role) continues the role's body: a few
    lower-case words, quotes and legal forms, no clause punctuation, ending in an organisation noun
    or a legal form (``… жастар ұйымы»`` | ``ҚБ басшысы``)."""
    words = _GAP_PUNCT.sub(" ", gap).split()
    legal = grammar()["legal"]
    return (
        0 < len(words) <= 8 and not _CLAUSE_PUNCT.search(gap)
        and all(w[:1].islower() or w in legal for w in words)
        and (is_org_head(words[-1]) or words[-1] in legal or role.split()[0] in legal)
    )


def role_bodies(text: str, rules: Sequence[RuleSpan], model: Sequence[Span3]) -> list[tuple[int, int, str, str]]:
    """Rule positions whose body the model found: ``«Жігер» мүмкіндіктері шектеулі … ұйымы» ҚБ
    басшысы``. The rules find the role's head but lose where its body starts when quotes are
    broken; a model organisation that begins that body (:func:`_body_gap`) moves the position's
    start back to its own. The contract (and KazNERD) labels the whole phrase as one POSITION and
    nothing inside it. Returns the rule spans with those positions extended (origin ``both``) and
    the spans they now cover removed."""
    spans = [(r.start, r.end, r.label, "rule") for r in rules]
    for m_start, m_end, label in model:
        if label != "ORGANISATION" or any(s < m_end and m_start < e for s, e, _, _ in spans):
            continue
        roles = [sp for sp in spans if sp[0] >= m_end and sp[2] == "POSITION"]
        if not roles:
            continue
        role = min(roles)
        if not _body_gap(text[m_end : role[0]], text[role[0] : role[1]]):
            continue
        start = m_start - 1 if m_start and text[m_start - 1] in OPEN_QUOTES else m_start
        spans = [sp for sp in spans if not (start <= sp[0] and sp[1] <= role[1])]
        spans.append((start, role[1], "POSITION", "both"))
    return sorted(spans)


def merge(rules: Sequence[RuleSpan], model: Sequence[Span3], text: str = "") -> list[tuple[int, int, str, str]]:
    """Merge rule and model spans of one text: (start, end, label, origin), sorted, non-overlapping.
    With ``text``, model organisations first give rule positions their bodies (:func:`role_bodies`)."""
    merged = {(s, e): [s, e, lab, origin] for s, e, lab, origin in role_bodies(text, rules, model)}
    extend = load_toml("entities")["model"]["extend"]
    extra: list[list] = []
    for start, end, label in model:
        hits = [m for m in merged.values() if m[0] < end and start < m[1]]
        if any(m[2] == label for m in hits):
            for m in hits:
                if m[2] == label:
                    m[3] = "both"
            if label in extend and len(hits) == 1 and start <= hits[0][0] and hits[0][1] <= end:
                hits[0][:2] = [start, end]  # the model's longer extent of the one rule span it covers
        elif not hits and not any(e[0] < end and start < e[1] for e in extra):
            extra.append([start, end, label, "model"])
    return sorted((tuple(m) for m in [*merged.values(), *extra]), key=lambda m: (m[0], m[1]))  # type: ignore[misc]
