"""The ``numbers`` stage: Kazakh numerals, amounts and percentages.

``find_quantities(text)`` turns every amount a piece of Kazakh text states into a
:class:`~kzextract.document.Quantity` — value, unit, qualifier and counted noun — with character
offsets into ``text``. ``quantify(doc)`` runs it sentence by sentence and shifts the offsets to the
raw article.

How it works (one left-to-right pass, linear in the text length):

1. A tokenizer (one ``regex`` alternation, no nested quantifiers) splits the text into dates,
   clock times, phone numbers, digit numbers (``11 300``, ``1.500``, ``4,5``), words, ``%``,
   currency signs, dashes and punctuation. Dates, times and phones are dropped at once.
2. At each token a small state machine reads a number phrase: digit numbers and number words
   (``екі жүз елу мың``), scale words (``мың``, ``млн``, ``миллиардтан``), ``жарым``/``жарты``
   and ``бүтін`` decimals. Only the last element may carry a case suffix; every word form is one
   dictionary look-up (stem × suffix tables built from ``patterns/numbers.toml``).
3. After the number: a unit (``%``, ``пайызы``, ``млн теңгеден``, ``АҚШ доллары``, ``жас``,
   ``айда``, ``жылдан``, ``тонна`` …), then a qualifier (``астам``, ``жуық``, ``дейін`` …) whose
   required case is checked against the suffix before it (``мыңнан аса`` but not ``10 аса``).
4. Filters drop years, dates, ordinals and list numbers, ``тоқсан`` = quarter, identifiers and
   numbers inside short quoted names; ranges (``14-28``, ``14 пен 35``) give two quantities that
   share the unit; shares (``әрбір екінші``, ``үштен бірі``, ``жартысы``) get unit ``share``.

All word lists are data in ``patterns/numbers.toml``.

Decisions (following ``gold/CONVENTIONS.md``):

* Numbers inside a short quoted name (``«Қазақстанның 100 жаңа тұлғасы»``, ``«30 игі іс»``) are
  not quantities: a quoted segment of at most ``max_quoted_name_words`` words, without sentence
  punctuation and followed by a word (not by ``деді``/``дейді`` or punctuation) is a name. Longer
  quotes are speech and keep their numbers.
* A bare ``бір`` is the indefinite article unless a unit or scale follows; ``бірі``, ``бірге``,
  ``бір-бірі`` and similar are never numbers. (KazNERD tags many of these CARDINAL; that is the
  main source of KazNERD misses.)
* Verb qualifiers (``асады``, ``жуықтады``, ``аспаған``) and postpositions (``төңірегінде``)
  set the qualifier but stay outside ``text``; ``астам``, ``жуық``, ``дейін`` … are inside.
* A difference (``10 процентке жоғары``, ``0,7% төмен``) keeps the qualifier ``exact``.
* Ranges give two quantities; the first takes the unit (and, for ``2-3 мың``, the scale) of the
  second; ``14 жастан 35 жасқа дейінгі`` gives 14 and 35, both exact. ``минус`` negates.
* Units outside the contract's list (tonnes, hectares, km, АЕК, ``есе``) are ``count`` but stay
  inside ``text``. ``noun`` is the first following word that is not an adjective (a heuristic).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from kzextract.document import Document, Quantity
from kzextract.resources import load_toml

__all__ = ["find_quantities", "quantify"]

# ---------------------------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------------------------
_SEP = r"[\x20\u00a0\u202f\u2009]"
_TOKEN_RE = regex.compile(
    r"(?P<date>(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))"
    r"|(?P<time>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
    r"|(?P<phone>\+\d[\d\x20\-()]{8,18}\d|(?<!\d)8\x20?\(\d{3,5}\)\x20?\d[\d\x20\-]{4,10}\d)"
    r"|(?P<num>(?<![\d.,\p{L}])(?:"
    r"\d{1,3}(?:" + _SEP + r"\d{3})+(?!\d)(?:,\d+(?!\d))?"  # 11 300, 605 488,0
    r"|\d{1,3}(?:\.\d{3})+(?![\d.,]\d)(?!\d)"  # 1.500
    r"|\d+(?:[.,]\d+|\x20,\x20\d+)?(?!\d)"  # 4,5  77.8  (KazNERD: 53 , 5)
    r"))"
    r"|(?P<word>[\p{L}\p{M}]+(?:[-‐'’][\p{L}\p{M}]+)*)"
    r"|(?P<pct>%)"
    r"|(?P<cur>[₸$€])"
    r"|(?P<dash>[-–—‐])"
    r"|(?P<punct>\S)"
)


@dataclass(slots=True)
class _Tok:
    kind: str
    text: str
    low: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    forms = _lex().forms
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        s = m.group()
        low = s.lower()
        if kind == "word" and "-" in low:
            # екі-үш, бес-алты тоннадан: a range written as one word
            parts = low.split("-")
            if (len(parts) == 2 and parts[0] in forms and forms[parts[0]][2] == "" and parts[1] in forms
                    and forms[parts[0]][1] < forms[parts[1]][1]):
                a = m.start()
                b = a + len(parts[0])
                out.append(_Tok("word", s[:len(parts[0])], parts[0], a, b))
                out.append(_Tok("dash", "-", "-", b, b + 1))
                out.append(_Tok("word", s[len(parts[0]) + 1:], parts[1], b + 1, m.end()))
                continue
        out.append(_Tok(kind, s, low, m.start(), m.end()))
    return out


# ---------------------------------------------------------------------------------------------
# Lexicon (built once from patterns/numbers.toml)
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Lex:
    forms: dict  # word form -> (category, value, suffix, suffix_group)
    forms_all: dict  # also the forms in not_numbers (accepted after another number word)
    clock_prev: frozenset
    bir_not_next: frozenset
    quarter_next: frozenset
    negative_prev: frozenset
    time_ref_after: frozenset
    date_next: frozenset
    age_prev: frozenset
    part_words: frozenset
    age_groups: frozenset
    unit_forms: dict  # word form -> (unit, stem, suffix, group)
    suffix_group: dict  # suffix -> group
    post_q: dict  # word -> (qualifier, frozenset(required groups))
    pre_q: dict  # last word -> [(tuple(words), qualifier)] longest first
    not_numbers: frozenset
    bir_next: tuple
    other_multi: list  # [tuple(stems)]
    month_not_after: frozenset
    age_followers: frozenset
    each: frozenset
    half_forms: frozenset
    decimal_point: frozenset
    year_min: int
    year_max: int
    months: tuple
    ordinal_nouns: tuple
    id_prefixes: frozenset
    quarter_forms: frozenset
    quarter_prev: frozenset
    roman: frozenset
    quotes: list
    max_quoted: int
    adj_suffixes: tuple
    adjectives: frozenset
    max_skip: int
    currency_prefix: frozenset
    post_words: frozenset
    stop_words: frozenset
    not_adjectives: frozenset


def _num(v) -> Decimal:
    return Decimal(str(v))


@cache
def _lex() -> _Lex:
    cfg = load_toml("numbers")
    sfx_cfg = cfg["suffixes"]
    suffix_group: dict[str, str] = {}
    for group, items in sfx_cfg.items():
        for s in items:
            suffix_group.setdefault(s, group)
    w = cfg["words"]
    stems: list[tuple[str, str, Decimal]] = []
    for cat in ("units", "tens", "hundred", "scales", "half", "collective"):
        for k, v in w.get(cat, {}).items():
            stems.append((k, cat, _num(v)))
    forms: dict = {}
    for stem, cat, val in stems:
        forms.setdefault(stem, (cat, val, "", ""))
        for g, items in sfx_cfg.items():
            if g == "collective" and cat != "units":  # екеуі, 7-еуіне: only after 1..9
                continue
            for s in items:
                forms.setdefault(stem + s, (cat, val, s, g))
    lx = cfg["lexicon"]
    not_numbers = frozenset(lx.get("not_numbers", []))
    forms_all = dict(forms)
    for bad in not_numbers:
        forms.pop(bad, None)
    # units
    u = cfg["units"]
    unit_forms: dict = {}
    for unit in ("percent", "KZT", "USD", "year_span", "age", "month_span", "day_span", "other"):
        for stem in u.get(unit, []):
            unit_forms.setdefault(stem, (unit, stem, "", ""))
            for g, items in sfx_cfg.items():
                if g in ("ordinal", "collective"):
                    continue
                for s in items:
                    unit_forms.setdefault(stem + s, (unit, stem, s, g))
    # plural+case forms of year/month words ("жылдары", "айлары") are not spans: not added.
    post_q = {}
    for entry in cfg["qualifiers"]["post"]:
        for word in entry["words"]:
            for g in entry.get("after", []) or [None]:
                post_q.setdefault((word, g), (entry["qualifier"], entry.get("in_span", True)))
    pre_q: dict[str, list] = {}
    for entry in cfg["qualifiers"]["pre"]:
        for words in (tuple(w.split()) for w in entry["words"]):
            pre_q.setdefault(words[-1], []).append((words, entry["qualifier"]))
    for phrases in pre_q.values():
        phrases.sort(key=lambda x: -len(x[0]))
    nq = cfg["not_quantity"]
    noun = cfg["noun"]
    return _Lex(
        forms=forms,
        forms_all=forms_all,
        clock_prev=frozenset(nq.get("clock_prev", [])),
        bir_not_next=frozenset(lx.get("bir_not_next", [])),
        quarter_next=frozenset(nq.get("quarter_next", [])),
        negative_prev=frozenset(nq.get("negative_prev", [])),
        time_ref_after=frozenset(u.get("time_ref_after", [])),
        date_next=frozenset(nq.get("date_next", [])),
        age_prev=frozenset(u.get("age_prev", [])),
        part_words=frozenset(cfg["shares"].get("part", [])),
        age_groups=frozenset(u.get("age_groups", [])),
        unit_forms=unit_forms,
        suffix_group=suffix_group,
        post_q=post_q,
        pre_q=pre_q,
        not_numbers=not_numbers,
        bir_next=tuple(lx["bir_needs_next"]),
        other_multi=[tuple(x.split()) for x in u.get("other_multi", [])],
        month_not_after=frozenset(u.get("month_not_after", [])),
        age_followers=frozenset(u.get("age_bare_followers", [])),
        each=frozenset(cfg["shares"]["each"]),
        half_forms=frozenset(cfg["shares"]["half"]),
        decimal_point=frozenset(lx["decimal_point"]),
        year_min=int(nq["year_min"]),
        year_max=int(nq["year_max"]),
        months=tuple(nq["months"]),
        ordinal_nouns=tuple(nq["ordinal_nouns"]),
        id_prefixes=frozenset(nq["id_prefixes"]),
        quarter_forms=frozenset(nq["quarter_forms"]),
        quarter_prev=frozenset(nq.get("quarter_prev", [])),
        roman=frozenset(nq["roman_numerals"]),
        quotes=[tuple(q) for q in nq["quotes"]],
        max_quoted=int(nq["max_quoted_name_words"]),
        adj_suffixes=tuple(noun["adjective_suffixes"]),
        adjectives=frozenset(noun["adjectives"]),
        max_skip=int(noun["max_skip"]),
        currency_prefix=frozenset(u.get("currency_prefix", [])),
        post_words=frozenset(w for w, _g in post_q),
        stop_words=frozenset(noun.get("stop_words", [])),
        not_adjectives=frozenset(noun.get("not_adjectives", [])),
    )


def _stem_match(low: str, stems: tuple, lex: _Lex) -> bool:
    """``low`` is one of ``stems`` followed by nothing or a known suffix."""
    for st in stems:
        if low.startswith(st):
            rest = low[len(st):]
            if not rest or rest in lex.suffix_group:
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Number phrase
# ---------------------------------------------------------------------------------------------
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


def _digit_suffix(toks: list[_Tok], k: int, lex: _Lex):
    """Suffix attached to the digit/percent token k: returns (suffix, group, next_index, end) or
    ('?', '', k+1, end) when a hyphen joins a non-suffix word (a name such as 2-тоқсан)."""
    t = toks[k]
    n = len(toks)
    if k + 1 < n:
        a = toks[k + 1]
        if a.kind == "word" and a.start == t.end:
            if a.low in lex.suffix_group:
                return a.low, lex.suffix_group[a.low], k + 2, a.end
            return "?", "", k + 2, a.end
        if a.kind == "dash" and k + 2 < n:
            b = toks[k + 2]
            gap1 = a.start - t.end
            gap2 = b.start - a.end
            if b.kind == "word" and gap1 <= 1 and gap2 <= 1:
                if b.low in lex.suffix_group:
                    return b.low, lex.suffix_group[b.low], k + 3, b.end
                if gap1 == 0 and gap2 == 0:
                    return "?", "", k + 3, b.end
    return "", "", k + 1, t.end


def _element(toks, k, lex, first=True):
    """One element of a number phrase at token k: (etype, value, suffix, group, next_k, end).

    Forms listed in ``not_numbers`` (бірі, жүзі, ...) count only after another number word
    (``жүз отыз біріне``, ``екі мың жеті жүзіне``), never as the first element."""
    t = toks[k]
    if t.kind == "num":
        v = _digit_value(t.text)
        suf, grp, nk, end = _digit_suffix(toks, k, lex)
        return "digit", v, suf, grp, nk, end
    if t.kind == "word":
        f = lex.forms.get(t.low) if first else lex.forms_all.get(t.low)
        if f is None and "-" in t.low:  # үш-ақ
            f = lex.forms.get(t.low.replace("-", ""))
        if f is None:
            return None
        cat, val, suf, grp = f
        return cat, val, suf, grp, k + 1, t.end
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
    while k < n:
        el = _element(toks, k, lex, count == 0)
        if el is None:
            # бүтін decimals: тоқсан тоғыз бүтін оннан бес, бір бүтін оннан сегіз миллиард
            if (count and not suffix and toks[k].low in lex.decimal_point and k + 2 < n
                    and last in ("units", "tens", "hundred") and cur is not None):
                den = lex.forms.get(toks[k + 1].low)
                if den and den[0] == "units" and den[2] == "":  # тоқсан үш бүтін төрт миллиард
                    cur = cur + den[1] / 10
                    count += 1
                    end = bare_end = toks[k + 1].end
                    k += 2
                    last = "units"
                    continue
                if den and den[3] == "ablative" and den[1] in (10, 100, 1000):
                    numer = _parse_number(toks, k + 2, lex, no_scale=True)
                    if numer is not None and numer.digits == 0 and numer.group != "ordinal":
                        cur = cur + numer.value / den[1]
                        count += 1
                        end = bare_end = numer.end
                        k = numer.j
                        if numer.suffix:
                            suffix, group = numer.suffix, numer.group
                            break
                        continue
            break
        if no_scale and el[0] == "scales":
            break
        etype, val, suf, grp, nk, e_end = el
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
            break
    if count == 0:
        return None
    if ordinal_tail:
        group = "ordinal"
    value = total + (cur or Decimal(0))
    return _NumPhrase(i, k, value, toks[i].start, end, bare_end, suffix, group, has_scale,
                      words, digits, first_kind, only if count == 1 else "")


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def _quoted_spans(text: str, lex: _Lex) -> list[tuple[int, int]]:
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
    return bool(f and f[3] == "ordinal")


def _unit_at(toks, k, lex: _Lex):
    """Unit starting at token k: (unit, stem, suffix, group, next_k, end) or None."""
    n = len(toks)
    if k >= n:
        return None
    t = toks[k]
    if t.kind == "pct":
        suf, grp, nk, end = _digit_suffix(toks, k, lex)
        if suf == "?":
            suf, grp = "", ""
        return "percent", "%", suf, grp, nk, end
    if t.kind == "cur":
        unit = {"₸": "KZT", "$": "USD"}.get(t.text, "other")
        suf, grp, nk, end = _digit_suffix(toks, k, lex)
        if suf == "?":
            suf, grp, nk, end = "", "", k + 1, t.end
        return unit, t.text, suf, grp, nk, end
    if t.kind != "word":
        return None
    # multi-word units
    for seq in lex.other_multi:
        m = len(seq)
        if k + m <= n and all(toks[k + x].kind == "word" for x in range(m)):
            if all(toks[k + x].low == seq[x] for x in range(m - 1)):
                last = toks[k + m - 1].low
                if _stem_match(last, (seq[-1],), lex):
                    suf = last[len(seq[-1]):]
                    return "other", " ".join(seq), suf, lex.suffix_group.get(suf, ""), k + m, toks[k + m - 1].end
    if t.low in lex.currency_prefix and k + 1 < n:
        f = lex.unit_forms.get(toks[k + 1].low)
        if f and f[0] == "USD":
            return "USD", f[1], f[2], f[3], k + 2, toks[k + 1].end
    f = lex.unit_forms.get(t.low)
    if f is None:
        return None
    unit, stem, suf, grp = f
    nk, end = k + 1, t.end
    if unit in ("KZT", "USD") and nk < n and toks[nk].text == "." and stem in ("тг", "тңг", "долл"):
        nk, end = nk + 1, toks[nk].end
    if unit == "month_span" and stem == "айлық" and nk < n and toks[nk].low in lex.month_not_after:
        return None
    return unit, stem, suf, grp, nk, end


def _noun_after(toks, k, lex: _Lex) -> str | None:
    skipped = 0
    n = len(toks)
    while k < n and skipped <= lex.max_skip:
        t = toks[k]
        if t.kind != "word":
            return None
        low = t.low
        if low in lex.post_words or low in lex.forms or low in lex.stop_words:
            return None
        last = low.rsplit("-", 1)[-1]
        if low in lex.adjectives or (len(low) > 4 and last not in lex.not_adjectives and low.endswith(lex.adj_suffixes)):
            skipped += 1
            k += 1
            continue
        return t.text
    return None


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str
    noun: str | None
    group: str  # case of the last number/unit element
    range_next: bool = False  # joined to the next quantity by a dash / пен


# ---------------------------------------------------------------------------------------------
# Main scanner
# ---------------------------------------------------------------------------------------------
def _pre_qualifier(toks, i, lex: _Lex):
    if i < 1 or toks[i - 1].kind != "word":
        return None
    for words, q in lex.pre_q.get(toks[i - 1].low, ()):
        m = len(words)
        if i - m < 0:
            continue
        if all(toks[i - m + x].kind == "word" and toks[i - m + x].low == words[x] for x in range(m)):
            return q, toks[i - m].start
    return None


def _share_at(toks, i, lex: _Lex, text: str):
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


def _fraction_numerator(tok: _Tok, lex: _Lex):
    """The numerator of ``үштен бірі`` / ``бестен екісі`` (a unit word with a possessive ending)."""
    if tok.kind != "word":
        return None
    f = lex.forms_all.get(tok.low)
    if f and f[0] == "units" and f[2] in _FRACTION_NUM_SUFFIXES:
        return f[1]
    return None


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
        if t.kind == "cur" and t.text == "$" and i + 1 < n and toks[i + 1].kind == "num" and toks[i + 1].start == t.end:
            dollar_before = t.start
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
    # "14 жастан 35 жасқа дейінгі": a range, both ends exact
    for a, b in zip(out, out[1:]):
        if a.group == "ablative" and b.qualifier == "up_to" and not text[a.end:b.start].strip() and a.unit == b.unit:
            b.qualifier = "exact"
            a.range_next = True
    return out


def _skip_number(toks, ph: _NumPhrase, lex: _Lex, text: str, quoted) -> bool:
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
    if (prev is not None and prev.kind == "dash" and prev.end == t0.start and i > 1 and toks[i - 2].kind == "word"
            and toks[i - 2].end == prev.start and toks[i - 2].low not in lex.forms):
        return True  # COVID-19, Ан-2
    if t0.kind == "num" and prev is not None and prev.kind == "punct" and prev.text in ".,:" and prev.end == t0.start and i > 1 and toks[i - 2].kind == "num":
        return True  # tails of odd digit groups
    if ph.digits == 1 and ph.words == 0 and not ph.has_scale:
        v = ph.value
        raw = t0.text
        if raw.isdigit() and len(raw) == 4 and lex.year_min <= int(raw) <= lex.year_max:
            if nxt is not None and (nxt.kind == "word" and (nxt.low.startswith("жыл") or nxt.low in ("ж", "жж"))):
                return True
            if ph.suffix and ph.suffix.startswith("жыл"):
                return True
            if nxt is not None and nxt.kind == "dash" and j + 1 < n and toks[j + 1].kind == "num" and len(toks[j + 1].text) == 4:
                return True
            if prev is not None and prev.kind == "dash" and i > 1 and toks[i - 2].kind == "num" and len(toks[i - 2].text) == 4 and toks[i - 2].text.isdigit() and lex.year_min <= int(toks[i - 2].text) <= lex.year_max:
                return True
        if v == v.to_integral_value() and 1 <= v <= 31 and nxt is not None and nxt.kind == "word" and _stem_match(nxt.low, lex.months, lex):
            return True
        # list numbering: "1. ..." / "2) ..." at the start of the text
        if i == 0 and nxt is not None and nxt.text in (".", ")") and not ph.suffix:
            return True
    if ph.digits and nxt is not None and nxt.kind == "word" and not ph.suffix and _stem_match(nxt.low, lex.ordinal_nouns, lex):
        return True
    if prev is not None and prev.low in lex.clock_prev and not ph.has_scale:
        return True
    if nxt is not None and nxt.text == ":" and j + 1 < n and toks[j + 1].kind == "num":
        return True  # 12 : 40 (clock written with spaces)
    if prev is not None and prev.text == ":" and i > 1 and toks[i - 2].kind == "num":
        return True
    if (prev is not None and prev.kind == "word" and ph.words and prev.low in lex.forms
            and lex.forms[prev.low][2] == "" and prev.end + 2 >= t0.start):
        return True  # right after another number word that ended its own phrase: он екі қырықта
    if prev is not None and prev.kind == "word" and _stem_match(prev.low, lex.months, lex) and ph.value <= 31:
        return True  # қыркүйектің 11-і, наурыздың 20-сынан
    if prev is not None and prev.low == "айының" and i > 1 and _stem_match(toks[i - 2].low, lex.months, lex):
        return True  # қаңтар айының он алтысынан
    if nxt is not None and nxt.low in lex.date_next and ph.group == "possessive" and ph.value <= 31:
        return True  # 28-і күні
    if ph.words and not ph.digits and lex.year_min <= ph.value <= lex.year_max and nxt is not None and nxt.low.startswith("жыл"):
        return True  # екі мың жиырма бір жылы
    if ph.only:
        low = ph.only
        if low == "бір" and not ph.suffix:
            if nxt is None or nxt.kind != "word" or nxt.low in lex.bir_not_next:
                return True
            if not nxt.low.startswith(lex.bir_next) and _unit_at(toks, j, lex) is None:
                return True
        elif low.startswith("бір") and ph.words == 1 and ph.digits == 0 and lex.forms.get(low, ("",))[0] == "units" and ph.group not in ("approx",):
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
        if low == "жарты" and (nxt is None or (nxt.kind == "word" and lex.forms.get(nxt.low, ("",))[0] != "scales" and nxt.low not in lex.unit_forms)):
            return True
    return False


def _post_qualify(toks, k, lex: _Lex, q: _Q) -> int:
    """Attach a following qualifier to q (checks the case it requires)."""
    n = len(toks)
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


def _build(toks, ph: _NumPhrase, lex: _Lex, text: str, quoted, dollar_before, allow_range: bool = True):
    n = len(toks)
    if _skip_number(toks, ph, lex, text, quoted):
        return None
    value = ph.value
    group = ph.group
    start = ph.start if dollar_before is None else dollar_before
    end = ph.end
    k = ph.j
    qualifier = "exact"
    unit = "count"
    if group == "approx":
        qualifier = "approx"
    # fraction "үштен бірі", "оннан екісі"
    if group == "ablative" and not ph.has_scale and k < n and value > 1:
        numer = _fraction_numerator(toks[k], lex)
        if numer is None and toks[k].kind == "num" and ph.digits:
            nph = _parse_number(toks, k, lex, no_scale=True)
            if nph is not None and nph.suffix in _FRACTION_NUM_SUFFIXES and 0 < nph.value < value:
                q = _Q(start, nph.end, nph.value / value, "share", "exact", None, "possessive")
                return [q], nph.j
        if numer is None and toks[k].kind == "num" and k + 1 < n and toks[k + 1].low in lex.part_words:
            nv = _digit_value(toks[k].text)
            if 0 < nv < value:
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
        elif ph.digits and not group and nxt is not None and nxt.kind == "word" and nxt.low in ("пен", "мен", "бен") and k + 1 < n and toks[k + 1].kind == "num":
            is_range = True
            rk = k + 1
        if is_range and allow_range:
            ph2 = _parse_number(toks, rk, lex)
            if ph2 is not None:
                res2 = _build(toks, ph2, lex, text, quoted, None, allow_range=False)
                if res2 is None and lex.year_min <= value <= lex.year_max and value == value.to_integral_value():
                    return None  # екі мың он жеті – екі мың он сегіз жылдар: a range of years
                if res2 is not None and res2[0]:
                    qs2, nj2 = res2
                    second = qs2[0]
                    v1 = value
                    if not ph.has_scale and ph2.has_scale and not ph.suffix and ph2.value > 0:
                        # 2-3 мың -> 2000, 3000: borrow the scale of the second number
                        scale = _scale_of(ph2)
                        if scale and v1 * scale <= second.value * 1000:
                            v1 = v1 * scale
                    unit1 = "count" if second.unit == "share" else second.unit
                    q1 = _Q(start, ph.bare_end, v1, unit1, "exact" if qualifier == "exact" else qualifier,
                            second.noun if unit1 == "count" else None, group, True)
                    if second.qualifier == "up_to":
                        second.qualifier = "exact"
                    return [q1] + qs2, nj2
    # unit
    noun = None
    u = _unit_at(toks, k, lex) if group in ("", "approx", "particle") else None
    if u is not None:
        uname, stem, usuf, ugrp, uk, uend = u
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
            if group == "approx" or ugrp == "approx":
                qualifier = "approx"
    if dollar_before is not None:
        unit = "USD"
    if unit == "count" and u is None and i_prev_age(toks, ph.i, lex):
        unit = "year_span"
    if unit in ("year_span", "month_span", "day_span") and k < n and toks[k].low in lex.time_ref_after:
        return None  # бір жыл бұрын: a point in time
    # qualifier after
    q = _Q(start, end, value, unit, qualifier, None, group)
    k2 = _post_qualify(toks, k, lex, q)
    if k2 != k and unit == "count":
        # 500 мыңнан астам теңге: unit after the qualifier
        u2 = _unit_at(toks, k2, lex)
        if u2 is not None and u2[0] in ("percent", "KZT", "USD"):
            q.unit = u2[0]
            q.end = u2[5]
            k2 = u2[4]
    k = k2
    if q.unit == "count":
        q.noun = _noun_after(toks, k, lex)
    return [q], k


def i_prev_age(toks, i, lex: _Lex) -> bool:
    """"Жасы 70-ке келген", "жас мөлшері 18-ге дейін": an age without the word жас after it."""
    if i >= 1 and toks[i - 1].low in lex.age_prev:
        return True
    return i >= 2 and f"{toks[i - 2].low} {toks[i - 1].low}" in lex.age_prev


def _scale_of(ph: _NumPhrase) -> Decimal | None:
    v = ph.value
    for s in (Decimal(10) ** 12, Decimal(10) ** 9, Decimal(10) ** 6, Decimal(1000)):
        if v >= s:
            return s
    return None


def _prev_is_range(toks, i) -> bool:
    return i >= 2 and toks[i - 1].kind == "dash" and toks[i - 2].kind == "num"


def _to_float(v: Decimal, unit: str) -> float:
    if unit == "share":
        return round(float(v), 4)
    f = float(v)
    return round(f, 6) if f != int(f) else float(int(f))


def find_quantities(text: str) -> list[Quantity]:
    """Every amount stated in ``text`` (one sentence or paragraph), offsets relative to ``text``."""
    if not text or not any(c.isdigit() for c in text) and not _has_number_word(text):
        return []
    out = []
    for q in _scan(text):
        out.append(Quantity(start=q.start, end=q.end, text=text[q.start:q.end],
                            value=_to_float(q.value, q.unit), unit=q.unit, qualifier=q.qualifier,
                            noun=q.noun))
    return out


@cache
def _number_word_re():
    stems = set()
    cfg = load_toml("numbers")
    for cat in ("units", "tens", "hundred", "scales", "half", "collective"):
        stems.update(cfg["words"].get(cat, {}).keys())
    stems.update(cfg["shares"]["half"])
    stems.update(["жарты"])
    return regex.compile("|".join(sorted((regex.escape(s) for s in stems), key=len, reverse=True)), regex.I)


def _has_number_word(text: str) -> bool:
    return _number_word_re().search(text) is not None


def quantify(doc: Document) -> Document:
    """The stage: quantities of every sentence, offsets shifted to the raw text."""
    found: list[Quantity] = []
    for sid, sent in enumerate(doc.sentences):
        for q in find_quantities(sent.text):
            q.start += sent.start
            q.end += sent.start
            q.sent_id = sid
            found.append(q)
    doc.quantities = found
    return doc
