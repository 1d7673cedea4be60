"""Stage 2 — sentences: split each body paragraph into sentences with raw offsets.

A full stop ends a sentence unless it closes an initial (``Ш.А. Баймановтың``, ``Л.Гумилев``) or an
abbreviation from ``patterns/sentences.toml`` (``т.б.``, ``ж.``, ``млн``). Quoted speech is split like
any text, but a stop before a closing quote and a lower-case word (``ауылға!" мемлекеттік``) is not a
boundary; a missing space after a stop (``жұмыс.Ол``) still splits, unless inside a Latin name
(``BAQ.KZ``), and the stops inside a numeric date (``29.09.2021``) never split. Within a paragraph a
line break ends a sentence unless the next line starts in lower case (a wrapped line).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

import regex

from .document import Document, Sentence
from .resources import load_toml

# A candidate boundary: terminal punctuation, closing quotes/brackets, then what starts a sentence.
_BOUNDARY = regex.compile(
    r"""(?P<end>[.!?…]++[»”"')\]]*+)(?=\s*(?:[\p{Lu}«“"(–—-]|$)|\s+\p{N})"""  # 18.6 ц/га is one number
)
_TOKEN_BEFORE = regex.compile(r"(\S+)$")
_INITIAL = regex.compile(r"(?:^|[\s(«“\"])(?:\p{Lu}\.){1,2}$|^(?:\p{Lu}\.)+\p{Lu}$")
_LATIN_STOP = regex.compile(r"[A-Za-z]\.[A-Za-z]")
_ATTRIBUTION = regex.compile(r"\s*[–—-]\s*\p{Ll}")  # a dash and a lower-case word after the stop


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in load_toml("sentences")["abbreviations"])


@cache
def _numeric_date() -> regex.Pattern:
    """``numeric_date`` of patterns/dates.toml, not inside a longer run of digits and stops."""
    return regex.compile(rf"(?<![\p{{N}}.]){load_toml('dates')['numeric_date']}(?!\p{{N}})")


# How far back from a full stop to look for the token it ends: longer than any abbreviation or
# initial, and a constant, so a paragraph of 50,000 ``А.`` stays linear (it was quadratic).
_LOOKBACK = 64


def _is_false_stop(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` closes an initial or an abbreviation."""
    lo = max(0, dot + 1 - _LOOKBACK)
    head = text[lo : dot + 1]
    m = _TOKEN_BEFORE.search(head)
    if not m:
        return False
    token = m.group(1).lstrip("«“\"(")
    if token.casefold() in _abbreviations():
        return True
    # _INITIAL spans at most the last five characters, so the window's ``^`` can only match when
    # nothing was cut off (lo == 0): the result is the same as on the whole paragraph.
    return bool(regex.fullmatch(r"(?:\p{Lu}\.){1,3}", token)) or bool(_INITIAL.search(head))


def split_text(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, whitespace trimmed."""
    cuts: list[int] = []
    dates = [(m.start(), m.end()) for m in _numeric_date().finditer(text)] if "." in text else []
    date_starts = [s for s, _ in dates]
    for m in _BOUNDARY.finditer(text):
        dot = m.start("end")
        if dates and (i := bisect_right(date_starts, dot) - 1) >= 0 and dot < dates[i][1]:
            continue  # 29.09.2021: a date's own stops
        if _LATIN_STOP.match(text, dot - 1):
            continue  # BAQ.KZ, zakon.kz: a stop inside a Latin name
        if text[dot] == "." and _is_false_stop(text, dot):
            continue
        if text[dot] == "." and _is_list_number(text, dot):
            continue  # "бөлісті: 1. Amanat …": a list number, not the end of a sentence
        if _ATTRIBUTION.match(text, m.end("end")):
            continue  # «Біз келеміз!» – деді ол: the speech and who said it are one sentence
        cuts.append(m.end("end"))
    for m in regex.finditer(r"\n", text):
        nxt = text[m.end() : m.end() + 1]
        if nxt and not nxt.islower():
            cuts.append(m.start())
    spans, start = [], 0
    for cut in sorted(set(cuts)) + [len(text)]:
        seg = text[start:cut]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append((start + lead, start + len(seg.rstrip())))
        start = cut
    return _join_heads(text, spans)


def _join_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A list number (``1.``) or a dateline word (``АСТАНА.``) opens the sentence after it."""
    out: list[tuple[int, int]] = []
    pending = None
    for s, e in spans:
        if pending is not None:
            s, pending = pending, None
        if _HEAD.fullmatch(text[s:e]) and (s, e) != spans[-1]:
            pending = s
            continue
        out.append((s, e))
    return out


_HEAD = regex.compile(r"\d{1,2}[.)]|\p{Lu}{2,}[.,]")
_LIST_AFTER_COLON = regex.compile(r"[:;]\s*\d{1,2}\.$")
_LIST_ALONE = regex.compile(r"\s*\d{1,2}\.")


def _is_list_number(text: str, dot: int) -> bool:
    """The stop at ``dot`` closes a list number after ``:``/``;`` or at the paragraph's start
    (looks back a few characters only, so a long paragraph stays linear)."""
    start = max(0, dot - 8)
    head = text[start : dot + 1]
    return _LIST_AFTER_COLON.search(head) is not None or (start == 0 and _LIST_ALONE.fullmatch(head) is not None)


def split_sentences(doc: Document) -> Document:
    """Fill ``doc.sentences`` from ``doc.blocks``; lines without a letter or digit are skipped, and
    so is the stub an archive's cut leaves at the very end (``Бұл мә``): a final fragment with no
    closing punctuation and fewer than three words before its possibly cut last word."""
    sentences = []
    for b_start, b_end in doc.blocks:
        block = doc.raw[b_start:b_end]
        for s, e in split_text(block):
            text = block[s:e]
            if any(ch.isalnum() for ch in text) and not _HEAD.fullmatch(text):  # a lone "1." line
                sentences.append(Sentence(b_start + s, b_start + e, text))
    if sentences and _is_cut_stub(sentences[-1].text):
        sentences.pop()
    doc.sentences = sentences
    return doc


def _is_cut_stub(text: str) -> bool:
    return not text.rstrip().endswith(_CLOSERS) and len(text.split()) - 1 < 3


_CLOSERS = tuple(".!?…:;»”\")")
