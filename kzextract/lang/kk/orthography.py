"""Latin look-alike letters typed inside Cyrillic words (``мәселелерi``, ``Aлматы``).

Scraped Kazakh text often mixes in Latin a, e, o, p, c, x, i (and capitals) that look like their
Cyrillic twins. :func:`repair` swaps them inside words that are otherwise Cyrillic, one character
for one, so offsets computed on the repaired text are offsets into the original.
"""

from __future__ import annotations

import regex

LATIN = "aeopcxiyAEOPCXIHKMTBy"
CYRILLIC = "аеорсхіуАЕОРСХІНКМТВу"
_TABLE = str.maketrans(LATIN, CYRILLIC)
_MIXED = regex.compile(r"(?=[\p{L}]*\p{Cyrillic})(?=[\p{L}]*[%s])[\p{L}]+" % regex.escape(LATIN))


def repair(text: str) -> str:
    """``text`` with look-alike Latin letters inside Cyrillic words made Cyrillic (same length)."""
    return _MIXED.sub(lambda m: m.group().translate(_TABLE), text)
