"""Qualifiers and shares: ``астам``/``жуық``/``дейін`` after a number (with the case each
requires), ``шамамен``-type words before it, and shares (``әрбір екінші``, ``үштен бірі``,
``жартысы``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .lexicon import _Lex
from .parse import _parse_number
from .tokens import _after_ordinal, _seq_at, _Tok


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
    """Shares: әрбір екінші, әрбір он бірінші, үштен бірі, жартысы, 1/3. Returns (_Q, next_i) or None."""
    t = toks[i]
    n = len(toks)
    if t.kind == "num":
        return _slash_share(toks, i, lex)
    if t.kind != "word":
        return None
    if t.low in lex.each and i + 1 < n:
        ph = _parse_number(toks, i + 1, lex)
        if ph and ph.group == "ordinal" and ph.value > 0:
            return _Q(t.start, ph.end, Decimal(1) / ph.value, "share", "exact", None, ""), ph.j
        return None
    if t.low in lex.half_forms and not _after_ordinal(toks, i, lex):
        q = _Q(t.start, t.end, Decimal("0.5"), "share", "exact", None, _half_group(t.low, lex))
        pre = _pre_qualifier(toks, i, lex)
        if pre is not None:
            q.qualifier, q.start = pre
        return q, i + 1
    return None


def _slash_share(toks: list[_Tok], i: int, lex: _Lex) -> tuple[_Q, int] | None:
    """``1/3``, ``2/3 бөлігі``: a proper fraction written with a slash. Not ``24/7``, an address
    (``15/2``), an identifier (``№ 1/3``) or a date (``1/3/2023``)."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].text != lex.slash or toks[i + 2].kind != "num":
        return None
    a, sl, b = toks[i], toks[i + 1], toks[i + 2]
    if a.end != sl.start or sl.end != b.start or not (a.text.isdigit() and b.text.isdigit()):
        return None
    if i > 0 and (toks[i - 1].text in lex.id_prefixes or toks[i - 1].text == lex.slash):
        return None
    if i + 3 < n and toks[i + 3].text == lex.slash:
        return None
    num, den = int(a.text), int(b.text)
    if not 0 < num < den <= lex.max_denominator:
        return None
    k, end = i + 3, b.end
    if k < n and toks[k].low in lex.part_words:
        k, end = k + 1, toks[k].end
    return _Q(a.start, end, Decimal(num) / Decimal(den), "share", "exact", None, "possessive"), k


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


def _qualify_after_noun(toks: list[_Tok], k: int, lex: _Lex, q: _Q) -> int:
    """``100 адамнан астам``, ``1 күнкөріс деңгейінен кем емес``: a qualifier that needs the
    ablative, after the counted noun in the ablative, qualifies the bare number before the noun.
    Returns the token after the qualifier, or k when there is none (q unchanged)."""
    n = len(toks)
    for e in range(k, min(n, k + lex.after_noun_words)):
        t = toks[e]
        if t.kind != "word" or t.low in lex.forms or t.low in lex.post_words or t.low in lex.stop_words:
            return k
        if not t.low.endswith(lex.ablative):
            continue
        probe = _Q(q.start, q.end, q.value, q.unit, q.qualifier, q.noun, "ablative")
        nk = _post_qualify(toks, e + 1, lex, probe)
        if nk == e + 1 or probe.qualifier == q.qualifier:
            return k
        q.qualifier = probe.qualifier
        q.end = probe.end  # the qualifier's end when it is part of the span
        return nk
    return k
