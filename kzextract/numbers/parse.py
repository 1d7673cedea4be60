"""Number phrases: digits, number words and scales read into one value (:class:`_NumPhrase`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from .lexicon import _Lex
from .tokens import _Tok


@dataclass(slots=True)
class _NumPhrase:
    i: int  # first token
    j: int  # token after the phrase (suffix tokens included)
    value: Decimal
    start: int
    end: int  # char end including an attached suffix
    bare_end: int  # char end of the number without a detached (spaced) suffix word
    suffix: str
    group: str  # suffix group ('' = none)
    has_scale: bool
    words: int  # how many word elements
    digits: int  # how many digit elements
    first_kind: str
    only: str  # lower-case text of a single-element phrase
    vague: bool = False  # ондаған, жүздеген мың: an order of magnitude


_THOUSANDS_DOTS = regex.compile(r"\d{1,3}(?:\.\d{3})+")


def _digit_value(s: str) -> Decimal:
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if " , " in s:
        a, b = s.split(" , ")
        return Decimal(f"{a}.{b}")
    if " " in s:
        s = s.replace(" ", "")
    if _THOUSANDS_DOTS.fullmatch(s):
        return Decimal(s.replace(".", ""))
    return Decimal(s.replace(",", "."))


@dataclass(frozen=True, slots=True)
class _Suffix:
    """A case suffix attached to a digit or sign token (``280-ге``, ``%-ға``)."""

    suffix: str  # '' = none, '?' = a hyphen joins a non-suffix word (a name such as 2-тоқсан)
    group: str  # suffix group ('' = none)
    next: int  # token after the number and its suffix
    end: int  # char end including the suffix


def _digit_suffix(toks: list[_Tok], k: int, lex: _Lex) -> _Suffix:
    """Suffix attached to the digit/percent token k, or suffix ``'?'`` when a hyphen joins a
    non-suffix word (a name such as 2-тоқсан)."""
    t = toks[k]
    n = len(toks)
    if k + 1 < n:
        a = toks[k + 1]
        if a.kind == "word" and a.start == t.end:
            if a.low in lex.suffix_group:
                return _Suffix(a.low, lex.suffix_group[a.low], k + 2, a.end)
            return _Suffix("?", "", k + 2, a.end)
        if a.kind == "dash" and k + 2 < n:
            b = toks[k + 2]
            gap1 = a.start - t.end
            gap2 = b.start - a.end
            if b.kind == "word" and gap1 <= 1 and gap2 <= 1:
                if b.low in lex.suffix_group:
                    return _Suffix(b.low, lex.suffix_group[b.low], k + 3, b.end)
                if gap1 == 0 and gap2 == 0:
                    return _Suffix("?", "", k + 3, b.end)
    return _Suffix("", "", k + 1, t.end)


@dataclass(frozen=True, slots=True)
class _Element:
    """One element of a number phrase: a digit number or one number word with its suffix."""

    kind: str  # digit, units, tens, hundred, scales, half, collective
    value: Decimal
    suffix: str
    group: str  # suffix group ('' = none)
    next: int  # token after the element
    end: int  # char end including an attached suffix


def _element(toks: list[_Tok], k: int, lex: _Lex, first: bool = True) -> _Element | None:
    """One element of a number phrase at token k.

    Forms listed in ``not_numbers`` (бірі, жүзі, ...) count only after another number word
    (``жүз отыз біріне``, ``екі мың жеті жүзіне``), never as the first element."""
    t = toks[k]
    if t.kind == "num":
        v = _digit_value(t.text)
        sx = _digit_suffix(toks, k, lex)
        return _Element("digit", v, sx.suffix, sx.group, sx.next, sx.end)
    if t.kind == "word":
        f = lex.forms.get(t.low) if first else lex.forms_all.get(t.low)
        if f is None and "-" in t.low:  # үш-ақ
            f = lex.forms.get(t.low.replace("-", ""))
        if f is None:
            return None
        return _Element(f.category, f.value, f.suffix, f.group, k + 1, t.end)
    return None


_ORDER = {"units": 1, "tens": 2, "hundred": 3}


def _parse_number(toks: list[_Tok], i: int, lex: _Lex, no_scale: bool = False) -> _NumPhrase | None:
    n = len(toks)
    total = Decimal(0)
    cur: Decimal | None = None
    last = None
    last_scale = None
    k = i
    suffix = group = ""
    end = toks[i].end
    bare_end = end
    has_scale = False
    words = digits = 0
    first_kind = None
    only = toks[i].low
    count = 0
    ordinal_tail = False
    vague = False
    while k < n:
        el = _element(toks, k, lex, count == 0)
        if el is None:
            # бүтін decimals: тоқсан тоғыз бүтін оннан бес, бір бүтін оннан сегіз миллиард
            if (count and not suffix and toks[k].low in lex.decimal_point and k + 2 < n
                    and last in ("units", "tens", "hundred") and cur is not None):
                den = lex.forms.get(toks[k + 1].low)
                if den and den.category == "units" and den.suffix == "":  # тоқсан үш бүтін төрт миллиард
                    cur = cur + den.value / 10
                    count += 1
                    end = bare_end = toks[k + 1].end
                    k += 2
                    last = "units"
                    continue
                if den and den.group == "ablative" and den.value in (10, 100, 1000):
                    numer = _parse_number(toks, k + 2, lex, no_scale=True)
                    if numer is not None and numer.digits == 0 and numer.group != "ordinal":
                        cur = cur + numer.value / den.value
                        count += 1
                        end = bare_end = numer.end
                        k = numer.j
                        if numer.suffix:
                            suffix, group = numer.suffix, numer.group
                            break
                        continue
            break
        if no_scale and el.kind == "scales":
            break
        etype, val, suf, grp, nk, e_end = el.kind, el.value, el.suffix, el.group, el.next, el.end
        if count and toks[k].start - toks[k - 1].end > 2:
            break
        if etype == "digit":
            if last is not None and last != "scales":
                break
            if last == "scales" and val >= last_scale:
                break
            cur = val
        elif etype in ("units", "tens", "collective"):
            if last not in (None, "hundred", "scales", "tens") or (last == "tens" and etype == "tens"):
                break
            if last == "tens" and etype not in ("units", "collective"):
                break
            cur = (cur or Decimal(0)) + val
        elif etype == "hundred":
            if last == "units" and cur is not None and cur < 10:
                cur = cur * 100
            elif last in (None, "scales"):
                cur = Decimal(100) if cur is None else cur * 100
            else:
                break
        elif etype == "scales":
            if last == "scales" or (last_scale is not None and val >= last_scale):
                break
            if last == "half" and cur is None:
                cur = Decimal("0.5")
            if cur is None:
                if last is not None:
                    break
                cur = Decimal(1)
            total += cur * val
            cur = None
            last_scale = val
            has_scale = True
        elif etype == "half":
            word = toks[k].low
            if word.startswith("жарым"):
                if last not in ("units", "tens", "digit") or cur is None:
                    break
                cur += val
            else:  # жарты: alone, before a scale or unit
                if last is not None:
                    break
                cur = val
        else:
            break
        if first_kind is None:
            first_kind = etype
        if etype == "digit":
            digits += 1
        else:
            words += 1
        last = "units" if etype == "collective" else etype
        count += 1
        bare_end = toks[k].end if etype == "digit" else e_end
        end = e_end
        k = nk
        if suf:
            suffix, group = suf, grp
            if grp == "vague" and _scale_follows(toks, k, lex):
                vague = True  # ондаған миллион теңге
                continue
            break
        if etype == "scales" and _dotted_scale_continues(toks, k, lex, val):
            k += 1  # 1 млрд. 245 млн.
    if count == 0:
        return None
    if ordinal_tail:
        group = "ordinal"
    value = total + (cur or Decimal(0))
    return _NumPhrase(i, k, value, toks[i].start, end, bare_end, suffix, group, has_scale,
                      words, digits, first_kind, only if count == 1 else "", vague or group == "vague")


def _scale_follows(toks: list[_Tok], k: int, lex: _Lex) -> bool:
    """A scale word right after ``ондаған``/``жүздеген`` multiplies it (ондаған миллион)."""
    if k >= len(toks) or toks[k].kind != "word" or toks[k].start - toks[k - 1].end > 2:
        return False
    f = lex.forms.get(toks[k].low)
    return bool(f and f.category == "scales")


def _dotted_scale_continues(toks: list[_Tok], k: int, lex: _Lex, scale: Decimal) -> bool:
    """``млрд.`` + a number with a smaller scale continues the amount (1 млрд. 245 млн.): only
    then is the full stop an abbreviation mark rather than the end of a sentence."""
    n = len(toks)
    if k + 2 >= n or toks[k].text != "." or toks[k].start != toks[k - 1].end:
        return False
    if toks[k - 1].low not in lex.scale_dotted or toks[k + 1].kind != "num":
        return False
    f = lex.forms.get(toks[k + 2].low)
    return bool(f and f.category == "scales" and f.value < scale)


def _scale_of(ph: _NumPhrase) -> Decimal | None:
    v = ph.value
    for s in (Decimal(10) ** 12, Decimal(10) ** 9, Decimal(10) ** 6, Decimal(1000)):
        if v >= s:
            return s
    return None
