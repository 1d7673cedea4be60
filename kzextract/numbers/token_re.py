"""The tokenizer's regular expression, shared by the lexicon (multi-word units are stored as the
token sequences it gives) and the tokenizer."""

import regex

_SEP = r"[\x20\u00a0\u202f\u2009]"
_TOKEN_RE = regex.compile(
    r"(?P<date>(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d))"
    r"|(?P<time>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
    r"|(?P<phone>\+\d[\d\x20\-()]{8,18}\d|(?<!\d)8\x20?\(\d{3,5}\)\x20?\d[\d\x20\-]{4,10}\d)"
    r"|(?P<num>(?<![\d.,\p{L}])(?:"
    r"\d{1,3}(?:" + _SEP + r"\d{3})+(?!\d)(?:,\d+(?!\d))?"  # 11 300, 605 488,0
    r"|\d{1,3}(?:\.\d{3})+(?![\d.,]\d)(?!\d)"  # 1.500
    r"|\d+(?:[.,]\d+|\x20,\x20\d+)?(?!\d)"  # 4,5  77.8  (KazNERD: 53 , 5)
    r"))"
    r"|(?P<word>[\p{L}\p{M}]+(?:[-‐'’][\p{L}\p{M}]+)*)"
    r"|(?P<pct>%)"
    r"|(?P<cur>\p{Sc})"
    r"|(?P<sym>[\p{So}\p{Sk}\p{Cs}\uFE0F\u200D]+)"  # emoji between a number and its unit: skipped
    r"|(?P<dash>[-–—‐])"
    r"|(?P<punct>\S)"
)
