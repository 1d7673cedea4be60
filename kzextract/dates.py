"""Stage — dates: every absolute calendar date, month, quarter or year the body states.

Each mention becomes a :class:`~kzextract.document.DateMention` with ``date_from``/``date_to`` as ISO
strings (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), ``None`` where the period is open:

- ``29.09.2021`` → 2021-09-29 … 2021-09-29; ``2023 жылғы 15 наурызда`` → 2023-03-15;
  ``2024 жылдың қазан айында`` → 2024-10; ``2020 жылы`` → 2020; ``2021-2025 жылдары`` → 2021 … 2025;
- a quarter ``2023 жылдың І тоқсанында`` → 2023-01 … 2023-03 (a half-year likewise);
- cue words after a date open one side: ``2025 жылға дейін`` / ``2017 жылға қарай`` → null … 2025,
  ``2014 жылдан бері`` / ``бастап`` → 2014 … null; a date in the ablative without a cue
  (``2021 жылдың 12 желтоқсанынан``) opens its end too, unless a date with an ``until`` cue follows,
  which makes one range (``2021 жылдан 2025 жылға дейін`` → 2021 … 2025);
- a day or month without a year (``4 қыркүйекте``, ``наурыз айында``) takes the year of the
  article's printed date; without one (or after ``өткен жылғы`` …) it is skipped.

Relative dates (``биыл``, ``кеше``), clock times and durations are not dates. All words (month
names, cue words, endings) are data in ``patterns/dates.toml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from .document import DateMention, Document
from .numbers import number_value
from .resources import load_toml

_F = regex.IGNORECASE


# How far before a date to look for a relative-year phrase or a dateline: a constant, so a huge
# sentence full of dates stays linear.
_WINDOW = 64


def _alt(words) -> str:
    """An alternation of literal words, longest first; spaces match any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in parts)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    patterns: tuple  # (kind, compiled regex, the regex a text must contain for it to match)
    months: dict
    day_words: dict
    quarters: dict
    until: frozenset
    since: frozenset
    after: frozenset
    before: frozenset
    ablative: tuple
    relative: regex.Pattern
    dateline_before: regex.Pattern
    dateline_after: regex.Pattern
    cue: regex.Pattern
    year_min: int
    year_max: int


