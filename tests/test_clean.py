"""Boilerplate removal on real scraped pages from the corpus."""

from kzextract.clean import clean, parse_date
from kzextract.reader import read_document


def _clean(corpus_dir, name):
    return clean(read_document(corpus_dir / f"{name}.txt"))


def test_related_news_and_top_news_lists_are_cut(corpus_dir):
    doc = _clean(corpus_dir, "001_9888353e7b6550a4")
    assert "Ұқсас жаңалықтар" not in doc.body and "Show more" not in doc.body
    assert doc.body.rstrip().endswith("түсіндіру жұмыстарын күшейту бар.")


def test_byline_date_becomes_metadata_not_body(corpus_dir):
    doc = _clean(corpus_dir, "001_9888353e7b6550a4")
    assert doc.date == "2021-09-29"
    assert "Ермек Сахариев" not in doc.body and "29.09.2021" not in doc.body


def test_author_byline_is_metadata(corpus_dir):
    assert _clean(corpus_dir, "001_9888353e7b6550a4").author == "Ермек Сахариев"
    assert _clean(corpus_dir, "002_960a4d6bb881af93").author == "Гүлмира АЙМАҒАНБЕТ"
    assert _clean(corpus_dir, "kk_neet_oskemen_briefing").author == "Ынтымақ Толқын"
    assert _clean(corpus_dir, "003_3c3a770c3628e212").author is None  # ТАЛҒАР-АҚПАРАТ is an outlet


def test_duplicated_title_is_title_once_and_not_body(corpus_dir):
    doc = _clean(corpus_dir, "001_9888353e7b6550a4")
    assert doc.title == "Азаматтық қоғамды дамыту мәселелері қаралды"
    assert doc.title not in doc.body


def test_reaction_widget_and_clock_times_are_removed(corpus_dir):
    doc = _clean(corpus_dir, "004_65a1121774319dc1")
    assert "Сіздің реакцияңыз?" not in doc.body and "19:54" not in doc.body and "Ұнату" not in doc.body
    assert "Cурет:" not in doc.body  # photo caption with a Latin "C"


def test_source_is_taken_from_dep_khabarlaidy(corpus_dir):
    assert _clean(corpus_dir, "000_cd4b5b71b938e21c").source == "Almaty.tv"
    assert _clean(corpus_dir, "kk_diplommen_baq_10mln").source == "BAQ.KZ"


def test_rubric_site_name_and_byline_are_not_the_title(corpus_dir):
    doc = _clean(corpus_dir, "kk_neet_oskemen_briefing")
    assert doc.title == "NEET санатындағы жастарға қандай қолдау бар?"
    assert "Ынтымақ Толқын" not in doc.body and not doc.body.startswith("Қоғам")
    qazaly = _clean(corpus_dir, "kk_diplommen_qazaly")
    assert qazaly.title == "«Дипломмен-ауылға»: бағыты оң бағдарлама"
    assert "Qazaly.kz" not in qazaly.body and "Фото:" not in qazaly.body


def test_truncated_article_keeps_its_last_fragment(corpus_dir):
    doc = _clean(corpus_dir, "kk_diplommen_qazaly")
    assert doc.body.endswith("Бюдж")


def test_blocks_are_raw_offsets(corpus_dir):
    doc = _clean(corpus_dir, "000_cd4b5b71b938e21c")
    for start, end in doc.blocks:
        assert doc.raw[start:end].strip() == doc.raw[start:end] != ""


def test_parse_date_rejects_impossible_dates():
    assert parse_date("31.02.2021") is None
    assert parse_date("2024-06-14") == "2024-06-14"


def test_wrapped_line_joins_its_paragraph(corpus_dir):
    doc = _clean(corpus_dir, "002_960a4d6bb881af93")
    assert "жұмыстармен\nтанысты." in doc.body
    assert any("жұмыстармен\nтанысты." in doc.raw[s:e] for s, e in doc.blocks)


def _page(*lines: str):
    from kzextract.reader import document_from_bytes

    return clean(document_from_bytes("\n\n".join(lines).encode("utf-8"), "p"))


LEAD = "Облыс әкімі бүгін жастармен кездесіп, олардың ұсыныстарын тыңдады және нақты тапсырмалар берді."
MORE = "Кездесуге аудандардан келген жүзден астам жас кәсіпкер мен белсенді қатысып, пікір алмасты."


def test_a_share_button_above_the_text_does_not_end_the_article():
    doc = _page("Жастармен кездесу өтті", "Бөлісу:", LEAD, MORE)
    assert LEAD in doc.body and MORE in doc.body


def test_a_text_of_one_short_sentence_is_body_not_title():
    doc = _page("Жол ұзындығы 156 шақырым.")
    assert doc.title is None and doc.body == "Жол ұзындығы 156 шақырым."
    doc = _page("Жол жөндеу", "Жол ұзындығы 156 шақырым.")  # a heading without a full stop stays the title
    assert doc.title == "Жол жөндеу" and doc.body == "Жол ұзындығы 156 шақырым."


def test_a_photo_credit_inside_a_paragraph_is_cut_and_the_text_kept():
    doc = _page("Жастармен кездесу өтті", LEAD + " Фото: облыс әкімдігінің баспасөз қызметі", MORE)
    assert LEAD in doc.body and "Фото:" not in doc.body and "баспасөз қызметі" not in doc.body


def test_a_lead_sentence_opening_with_the_headline_words_is_kept():
    doc = _page("Облыс әкімі бүгін жастармен кездесті", "Облыс әкімі бүгін жастармен кездесті. " + MORE, LEAD)
    assert MORE in doc.body


