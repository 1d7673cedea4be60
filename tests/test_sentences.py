"""Sentence splitting that survives Kazakh initials, abbreviations and quotes."""

from kzextract.sentences import split_text


def _split(text):
    return [text[s:e] for s, e in split_text(text)]


def test_initials_do_not_end_a_sentence():
    text = "Аталмыш сессия барысында Ш.А. Баймановтың төрағалығымен семинар өтті. Ол сөз алды."
    assert _split(text) == [
        "Аталмыш сессия барысында Ш.А. Баймановтың төрағалығымен семинар өтті.",
        "Ол сөз алды.",
    ]


def test_single_initial_with_and_without_space():
    assert len(_split("Қатысты Е. Бабақұмаров пен Л.Гумилев атындағы университет өкілі. Жиын аяқталды.")) == 2


def test_abbreviations_keep_the_sentence_open():
    assert len(_split("Семинарлар, тренингтер т.б. Шаралар өтті.")) == 1


def test_missing_space_after_full_stop_still_splits():
    assert _split("Жиын өтті.Ол аяқталды.") == ["Жиын өтті.", "Ол аяқталды."]


def test_quoted_speech_splits_inside_but_not_before_its_attribution():
    text = "«Жұмыс жалғасады. Біз дайынбыз», - деді ол. Кейін сөз алды."
    assert _split(text) == ["«Жұмыс жалғасады.", "Біз дайынбыз», - деді ол.", "Кейін сөз алды."]


def test_a_stop_inside_a_latin_name_is_not_a_boundary():
    assert len(_split("Орналасты, деп хабарлайды BAQ.KZ. Жоспар бар.")) == 2


def test_exclamation_inside_a_name_in_straight_quotes_does_not_split():
    assert len(_split('"Дипломмен – ауылға!" мемлекеттік бағдарламасы жұмыс істейді.')) == 1


def test_wrapped_line_continues_and_new_line_with_capital_splits():
    assert len(_split("атқарылып жатқан жұмыстармен\nтанысты.")) == 1
    assert len(_split("Одан кейінгі орындарда:\nҚызылорда облысы – 2,3 мың адам;")) == 2


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "«" + "Сөз. " * 300 + "Соңы."
    assert len(_split(text)) == 301
