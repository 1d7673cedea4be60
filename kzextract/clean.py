"""Stage 1 — clean: split a scraped page into title, body paragraphs and metadata.

A news page as scraped is a header (site name, rubric, breadcrumbs, title, byline, photo credit),
the article, and a tail (author and date, related-news lists, reaction widgets, clock times). The
article is the run of prose between them. Cues are data (``patterns/boilerplate.toml``); this module
only reads lines and keeps raw offsets, so every later span can be located in the raw file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from .document import Document
from .resources import load_toml

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_NAME_LINE = regex.compile(r"(?:\p{Lu}[\p{Ll}\p{Lu}.]*[-\s]*){1,3}")
_TERMINAL = tuple(".!?…:;»”\")")
_DATE_LINE = regex.compile(r"[\d\s.,:/|-]+")  # digits and separators only
_SIGNATURE = regex.compile(r"(?<!\p{L})\p{Lu}\.|\p{Lu}{3,}")
_PROSE_END = tuple(".!…:;»”\")")  # a short line ending in "?" is more often a headline


@cache
def _date() -> regex.Pattern:
    """A printed date of 19xx or 20xx: ``numeric_date`` of patterns/dates.toml (groups 1-3: day,
    month, year) or ``YYYY-MM-DD`` (groups 4-6: year, month, day)."""
    dmy = load_toml("dates")["numeric_date"]
    return regex.compile(rf"(?<!\d){dmy}(?<=(?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d{{2}})-(\d{{2}})-(\d{{2}})(?!\d)")


@cache
def _months() -> dict[str, int]:
    return {k.casefold(): int(v) for k, v in load_toml("dates")["months"].items()}


@cache
def _text_date() -> regex.Pattern:
    """A printed date with the month in words: ``15 наурыз 2024``, ``3 қазан, 2023 ж.``
    (groups: day, month stem, year)."""
    months = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    return regex.compile(rf"(?<!\d)(\d{{1,2}})\s+({months})\p{{L}}*,?\s+((?:19|20)\d\d)(?:\s*ж\.?)?(?!\d)", regex.I)


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def n_words(self) -> int:
        return len(_WORD.findall(self.text))


@cache
def _cues() -> dict:
    """Compile the boilerplate cues once per process."""
    cfg = load_toml("boilerplate")
    casefold = lambda items: {s.casefold() for s in items}  # noqa: E731
    return {
        "tail": tuple(s.casefold() for s in cfg["tail_markers"]),
        "read_also": tuple(s.casefold() for s in cfg["read_also_markers"]),
        "junk": casefold(cfg["junk_lines"]),
        "junk_re": [regex.compile(p) for p in cfg["junk_regexes"]],
        "photo_re": [regex.compile(p) for p in cfg["photo_regexes"]],
        "rubrics": casefold(cfg["rubrics"]),
        "site": tuple(s.casefold() for s in cfg["site_words"]),
        "source_re": [regex.compile(p) for p in cfg["source_regexes"]],
        "dateline_re": [regex.compile(p) for p in cfg["dateline_regexes"]],
        "label_re": regex.compile(r"(?i)(?:%s)\s*:\s*" % "|".join(regex.escape(w) for w in cfg["byline_labels"])),
    }


def split_lines(raw: str) -> list[Line]:
    """Non-empty lines with the raw offsets of their stripped text."""
    lines, pos = [], 0
    for chunk in raw.split("\n"):
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
        pos += len(chunk) + 1
    return lines


def is_junk(line: Line) -> bool:
    """Widget words, clock times, counters, punctuation, credit-only lines: never part of an article."""
    cues = _cues()
    folded = line.text.casefold()
    return (
        folded in cues["junk"]
        or any(r.fullmatch(line.text) for r in cues["junk_re"])
        or (is_photo_credit(line) and _credit_cut(line) is None)
    )


def is_photo_credit(line: Line) -> bool:
    """``Фото: …`` lines and captions that end in a credit (``… Сурет: … баспасөз қызметі``)."""
    return any(r.search(line.text) for r in _cues()["photo_re"])


def is_prose(line: Line) -> bool:
    """A sentence of the article rather than a heading, a name or a menu item."""
    n = line.n_words
    return n >= 12 or (n >= 5 and line.text.endswith(_PROSE_END))


def is_byline(line: Line) -> bool:
    """An author's name (``Гүлмира АЙМАҒАНБЕТ``, ``Автор: Дана Әлімова``) or a date line, as
    printed around articles."""
    name = _unlabelled(line)
    return bool(_date().fullmatch(line.text)) or is_date_line(line) or (
        name.n_words <= 3 and bool(_NAME_LINE.fullmatch(name.text)) and not name.text.endswith(_TERMINAL)
    )


def _unlabelled(line: Line) -> Line:
    """The line without a label printed before a byline or date (``Автор:``, ``Жарияланды:``)."""
    m = _cues()["label_re"].match(line.text)
    return Line(line.start + m.end(), line.end, line.text[m.end():]) if m else line


def is_signature(line: Line) -> bool:
    """A reporter's signature between items (``Ә.ҚАСЫМ``, ``Арай ТӨЛЕГЕНҚЫЗЫ``): a name line with an
    initial or a surname in capitals. A subheading is written in ordinary case and stays."""
    return is_byline(line) and not _date().fullmatch(line.text) and bool(_SIGNATURE.search(line.text))


def is_author(line: Line) -> bool:
    """A byline that names a person (two or three words), not a date or a one-word outlet."""
    name = _unlabelled(line)
    return 2 <= name.n_words <= 3 and not _date().search(line.text) and not is_date_line(line) and is_byline(line)


def is_date_line(line: Line) -> bool:
    """A printed publication date, alone or with a clock time or a counter (``19.05.2020, 09:35``,
    ``15.09.2025 19:00``), not a sentence that mentions a date."""
    text = _unlabelled(line).text
    if _date().search(text):
        return _DATE_LINE.fullmatch(text) is not None
    m = _text_date().search(text)  # 15 наурыз 2024, 09:40
    return m is not None and _DATE_LINE.fullmatch(text[: m.start()] + text[m.end() :] or " ") is not None


def parse_date(text: str) -> str | None:
    """ISO date from ``29.09.2021`` or ``2021-09-29`` (None when it is no valid date)."""
    m = _date().search(text)
    if m:
        d, mth, y = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    elif t := _text_date().search(text):
        d, mth, y = t[1], _months()[t[2].casefold()], t[3]
    else:
        return None
    try:
        return dt.date(int(y), int(mth), int(d)).isoformat()
    except ValueError:
        return None


def _tail_start(lines: list[Line], junk: list[bool]) -> int:
    """Index of the first line of the related-news / widget tail (len(lines) if none).

    A marker ends the article only after some of its prose: a share button (``Бөлісу:``) or a
    tag list printed above the text is page furniture, not the end of the article. A "read also"
    link with prose after it is inside the text: it and its headline become junk (``junk`` is
    updated in place) and the article goes on.
    """
    cues = _cues()
    prose = [is_prose(ln) and not j for ln, j in zip(lines, junk)]
    later = [False] * (len(lines) + 1)  # some prose after line i
    for i in range(len(lines) - 1, -1, -1):
        later[i] = later[i + 1] or prose[i]
    seen_prose = False
    for i, line in enumerate(lines):
        folded = line.text.casefold()
        if folded.startswith(cues["read_also"]) and later[i + 1]:
            junk[i] = True
            marker = next(m for m in cues["read_also"] if folded.startswith(m))
            bare = not folded[len(marker):].strip(" :.-–—")
            if bare and i + 1 < len(lines) and not prose[i + 1]:
                junk[i + 1] = True  # the linked headline on its own line
            continue
        if seen_prose and folded.startswith(cues["tail"] + cues["read_also"]):
            return i
        seen_prose = seen_prose or prose[i]
    return len(lines)


def _credit_cut(line: Line) -> Line | None:
    """A paragraph of prose with a photo credit inside it keeps its text before the credit
    (``… тапсырды. Фото: Ақорда``); a line that is only a credit or caption is dropped (None)."""
    m = next((m for r in _cues()["photo_re"] if (m := r.search(line.text))), None)
    if m is None:
        return line
    kept = line.text[: m.start()].rstrip()
    if len(_WORD.findall(kept)) < 5:
        return None
    return Line(line.start, line.start + len(kept), kept)


def _first_copies(body: list[Line]) -> list[Line]:
    """Each paragraph once: pages that print the article twice (a repeat after the byline) give
    the later copy to the furniture."""
    seen: set[str] = set()
    out = []
    for ln in body:
        if ln.n_words >= 5 and ln.text in seen:
            continue
        seen.add(ln.text)
        out.append(ln)
    return out


def _is_long_headline(lines: list[Line], i: int) -> bool:
    """The page's first line, long but without a full stop, printed again just below in pieces:
    a headline, not the lead."""
    if i != 0 or lines[0].text.endswith(_PROSE_END):
        return False
    head = lines[0].text.casefold()
    return any(ln.n_words >= 2 and ln.text.casefold() in head for ln in lines[1:4])


def _repeats_title(line: Line, title: str | None) -> bool:
    """A repeated headline (alone, or with a site name after it), not a lead sentence that happens
    to open with the headline's words."""
    if not title:
        return False
    folded, t = line.text.casefold(), title.casefold()
    rest = line.text[len(title):]
    if not line.text.endswith(_PROSE_END) and folded in t:
        return True  # a headline broken over several lines, printed again
    return folded == t or (folded.startswith(t) and len(regex.findall(r"\p{L}+", rest)) <= 3)


