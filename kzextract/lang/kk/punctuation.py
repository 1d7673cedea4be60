"""Punctuation rules: spaCy's defaults with the Kazakh letters spaCy's classes lack (ғ қ ұ …).

Tuned to KazNERD's token boundaries (``python -m devtools.modeltrain tokcheck``: 99.99% of its
tokens reproduced on detokenised sentences, see bench/model.md): ``жоқ.`` -> ``жоқ`` ``.``;
``125-тен``, ``Нұр-Сұлтан``, ``1-інші`` stay whole; ``25%-ке`` -> ``25`` ``%-ке``; the decimal
comma splits (``5`` ``,`` ``9``).
"""

import re

from spacy.lang.punctuation import TOKENIZER_PREFIXES as BASE_TOKENIZER_PREFIXES
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    HYPHENS,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)

_KK_LOWER = "әғқңөұүһі"
_KK_UPPER = "ӘҒҚҢӨҰҮҺІ"
_lower = ALPHA_LOWER + _KK_LOWER
_upper = ALPHA_UPPER + _KK_UPPER
_alpha = ALPHA + _KK_LOWER + _KK_UPPER
# ``%-ке`` standing alone (``25 %-ке``) is one token, as in KazNERD.
TOKEN_MATCH = re.compile(r"^%-[{a}]+$".format(a=_alpha)).match

_hyphens_no_dash = HYPHENS.replace("-", "").strip("|").replace("||", "")

# An initial glued to a surname (``М.Табын``, ``Ш.А.Байманов``) comes off as ``М.`` ``Табын``.
TOKENIZER_PREFIXES = [r"[{au}]\.(?=[{au}][{al}]|[{au}]\.)".format(au=_upper, al=_lower)] + list(
    BASE_TOKENIZER_PREFIXES
)

TOKENIZER_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["'s", "'S", "’s", "’S", "—", "–"]
    + [
        # KazNERD keeps a case ending on the per cent sign: ``25%-ке`` -> ``25`` ``%-ке``
        r"(?<=[0-9])%-[{a}]+".format(a=_alpha),
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        r"(?<=[0-9])(?:{c})".format(c=CURRENCY),
        r"(?<=[0-9])(?:{u})".format(u=UNITS),
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(
            al=_lower, e=r"%²\-\+", q=CONCAT_QUOTES, p=PUNCT
        ),
        r"(?<=[{au}][{au}])\.".format(au=_upper),
    ]
)

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[{al}])\.(?=[{au}])".format(al=_lower, au=_upper),
        r"(?<=[{a}])[,!?/()]+(?=[{a}])".format(a=_alpha),
        r"(?<=[{a}{q}])[:<>=](?=[{a}])".format(a=_alpha, q=CONCAT_QUOTES),
        r"(?<=[{a}])--(?=[{a}])".format(a=_alpha),
        r"(?<=[{a}]),(?=[{a}])".format(a=_alpha),
        r"(?<=[{a}])([{q}\)\]\(\[])(?=[\-{a}])".format(a=_alpha, q=CONCAT_QUOTES),
        r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=_alpha, h=_hyphens_no_dash),
        r"(?<=[0-9])[,.](?=[0-9])",
        # Scraped text glues quotes to a preceding comma: ``Анарбаева,«Алматы`` → ``,`` ``«``
        r"(?<=[{a}])[,;:](?=[«“])".format(a=_alpha),
        r"(?<=[,;:])[«“](?=[{a}0-9])".format(a=_alpha),
    ]
)