@cache
def _lexicon() -> _Lexicon:
    cfg = load_toml("dates")
    fm = cfg["forms"]
    months = {k.casefold(): int(v) for k, v in cfg["months"].items()}
    day_words = {" ".join(k.casefold().split()): int(v) for k, v in cfg["day_words"].items()}
    quarters = {k.casefold(): int(v) for k, v in cfg["quarter_ordinals"].items()}
    nl = r"(?!\p{L})"
    words = load_toml("numbers")["words"]
    stems = [w for cat in ("units", "tens", "hundred") for w in words[cat]] + [w for w, v in words["scales"].items() if v == 1000]
    # A year in digits or in words (екі мың он жетінші жылы): bare number words, the last one in
    # any form (its value decides, see number_value).
    wbare = rf"(?:{_alt(stems)}){nl}"
    wlast = rf"(?:{_alt(stems)})\p{{L}}*"
    year = (rf"(?:(?<![\p{{N}}.,/])(?P<y>\d{{4}})(?![\p{{N}}])"
            rf"|(?<!\p{{L}})(?P<wy>(?:{wbare}\s+){{0,{int(fm['max_year_words']) - 1}}}{wlast}))")
    ysep = rf"(?:-?{fm['year_ordinal']}{nl})?(?:\s+|\s*-\s*)"
    abbrev = "|".join(fm["year_abbrev"])
    yw = rf"(?:жыл(?P<ysuf>{fm['year_suffix']}){nl}|(?:{abbrev}))"
    mon = rf"(?<!\p{{L}})(?P<mon>{_alt(months)})(?P<msuf>{fm['month_suffix']}){nl}"
    mword = rf"(?:\s+(?P<aw>{fm['month_word']}){nl})"
    mrange = (rf"(?<!\p{{L}})(?P<mon>{_alt(months)})\s*[-–—]\s*(?P<mon2>{_alt(months)})(?P<msuf>{fm['month_suffix']}){nl}"
              rf"(?:\s+(?:{fm['months_word']}|{fm['month_word']}){nl})?")
    dnum = r"(?<![\p{N}.,:])\d{1,2}(?![\p{N}.,:]\d)"
    day = rf"(?P<d>{dnum}|(?<!\p{{L}})(?:{_alt(day_words)}){nl})(?:\s*[-–—]\s*(?P<d2>\d{{1,2}})(?!\p{{N}}))?"
    def qone(g: str) -> str:
        return rf"(?<![\p{{L}}\p{{N}}])(?P<{g}>{_alt(quarters)})(?:\s*-?\s*(?:ші|шы|інші|ыншы|нші|ншы){nl})?"

    qord = rf"{qone('q')}(?:\s*[-–—]\s*{qone('q2')})?"  # ІІІ-ІV тоқсандарында
    ypart = rf"(?:\s+(?P<part>(?:{_alt(fm['year_parts'])}){fm['year_part_suffix']}){nl})?"
    ynoun = rf"(?:\s+(?:{_alt(fm['year_range_noun'])}))?"
    gen = fm["month_genitive_suffix"]
    pats = {
        "numeric": rf"(?<![\p{{N}}.,/]){cfg['numeric_date']}(?![\p{{N}}])(?:\s*{yw})?",
        "iso": r"(?<![\p{N}.,/-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\p{N}])",
        "ymd": rf"{year}{ysep}{yw}\s+{day}(?:\s+|\s*-\s*){mon}{mword}?",
        "dmy": rf"{day}(?:\s+|\s*-\s*)(?<!\p{{L}})(?P<mon>{_alt(months)}){nl}\s+{year}(?:{ysep}{yw})?",
        "ym": rf"{year}{ysep}{yw}\s+{mon}{mword}?",
        "yq": rf"{year}{ysep}{yw}\s+{qord}\s*-?\s*(?P<qw>{fm['quarter_word']})",
        "yh": rf"{year}{ysep}{yw}\s+{qord}\s*-?\s*(?P<hw>{fm['half_word']})",
        "yy": rf"(?<![\p{{N}}.,/])(?P<y>\d{{4}})\s*[-–—]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\p{{N}}]){ynoun}{ysep}{yw}",
        "y": rf"{year}{ysep}{yw}{ypart}",
        "dm": rf"{day}(?:\s+|\s*-\s*){mon}",
        "mgd": rf"(?:{year}{ysep}{yw}\s+)?(?<!\p{{L}})(?P<mon>{_alt(months)})(?:{gen}|\s+{fm['month_word_genitive']})\s+{day}{fm['day_suffix']}{nl}",
        "m": rf"{mon}{mword}",
        "ysame": rf"{year}{ysep}{yw}\s+(?:{_alt(fm['same_period'])})\s+{fm['same_period_word']}",
        "ymm": rf"{year}{ysep}{yw}\s+{mrange}",
        "yhm": rf"(?<![\p{{N}}.,/])(?P<y>\d{{4}})-{fm['year_hyphen_genitive']}{nl}\s+{mon}{mword}?",
        "yhs": rf"(?<![\p{{N}}.,/])(?P<y>\d{{4}})-{fm['year_hyphen_ablative']}{nl}(?=\s+(?:{_alt(cfg['cues']['since'])}){nl})",
        "mm": mrange,
    }
    # Each pattern needs a digit, a year word or a month name: one search per sentence for each
    # rules out most patterns of most sentences before their longer regexes run.
    needs = {"digit": r"\d", "year": rf"(?<!\p{{L}})жыл|{abbrev}", "month": rf"(?<!\p{{L}})(?:{_alt(months)})"}
    need = {"numeric": "digit", "iso": "digit", "yhs": "digit",
            "dmy": "month", "dm": "month", "mgd": "month", "m": "month", "mm": "month", "yhm": "month"}
    cues = cfg["cues"]
    rel = _alt(cues["relative_year"])
    return _Lexicon(
        patterns=tuple((k, regex.compile(v, _F), regex.compile(needs[need.get(k, "year")], _F)) for k, v in pats.items()),
        months=months, day_words=day_words, quarters=quarters,
        until=frozenset(w.casefold() for w in cues["until"]),
        since=frozenset(w.casefold() for w in cues["since"]),
        after=frozenset(w.casefold() for w in cues["after"]),
        before=frozenset(w.casefold() for w in cues["before"]),
        ablative=tuple(cfg["case"]["ablative"]),
        relative=regex.compile(rf"(?<!\p{{L}})(?:{rel})\s+$", _F),
        dateline_before=regex.compile(fm["dateline_before"]),
        dateline_after=regex.compile(fm["dateline_after"]),
        cue=regex.compile(r"\s+(?P<w>\p{L}[\p{L}-]*)"),
        year_min=int(cfg["year_min"]), year_max=int(cfg["year_max"]),
    )


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    lo: tuple | None  # (y, m, d) with y None where the year comes from the article
    hi: tuple | None
    explicit: bool  # the year is written
    ablative: bool = False
    until: bool = False
    same_period: bool = False  # 2021 жылдың сәйкес кезеңімен: the months of the date before it


