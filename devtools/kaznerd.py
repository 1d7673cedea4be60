"""KazNERD (CC BY 4.0) as the model, the numbers stage and the comparisons read it.

IOB2 files of ``token TAG`` lines with a blank line between sentences. Sentences are detokenised the
way news text is written (no space before ``.`` or ``»``), so character spans can be compared with
what the pipeline finds in running text.
"""

from __future__ import annotations

from pathlib import Path

from .paths import SHARED_DIR

Sentence = list[tuple[str, str]]  # (token, IOB2 tag)

# No space before these tokens / after these tokens when detokenising.
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "»", "”", "%", "…"}
_NO_SPACE_AFTER = {"(", "[", "«", "“"}


def kaznerd_dir() -> Path:
    return SHARED_DIR / "data" / "kaznerd"


def read_iob(path: Path) -> list[Sentence]:
    """Sentences as lists of (token, tag); a line with no tag counts as ``O``."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            word, _, tag = line.rpartition(" ")
            cur.append((word, tag) if word else (tag, "O"))
    if cur:
        sents.append(cur)
    return sents


def detok_spaces(words: list[str]) -> list[bool]:
    """Guess ``Doc.spaces`` for a KazNERD sentence, like the news text it came from."""
    spaces = []
    quote_open = False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == '"':
            quote_open = not quote_open
        if nxt is None:
            spaces.append(False)
        elif w in _NO_SPACE_AFTER or (w == '"' and quote_open):
            spaces.append(False)
        elif nxt in _NO_SPACE_BEFORE or (nxt == '"' and quote_open):
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


def detok(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Sentence text and each token's character offsets."""
    out, offs, pos = [], [], 0
    for w, sp in zip(words, detok_spaces(words)):
        offs.append((pos, pos + len(w)))
        out.append(w + (" " if sp else ""))
        pos += len(w) + (1 if sp else 0)
    return "".join(out), offs


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from IOB2 tags (a stray I- starts a new entity)."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def spans_from_iob(sent: Sentence) -> tuple[str, list[tuple[int, int, str]]]:
    """Detokenised text and its entities as character spans."""
    text, offs = detok([w for w, _ in sent])
    return text, [(offs[s][0], offs[e - 1][1], lab) for s, e, lab in iob_spans([t for _, t in sent])]
