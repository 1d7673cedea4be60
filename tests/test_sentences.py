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


def _sents(*paragraphs: str) -> list[str]:
    from kzextract.document import Document
    from kzextract.sentences import split_sentences

    raw = "\n\n".join(paragraphs)
    doc = Document("d", "-", raw)
    pos, blocks = 0, []
    for p in paragraphs:
        blocks.append((pos, pos + len(p)))
        pos += len(p) + 2
    doc.blocks = blocks
    return [s.text for s in split_sentences(doc).sentences]


def test_list_numbers_open_the_sentence_after_them():
    assert _sents("Партиялар дауысты былай бөлісті: 1. Amanat партиясы – 68,78%; 2. «Ауыл» партиясы – 0,65%.") == [
        "Партиялар дауысты былай бөлісті: 1. Amanat партиясы – 68,78%; 2. «Ауыл» партиясы – 0,65%."]
    assert len(_sents("Нәтижелер:", "1.", "Amanat партиясы – 68,78% дауыс алды.")) == 2


def test_a_dateline_word_belongs_to_its_sentence():
    assert _sents("АСТАНА. KAZINFORM – Жиын өтті. Оған жастар қатысты.") == [
        "АСТАНА. KAZINFORM – Жиын өтті.", "Оған жастар қатысты."]


def test_the_stub_an_archive_cut_leaves_is_not_a_sentence():
    assert _sents("Жиын өтті. Оған жастар қатысты. Бұл мә") == ["Жиын өтті.", "Оған жастар қатысты."]
    assert _sents("Жиын өтті. Оған облыстың барлық жастары қатысып") == ["Жиын өтті.", "Оған облыстың барлық жастары қатысып"]


def test_a_sentence_ending_in_a_number_still_ends():
    assert _sents("Қатысушылар саны 12. Олар жеңіске жетті.") == ["Қатысушылар саны 12.", "Олар жеңіске жетті."]


def test_a_decimal_written_with_a_full_stop_is_no_sentence_break():
    assert _split("Өнімділік гектарына 18.6 центнер болды. 2020 жылы одан аз еді.") == ["Өнімділік гектарына 18.6 центнер болды.", "2020 жылы одан аз еді."]


def test_speech_ending_in_a_stop_keeps_its_attribution():
    assert _split("«Біз келеміз!» – деді ол. Кейін кетті.") == ["«Біз келеміз!» – деді ол.", "Кейін кетті."]
    assert _split("Жұмыс басталды. – Біз дайынбыз, – деді ол.") == ["Жұмыс басталды.", "– Біз дайынбыз, – деді ол."]
