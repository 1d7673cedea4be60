"""Property tests: any integer 0..10^12 written in Kazakh words (or digits) parses back to itself,
also with case suffixes and qualifiers appended.

The words come from an independent generator written here from the grammar (units, tens, жүз,
scale words мың / миллион / миллиард / триллион, largest group first). num2words(lang="kz") was
checked against it and agrees; the test below keeps that check.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kzextract.numbers import find_quantities

UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
SCALES = [(10**12, "триллион"), (10**9, "миллиард"), (10**6, "миллион"), (10**3, "мың")]
BACK = set("аоұы")
FRONT = set("әөүіе")
VOWELS = set("аоұыәөүіеиуэюя")
VOICELESS = set("кқпстфхцчшщд")  # д: миллиардқа, миллиардтан

SETTINGS = settings(max_examples=300, deadline=None)


def below_thousand(n: int) -> list[str]:
    h, r = divmod(n, 100)
    t, u = divmod(r, 10)
    out = []
    if h:
        if h > 1:
            out.append(UNITS[h])
        out.append("жүз")
    if t:
        out.append(TENS[t])
    if u:
        out.append(UNITS[u])
    return out


def kazakh_words(n: int) -> str:
    """The cardinal ``n`` in Kazakh words, from the grammar."""
    if n == 0:
        return "нөл"
    words: list[str] = []
    rest = n
    for scale, name in SCALES:
        g, rest = divmod(rest, scale)
        if g:
            words += below_thousand(g) + [name]
    words += below_thousand(rest)
    return " ".join(words)


def _back(word: str) -> bool:
    for ch in reversed(word):
        if ch in BACK:
            return True
        if ch in FRONT:
            return False
    return True


def dative(word: str) -> str:
    c = word[-1]
    if c in VOICELESS:
        return "қа" if _back(word) else "ке"
    return "ға" if _back(word) else "ге"


def ablative(word: str) -> str:
    c = word[-1]
    if c in VOWELS or c in "лрйуwжз":
        return "дан" if _back(word) else "ден"
    if c in "мнң":
        return "нан" if _back(word) else "нен"
    return "тан" if _back(word) else "тен"


numbers = st.integers(min_value=0, max_value=10**12)


def test_generator_agrees_with_num2words_on_fixed_examples():
    num2words = pytest.importorskip("num2words").num2words
    for n in (0, 2, 11, 19, 21, 90, 100, 101, 250, 1000, 1001, 2500, 10000, 250000, 10**6,
              1234567, 2 * 10**9, 10**12, 999_999_999_999):
        assert kazakh_words(n) == num2words(n, lang="kz")


@SETTINGS
@given(numbers)
def test_generator_agrees_with_num2words(n):
    num2words = pytest.importorskip("num2words").num2words
    assert kazakh_words(n) == num2words(n, lang="kz")


def _single(text):
    qs = find_quantities(text)
    assert len(qs) == 1, (text, qs)
    return qs[0]


@SETTINGS
@given(numbers)
def test_words_parse_back_to_their_value(n):
    assume(n != 1)  # a bare "бір" is the indefinite article (gold/CONVENTIONS.md)
    text = kazakh_words(n)
    q = _single(f"Биыл {text} адам тіркелді.")
    assert q.value == n
    assert (q.unit, q.qualifier) == ("count", "exact")
    assert q.text == text


@SETTINGS
@given(numbers, st.sampled_from(["dative", "ablative"]))
def test_words_with_case_suffix_parse_back(n, case):
    assume(n >= 2)
    words = kazakh_words(n).split()
    last = words[-1]
    words[-1] = last + (dative(last) if case == "dative" else ablative(last))
    text = " ".join(words)
    q = _single(f"Көрсеткіш {text} жетті.")
    assert q.value == n
    assert q.text == text


QUALIFIED = [
    ("ablative", "астам", "more_than"),
    ("ablative", "аса", "more_than"),
    ("ablative", "артық", "more_than"),
    ("ablative", "кем", "less_than"),
    ("dative", "жуық", "approx"),
    ("dative", "қарай", "approx"),
    ("dative", "дейін", "up_to"),
]


@SETTINGS
@given(numbers, st.sampled_from(QUALIFIED))
def test_words_with_qualifier_parse_back(n, qual):
    assume(n >= 2)
    case, word, qualifier = qual
    words = kazakh_words(n).split()
    last = words[-1]
    words[-1] = last + (dative(last) if case == "dative" else ablative(last))
    text = " ".join(words) + " " + word
    q = _single(f"Қатысушылар саны {text} адам болды.")
    assert (q.value, q.qualifier) == (n, qualifier)
    assert q.text == text


@SETTINGS
@given(numbers)
def test_approx_prefix_shamamen(n):
    assume(n >= 2)
    q = _single(f"Шамамен {kazakh_words(n)} адам келді.")
    assert (q.value, q.qualifier) == (n, "approx")


def _group(n: int, sep: str) -> str:
    s = str(n)
    if not sep or len(s) <= 4:
        return s
    parts = []
    while s:
        parts.append(s[-3:])
        s = s[:-3]
    return sep.join(reversed(parts))


SUFFIXES = ["", "-ға", "-ге", "-қа", "-ке", "-дан", "-ден", "-тан", "-тен", "-нан", "-нен", "ден", " – ға", "-і", "-ы"]


@SETTINGS
@given(numbers, st.sampled_from(["", " ", "\u00a0", "\u202f"]), st.sampled_from(SUFFIXES))
def test_digits_with_separators_and_suffixes_parse_back(n, sep, suffix):
    text = _group(n, sep) + suffix
    q = _single(f"Олардың саны {text} жетті.")
    assert q.value == n
    assert q.text == text


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("мың", 10**3), ("млн", 10**6), ("миллион", 10**6), ("млрд", 10**9), ("миллиард", 10**9), ("трлн", 10**12)]))
def test_digits_with_scale_and_tenge(whole, tenth, scale):
    name, mult = scale
    q = _single(f"Бюджеттен {whole},{tenth} {name} теңге бөлінді.")
    assert q.unit == "KZT"
    assert q.value == pytest.approx((whole + tenth / 10) * mult)


@SETTINGS
@given(st.lists(st.text(alphabet="0123456789", min_size=1, max_size=6), min_size=1, max_size=12),
       st.sampled_from([" ", "\u00a0", "\u2009", "\u202f", ".", ","]),
       st.sampled_from(["", " теңге", " тонна", " млн. теңге", " 💰 теңге", " адам"]))
def test_any_digit_run_never_raises_and_spans_are_source_text(groups, sep, tail):
    text = "Барлығы " + sep.join(groups) + tail + " болды."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.value == q.value  # not NaN


@SETTINGS
@given(st.integers(min_value=1000, max_value=10**15 - 1), st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"]))
def test_valid_thousands_grouping_is_one_number(n, sep):
    q = _single(f"Олардың саны {_group(n, sep)} жетті.")
    assert q.value == n


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from([("млрд", 10**9, "млн", 10**6), ("млн", 10**6, "мың", 10**3)]))
def test_dotted_scale_abbreviations_add_up(big, small, scales):
    a, ma, b, mb = scales
    q = _single(f"Жобаға {big} {a}. {small + 1} {b}. теңге бөлінді.")
    assert q.unit == "KZT"
    assert q.value == big * ma + (small + 1) * mb
