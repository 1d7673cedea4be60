"""The number tokenizer: text -> :class:`_Tok` (dates, times and phones kept apart, digit runs
split into numbers or identifiers, hyphenated number ranges such as ``екі-үш`` split in three)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import _lex, _Lex
from .token_re import _SEP, _TOKEN_RE


@dataclass(slots=True)
class _Tok:
    """One token: ``kind`` is the regex group (date, time, phone, num, id, word, pct, cur,
    sym, dash, punct); ``low`` is the lower-cased text."""

    kind: str
    text: str
    low: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    forms = _lex().forms
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s = m.group()
        low = s.lower()
        if kind == "num":
            out.extend(_num_tokens(s, m.start()))
            continue
        if kind == "word" and "-" in low:
            # екі-үш, бес-алты тоннадан: a range written as one word
            parts = low.split("-")
            if (len(parts) == 2 and parts[0] in forms and forms[parts[0]].suffix == "" and parts[1] in forms
                    and forms[parts[0]].value < forms[parts[1]].value):
                a = m.start()
                b = a + len(parts[0])
                out.append(_Tok("word", s[:len(parts[0])], parts[0], a, b))
                out.append(_Tok("dash", "-", "-", b, b + 1))
                out.append(_Tok("word", s[len(parts[0]) + 1:], parts[1], b + 1, m.end()))
                continue
        if kind == "word" and low not in forms:
            cut = _compound_cut(low)
            if cut:  # екікүндік, бесжылдық: a number word and a duration written as one word
                a = m.start()
                out.append(_Tok("word", s[:cut], low[:cut], a, a + cut))
                out.append(_Tok("word", s[cut:], low[cut:], a + cut, m.end()))
                continue
        out.append(_Tok(kind, s, low, m.start(), m.end()))
    return out


@lru_cache(maxsize=65536)  # asked for every word that is no number word: news repeats its words
def _compound_cut(low: str) -> int:
    """Where a number word ends inside ``екікүндік``-type compounds (0 = not one): the rest must be
    a duration unit form."""
    lex = _lex()
    longest = max(map(len, lex.compound_heads), default=0)
    for cut in range(2, min(longest, len(low) - 1) + 1):
        if low[:cut] in lex.compound_heads:
            f = lex.unit_forms.get(low[cut:])
            if f is not None and f.unit in lex.durations:
                return cut
    return 0


_GROUP_SEP_RE = regex.compile(_SEP)


def _num_tokens(s: str, start: int) -> list[_Tok]:
    """A digit token; a space-grouped run with more groups than any real amount has (a list or a
    table row: ``120 340 560 780 910 230``) is one number per group; an over-long digit run is
    an identifier (kind ``id``), never a value."""
    lex = _lex()
    parts = _GROUP_SEP_RE.split(s)
    if len(parts) > lex.max_groups:
        toks, pos = [], start
        for part in parts:
            toks.extend(_num_tokens(part, pos))
            pos += len(part) + 1
        return toks
    if sum(c.isdigit() for c in s) > lex.max_digits:
        return [_Tok("id", s, s, start, start + len(s))]
    return [_Tok("num", s, s, start, start + len(s))]


def _seq_at(toks: list[_Tok], k: int, seq: tuple[str, ...]) -> bool:
    """The token lows at k are exactly ``seq`` (the last one may carry a case suffix)."""
    m = len(seq)
    return k + m <= len(toks) and all(toks[k + x].low == seq[x] for x in range(m))


def _after_ordinal(toks: list[_Tok], i: int, lex: _Lex) -> bool:
    """Token i follows an ordinal (``екінші``, ``2-нші``): ``жылдың екінші жартысында`` is a half-year."""
    if i < 1 or toks[i - 1].kind != "word":
        return False
    low = toks[i - 1].low
    f = lex.forms_all.get(low)
    return (f is not None and f.group == "ordinal") or lex.suffix_group.get(low) == "ordinal"