def _day(lex: _Lexicon, raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = " ".join(raw.casefold().split())
    return int(raw) if raw.isdigit() else lex.day_words.get(raw)


def _candidate(lex: _Lexicon, kind: str, m: regex.Match) -> _Cand | None:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if g.get("wy"):  # екі мың он жетінші жылы
        v = number_value(g["wy"])
        if v is None or v != v.to_integral_value():
            return None
        y = int(v)
    if y is not None and not lex.year_min <= y <= lex.year_max:
        return None
    if kind == "y" and g.get("part") and (g.get("ysuf") or "").casefold() != "дың":
        end = m.start("part")
        end = len(m.string[:end].rstrip())
    else:
        end = m.end()
    mon = lex.months.get(g["mon"].casefold()) if g.get("mon") else None
    if kind in ("numeric", "iso"):
        mon = int(g["m"])
    if kind in ("numeric", "iso", "ymd", "dmy", "dm", "mgd"):
        d, d2 = _day(lex, g["d"]), _day(lex, g.get("d2"))
        if d is None or not 1 <= d <= 31 or (d2 is not None and not d < d2 <= 31):
            return None
        lo, hi = (y, mon, d), (y, mon, d2 or d)
    elif kind in ("ym", "yhm", "m", "ysame"):
        lo = hi = (y, mon, None)
    elif kind in ("ymm", "mm"):
        mon2 = lex.months[g["mon2"].casefold()]
        if not mon < mon2:
            return None
        lo, hi = (y, mon, None), (y, mon2, None)
    elif kind in ("yq", "yh"):
        size = 3 if kind == "yq" else 6
        q = lex.quarters.get(g["q"].casefold())
        q2 = lex.quarters.get(g["q2"].casefold()) if g.get("q2") else q
        if q is None or q2 is None or not 1 <= q <= q2 <= 12 // size:
            return None
        lo, hi = (y, size * q - size + 1, None), (y, size * q2, None)
    elif kind == "yy":
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else y // 100 * 100 + int(g["y2"])  # 2021-25 жылдары
        if not y < y2 <= lex.year_max:
            return None
        lo, hi = (y, None, None), (y2, None, None)
    else:  # y
        lo = hi = (y, None, None)
    if mon is not None and not 1 <= mon <= 12:
        return None
    last = regex.search(r"\p{L}+$", m.string[m.start():end])
    abl = bool(last) and last.group().casefold().endswith(lex.ablative)
    return _Cand(m.start(), end, lo, hi, y is not None, ablative=abl, same_period=kind == "ysame")


def _iso(p: tuple | None) -> str | None:
    if p is None:
        return None
    y, m, d = p
    if d is not None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if m is not None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _valid(p: tuple | None) -> bool:
    if p is None or p[2] is None:
        return True
    try:
        dt.date(*p)
    except ValueError:
        return False
    return True


def _with_year(p: tuple | None, year: int | None) -> tuple | None:
    if p is None or p[0] is not None:
        return p
    return None if year is None else (year, *p[1:])


@dataclass(slots=True)
class _Context:
    """What one sentence passes to the next: the months (and days) of the last date with a month,
    which ``2021 жылдың сәйкес кезеңімен`` in a later sentence refers to."""

    period: tuple | None = None  # ((month, day), (month, day)) of the date's two ends


def find_dates(text: str, year: int | None, context: _Context | None = None) -> list[DateMention]:
    """The absolute dates in ``text``; ``year`` (the article's printed year) completes dates without
    one; ``context`` carries the last period from sentence to sentence (see :class:`_Context`)."""
    lex = _lexicon()
    context = context or _Context()
    found: list[_Cand] = []
    present: dict[regex.Pattern, bool] = {}
    for kind, pat, needed in lex.patterns:
        if not present.setdefault(needed, needed.search(text) is not None):
            continue
        for m in pat.finditer(text):
            c = _candidate(lex, kind, m)
            if c is not None:
                found.append(c)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for c in found:
        if not chosen or c.start >= chosen[-1].end:
            chosen.append(c)
    # 2015 жылғы тиісті аймен, 2021 жылдың сәйкес кезеңімен: the months of the last date before it
    # with a month, in this sentence or an earlier one (else the year alone).
    for c in chosen:
        if c.same_period and context.period is not None:
            (m1, d1), (m2, d2) = context.period
            c.lo, c.hi = (c.lo[0], m1, d1), (c.hi[0], m2, d2)
        elif c.lo is not None and c.hi is not None and c.lo[1] is not None and c.hi[1] is not None:
            context.period = (c.lo[1:], c.hi[1:])
    # Cue words right after a date.
    for c in chosen:
        cm = lex.cue.match(text, c.end)
        w = cm.group("w").casefold() if cm else ""
        if w in lex.until:
            c.lo, c.until, c.end = None, True, cm.end()
        elif w in lex.since:
            c.hi, c.end, c.ablative = None, cm.end(), True
        elif c.ablative and w in lex.after:
            c.hi, c.end, c.ablative = None, cm.end(), False
        elif c.ablative and w in lex.before:
            c.hi, c.lo, c.end, c.ablative = c.lo, None, cm.end(), False
        elif c.ablative:
            c.hi = None
    # A start date followed by an end date: one range.
    merged: list[_Cand] = []
    for c in chosen:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.ablative and prev.hi is None and c.until and c.hi is not None
                and not text[prev.end:c.start].strip()):
            lo, hi = prev.lo, c.hi
            if hi[0] is None and lo[0] is not None:
                hi = (lo[0], *hi[1:])  # 2023 жылғы 15 наурыздан 20 наурызға дейін
            if lo[0] is None and hi[0] is not None:
                lo = (hi[0], *lo[1:])
            merged[-1] = _Cand(prev.start, c.end, lo, hi, lo[0] is not None)
            continue
        merged.append(c)
    out = []
    for c in merged:
        if not c.explicit and lex.relative.search(text, max(0, c.start - _WINDOW), c.start):
            continue  # өткен жылғы наурызда: not the article's year
        if (not c.explicit and c.start < _WINDOW and lex.dateline_before.search(text[:c.start])
                and lex.dateline_after.match(text, c.end)):
            continue  # АСТАНА, 11 қыркүйек - Sputnik.
        lo, hi = _with_year(c.lo, year), _with_year(c.hi, year)
        if (c.lo is not None and lo is None) or (c.hi is not None and hi is None):
            continue  # no year to complete it
        if (lo is None and hi is None) or not (_valid(lo) and _valid(hi)):
            continue
        out.append(DateMention(c.start, c.end, text[c.start:c.end], _iso(lo), _iso(hi)))
    return out


def date_stage(doc: Document) -> Document:
    """Fill ``doc.dates`` sentence by sentence (offsets into ``doc.raw``)."""
    year = None
    if doc.date:
        try:
            year = dt.date.fromisoformat(doc.date).year
        except ValueError:
            year = None
    context = _Context()
    doc.dates = doc.in_sentences(lambda text: find_dates(text, year, context))
    return doc
