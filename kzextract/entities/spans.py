"""The shapes the entity stage's parts hand each other."""

from __future__ import annotations

from collections.abc import Callable

# A mention inside one sentence: (start, end, label), character offsets into the sentence text.
Span3 = tuple[int, int, str]
# An NER backend: sentence texts in, the spans of each text out.
Predictor = Callable[[list[str]], list[list[Span3]]]