def test_a_repeated_headline_with_a_credit_and_hashtag_lines_are_removed():
    doc = _page("#Қоғам", "Жастармен кездесу өтті", "Жастармен кездесу өтті Cурет: Ақорда", LEAD, MORE)
    assert doc.title == "Жастармен кездесу өтті"
    assert "#Қоғам" not in doc.body and "Жастармен кездесу өтті" not in doc.body


def test_a_reporters_signature_between_two_items_is_furniture():
    doc = _page("Жастармен кездесу өтті", LEAD, "Ә.ҚАСЫМ", MORE, "Жаңа жоба басталды", LEAD.replace("Облыс", "Аудан"))
    assert "Ә.ҚАСЫМ" not in doc.body
    assert "Жаңа жоба басталды" in doc.body  # a subheading in ordinary case stays


def test_agency_datelines_and_credits_give_the_source():
    assert _page("АСТАНА. KAZINFORM — " + LEAD, MORE).source == "KAZINFORM"
    assert _page("АСТАНА, 11 қыркүйек - Sputnik. " + LEAD, MORE).source == "Sputnik"
    assert _page("Нұр-Сұлтан, BAQ.KZ. " + LEAD, MORE).source == "BAQ.KZ"
    assert _page(LEAD, "Massaget.kz тілшісі биыл " + MORE).source == "Massaget.kz"
    assert _page(LEAD, MORE).source is None


def test_a_printed_date_with_a_clock_time_is_the_articles_date():
    assert _page("Жастармен кездесу өтті", "19.05.2020, 09:35", LEAD, MORE).date == "2020-05-19"
    assert _page("Жастармен кездесу өтті", LEAD + " Ол 19.05.2020 өтті.", MORE).date is None


def test_a_long_headline_without_a_full_stop_and_its_broken_repeat_are_not_body():
    head = "Ақтөбе облысындағы ауылдық округтер әкімдерінің сайлауын 2022 жылғы 11 желтоқсанға тағайындау туралы Хабар"
    doc = _page(head, "Ақтөбе облысындағы ауылдық округтер әкімдерінің сайлауын", "2022 жылғы 11 желтоқсанға тағайындау туралы",
                "Хабар", LEAD, MORE)
    assert doc.title == head
    assert doc.body.split("\n") == [LEAD, MORE]


def test_a_page_printing_the_article_twice_keeps_one_copy():
    doc = _page("Жастармен кездесу өтті", LEAD, MORE, "Арай ТӨЛЕГЕНҚЫЗЫ", LEAD, MORE)
    assert doc.body.split("\n") == [LEAD, MORE]


def test_site_menus_counters_and_more_widgets_are_furniture():
    doc = _page("Жастармен кездесу өтті", "Басты бет", "Қаз", "Рус", "Қаралым: 1 245", "1245 рет қаралды",
                LEAD, "Жарнама", MORE, "Сондай-ақ оқыңыз:", "Облыста жаңа мектеп ашылды", "Барлық құқықтар қорғалған © 2024")
    assert LEAD in doc.body and MORE in doc.body
    for junk in ("Басты бет", "Рус", "Қаралым", "қаралды", "Жарнама", "Сондай-ақ оқыңыз", "жаңа мектеп", "құқықтар"):
        assert junk not in doc.body


def test_a_read_also_link_inside_the_text_does_not_end_the_article():
    doc = _page("Ауданда жаңа мектеп салынады", LEAD, "Тағы оқыңыз: Облыста 10 мектеп жөндеуден өтеді", MORE,
                "Сондай-ақ оқыңыз:", "Жастар форумы өтті", "Жоба «Жайлы мектеп» ұлттық жобасы аясында іске асырылуда.")
    assert LEAD in doc.body and MORE in doc.body and "Жайлы мектеп" in doc.body
    assert "оқыңыз" not in doc.body and "10 мектеп" not in doc.body and "Жастар форумы" not in doc.body


def test_a_read_also_list_after_the_last_prose_is_the_tail():
    doc = _page("Ауданда жаңа мектеп салынады", LEAD, MORE, "Тағы оқыңыз:", "Облыста 10 мектеп жөндеуден өтеді")
    assert doc.body.endswith(MORE) and "10 мектеп" not in doc.body


def test_breadcrumbs_embeds_reaction_counts_and_copyright_lines_are_furniture():
    doc = _page("Басты бет / Қоғам / Білім", "Ауылда жаңа кітапхана ашылды", LEAD, "Instagram-да осы жазбаны көру", MORE,
                "Ұнады 12", "Дереккөз көрсетілмеген материалды көшіруге тыйым салынады.")
    assert doc.title == "Ауылда жаңа кітапхана ашылды"
    assert doc.body == f"{LEAD}\n{MORE}"
    kept = _page("Есеп", "Өсім жылына 5 % / 7 % болды.", LEAD)
    assert "5 % / 7 %" in kept.body


def test_labelled_author_and_a_date_with_the_month_in_words_are_metadata():
    doc = _page("Ауылда жаңа кітапхана ашылды", "Автор: Дана Әлімова", "Жарияланды: 15 наурыз 2024, 09:40", LEAD, MORE)
    assert (doc.author, doc.date) == ("Дана Әлімова", "2024-03-15")
    assert doc.body == f"{LEAD}\n{MORE}"
    assert parse_date("3 қазан, 2023 ж.") == "2023-10-03"
