"""Kazakh (``kk``) for spaCy, laid out like ``spacy/lang/*``.

Registered through the ``spacy_languages`` entry point, so ``spacy.blank("kk")`` works once
kzextract is installed. Token boundaries follow Tatar's (closest to KazNERD's), with Kazakh letters
added to the character classes so ``жоқ.`` loses its full stop, plus KazNERD's own conventions
(``25%-ке`` -> ``25`` ``%-ке``, ``5G``); 99.99% of KazNERD's tokens are reproduced on detokenised
text. ``PREFIX``/``SUFFIX`` are 4-character root/ending features used by the NER model.
"""

from spacy.language import BaseDefaults, Language

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKEN_MATCH, TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    infixes = TOKENIZER_INFIXES
    suffixes = TOKENIZER_SUFFIXES
    token_match = TOKEN_MATCH
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh"]
