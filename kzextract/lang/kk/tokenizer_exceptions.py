"""Abbreviations that keep their full stop, so sentence splitting and the tokenizer agree."""

from spacy.symbols import NORM, ORTH
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.util import update_exc

_exc = {}

for orth, norm in [
    ("т.б.", "тағы басқа"), ("т.с.с.", "тағы сол сияқты"), ("ж.", "жыл"), ("жж.", "жылдар"),
    ("б.з.б.", "біздің заманымызға дейін"), ("млн", "миллион"), ("млрд", "миллиард"),
    ("трлн", "триллион"), ("тг", "теңге"), ("ш.", "шамамен"), ("обл.", "облыс"),
    ("қ.", "қала"), ("көш.", "көшесі"), ("т.", "тағы"),
]:  # fmt: skip
    for form in {orth, orth.capitalize()}:
        _exc[form] = [{ORTH: form, NORM: norm}]

# Mobile network generations are one token in KazNERD (spaCy's unit rule would split ``5`` ``G``).
for orth in ("2G", "3G", "4G", "5G", "6G"):
    _exc[orth] = [{ORTH: orth}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _exc)
