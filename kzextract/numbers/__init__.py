"""The ``numbers`` stage: Kazakh numerals, amounts and percentages.

``find_quantities(text)`` turns every amount a piece of Kazakh text states into a
:class:`~kzextract.document.Quantity` — value, unit, qualifier and counted noun — with character
offsets into ``text``. ``quantify(doc)`` runs it sentence by sentence and shifts the offsets to the
raw article.

How it works (one left-to-right pass, linear in the text length):

1. A tokenizer (one ``regex`` alternation, no nested quantifiers) splits the text into dates,
   clock times, phone numbers, digit numbers (``11 300``, ``1.500``, ``4,5``), words, ``%``,
   currency signs, dashes and punctuation. Dates, times and phones are dropped at once.
2. At each token a small state machine reads a number phrase: digit numbers and number words
   (``екі жүз елу мың``), scale words (``мың``, ``млн``, ``миллиардтан``), ``жарым``/``жарты``
   and ``бүтін`` decimals. Only the last element may carry a case suffix; every word form is one
   dictionary look-up (stem × suffix tables built from ``patterns/numbers.toml``).
3. After the number: a unit (``%``, ``пайызы``, ``млн теңгеден``, ``АҚШ доллары``, ``жас``,
   ``айда``, ``жылдан``, ``тонна`` …), then a qualifier (``астам``, ``жуық``, ``дейін`` …) whose
   required case is checked against the suffix before it (``мыңнан аса`` but not ``10 аса``).
4. Filters drop years, dates, ordinals and list numbers, ``тоқсан`` = quarter, identifiers and
   numbers inside short quoted names; ranges (``14-28``, ``14 пен 35``) give two quantities that
   share the unit; shares (``әрбір екінші``, ``үштен бірі``, ``жартысы``) get unit ``share``.

All word lists are data in ``patterns/numbers.toml``.

Layout (each module imports only from the ones above it):

* ``token_re`` — the tokenizer's regular expression;
* ``lexicon`` — ``patterns/numbers.toml`` read once into ``_Lex`` (word forms, suffix tables,
  units, qualifier and filter word lists): data only;
* ``tokens`` — step 1, the tokenizer;
* ``parse`` — step 2, number phrases (digits, number words, scales → value);
* ``units`` — step 3, the unit after a number and the counted noun;
* ``qualifiers`` — step 3, qualifiers before and after a number, and shares;
* ``filters`` — step 4, numbers that are not quantities;
* ``scan`` — the pass that ties them together, ranges included;
* this module — the public API: ``find_quantities`` and the stage ``quantify``.

Decisions (following ``gold/CONVENTIONS.md``):

* Numbers inside a short quoted name (``«Қазақстанның 100 жаңа тұлғасы»``, ``«30 игі іс»``) are
  not quantities: a quoted segment of at most ``max_quoted_name_words`` words, without sentence
  punctuation and followed by a word (not by ``деді``/``дейді`` or punctuation) is a name. Longer
  quotes are speech and keep their numbers.
* A bare ``бір`` is the indefinite article unless a unit or scale follows; ``бірі``, ``бірге``,
  ``бір-бірі`` and similar are never numbers. (KazNERD tags many of these CARDINAL; that is the
  main source of KazNERD misses.)
* Verb qualifiers (``асады``, ``жуықтады``, ``аспаған``) and postpositions (``төңірегінде``)
  set the qualifier but stay outside ``text``; ``астам``, ``жуық``, ``дейін`` … are inside.
* A difference (``10 процентке жоғары``, ``0,7% төмен``) keeps the qualifier ``exact``.
* Ranges give two quantities; the first takes the unit (and, for ``2-3 мың``, the scale) of the
  second; ``14 жастан 35 жасқа дейінгі`` gives 14 and 35, both exact. ``минус`` negates.
* Units of the contract's second edition (``percentage_point``, ``EUR``, ``RUB``, ``hour_span``,
  ``times``, ``hectare``, ``tonne``, ``km``, ``sq_m``, ``head``, ``mci``) come from
  ``[units.words]`` / ``[units.multi]``; other measures (metres, kilograms, centners) are ``count``
  but stay inside ``text``. ``ондаған``/``жүздеген``/``мыңдаған`` are ``vague`` (the order of
  magnitude), also before a scale (``ондаған миллион теңге`` = 10 000 000 KZT).
* ``noun`` is the lemma of the head of the counted phrase: adjectives, participles and nouns used
  as adjectives (``жас тұрғын``) are skipped; a verb (``2 есе артты``) gives no noun.
* Digit runs: a space-grouped run of more than ``max_digit_groups`` groups is a list of numbers;
  more than ``max_digits`` digits is an identifier. ``млн.``/``млрд.`` keep their full stop only
  when the amount or a unit goes on after it.
"""

from __future__ import annotations

from decimal import Decimal

from kzextract.document import Document, Quantity

from .lexicon import _has_number_word, _lex
from .parse import _parse_number
from .scan import _scan
from .tokens import _tokenize

__all__ = ["find_quantities", "number_value", "quantify"]


def _to_float(v: Decimal, unit: str) -> float:
    if unit == "share":
        return round(float(v), 4)
    f = float(v)
    return round(f, 6) if f != int(f) else float(int(f))


def find_quantities(text: str) -> list[Quantity]:
    """Every amount stated in ``text`` (one sentence or paragraph), offsets relative to ``text``."""
    if not text or not any(c.isdigit() for c in text) and not _has_number_word(text):
        return []
    out: list[Quantity] = []
    ranges, closes = 0, None  # closes: the range id the next quantity ends
    for q in _scan(text):
        rid, closes = closes, None
        if rid is None and q.range_next:  # 14-28 жас: this one opens a range, the next ends it
            rid = closes = ranges
            ranges += 1
        out.append(Quantity(start=q.start, end=q.end, text=text[q.start:q.end],
                            value=_to_float(q.value, q.unit), unit=q.unit, qualifier=q.qualifier,
                            noun=q.noun, range_id=rid))
    return out


def number_value(text: str) -> Decimal | None:
    """The value of ``text`` when all of it is one number phrase in words or digits (an ordinal
    ending allowed: ``екі мың он жетінші`` = 2017), else None. The dates stage reads years in words
    with it."""
    toks = _tokenize(text)
    ph = _parse_number(toks, 0, _lex()) if toks else None
    return ph.value if ph is not None and ph.j == len(toks) else None


def quantify(doc: Document) -> Document:
    """The stage: quantities of every sentence, offsets shifted to the raw text."""
    doc.quantities = doc.in_sentences(find_quantities)
    ids: dict[tuple[int, int], int] = {}
    for q in doc.quantities:  # per-sentence range ids -> one numbering per document
        if q.range_id is not None:
            q.range_id = ids.setdefault((q.sent_id, q.range_id), len(ids))
    return doc
