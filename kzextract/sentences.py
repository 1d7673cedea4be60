"""Stage 2 — sentences: split each body paragraph into sentences with raw offsets.

A full stop ends a sentence unless it closes an initial (``Ш.А. Баймановтың``, ``Л.Гумилев``) or an
abbreviation from ``patterns/sentences.toml`` (``т.б.``, ``ж.``, ``млн``). Quotations «…» and “…” keep
a sentence open, and a missing space after a stop (``жұмыс.Ол``) still splits. Within a paragraph a
line break ends a sentence unless the next line starts in lower case (a wrapped line).
"""

from __future__ import annotations

from functools import cache

import regex

from .document import Document, Sentence
from .resources import load_toml

# A candidate boundary: terminal punctuation, closing quotes/brackets, then what starts a sentence.
_BOUNDARY = regex.compile(
    r"""(?P<end>[.!?…]++[»”"')\]]*+)(?=\s*(?:[\p{Lu}\p{N}«“"(–—-]|$))"""
)
_TOKEN_BEFORE = regex.compile(r"(\S+)$")
_INITIAL = regex.compile(r"(?:^|[\s(«“\"])(?:\p{Lu}\.){1,2}$|^(?:\p{Lu}\.)+\p{Lu}$")
_OPEN = {"«": "»", "“": "”"}


@cache
def _config() -> tuple[frozenset[str], int]:
    cfg = load_toml("sentences")
    return frozenset(a.casefold() for a in cfg["abbreviations"]), int(cfg["max_quote_chars"])


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
    abbreviations, _ = _config()
    if token.casefold() in abbreviations:
        return True
    # _INITIAL spans at most the last five characters, so the window's ``^`` can only match when
    # nothing was cut off (lo == 0): the result is the same as on the whole paragraph.
    return bool(regex.fullmatch(r"(?:\p{Lu}\.){1,3}", token)) or bool(_INITIAL.search(head))


def _quote_depth_at(text: str, max_quote: int) -> list[int]:
    """Positions (sorted) where an unclosed quotation is open; an unclosed « expires after max_quote."""
    open_at: list[tuple[str, int]] = []
    inside: list[int] = []
    for i, ch in enumerate(text):
        if open_at and i - open_at[-1][1] > max_quote:
            open_at.clear()
        if ch in _OPEN:
            open_at.append((_OPEN[ch], i))
        elif open_at and ch == open_at[-1][0]:
            open_at.pop()
        elif ch in "»”":
            continue
        if open_at and ch in ".!?…":
            inside.append(i)
    return inside


def split_text(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, whitespace trimmed."""
    _, max_quote = _config()
    quoted = set(_quote_depth_at(text, max_quote))
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        dot = m.start("end")
        if dot in quoted:
            continue
        if text[dot] == "." and _is_false_stop(text, dot):
            continue
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
    return spans


def split_sentences(doc: Document) -> Document:
    """Fill ``doc.sentences`` from ``doc.blocks``; lines without a letter or digit are skipped."""
    sentences = []
    for b_start, b_end in doc.blocks:
        block = doc.raw[b_start:b_end]
        for s, e in split_text(block):
            text = block[s:e]
            if any(ch.isalnum() for ch in text):
                sentences.append(Sentence(b_start + s, b_start + e, text))
    doc.sentences = sentences
    return doc
