"""The scanner: one left-to-right pass over the tokens, a number phrase at a time, each one
filtered, given a unit, qualifiers and noun, or joined with the next into a range."""

from __future__ import annotations

from decimal import Decimal

from .filters import _only_dates, _prev_is_range, _quoted_spans, _skip_number, _starts_number
from .lexicon import _lex, _Lex
from .parse import _digit_value, _NumPhrase, _parse_number, _scale_of
from .qualifiers import (_FRACTION_NUM_SUFFIXES, _fraction_numerator, _post_qualify, _pre_qualifier, _Q,
                         _qualify_after_noun, _share_at)
from .tokens import _Tok, _tokenize
from .units import _dot_before_unit, _noun_after, _unit_at, i_prev_age


def _scan(text: str) -> list[_Q]:
    lex = _lex()
    toks = _tokenize(text)
    n = len(toks)
    quoted = _quoted_spans(text, lex) if any(q[0] in text for q in lex.quotes) else []
    out: list[_Q] = []
    i = 0
    while i < n:
        t = toks[i]
        if t.kind not in ("num", "word", "cur"):
            i += 1
            continue
        # shares
        sh = _share_at(toks, i, lex, text)
        if sh is not None:
            q, nj = sh
            nj = _post_qualify(toks, nj, lex, q)
            out.append(q)
            i = nj
            continue
        dollar_before = None
        if t.kind == "cur" and t.text in lex.symbols and i + 1 < n and toks[i + 1].kind == "num" and toks[i + 1].start == t.end:
            dollar_before = (t.start, lex.symbols[t.text])  # $100, €5
            i += 1
            t = toks[i]
        elif t.kind == "cur":
            i += 1
            continue
        ph = _parse_number(toks, i, lex)
        if ph is None:
            i += 1
            continue
        res = _build(toks, ph, lex, text, quoted, dollar_before)
        if res is None:
            i = max(ph.j, i + 1)
            continue
        qs, nj = res
        out.extend(qs)
        i = max(nj, i + 1)
    # "14 жастан 35 жасқа дейінгі", "2 319-дан 1.12.2025 ж. 1 795-ке дейін": a range, both ends exact
    for a, b in zip(out, out[1:]):
        if (a.group == "ablative" and b.qualifier == "up_to" and a.unit == b.unit
                and _only_dates(_tokenize(text[a.end:b.start]), lex)):
            b.qualifier = "exact"
            a.range_next = True
    # "8 және 10 пайызға", "300 және 400 оқушы": a bare number joined to the next by және / не
    # shares its unit, noun and qualifier (not money: "5 және 7 млн теңге" would need the scale too)
    for a, b in zip(out, out[1:]):
        if (a.unit == "count" and a.noun is None and b.unit not in lex.currencies
                and text[a.end:b.start].strip() in lex.coordinators):
            a.unit, a.noun, a.qualifier = b.unit, b.noun, b.qualifier
    return out


