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
* Units of the contract's second edition (``percentage_point``, ``EUR``, ``RUB``, ``hour_span``,
  ``times``, ``hectare``, ``tonne``, ``km``, ``sq_m``, ``head``, ``mci``) come from
  ``[units.words]`` / ``[units.multi]``; other measures (metres, kilograms, centners) are ``count``
  but stay inside ``text``. ``ондаған``/``жүздеген``/``мыңдаған`` are ``vague`` (the order of
  magnitude), also before a scale (``ондаған миллион теңге`` = 10 000 000 KZT).
* ``noun`` is the lemma of the head of the counted phrase: adjectives, participles and nouns used
  as adjectives (``жас тұрғын``) are skipped; a verb (``2 есе артты``) gives no noun.
* Digit runs: a space-grouped run of more than ``max_digit_groups`` groups is a list of numbers;
  more than ``max_digits`` digits is an identifier. ``млн.``/``млрд.`` keep their full stop only
  when the amount or a unit goes on after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from kzextract.document import Document, Quantity
from kzextract.lemma import lemmatize
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
    r"|(?P<cur>\p{Sc})"
    r"|(?P<sym>[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D]+)"  # emoji between a number and its unit: skipped
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
    post_q: dict  # (word, required group or None) -> (qualifier, in_span)
    post_multi: list  # [(words, required group or None, qualifier, in_span)], longest first
    pre_q: dict  # last word -> [(tuple(words), qualifier)] longest first
    not_numbers: frozenset
    bir_next: tuple
    unit_multi: list  # [(unit, tuple(token lows))], longest first
    not_units: list  # [tuple(token lows)]
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
    indefinite_prev: frozenset
    roman: frozenset
    quotes: list
    max_quoted: int
    adj_suffixes: tuple
    adjectives: frozenset
    max_skip: int
    currency_prefix: frozenset
    symbols: dict  # currency sign -> unit
    dotted: frozenset  # abbreviations that may take a full stop
    after_qualifier: frozenset
    durations: frozenset
    currencies: frozenset
    suffix_qualifier: dict  # suffix group -> qualifier (approx, vague)
    scale_dotted: frozenset
    max_groups: int
    max_digits: int
    verb_endings: tuple
    verb_endings_final: tuple
    verb_words: frozenset
    modifier_nouns: frozenset
    modifier_heads: frozenset
    participle_endings: tuple
    min_verb_len: int
    noun_units: frozenset
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
    u = cfg["units"]
    ur = u["rules"]
    unit_forms = _unit_forms(u["words"], sfx_cfg, frozenset(u["cfg"].get("hyphen_suffix_only", [])))
    post_q = {}
    post_multi = []
    for entry in cfg["qualifiers"]["post"]:
        for word in entry["words"]:
            for g in entry.get("after", []) or [None]:
                if " " in word:
                    post_multi.append((tuple(word.split()), g, entry["qualifier"], entry.get("in_span", True)))
                else:
                    post_q.setdefault((word, g), (entry["qualifier"], entry.get("in_span", True)))
    post_multi.sort(key=lambda x: -len(x[0]))
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
        time_ref_after=frozenset(ur.get("time_ref_after", [])),
        date_next=frozenset(nq.get("date_next", [])),
        age_prev=frozenset(ur.get("age_prev", [])),
        part_words=frozenset(cfg["shares"].get("part", [])),
        age_groups=frozenset(ur.get("age_groups", [])),
        unit_forms=unit_forms,
        suffix_group=suffix_group,
        post_q=post_q,
        pre_q=pre_q,
        not_numbers=not_numbers,
        bir_next=tuple(lx["bir_needs_next"]),
        unit_multi=_multi_units(u["multi"]),
        not_units=[_entry_tokens(x) for x in u["not_units"]["sequences"]],
        month_not_after=frozenset(ur.get("month_not_after", [])),
        age_followers=frozenset(ur.get("age_bare_followers", [])),
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
        indefinite_prev=frozenset(nq.get("indefinite_prev", [])),
        roman=frozenset(nq["roman_numerals"]),
        quotes=[tuple(q) for q in nq["quotes"]],
        max_quoted=int(nq["max_quoted_name_words"]),
        adj_suffixes=tuple(noun["adjective_suffixes"]),
        adjectives=frozenset(noun["adjectives"]),
        max_skip=int(noun["max_skip"]),
        currency_prefix=frozenset(u["cfg"]["currency_prefix"]),
        symbols=dict(u["cfg"]["symbols"]),
        dotted=frozenset(u["cfg"]["dotted"]),
        after_qualifier=frozenset(u["cfg"]["after_qualifier"]),
        durations=frozenset(u["cfg"]["durations"]),
        currencies=frozenset(u["cfg"]["symbols"].values()),
        suffix_qualifier=dict(cfg["qualifiers"].get("suffix", {})),
        scale_dotted=frozenset(lx.get("scale_dotted", [])),
        max_groups=int(lx.get("max_digit_groups", 5)),
        max_digits=int(lx.get("max_digits", 15)),
        verb_endings=tuple(noun.get("verb_endings", [])),
        verb_endings_final=tuple(noun.get("verb_endings_final", [])),
        verb_words=frozenset(noun.get("verb_words", [])),
        modifier_nouns=frozenset(noun.get("modifier_nouns", [])),
        modifier_heads=frozenset(noun.get("modifier_heads", [])),
        participle_endings=tuple(noun.get("participle_endings", [])),
        min_verb_len=int(noun.get("min_verb_len", 4)),
        noun_units=frozenset(noun.get("units", ["count"])),
        post_words=frozenset(w for w, _g in post_q),
        post_multi=post_multi,
        stop_words=frozenset(noun.get("stop_words", [])),
        not_adjectives=frozenset(noun.get("not_adjectives", [])),
    )


