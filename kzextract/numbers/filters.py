"""Numbers that are not quantities: years, dates, ordinals, list marks, identifiers, clock times,
numbers inside short quoted names, the indefinite ``бір`` and ``тоқсан`` = quarter."""

from __future__ import annotations

from .lexicon import _category, _is_year_word, _Lex, _stem_match
from .parse import _NumPhrase
from .tokens import _after_ordinal, _Tok
from .units import _unit_at


def _quoted_spans(text: str, lex: _Lex) -> list[tuple[int, int]]:
    """Char spans of short quoted names (``«30 игі іс»``), whose numbers are not quantities."""
    spans = []
    for op, cl in lex.quotes:
        pos = 0
        while True:
            a = text.find(op, pos)
            if a < 0:
                break
            b = text.find(cl, a + 1)
            if b < 0:
                break
            inner = text[a + 1:b]
            after = text[b + 1:b + 12].lstrip()
            if (len(inner.split()) <= lex.max_quoted and not any(c in inner for c in ".!?;")
                    and after[:1].isalpha() and not after.lower().startswith("де")):
                spans.append((a, b + 1))
            pos = b + 1
    return spans


def _is_ordinal_word(low: str, lex: _Lex) -> bool:
    f = lex.forms.get(low)
    return bool(f and f.group == "ordinal")


