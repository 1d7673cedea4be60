"""One sentence's tokens as plain records, read off the spaCy ``Doc`` once.

The grammar looks at every token many times (its neighbours, the chain left of each head); a spaCy
``Token`` is made anew on every ``doc[i]`` and every attribute read crosses into Cython. Reading
the attributes the rules use once per token keeps the grammar's look-arounds cheap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from ..numbers import number_value


@dataclass(slots=True, eq=False)
class Tok:
    i: int
    idx: int  # character offset in the sentence
    text: str
    lower_: str
    is_title: bool
    is_lower: bool
    is_alpha: bool
    is_punct: bool
    like_num: bool
    doc: Sentence

    def __len__(self) -> int:
        return len(self.text)


@dataclass(slots=True, eq=False)
class Mention:
    """A labelled token range ``[start, end)`` of a sentence (what ``filter_spans`` sorts)."""

    doc: Sentence
    start: int
    end: int
    label_: str

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def start_char(self) -> int:
        return self.doc[self.start].idx

    @property
    def end_char(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last.text)


def _like_num(t) -> bool:
    """spaCy's guess, checked for words against the numbers stage's lexicon: ``Біріккен`` and
    ``Жетісу`` start like number words but are none."""
    return t.like_num and (not t.is_alpha or number_value(t.lower_) is not None)


class Sentence(list):
    """The tokens of one sentence ``Doc``: a list of :class:`Tok`, with the sentence's text."""

    __slots__ = ("text", "_starts", "_ends")

    def __init__(self, doc: Doc) -> None:
        super().__init__(
            Tok(t.i, t.idx, t.text, t.lower_, t.is_title, t.is_lower, t.is_alpha, t.is_punct, _like_num(t), self)
            for t in doc
        )
        self.text = doc.text
        self._starts = [t.idx for t in self]
        self._ends = [t.idx + len(t.text) for t in self]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` as written (``doc[start:end].text``)."""
        end = min(end, len(self))
        return self.text[self._starts[start] : self._ends[end - 1]] if start < end else ""

    def mention(self, start: int, end: int, label: str) -> Mention:
        return Mention(self, start, end, label)

    def char_mention(self, start: int, end: int, label: str) -> Mention | None:
        """The tokens that cover characters ``[start, end)`` (spaCy's ``alignment_mode="expand"``)."""
        a = bisect_right(self._ends, start)
        b = bisect_left(self._starts, end)
        return Mention(self, a, b, label) if a < b else None