def _unit_forms(words: dict, sfx_cfg: dict, hyphen_only: frozenset = frozenset()) -> dict:
    """Every unit word form -> (unit, stem, suffix, group): one look-up per token at run time."""
    unit_forms: dict = {}
    for unit, unit_stems in words.items():
        for stem in unit_stems:
            unit_forms.setdefault(stem, (unit, stem, "", ""))
            if stem in hyphen_only:
                continue  # suffixes only after a hyphen, see _unit_form
            for g, items in sfx_cfg.items():
                if g in ("ordinal", "collective", "vague"):
                    continue
                for s in items:
                    unit_forms.setdefault(stem + s, (unit, stem, s, g))
    # plural+case forms of year/month words ("жылдары", "айлары") are not spans: not added.
    return unit_forms


def _entry_tokens(entry: str) -> tuple[str, ...]:
    """A multi-word unit as the token lows the tokenizer gives for it ("п.т." -> п . т .)."""
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(entry))


def _multi_units(multi: dict) -> list[tuple[str, tuple[str, ...]]]:
    out = [(unit, _entry_tokens(e)) for unit, entries in multi.items() for e in entries]
    out.sort(key=lambda x: -len(x[1]))
    return out


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
    vague = False
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
    return bool(f and f[0] == "scales")


def _dotted_scale_continues(toks: list[_Tok], k: int, lex: _Lex, scale: Decimal) -> bool:
    """``млрд.`` + a number with a smaller scale continues the amount (1 млрд. 245 млн.): only
    then is the full stop an abbreviation mark rather than the end of a sentence."""
    n = len(toks)
    if k + 2 >= n or toks[k].text != "." or toks[k].start != toks[k - 1].end:
        return False
    if toks[k - 1].low not in lex.scale_dotted or toks[k + 1].kind != "num":
        return False
    f = lex.forms.get(toks[k + 2].low)
    return bool(f and f[0] == "scales" and f[1] < scale)


def _dot_before_unit(toks: list[_Tok], k: int, lex: _Lex) -> int:
    """Skip the full stop of ``млн.`` when a unit follows it (200 млн. тоннаға)."""
    if (0 < k < len(toks) - 1 and toks[k].text == "." and toks[k].start == toks[k - 1].end
            and toks[k - 1].low in lex.scale_dotted and _unit_at(toks, k + 1, lex) is not None):
        return k + 1
    return k


def _open_paren_before(toks: list[_Tok], i: int, window: int = 8) -> bool:
    """An unclosed ``(`` shortly before token i: ``(8 адам)`` is an amount, ``2)`` a list mark."""
    for t in reversed(toks[max(0, i - window):i]):
        if t.text == ")":
            return False
        if t.text == "(":
            return True
    return False


