"""Kazakh lemmatiser and canonical entity forms (kzextract.lemma), on real Kazakh words."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzextract.lemma import canonical, case_kind, lemmatize
from kzextract.resources import load_toml
from devtools.paths import SHARED_DIR


# --- lemmatize: case endings, every allomorph ----------------------------------------------

@pytest.mark.parametrize(
    "word, lemma",
    [
        ("Бабақұмаровтың", "Бабақұмаров"),  # genitive -тың after voiceless (в)
        ("Баймановтың", "Байманов"),
        ("Досаевтың", "Досаев"),  # back suffix although -ев ends in е
        ("Медведевтің", "Медведев"),  # front suffix after -ев
        ("кеңестің", "кеңес"),  # -тің after с, front
        ("Асадованың", "Асадова"),  # -ның after a vowel
        ("Қазақстанның", "Қазақстан"),  # -ның after a nasal
        ("Ерназардың", "Ерназар"),  # -дың after р
        ("Айгүлдің", "Айгүл"),  # -дің after л
    ],
)
def test_genitive(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("Алматыда", "Алматы"),
        ("Астанада", "Астана"),
        ("Қызылордада", "Қызылорда"),
        ("Түркістанда", "Түркістан"),
        ("Ақмолада", "Ақмола"),
        ("Шымкентте", "Шымкент"),  # -те after т
        ("Нұр-Сұлтанда", "Нұр-Сұлтан"),
        ("Семейде", "Семей"),
        ("Қазақстандағы", "Қазақстан"),  # attributive locative -дағы
    ],
)
def test_locative(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("Алматыға", "Алматы"),
        ("Астанаға", "Астана"),
        ("Бекболатқа", "Бекболат"),  # -қа after voiceless, back
        ("Тибетке", "Тибет"),  # -ке after voiceless, front
    ],
)
def test_dative(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [("Астанадан", "Астана"), ("Германиядан", "Германия"), ("Төлегеннен", "Төлеген")],
)
def test_ablative(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [("Иранды", "Иран"), ("Азаматты", "Азамат"), ("Палестинаны", "Палестина"), ("Алматыны", "Алматы")],
)
def test_accusative(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [("Назарбаевпен", "Назарбаев"), ("Өзбекстанмен", "Өзбекстан"), ("Грузиямен", "Грузия")],
)
def test_instrumental_has_no_harmony(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize("word, lemma", [("АҚШ-пен", "АҚШ"), ("ФИФА-ның", "ФИФА"), ("КСРО-дағы", "КСРО")])
def test_ending_after_hyphen(word, lemma):
    assert lemmatize(word) == lemma


def test_loanword_final_k_g_takes_front_suffix():
    assert lemmatize("Гонконгте") == "Гонконг"


# --- lemmatize: 3rd-person possessive kept, only the case after it stripped --------------------

@pytest.mark.parametrize(
    "word, lemma",
    [
        ("басқармасының", "басқармасы"),
        ("облысында", "облысы"),
        ("әкімінің", "әкімі"),
        ("орынбасарына", "орынбасары"),
        ("министрлігінің", "министрлігі"),
        ("басшысының", "басшысы"),
        ("орталығына", "орталығы"),
        ("төрағасымен", "төрағасы"),
        ("директорын", "директоры"),
        ("Әбішұлының", "Әбішұлы"),
    ],
)
def test_possessive_kept_case_stripped(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize("word", ["басқармасы", "әкімі", "орталығы", "маманы", "кешені", "чемпионы"])
def test_nominative_possessive_unchanged(word):
    assert lemmatize(word) == word


# --- lemmatize: plural ---------------------------------------------------------------------

@pytest.mark.parametrize("word, lemma", [("ильхандар", "ильхан"), ("Әзірбайжандар", "Әзірбайжан")])
def test_bare_plural_stripped(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [("орталықтарының", "орталығы"), ("облыстарында", "облысы"), ("клубтары", "клубы"),
     ("басқармаларының", "басқармасы")],
)
def test_plural_possessive_made_singular(word, lemma):
    """Gold norms group «X орталықтары» under the singular head (орталығы)."""
    assert lemmatize(word) == lemma


def test_keep_plural_keeps_it_as_written():
    assert lemmatize("орталықтарының", keep_plural=True) == "орталықтары"


def test_plural_that_is_part_of_a_name():
    assert lemmatize("Штаттарының") == "Штаттары"


# --- lemmatize: never over-strip -----------------------------------------------------------

@pytest.mark.parametrize(
    "word",
    [
        "Алматы", "Астана", "Қызылорда", "Жетісу", "Ақтөбе", "Байманов", "Қазақстан", "Қарағанды",
        "Өскемен", "Павлодар", "Нұрсұлтан", "Теміртау", "Шортанды", "Ақорда", "Амангелді", "Ерден",
        "Алтын", "ағылшын", "Мұхтар", "теңге", "шілде", "Асадова", "Отан", "Жастар",
    ],
)
def test_nominative_stays(word):
    assert lemmatize(word) == word


@pytest.mark.parametrize("word", ["БҚО", "СҚО", "АҚ", "ЖШС"])
def test_abbreviation_stays(word):
    assert lemmatize(word) == word


@pytest.mark.parametrize("word, lemma", [("Қарағандыда", "Қарағанды"), ("Өскеменде", "Өскемен"),
                                         ("Ақордада", "Ақорда"), ("Шортандыда", "Шортанды")])
def test_known_stem_plus_ending(word, lemma):
    assert lemmatize(word) == lemma


def test_nfd_input_is_normalised():
    import unicodedata

    assert lemmatize(unicodedata.normalize("NFD", "Семейде")) == "Семей"


# --- lemmatize: UD mode (possessives stripped, sounds restored) -------------------------------

@pytest.mark.parametrize(
    "word, lemma",
    [("басшысы", "басшы"), ("тілдерін", "тіл"), ("құқығы", "құқық"), ("халқы", "халық"),
     ("шаруашылығы", "шаруашылық"), ("ішінде", "іш"), ("елде", "ел"), ("жасы", "жас")],
)
def test_ud_mode(word, lemma):
    assert lemmatize(word, strip_possessive=True) == lemma


# --- canonical ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, label, norm",
    [
        ("Ержан Бабақұмаровтың", "PERSON", "Ержан Бабақұмаров"),
        ("Е. Бабақұмаровтың", "PERSON", "Е. Бабақұмаров"),
        ("Ш.Байманов", "PERSON", "Ш.Байманов"),
        ("Ш.Баймановтың", "PERSON", "Ш.Байманов"),
        ("Алматы қаласы әкімінің орынбасарына", "POSITION", "Алматы қаласы әкімінің орынбасары"),
        ("Қоғамдық даму басқармасының басшысына", "POSITION", "Қоғамдық даму басқармасының басшысы"),
        ("Жастар ісі жөніндегі кеңестің", "ORGANISATION", "Жастар ісі жөніндегі кеңес"),
        ("Қоғамдық даму басқармасының", "ORGANISATION", "Қоғамдық даму басқармасы"),
        ("«Отбасы банк» АҚ", "ORGANISATION", "Отбасы банк АҚ"),
        ("«Отбасы банк» АҚ-ның", "ORGANISATION", "Отбасы банк АҚ"),
        ("Алматыда", "GPE", "Алматы"),
        ("Ақмола облысының", "GPE", "Ақмола облысы"),
        ("Павлодар облыстарында", "GPE", "Павлодар облысы"),
        ("БҚО", "GPE", "БҚО"),
    ],
)
def test_canonical_last_word_only(text, label, norm):
    assert canonical(text, label) == norm


def test_canonical_normalises_spaces_and_quotes():
    assert canonical("  «Жасыл   ел»  штабы ", "ORGANISATION") == "Жасыл ел штабы"


@pytest.mark.parametrize(
    "text",
    ["«Дипломмен – ауылға!»", '"Дипломмен ауылға"', "«Дипломмен-ауылға»", "“Дипломмен ауылға”",
     "«Дипломмен – ауылға!» мемлекеттік бағдарламасы", "«Дипломмен ауылға» бағдарламасына"],
)
def test_programme_spelling_variants_share_norm(text):
    assert canonical(text, "PROGRAMME") == "Дипломмен ауылға"


@pytest.mark.parametrize(
    "text, norm",
    [
        ("«Жасыл ел» жобасы", "Жасыл ел"),
        ("«Таза Қазақстан» Ұлттық жобасының", "Таза Қазақстан"),
        ("«Серпін» акциясы", "Серпін"),
        ("Нұрлы жол мемлекеттік бағдарламасының", "Нұрлы жол"),
        ("«Қазақстан-2050» стратегиясы", "Қазақстан-2050"),  # hyphen before a digit is kept
        ("Жастар практикасына", "Жастар практикасы"),  # no cue: last word de-inflected
    ],
)
def test_programme_cue_dropped(text, norm):
    assert canonical(text, "PROGRAMME") == norm


def test_programme_keeps_compound_hyphen():
    text = "жұмыссыз жастарды әлеуметтендіруге бағытталған іс-шаралар кешенін іске асыру жобасы"
    assert canonical(text, "PROGRAMME") == (
        "жұмыссыз жастарды әлеуметтендіруге бағытталған іс-шаралар кешенін іске асыру"
    )


def test_programme_cue_kept_when_name_would_dangle():
    assert canonical("2025 жылға дейінгі Өңірлік жоспарының", "PROGRAMME") == (
        "2025 жылға дейінгі Өңірлік жоспары"
    )


def test_canonical_reproduces_gold_norms(gold_dir):
    """Gold `norm` from `text` for almost every labelled entity (the rest are labeller choices)."""
    import re

    def key(s):
        return re.sub(r"\s+", " ", re.sub("[«»“”\"]", "", s)).strip().casefold()

    pairs = [
        (e["text"], e["label"], e["norm"])
        for f in sorted(gold_dir.glob("*.json"))
        for e in json.loads(f.read_text(encoding="utf-8"))["entities"]
    ]
    if not pairs:
        pytest.skip("no gold entities")
    ok = sum(key(canonical(t, lab)) == key(n) for t, lab, n in pairs)
    assert ok / len(pairs) >= 0.95


# --- lemma_eval -----------------------------------------------------------------------------

def test_lemma_eval_meets_propn_target(tmp_path):
    from devtools import lemma_eval

    ud = SHARED_DIR / "data" / "ud_kazakh_ktb"
    files = sorted(ud.glob("*.conllu"))
    if not files:
        pytest.skip(f"UD Kazakh treebank not found under {ud}")
    for f in files:
        res = lemma_eval.evaluate(f)
        assert res["PROPN"]["entity"]["accuracy"] >= 0.90, f.name
        assert res["NOUN"]["ud"]["accuracy"] > res["NOUN"]["identity"]["accuracy"]


def test_lemma_eval_cli_writes_json(tmp_path):
    root = Path(__file__).resolve().parent.parent
    shared = Path(os.environ.get("KZEXTRACT_SHARED", root.parent / "shared"))
    src = shared / "data" / "ud_kazakh_ktb" / "kk_ktb-ud-train.conllu"
    if not src.exists():
        pytest.skip("UD Kazakh treebank not available")
    data = tmp_path / "shared" / "data" / "ud_kazakh_ktb"
    data.mkdir(parents=True)
    (data / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "KZEXTRACT_SHARED": str(tmp_path / "shared")}
    dest = tmp_path / "lemma-eval.json"
    out = subprocess.run([sys.executable, "-m", "devtools.lemma_eval", "--out", str(dest)],
                         env=env, capture_output=True, text=True, check=True, cwd=root)
    assert "PROPN" in out.stdout
    report = json.loads(dest.read_text(encoding="utf-8"))
    assert set(report["files"]) == {src.name}


def test_a_word_the_page_broke_at_a_line_end_is_joined_in_the_norm():
    assert canonical("«Жолау- шылар тасымалы» АҚ", "ORGANISATION") == "Жолаушылар тасымалы АҚ"
    assert canonical("Алматы - Астана", "GPE") == "Алматы - Астана"  # a dash between words stays


def test_compound_given_names_ending_like_a_case_keep_their_ending():
    from kzextract.lemma import lemmatize

    assert lemmatize("Сатыбалды") == "Сатыбалды" and lemmatize("Сатыбалдының") == "Сатыбалды"
    assert lemmatize("Құдайбердіге") == "Құдайберді" and lemmatize("Тоқаевты") == "Тоқаев"


@pytest.mark.parametrize("kind", ["genitive", "locative", "attributive"])
def test_each_case_kind_is_drawn_from_the_lemmatisers_case_table(kind):
    endings = case_kind(kind)
    assert endings and set(endings) <= set(load_toml("lemma")["case"])
