"""``kk_gazetteer``: a rule-based pipeline component that marks known places and given names.

KazNERD's 11,000 training sentences hold few of the places and first names a news article may
mention, and the NER model's commonest PERSON and GPE errors are single unseen names given the
other label (``Мәскеу`` as a person, ``Әсет`` as a place; bench/model.md). Lists written from
general knowledge (``patterns/names/*.txt`` and the rules' ``patterns/gpe.txt``) give each
capitalised token a class in ``Token.tag_`` (``PLACE``, ``GIVEN``, or ``GIVEN_PLACE`` for both:
``Абай``), which the tok2vec hash-embeds (``TAG`` in its ``attrs``) as one more feature: the model
learns how far to trust it. Inflected forms match through their stem (``Мәскеуде`` → ``мәскеу``); a multi-word place
(``Оңтүстік Корея``) marks all its tokens. Nothing is trained; the component must sit before
``tok2vec`` and be listed in ``[training] annotating_components``.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_toml, load_wordlist
from .lemmatizer import stem


@cache
def gazetteers() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """Class -> first word -> the word sequences starting with it (lower-cased), from the lists
    named in ``[gazetteer]`` of patterns/entities.toml."""
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for cls, lists in load_toml("entities")["gazetteer"].items():
        index: dict[str, list[tuple[str, ...]]] = {}
        for name in sorted(set().union(*(load_wordlist(w) for w in lists))):
            words = tuple(name.lower().split())
            index.setdefault(words[0], []).append(words)
        for seqs in index.values():
            seqs.sort(key=len, reverse=True)
        out[cls] = index
    return out


def _matches(words: tuple[str, ...], doc: Doc, i: int) -> bool:
    """Whether ``doc[i:]`` starts with ``words``; only the last word may be inflected."""
    if i + len(words) > len(doc):
        return False
    *head, last = words
    toks = doc[i : i + len(words)]
    return all(t.lower_ == w for t, w in zip(toks, head)) and last in (toks[-1].lower_, stem(toks[-1].text))


def gazetteer_classes(doc: Doc) -> list[str]:
    """The gazetteer class of each token ("" for none)."""
    classes: list[set[str]] = [set() for _ in doc]
    for i, tok in enumerate(doc):
        if not tok.text[:1].isupper():
            continue
        keys = {tok.lower_, stem(tok.text)}
        for cls, index in gazetteers().items():
            for key in keys:
                for words in index.get(key, ()):
                    if len(words) == 1 or _matches(words, doc, i):
                        for j in range(i, i + len(words)):
                            classes[j].add(cls)
                        break
    return ["_".join(sorted(c)) for c in classes]


class KazakhGazetteer:
    def __call__(self, doc: Doc) -> Doc:
        for token, cls in zip(doc, gazetteer_classes(doc)):
            token.tag_ = cls
        return doc


@Language.factory("kk_gazetteer")
def make_kk_gazetteer(nlp: Language, name: str) -> KazakhGazetteer:
    return KazakhGazetteer()