def _is_header_noise(line: Line) -> bool:
    cues = _cues()
    folded = line.text.casefold()
    return folded in cues["rubrics"] or any(w in folded for w in cues["site"]) or is_junk(line)


def clean(doc: Document) -> Document:
    """Fill ``title``, ``source``, ``date``, ``author`` and ``blocks`` (body paragraphs as raw spans)."""
    lines = split_lines(doc.raw)
    junk = [is_junk(ln) for ln in lines]  # decided once per line
    tail = _tail_start(lines, junk)
    lines, junk = lines[:tail], junk[:tail]
    first_prose = next((i for i, ln in enumerate(lines) if is_prose(ln) and not junk[i]
                        and not _is_long_headline(lines, i)), None)
    if first_prose is None:  # no line long enough for prose: a short text's first full sentence
        first_prose = next((i for i, ln in enumerate(lines) if not junk[i] and ln.n_words >= 2
                            and ln.text.endswith(_PROSE_END)), len(lines))

    title = None
    for line in lines[:first_prose]:
        if not _is_header_noise(line) and not is_byline(line) and line.n_words >= 2:
            title = line.text
            break
    doc.title = title

    doc.date = next((d for ln in lines if is_date_line(ln) and (d := parse_date(ln.text))), None)
    cut = [_credit_cut(ln) for ln, is_j in zip(lines[first_prose:], junk[first_prose:]) if not is_j]
    body = [ln for ln in cut if ln is not None and not _repeats_title(ln, title)]
    bylines = [ln for ln in lines[:first_prose] if ln.text != title and is_byline(ln)]
    while body and (is_byline(body[-1]) or not any(ch.isalpha() for ch in body[-1].text)):
        bylines.append(body.pop())
    doc.author = next((_unlabelled(ln).text for ln in bylines if is_author(ln)), None)
    body = [ln for ln in _first_copies(body) if not is_signature(ln)]

    doc.blocks = _join_wrapped(doc.raw, body)
    doc.source = find_source(doc.body) or find_dateline(doc.raw[: doc.blocks[0][1]] if doc.blocks else "")
    return doc


def _join_wrapped(raw: str, body: list[Line]) -> list[tuple[int, int]]:
    """Paragraph spans; a line that continues in lower case after a plain line break is one paragraph."""
    blocks: list[list[int]] = []
    for line in body:
        if blocks and line.text[:1].islower() and raw[blocks[-1][1] : line.start].count("\n") == 1:
            blocks[-1][1] = line.end
        else:
            blocks.append([line.start, line.end])
    return [(a, b) for a, b in blocks]


def find_dateline(top: str) -> str | None:
    """The agency of a dateline at the top of the article (``АСТАНА. KAZINFORM —`` → ``KAZINFORM``)."""
    for rx in _cues()["dateline_re"]:
        if m := rx.search(top):
            return m["source"]
    return None


def find_source(body: str) -> str | None:
    """The outlet the article credits (``деп хабарлайды Almaty.tv`` → ``Almaty.tv``)."""
    for rx in _cues()["source_re"]:
        m = rx.search(body)
        if m:
            src = m["source"].rstrip(".")
            return regex.sub(r"\s+тілшісі$", "", src)
    return None