def _open_paren_before(toks: list[_Tok], i: int, window: int = 8) -> bool:
    """An unclosed ``(`` shortly before token i: ``(8 адам)`` is an amount, ``2)`` a list mark."""
    for t in reversed(toks[max(0, i - window):i]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def _only_dates(toks: list[_Tok], lex: _Lex) -> bool:
    """The tokens are nothing but dates and years (``1.12.2025 ж.``, ``2024 жылы``): a gap that
    does not break a range (``2 319-дан 1.12.2025 ж. 1 795-ке дейін``)."""
    for t in toks:
        if t.kind == "date" or t.text in ".,":
            continue
        if t.kind == "num" and t.text.isdigit() and lex.year_min <= int(t.text) <= lex.year_max:
            continue
        if t.kind == "word" and _is_year_word(t.low):
            continue
        return False
    return True


def _short_year_at(toks: list[_Tok], k: int) -> bool:
    """Token k is the two-digit end of a year range before a year word (2021-``25`` жылдары)."""
    return len(toks[k].text) == 2 and k + 1 < len(toks) and toks[k + 1].kind == "word" and _is_year_word(toks[k + 1].low)


def _prev_is_year_range(toks: list[_Tok], i: int, lex: _Lex) -> bool:
    """Token i follows ``YYYY -``: the end of a range of years."""
    if i < 2 or toks[i - 1].kind != "dash" or toks[i - 2].kind != "num":
        return False
    y = toks[i - 2].text
    return len(y) == 4 and y.isdigit() and lex.year_min <= int(y) <= lex.year_max


def _starts_number(tok: _Tok, lex: _Lex) -> bool:
    """A digit number or a number word starts at tok."""
    return tok.kind == "num" or tok.low in lex.forms


def _bir_is_a_count(toks: list[_Tok], i: int, j: int, lex: _Lex) -> bool:
    """A bare ``бір`` (token i, phrase ending before j) that is a count, not the indefinite article:
    the first end of a range (``бір мен алты жас``, ``бір-екі``) or an item of a list of counts
    (``үш алтын, бір күміс және екі қола``)."""
    n = len(toks)

    def joiner(k: int) -> bool:
        return 0 <= k < n and (toks[k].low in lex.list_joiners or toks[k].text in lex.list_joiners)

    def number(k: int) -> bool:
        return 0 <= k < n and _starts_number(toks[k], lex)

    if j + 1 < n and (toks[j].kind == "dash" or toks[j].low in lex.range_joiners) and number(j + 1):
        return True
    if j < n and toks[j].kind == "word" and joiner(j + 1) and number(j + 2):
        return True
    return i >= 3 and joiner(i - 1) and toks[i - 2].kind == "word" and number(i - 3)


def _prev_is_range(toks: list[_Tok], i: int) -> bool:
    """Token i ends a digit range (``14-28``)."""
    return i >= 2 and toks[i - 1].kind == "dash" and toks[i - 2].kind == "num"


def _skip_number(toks: list[_Tok], ph: _NumPhrase, lex: _Lex, text: str, quoted: list[tuple[int, int]]) -> bool:
    """Years, dates, ordinals, identifiers, quoted names, indefinite бір, тоқсан = quarter."""
    n = len(toks)
    i, j = ph.i, ph.j
    if ph.suffix == "?" or ph.group == "ordinal":
        return True
    t0 = toks[i]
    nxt = toks[j] if j < n else None
    prev = toks[i - 1] if i > 0 else None
    for a, b in quoted:
        if a < ph.start < b:
            return True
    if prev is not None and (prev.text in lex.id_prefixes):
        return True
    if t0.kind == "num" and (
            (prev is not None and prev.text == lex.slash and prev.end == t0.start and i > 1 and toks[i - 2].kind == "num")
            or (nxt is not None and nxt.text == lex.slash and nxt.start == ph.end and j + 1 < n and toks[j + 1].kind == "num")):
        return True  # 24/7, 15/2 үй, № 1/3: digits joined by a slash that are no fraction
    if (prev is not None and prev.kind == "dash" and prev.end == t0.start and i > 1 and toks[i - 2].kind == "word"
            and toks[i - 2].end == prev.start and toks[i - 2].low not in lex.forms):
        return True  # COVID-19, Ан-2
    if t0.kind == "num" and prev is not None and prev.kind == "punct" and prev.text in ".,:" and prev.end == t0.start and i > 1 and toks[i - 2].kind == "num":
        return True  # tails of odd digit groups
    if ph.digits == 1 and ph.words == 0 and not ph.has_scale:
        v = ph.value
        raw = t0.text
        if raw.isdigit() and len(raw) == 4 and lex.year_min <= int(raw) <= lex.year_max:
            if nxt is not None and nxt.kind == "word" and _is_year_word(nxt.low):
                return True
            if ph.suffix and ph.suffix.startswith("жыл"):
                return True
            gen, abl = lex.year_case
            if ph.suffix and nxt is not None and nxt.kind == "word" and (
                    (gen.fullmatch(ph.suffix) and _stem_match(nxt.low, lex.months, lex))
                    or (abl.fullmatch(ph.suffix) and nxt.low in lex.year_since)):
                return True  # 2019-дың желтоқсанында, 2014-тен бері: a year with its case ending
            if nxt is not None and nxt.kind == "dash" and j + 1 < n and toks[j + 1].kind == "num" and (
                    len(toks[j + 1].text) == 4 or _short_year_at(toks, j + 1)):
                return True  # 2021-2025, 2021-25 жылдары
        if raw.isdigit() and (len(raw) == 4 or _short_year_at(toks, i)) and _prev_is_year_range(toks, i, lex):
            return True
        if v == v.to_integral_value() and 1 <= v <= 31 and nxt is not None and nxt.kind == "word" and _stem_match(nxt.low, lex.months, lex):
            return True
        # list numbering: "1. ..." / "2) ..." at the start of the text, "2) тармақшасына" inside it
        if i == 0 and nxt is not None and nxt.text in (".", ")") and not ph.suffix:
            return True
        if nxt is not None and nxt.text == ")" and not ph.suffix and not _open_paren_before(toks, i):
            return True
        if raw.isdigit() and len(raw) > 1 and raw[0] == "0":
            return True  # 00, 05: clock minutes or codes, never an amount
        if nxt is not None and nxt.low in lex.date_next and _prev_is_range(toks, i) and i > 2 and toks[i - 3].kind == "word" and _stem_match(toks[i - 3].low, lex.months, lex):
            return True  # Сәуірдің 23-27 күндері: the end of a date range
    if ph.digits and nxt is not None and nxt.kind == "word" and not ph.suffix and _stem_match(nxt.low, lex.ordinal_nouns, lex):
        return True
    if prev is not None and prev.low in lex.clock_prev and not ph.has_scale:
        return True
    if nxt is not None and nxt.text == ":" and j + 1 < n and toks[j + 1].kind == "num":
        return True  # 12 : 40 (clock written with spaces)
    if prev is not None and prev.text == ":" and i > 1 and toks[i - 2].kind == "num":
        return True
    if (prev is not None and prev.kind == "word" and ph.words and prev.low in lex.forms
            and lex.forms[prev.low].suffix == "" and prev.end + 2 >= t0.start):
        return True  # right after another number word that ended its own phrase: он екі қырықта
    if prev is not None and prev.kind == "word" and _stem_match(prev.low, lex.months, lex) and ph.value <= 31:
        return True  # қыркүйектің 11-і, наурыздың 20-сынан
    if prev is not None and prev.low == "айының" and i > 1 and _stem_match(toks[i - 2].low, lex.months, lex):
        return True  # қаңтар айының он алтысынан
    if nxt is not None and nxt.low in lex.date_next and ph.group == "possessive" and ph.value <= 31:
        return True  # 28-і күні
    if ph.words and not ph.digits and lex.year_min <= ph.value <= lex.year_max and nxt is not None and nxt.low.startswith("жыл"):
        return True  # екі мың жиырма бір жылы
    if ph.first_kind == "scales" and prev is not None and prev.low in lex.indefinite_prev:
        return True  # бірнеше миллион теңге: "several million", no amount
    if ph.only:
        low = ph.only
        if low == "бір" and not ph.suffix:
            if _bir_is_a_count(toks, i, j, lex):
                return False
            if nxt is None or nxt.kind != "word" or nxt.low in lex.bir_not_next:
                return True
            if not nxt.low.startswith(lex.bir_next) and _unit_at(toks, j, lex) is None:
                return True
        elif low.startswith("бір") and ph.words == 1 and ph.digits == 0 and _category(low, lex) == "units" and ph.group not in ("approx", "vague"):
            # бірге, бірі, біреу ... are removed in the lexicon; other inflected single "бір" forms
            # are only numbers before a scale/unit
            if nxt is None or nxt.kind != "word" or not nxt.low.startswith(lex.bir_next):
                return True
        if low.startswith("тоқсан") and ph.words == 1:
            if low in lex.quarter_forms and low != "тоқсан" and low != "тоқсанға" and low != "тоқсаннан":
                return True
            if prev is not None and (prev.kind == "num" or prev.low in lex.roman or prev.low in lex.quarter_prev or _is_ordinal_word(prev.low, lex) or prev.low.endswith(("ншы", "нші", "ыншы", "інші"))):
                return True
            if prev is not None and prev.kind == "dash":
                return True
            if nxt is not None and nxt.low in lex.quarter_next:
                return True
        if _category(low, lex) == "half" and _after_ordinal(toks, i, lex):
            return True  # жылдың екінші жартысында: a half-year, not a share
        if low == "жарты" and (nxt is None or (nxt.kind == "word" and _category(nxt.low, lex) != "scales" and nxt.low not in lex.unit_forms)):
            return True
    return False