def _names_article(toks: list[_Tok], ph: _NumPhrase, lex: _Lex) -> bool:
    """The second end of a dash is glued to a name (``11-бабы``) or followed by an ordinal noun."""
    if ph.suffix == "?":
        return True
    nxt = toks[ph.j] if ph.j < len(toks) else None
    return bool(nxt is not None and nxt.kind == "word" and not ph.suffix
                and _stem_match(nxt.low, lex.ordinal_nouns, lex))


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


def _unit_at(toks: list[_Tok], k: int, lex: _Lex):
    """Unit starting at token k: (unit, stem, suffix, group, next_k, end) or None.

    An emoji or other symbol between the number and the unit (``4,5 млн 💰 теңге``) is skipped."""
    n = len(toks)
    while k < n and toks[k].kind == "sym":
        k += 1
    if k >= n:
        return None
    t = toks[k]
    if t.kind in ("pct", "cur"):
        return _sign_unit(toks, k, lex)
    if t.kind != "word":
        return None
    if any(_seq_at(toks, k, seq) for seq in lex.not_units):
        return None
    multi = _multi_unit_at(toks, k, lex)
    if multi is not None:
        return multi
    if t.low in lex.currency_prefix and k + 1 < n:
        f = _unit_form(toks[k + 1].low, lex)
        if f and f[0] in lex.currencies:
            return f[0], f[1], f[2], f[3], k + 2, toks[k + 1].end
    f = _unit_form(t.low, lex)
    if f is None:
        return None
    unit, stem, suf, grp = f
    nk, end = k + 1, t.end
    if stem in lex.dotted and not suf and nk < n and toks[nk].text == "." and toks[nk].start == t.end:
        nk, end = nk + 1, toks[nk].end
    if unit == "month_span" and stem == "айлық" and nk < n and toks[nk].low in lex.month_not_after:
        return None
    return unit, stem, suf, grp, nk, end


def _unit_form(low: str, lex: _Lex):
    """The unit reading of one word form; ``АЕК-ке``, ``км-ге`` join the suffix with a hyphen."""
    f = lex.unit_forms.get(low)
    if f is None and "-" in low:
        stem, _, suf = low.rpartition("-")
        f0 = lex.unit_forms.get(stem)
        if f0 is not None and not f0[2] and suf in lex.suffix_group:
            f = (f0[0], f0[1], suf, lex.suffix_group[suf])
    return f


def _sign_unit(toks: list[_Tok], k: int, lex: _Lex):
    """``%`` or a currency sign, with a suffix attached to it (``%-ға``, ``₸-ден``)."""
    t = toks[k]
    unit = "percent" if t.kind == "pct" else lex.symbols.get(t.text, "other")
    suf, grp, nk, end = _digit_suffix(toks, k, lex)
    if suf == "?":
        suf, grp = "", ""
        if t.kind == "cur":
            nk, end = k + 1, t.end
    return unit, t.text, suf, grp, nk, end


def _seq_at(toks: list[_Tok], k: int, seq: tuple[str, ...]) -> bool:
    """The token lows at k are exactly ``seq`` (the last one may carry a case suffix)."""
    m = len(seq)
    return k + m <= len(toks) and all(toks[k + x].low == seq[x] for x in range(m))


def _multi_unit_at(toks: list[_Tok], k: int, lex: _Lex):
    """Multi-word units (``шаршы метр``, ``айлық есептік көрсеткіш``, ``п.т.``); longest first."""
    n = len(toks)
    for unit, seq in lex.unit_multi:
        m = len(seq)
        if k + m > n or not all(toks[k + x].low == seq[x] for x in range(m - 1)):
            continue
        last = toks[k + m - 1]
        if last.low == seq[-1]:
            return unit, " ".join(seq), "", "", k + m, last.end
        if last.kind == "word" and _stem_match(last.low, (seq[-1],), lex):
            suf = last.low[len(seq[-1]):]
            return unit, " ".join(seq), suf, lex.suffix_group.get(suf, ""), k + m, last.end
    return None


