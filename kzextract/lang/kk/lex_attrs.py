"""Number words, so ``like_num`` is true for ``жиырма`` and ``мыңнан`` as well as ``125-тен``."""

import regex
from spacy.attrs import LIKE_NUM

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


LEX_ATTRS = {LIKE_NUM: like_num}
