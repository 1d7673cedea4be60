"""``kk_lemmatizer``: a rule-based pipeline component that sets ``Token.lemma_``.

Kazakh names appear in many case forms (``Бабақұмаровтың``, ``Бабақұмаровқа``), and the NER
model's features see each form as a different word. With the lemma as a hash-embedded feature
(``LEMMA`` in the tok2vec ``attrs``) all of them share one row. The lemma is the UD-style stem from
:func:`kzextract.lemma.lemmatize` (case, plural and possessive endings stripped), lower-cased so a
sentence-initial capital does not make it a different feature. Nothing is trained; the component
must sit before ``tok2vec`` and be listed in ``[training] annotating_components``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lemma import lemmatize  # the entity-norm lemmatiser; its rules are in patterns/lemma.toml


@lru_cache(maxsize=1 << 18)
def stem(text: str) -> str:
    """Lower-cased stem of one token; punctuation and digits come back as they are."""
    if not any(ch.isalpha() for ch in text):
        return text
    return lemmatize(text, strip_possessive=True).lower()


class KazakhLemmatizer:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = stem(token.text)
        return doc


@Language.factory("kk_lemmatizer")
def make_kk_lemmatizer(nlp: Language, name: str) -> KazakhLemmatizer:
    return KazakhLemmatizer()