def _noun_after(toks: list[_Tok], k: int, lex: _Lex) -> str | None:
    """Lemma of the head of the counted phrase after the number (``506 мың жас тұрғын`` ->
    ``тұрғын``, ``400 адамды`` -> ``адам``): adjectives and participles before it are skipped; a
    verb (``2 есе артты``), a qualifier or another number means there is no counted noun."""
    skipped = 0
    n = len(toks)
    while k < n and skipped <= lex.max_skip:
        t = toks[k]
        if t.kind != "word" or len(t.low) < 2:
            return None
        low = t.low
        if low in lex.post_words or low in lex.forms or low in lex.stop_words:
            return None
        clause_end = k + 1 >= n or toks[k + 1].kind != "word"
        if _is_verb(low, clause_end, lex):
            return None
        if _is_modifier(toks, k, lex) and not clause_end:
            skipped += 1
            k += 1
            continue
        return lemmatize(t.text)
    return None


def _is_verb(low: str, clause_end: bool, lex: _Lex) -> bool:
    """Finite verbs and converbs; a past-tense ending (-ды, -ті) only at the end of a clause,
    where Kazakh puts its verb, because inside one it is the accusative (адамды)."""
    if low in lex.verb_words:
        return True
    if len(low) < lex.min_verb_len:
        return False
    if low.endswith(lex.verb_endings):
        return True
    return clause_end and low.endswith(lex.verb_endings_final)


def _is_modifier(toks: list[_Tok], k: int, lex: _Lex) -> bool:
    """An adjective, a participle (тіркелген кәсіпкер) or a noun used as one (жас тұрғын)."""
    low = toks[k].low
    last = low.rsplit("-", 1)[-1]
    if low in lex.adjectives or low.endswith(lex.participle_endings):
        return True
    if len(low) > 4 and last not in lex.not_adjectives and low.endswith(lex.adj_suffixes):
        return True
    if low in lex.modifier_nouns and k + 1 < len(toks) and toks[k + 1].kind == "word":
        return lemmatize(toks[k + 1].text).lower() in lex.modifier_heads
    return False


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
    if ph.first_kind == "scales" and prev is not None and prev.low in lex.indefinite_prev:
        return True  # бірнеше миллион теңге: "several million", no amount
    if ph.only:
        low = ph.only
        if low == "бір" and not ph.suffix:
            if nxt is None or nxt.kind != "word" or nxt.low in lex.bir_not_next:
                return True
            if not nxt.low.startswith(lex.bir_next) and _unit_at(toks, j, lex) is None:
                return True
        elif low.startswith("бір") and ph.words == 1 and ph.digits == 0 and lex.forms.get(low, ("",))[0] == "units" and ph.group not in ("approx", "vague"):
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


def _build(toks, ph: _NumPhrase, lex: _Lex, text: str, quoted, dollar_before, allow_range: bool = True):
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
        elif group == "ablative" and ph.digits and not ph.has_scale and nxt.kind == "num":
            is_range = True  # 15,4-тен 16,1 мың теңгеге: from ... to, only with a dative second end
            rk = k
        if is_range and allow_range:
            ph2 = _parse_number(toks, rk, lex)
            if ph2 is not None:
                res2 = _build(toks, ph2, lex, text, quoted, None, allow_range=False)
                if res2 is None and lex.year_min <= value <= lex.year_max and value == value.to_integral_value():
                    return None  # екі мың он жеті – екі мың он сегіз жылдар: a range of years
                if res2 is None and nxt.kind == "dash" and _names_article(toks, ph2, lex):
                    return None  # 73-3 бабының, 829-11-бабы: an article number, not a range
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
    noun = None
    k = _dot_before_unit(toks, k, lex)
    u = _unit_at(toks, k, lex) if group in ("", "approx", "vague", "particle") else None
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
            if not ph.vague:
                qualifier = lex.suffix_qualifier.get(group, qualifier)
    if dollar_before is not None:
        unit = dollar_before[1]
    if unit == "count" and u is None and i_prev_age(toks, ph.i, lex):
        unit = "year_span"
    if unit in lex.durations and k < n and toks[k].low in lex.time_ref_after:
        return None  # бір жыл бұрын: a point in time
    # qualifier after
    q = _Q(start, end, value, unit, qualifier, None, group)
    k2 = _post_qualify(toks, k, lex, q)
    if k2 != k and unit == "count":
        # 500 мыңнан астам теңге: unit after the qualifier
        u2 = _unit_at(toks, k2, lex)
        if u2 is not None and u2[0] in lex.after_qualifier:
            q.unit = u2[0]
            q.end = u2[5]
            k2 = u2[4]
    k = k2
    if q.unit in lex.noun_units:
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
    doc.quantities = doc.in_sentences(find_quantities)
    return doc
