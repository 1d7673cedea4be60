"""Stage 5 — facts: officials (distinct persons with their position) from the tagged entities.

A position belongs to the person written right next to it (``орынбасары Ержан Бабақұмаров``,
``Төкен Файзуллин, … орынбасары``). Mentions of one person share a surname; initials
(``Е. Бабақұмаров``) resolve to the full name when the article gives it.
"""

from __future__ import annotations

import regex

from .document import Document, Entity, Official

_INITIALS = regex.compile(r"^(?:\p{Lu}\.\s?)+")
_GAP_BEFORE = regex.compile(r"\s{0,3}")  # POSITION then PERSON
_GAP_AFTER = regex.compile(r"\s{0,2}[,–—-]?\s{0,3}")  # PERSON, POSITION


def person_key(norm: str) -> str:
    """Grouping key of a person: the surname (last word) without initials, case-folded."""
    words = _INITIALS.sub("", norm).split()
    return words[-1].casefold() if words else ""  # initials only (a model span on "А. А. А."): no key


def _position_for(doc: Document, ents: list[Entity], i: int) -> str | None:
    """The position written right before or right after person ``ents[i]``."""
    person = ents[i]
    if i > 0 and ents[i - 1].label == "POSITION":
        prev = ents[i - 1]
        if _GAP_BEFORE.fullmatch(doc.raw[prev.end : person.start]):
            return prev.norm
    if i + 1 < len(ents) and ents[i + 1].label == "POSITION":
        nxt = ents[i + 1]
        if _GAP_AFTER.fullmatch(doc.raw[person.end : nxt.start]):
            return nxt.norm
    return None


def assemble_facts(doc: Document) -> Document:
    """Fill ``doc.officials``: one row per distinct person, in order of first mention."""
    ents = sorted(doc.entities, key=lambda e: e.start)
    people: dict[str, Official] = {}
    for i, ent in enumerate(ents):
        if ent.label != "PERSON":
            continue
        key = person_key(ent.norm)
        if not key:
            continue
        position = _position_for(doc, ents, i)
        known = people.get(key)
        if known is None:
            people[key] = Official(ent.norm, position, ent.start, ent.end)
            continue
        if _INITIALS.match(known.name) and not _INITIALS.match(ent.norm):
            known.name = ent.norm  # the article gives the full name: prefer it
        if known.position is None:
            known.position = position
    doc.officials = list(people.values())
    return doc