def _build(toks: list[_Tok], ph: _NumPhrase, lex: _Lex, text: str, quoted: list[tuple[int, int]],
           dollar_before: tuple[int, str] | None, allow_range: bool = True) -> tuple[list[_Q], int] | None:
    """The quantities a number phrase gives (two for a range) and the token after them, or None
    when the number is not a quantity. ``dollar_before``: (char start, unit) of a sign before it."""
    n = len(toks)
    if _skip_number(toks, ph, lex, text, quoted):
        return None
    value = ph.value
    group = ph.group
    start = ph.start if dollar_before is None else dollar_before[0]
    end = ph.end
    k = ph.j
    qualifier = "exact"
    unit = "count"
    qualifier = lex.suffix_qualifier.get(group, qualifier)
    if ph.vague:
        qualifier = lex.suffix_qualifier.get("vague", qualifier)
    # fraction "үштен бірі", "оннан екісі"
    if group == "ablative" and not ph.has_scale and k < n and value > 1:
        numer = _fraction_numerator(toks[k], lex)
        if numer is None and toks[k].kind == "num" and ph.digits:
            nph = _parse_number(toks, k, lex, no_scale=True)
            if nph is not None and nph.suffix in _FRACTION_NUM_SUFFIXES and 0 < nph.value < value:
                q = _Q(start, nph.end, nph.value / value, "share", "exact", None, "possessive")
                return [q], nph.j
        if numer is None and k + 1 < n and toks[k + 1].low in lex.part_words:
            nv = _part_numerator(toks[k], lex)  # 4-тен 1 бөлігі, бестен бір бөлігі
            if nv is not None and 0 < nv < value:
                q = _Q(start, toks[k + 1].end, nv / value, "share", "exact", None, "possessive")
                return [q], k + 2
        if numer is not None:
            q = _Q(start, toks[k].end, numer / value, "share", "exact", None, "possessive")
            nk = _post_qualify(toks, k + 1, lex, q)
            return [q], nk
    pre = _pre_qualifier(toks, ph.i if dollar_before is None else ph.i - 1, lex)
    if pre is not None:
        qualifier, start = pre[0], pre[1]
    if ph.i > 0 and toks[ph.i - 1].low in lex.negative_prev:
        value = -value
        start = toks[ph.i - 1].start
    # ranges: 14-28, 14 – 28, 14 пен 35
    if k < n:
        nxt = toks[k]
        is_range = False
        if nxt is not None and nxt.kind == "dash" and k + 1 < n and toks[k + 1].kind in ("num", "word") and not (group and group != "instrumental"):
            if toks[k + 1].kind == "num" or lex.forms.get(toks[k + 1].low):
                is_range = True
                rk = k + 1
        elif group == "instrumental" and k < n and (toks[k].kind == "num" or lex.forms.get(toks[k].low)):
            is_range = True
            rk = k
        elif not group and nxt.kind == "word" and nxt.low in lex.range_joiners and k + 1 < n and _starts_number(toks[k + 1], lex):
            is_range = True  # 14 пен 35, бір мен алты жас
            rk = k + 1
        elif group == "ablative" and ph.digits and not ph.has_scale and nxt.kind == "num":
            is_range = True  # 15,4-тен 16,1 мың теңгеге: from ... to, only with a dative second end
            rk = k
        if is_range and allow_range:
            ph2 = _parse_number(toks, rk, lex)
            if ph2 is not None:
                res2 = _build(toks, ph2, lex, text, quoted, None, allow_range=False)
                if res2 is None and lex.year_min <= value <= lex.year_max and value == value.to_integral_value():
                    return None  # екі мың он жеті – екі мың он сегіз жылдар: a range of years
                if res2 is None and nxt.kind == "dash":
                    return None  # 15-20 наурызда, 10-11 сынып, 73-3 бабы: the first end is no amount either
                from_to = group == "ablative"
                if res2 is not None and res2[0] and (not from_to or res2[0][0].group == "dative"):
                    qs2, nj2 = res2
                    second = qs2[0]
                    v1 = value
                    if not ph.has_scale and ph2.has_scale and (not ph.suffix or from_to) and ph2.value > 0:
                        # 2-3 мың -> 2000, 3000: borrow the scale of the second number
                        scale = _scale_of(ph2)
                        if scale and v1 * scale <= second.value * 1000 and (not from_to or v1 < 1000):
                            v1 = v1 * scale
                    unit1 = "count" if second.unit == "share" else second.unit
                    q1 = _Q(start, ph.end if from_to else ph.bare_end, v1, unit1, "exact" if qualifier == "exact" else qualifier,
                            second.noun if unit1 == "count" else None, group, True)
                    if second.qualifier == "up_to":
                        second.qualifier = "exact"
                    return [q1] + qs2, nj2
    # unit
    k = _dot_before_unit(toks, k, lex)
    u = _unit_at(toks, k, lex) if group in ("", "approx", "vague", "particle") else None
    if u is not None:
        uname, stem, usuf, ugrp, uk, uend = u.unit, u.stem, u.suffix, u.group, u.next, u.end
        if uname == "age":
            if usuf and ugrp in lex.age_groups or stem == "жасар":
                uname = "year_span"
            elif usuf:
                uname = None
            elif not ph.has_scale and ((uk < n and (toks[uk].low in lex.age_followers or toks[uk].text in lex.age_followers)) or _prev_is_range(toks, ph.i)):
                uname = "year_span"
            else:
                uname = None
        if uname == "year_span" and ph.digits and not ph.has_scale and lex.year_min <= value <= lex.year_max and value == value.to_integral_value():
            return None
        if uname is not None:
            unit = {"other": "count", "age": "year_span"}.get(uname, uname)
            if stem in ("жылдық",) and usuf.startswith("ы"):
                unit = "year_span"  # 30 жылдығы: anniversary
            k, end = uk, uend
            if usuf:
                group = ugrp
            if not ph.vague:
                qualifier = lex.suffix_qualifier.get(group, qualifier)
    if dollar_before is not None:
        unit = dollar_before[1]
    if u is not None and u.stem in lex.plus_more_than and ph.i > 0 and toks[ph.i - 1].text == "+" and toks[ph.i - 1].end == ph.start:
        qualifier, start = "more_than", toks[ph.i - 1].start  # +80 кг: a weight class
    if unit == "count" and u is None and i_prev_age(toks, ph.i, lex):
        unit = "year_span"
    # qualifier after
    q = _Q(start, end, value, unit, qualifier, None, group)
    k2 = _post_qualify(toks, k, lex, q)
    if k2 == k and unit == "count" and not group:
        k2 = _qualify_after_noun(toks, k, lex, q)
        if k2 != k:
            q.noun = _noun_after(toks, k, lex)
            return [q], k2
    if k2 != k and unit == "count":
        # 500 мыңнан астам теңге: unit after the qualifier
        u2 = _unit_at(toks, k2, lex)
        if u2 is not None and u2.unit in lex.after_qualifier:
            q.unit = u2.unit
            q.end = u2.end
            k2 = u2.next
    k = k2
    if q.unit in lex.noun_units:
        q.noun = _noun_after(toks, k, lex)
    if q.unit == "count" and ph.has_scale and value >= lex.money_min and q.noun in lex.money_nouns:
        q.unit, q.noun = "KZT", None  # жарты миллионға жуық айыппұл: tenge unless written otherwise
    return [q], k


def _part_numerator(tok: _Tok, lex: _Lex) -> Decimal | None:
    """The numerator before ``бөлігі``: a digit number or a bare number word (бестен бір бөлігі)."""
    if tok.kind == "num":
        return _digit_value(tok.text)
    f = lex.forms_all.get(tok.low)
    return f.value if f is not None and f.category == "units" and not f.suffix else None
