"""The lexicon of the numbers stage: ``patterns/numbers.toml`` read once into a :class:`_Lex`.

Data only: word forms (stem × suffix tables) for number words and units, qualifier and share
word lists, the filters' word lists and limits. Every word form the scanner meets is then one
dictionary look-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from kzextract.resources import load_toml

from .token_re import _TOKEN_RE


@dataclass(frozen=True, slots=True)
class _Form:
    """One number-word form: ``мыңнан`` = scales, 1000, suffix ``нан`` of the ablative group."""

    category: str  # units, tens, hundred, scales, half, collective
    value: Decimal
    suffix: str  # '' = the bare stem
    group: str  # suffix group ('' = none)


@dataclass(frozen=True, slots=True)
class _UnitForm:
    """One unit-word form: ``теңгеден`` = KZT, stem ``теңге``, suffix ``ден`` (ablative)."""

    unit: str
    stem: str
    suffix: str
    group: str


@dataclass(slots=True)
class _Lex:
    """Everything the stage reads from ``patterns/numbers.toml``, built once by :func:`_lex`."""

    forms: dict[str, _Form]  # word form -> its number reading
    forms_all: dict[str, _Form]  # also the forms in not_numbers (accepted after another number word)
    clock_prev: frozenset
    bir_not_next: frozenset
    quarter_next: frozenset
    negative_prev: frozenset
    date_next: frozenset
    year_case: tuple  # (genitive, ablative) endings a year takes with a hyphen, dates.toml's
    year_since: frozenset  # the dates stage's `since` cues
    age_prev: frozenset
    part_words: frozenset
    age_groups: frozenset
    unit_forms: dict[str, _UnitForm]  # word form -> its unit reading
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
    compound_heads: frozenset  # bare number words that may be written together with a duration
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
    ablative: tuple  # the ablative suffixes: a word ending in one is in the ablative
    after_noun_words: int
    plus_more_than: frozenset
    list_joiners: frozenset
    coordinators: frozenset
    range_joiners: frozenset
    money_nouns: frozenset
    money_min: Decimal
    slash: str
    max_denominator: int


def _num(v) -> Decimal:
    return Decimal(str(v))


@cache
def _lex() -> _Lex:
    cfg = load_toml("numbers")
    dates = load_toml("dates")
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
    forms: dict[str, _Form] = {}
    for stem, cat, val in stems:
        forms.setdefault(stem, _Form(cat, val, "", ""))
        for g, items in sfx_cfg.items():
            if g == "collective" and cat != "units":  # екеуі, 7-еуіне: only after 1..9
                continue
            for s in items:
                forms.setdefault(stem + s, _Form(cat, val, s, g))
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
    after_noun = cfg["qualifiers"]["after_noun"]
    return _Lex(
        forms=forms,
        forms_all=forms_all,
        clock_prev=frozenset(nq.get("clock_prev", [])),
        bir_not_next=frozenset(lx.get("bir_not_next", [])),
        quarter_next=frozenset(nq.get("quarter_next", [])),
        negative_prev=frozenset(nq.get("negative_prev", [])),
        date_next=frozenset(nq.get("date_next", [])),
        year_case=(regex.compile(dates["forms"]["year_hyphen_genitive"]), regex.compile(dates["forms"]["year_hyphen_ablative"])),
        year_since=frozenset(dates["cues"]["since"]),
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
        months=tuple(dates["months"]),
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
        compound_heads=frozenset(k for k, f in forms.items() if not f.suffix and f.category in ("units", "tens", "hundred")),
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
        ablative=tuple(sorted((x for x in sfx_cfg["ablative"] if x.isalpha()), key=len, reverse=True)),
        after_noun_words=int(after_noun["noun_words"]),
        plus_more_than=frozenset(after_noun["plus_more_than"]),
        list_joiners=frozenset(lx["list_joiners"]),
        coordinators=frozenset(lx["coordinators"]),
        range_joiners=frozenset(lx["range_joiners"]),
        money_nouns=frozenset(u["cfg"]["money_nouns"]),
        money_min=_num(u["cfg"]["money_min"]),
        slash=str(cfg["shares"]["slash"]),
        max_denominator=int(cfg["shares"]["max_denominator"]),
    )


def _unit_forms(words: dict, sfx_cfg: dict, hyphen_only: frozenset = frozenset()) -> dict[str, _UnitForm]:
    """Every unit word form -> its reading: one look-up per token at run time."""
    unit_forms: dict[str, _UnitForm] = {}
    for unit, unit_stems in words.items():
        for stem in unit_stems:
            unit_forms.setdefault(stem, _UnitForm(unit, stem, "", ""))
            if stem in hyphen_only:
                continue  # suffixes only after a hyphen, see units._unit_form
            for g, items in sfx_cfg.items():
                if g in ("ordinal", "collective", "vague"):
                    continue
                for s in items:
                    unit_forms.setdefault(stem + s, _UnitForm(unit, stem, s, g))
    # plural+case forms of year/month words ("жылдары", "айлары") are not spans: not added.
    return unit_forms


def _entry_tokens(entry: str) -> tuple[str, ...]:
    """A multi-word unit as the token lows the tokenizer gives for it ("п.т." -> п . т .)."""
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(entry))


def _multi_units(multi: dict) -> list[tuple[str, tuple[str, ...]]]:
    """(unit, token lows) of every multi-word unit, longest first so the longest one matches."""
    out = [(unit, _entry_tokens(e)) for unit, entries in multi.items() for e in entries]
    out.sort(key=lambda x: -len(x[1]))
    return out


def _is_year_word(low: str) -> bool:
    """``жыл`` in any form or its abbreviation (``ж``, ``жж``) after a year."""
    return low.startswith("жыл") or low in ("ж", "жж")


def _category(low: str, lex: _Lex) -> str:
    """The number-word category of a word form; '' when it is not a number word."""
    f = lex.forms.get(low)
    return f.category if f is not None else ""


def _stem_match(low: str, stems: tuple, lex: _Lex) -> bool:
    """``low`` is one of ``stems`` followed by nothing or a known suffix."""
    for st in stems:
        if low.startswith(st):
            rest = low[len(st):]
            if not rest or rest in lex.suffix_group:
                return True
    return False


@cache
def _number_word_re() -> regex.Pattern:
    """Any number-word stem: text with neither a digit nor one of these has no quantity."""
    stems = set()
    cfg = load_toml("numbers")
    for cat in ("units", "tens", "hundred", "scales", "half", "collective"):
        stems.update(cfg["words"].get(cat, {}).keys())
    stems.update(cfg["shares"]["half"])
    stems.update(["жарты"])
    return regex.compile("|".join(sorted((regex.escape(s) for s in stems), key=len, reverse=True)), regex.I)


def _has_number_word(text: str) -> bool:
    return _number_word_re().search(text) is not None
