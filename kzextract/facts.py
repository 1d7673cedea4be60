"""Stage 5 — facts: officials (each distinct person with each role) from the tagged entities.

A position belongs to the person written right next to it (``орынбасары Ержан Бабақұмаров``,
``Төкен Файзуллин, … орынбасары``). Mentions of one person share a surname; initials
(``Е. Бабақұмаров``) resolve to the full name when the article gives it.
"""

from __future__ import annotations

import regex

from .document import Document, Entity, Official
from .entities.rules import is_shared_role
from .resources import load_toml

_INITIALS = regex.compile(r"^(?:\p{Lu}\.\s?)+")
_GAP_BEFORE = regex.compile(r"\s{0,3}(?:[–—-]\s{0,3})?")  # POSITION then PERSON (… басшысы – Мәнсия Есекеева)
# … жетекшісі, профессор Айбек Сәрсенов: a title after a comma between the role and the name
_TITLE_GAP = regex.compile(r"\s{0,3},\s{0,3}(?:%s)\s{1,3}" % "|".join(
    regex.escape(t) for t in sorted(load_toml("entities")["person"]["titles"], key=len, reverse=True)))
_GAP_AFTER = regex.compile(r"\s{0,2}[,–—-]?\s{0,3}")  # PERSON, POSITION
_NAMES_AND = regex.compile(r"\s*,\s*|\s+(?:пен|мен|бен|және)\s+")  # PERSON, PERSON / PERSON пен PERSON
_AND = regex.compile(r"\s+және\s+|\s*[—–]\s*")  # POSITION және POSITION; POSITION — POSITION


def person_key(norm: str) -> str:
    """Grouping key of a person: the surname (last word) without initials, case-folded."""
    words = _INITIALS.sub("", norm).split()
    return words[-1].casefold() if words else ""  # initials only (a model span on "А. А. А."): no key


def _roles_for(doc: Document, ents: list[Entity], i: int) -> list[str]:
    """The roles written right before or right after person ``ents[i]``.

    Two roles of one body joined by ``және`` are both the person's, the second taking the first's
    body: ``Мәжілісінің депутаты және вице-спикері А. Рау`` → депутаты, Мәжілісінің вице-спикері.
    """
    first = i
    while first > 0 and ents[first - 1].label == "PERSON" and _NAMES_AND.fullmatch(doc.raw[ents[first - 1].end : ents[first].start]):
        first -= 1  # … депутаттары А. пен Б.: a plural role is shared by the people listed after it
    if first < i and first > 0 and ents[first - 1].label == "POSITION" and is_shared_role(ents[first - 1].text) \
            and _GAP_BEFORE.fullmatch(doc.raw[ents[first - 1].end : ents[first].start]):
        return [ents[first - 1].norm]
    person = ents[i]
    k = None
    gap = doc.raw[ents[i - 1].end : person.start] if i > 0 else ""
    if i > 0 and ents[i - 1].label == "POSITION" and (_GAP_BEFORE.fullmatch(gap) or _TITLE_GAP.fullmatch(gap)):
        k = i - 1
    elif i + 1 < len(ents) and ents[i + 1].label == "POSITION" and _GAP_AFTER.fullmatch(doc.raw[person.end : ents[i + 1].start]):
        k = i + 1
    if k is None:
        return []
    role = ents[k]
    if k > 0 and ents[k - 1].label == "POSITION" and _AND.fullmatch(doc.raw[ents[k - 1].end : role.start]):
        first = ents[k - 1]
        body = first.norm.split()[:-1]
        second = " ".join(body + [role.norm]) if len(role.norm.split()) == 1 else role.norm
        return [first.norm, second]
    return [role.norm]


def _new_role(role: str, known: list[str]) -> bool:
    """A role with a head word the person has no role with yet: ``қала әкімінің орынбасары`` after
    ``Алматы қаласы әкімінің орынбасары`` is the same role written shorter, ``вице-спикері`` after
    ``депутаты`` another one."""
    head = role.split()[-1].casefold()
    return all(k.split()[-1].casefold() != head for k in known)


def assemble_facts(doc: Document) -> Document:
    """Fill ``doc.officials``: one row per distinct person and role, in order of first mention
    (a person the article gives no role has one row with position ``None``)."""
    ents = sorted(doc.entities, key=lambda e: e.start)
    people: dict[str, tuple[Official, list[str]]] = {}
    for i, ent in enumerate(ents):
        if ent.label != "PERSON":
            continue
        key = person_key(ent.norm)
        if not key:
            continue
        roles = _roles_for(doc, ents, i)
        if key not in people:
            people[key] = (Official(ent.norm, None, ent.start, ent.end), [])
        first, known_roles = people[key]
        if _INITIALS.match(first.name) and not _INITIALS.match(ent.norm):
            first.name = ent.norm  # the article gives the full name: prefer it
        known_roles.extend(r for r in roles if _new_role(r, known_roles))
    doc.officials = [
        Official(first.name, role, first.start, first.end)
        for first, roles in people.values()
        for role in (roles or [None])
    ]
    return doc
