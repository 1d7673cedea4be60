"""Lexical attributes for Kazakh.

* ``like_num`` is true for ``жиырма`` and ``мыңнан`` as well as ``125-тен``.
* ``PREFIX``/``SUFFIX`` are longer than spaCy's defaults (1 and 3 characters). Kazakh is
  agglutinative: the first characters of a word are its root and the last ones its case/possessive
  endings (``-дағы``, ``-ның``), so the NER model's hash embeddings see a crude stem and ending.
  These lengths are part of the trained model's features: change them only together with
  retraining (``make model``).
"""

import regex
from spacy.attrs import LIKE_NUM, PREFIX, SUFFIX

PREFIX_LEN = 4
SUFFIX_LEN = 4

_num_words = [
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз",
    "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан",
    "жүз", "мың", "миллион", "миллиард", "триллион", "млн", "млрд", "трлн",
]  # fmt: skip
_digits = regex.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:-?\p{L}+)?$")


def like_num(text: str) -> bool:
    """Digits (with a case suffix) or a number word in any inflected form."""
    text = text.lower().replace("\u00a0", "")
    if _digits.match(text):
        return True
    return any(text.startswith(w) and len(text) - len(w) <= 5 for w in _num_words if len(w) > 2)


def prefix(text: str) -> str:
    """First ``PREFIX_LEN`` characters: roughly the root of an inflected word."""
    return text[:PREFIX_LEN]


def suffix(text: str) -> str:
    """Last ``SUFFIX_LEN`` characters: roughly the case/possessive ending."""
    return text[-SUFFIX_LEN:]


LEX_ATTRS = {LIKE_NUM: like_num, PREFIX: prefix, SUFFIX: suffix}
