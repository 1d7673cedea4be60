"""Qualifiers and shares: ``астам``/``жуық``/``дейін`` after a number (with the case each
requires), ``шамамен``-type words before it, and shares (``әрбір екінші``, ``үштен бірі``,
``жартысы``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .lexicon import _Lex
from .parse import _parse_number
from .tokens import _seq_at, _Tok


@dataclass(slots=True)
class _Q:
    """A quantity while it is being built: the qualifiers and the scanner still change it."""

    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str
    noun: str | None
    group: str  # case of the last number/unit element
    range_next: bool = False  # joined to the next quantity by a dash / пен


def _pre_qualifier(toks: list[_Tok], i: int, lex: _Lex) -> tuple[str, int] | None:
    """A qualifier phrase right before token i (``шамамен``): (qualifier, its char start)."""
    if i < 1 or toks[i - 1].kind != "word":
        return None
    for words, q in lex.pre_q.get(toks[i - 1].low, ()):
        m = len(words)
        if i - m < 0:
            continue
        if all(toks[i - m + x].kind == "word" and toks[i - m + x].low == words[x] for x in range(m)):
            return q, toks[i - m].start
    return None


def _share_at(toks: list[_Tok], i: int, lex: _Lex, text: str) -> tuple[_Q, int] | None:
    """Shares: әрбір екінші, әрбір он бірінші, үштен бірі, жартысы. Returns (_Q, next_i) or None."""
    t = toks[i]
    n = len(toks)
    if t.kind != "word":
        return None
    if t.low in lex.each and i + 1 < n:
        ph = _parse_number(toks, i + 1, lex)
        if ph and ph.group == "ordinal" and ph.value > 0:
            return _Q(t.start, ph.end, Decimal(1) / ph.value, "share", "exact", None, ""), ph.j
        return None
    if t.low in lex.half_forms:
        q = _Q(t.start, t.end, Decimal("0.5"), "share", "exact", None, _half_group(t.low, lex))
        pre = _pre_qualifier(toks, i, lex)
        if pre is not None:
            q.qualifier, q.start = pre
        return q, i + 1
    return None


def _half_group(low: str, lex: _Lex) -> str:
    rest = low[len("жарты"):]
    if rest.endswith(("нан", "нен")):
        return "ablative"
    if rest.endswith(("на", "не")):
        return "dative"
    return "possessive"


_FRACTION_NUM_SUFFIXES = ("і", "ы", "сі", "сы", "ін", "ын", "сін", "сын", "іне", "ына", "сіне",
                          "сына", "інен", "ынан", "сінен", "сынан", "інде", "ында", "сінде", "сында")


def _fraction_numerator(tok: _Tok, lex: _Lex) -> Decimal | None:
    """The numerator of ``үштен бірі`` / ``бестен екісі`` (a unit word with a possessive ending)."""
    if tok.kind != "word":
        return None
    f = lex.forms_all.get(tok.low)
    if f and f.category == "units" and f.suffix in _FRACTION_NUM_SUFFIXES:
        return f.value
    return None


def _post_qualify(toks: list[_Tok], k: int, lex: _Lex, q: _Q) -> int:
    """Attach a following qualifier to q (checks the case it requires)."""
    n = len(toks)
    for words, g, qual, in_span in lex.post_multi:
        if (g is None or g == q.group) and _seq_at(toks, k, words):
            q.qualifier = q.qualifier if qual == "keep" else qual
            if in_span:
                q.end = toks[k + len(words) - 1].end
            return k + len(words)
    if k < n and toks[k].kind == "word":
        low = toks[k].low
        pq = lex.post_q.get((low, q.group)) or lex.post_q.get((low, None))
        if pq is not None:
            qual, in_span = pq
            if qual != "keep":
                q.qualifier = qual
            if in_span:
                q.end = toks[k].end
            return k + 1
    return k
