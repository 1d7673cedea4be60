"""The small document object every stage reads and fills.

Like Stanza's ``Document``, every span carries ``start``/``end`` character offsets into the *raw*
article text (after decoding), so a researcher can always go back to the source. The cleaned body
is a list of raw paragraphs (``blocks``); later stages work block by block and never on text that
boilerplate removal stitched together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str  # count, percent, percentage_point, KZT, USD, EUR, RUB, year_span, month_span, day_span, hour_span, share, times, hectare, tonne, km, sq_m, head, mci
    qualifier: str  # exact, approx, more_than, less_than, up_to, vague
    noun: str | None = None
    sent_id: int = -1
    range_id: int | None = None  # both ends of a range (14-28 жас) share it; None otherwise


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date_from: str | None  # ISO YYYY-MM-DD, YYYY-MM or YYYY; None where the period is open
    date_to: str | None
    sent_id: int = -1


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, POSITION, ORGANISATION, PROGRAMME, GPE
    text: str
    norm: str
    origin: str = "rule"  # rule, model, both
    sent_id: int = -1


@dataclass(slots=True)
class Official:
    name: str
    position: str | None
    start: int
    end: int


@dataclass
class Document:
    doc_id: str
    path: str
    raw: str
    sha256: str = ""
    encoding: str = "utf-8"
    language: str = "kk"
    title: str | None = None
    source: str | None = None
    date: str | None = None
    author: str | None = None
    blocks: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The cleaned body: kept paragraphs, one per line."""
        return "\n".join(self.raw[s:e] for s, e in self.blocks)

    def rows(self, table: str) -> list[dict]:
        """The rows this document gives Parquet table ``table`` (same column names)."""
        from .write import document_rows

        return document_rows(self)[table]

    def in_sentences(self, find: Callable[[str], list]) -> list:
        """``find`` run on every sentence's text, its records (with ``start``, ``end``, ``sent_id``)
        moved to raw offsets: the stages that read one sentence at a time share this."""
        found = []
        for sid, sent in enumerate(self.sentences):
            for rec in find(sent.text):
                rec.start += sent.start
                rec.end += sent.start
                rec.sent_id = sid
                found.append(rec)
        return found

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding raw offset ``pos`` (-1 if none)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= pos:
            return lo
        return -1
