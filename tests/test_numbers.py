"""Behaviour of the numbers stage on real Kazakh news sentences (corpus/ and KazNERD)."""

from __future__ import annotations

import time

import pytest

from kzextract.document import Document, Quantity, Sentence
from kzextract.numbers import find_quantities, quantify


def triples(text):
    return [(q.value, q.unit, q.qualifier) for q in find_quantities(text)]


def only(text) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


# --- digits -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("Оның ішінде 11 300 жас тұрақты жұмыс орнына тұрды.", 11300),
    ("Оның ішінде 11\u202f300 жас тұрақты жұмыс орнына тұрды.", 11300),
    ("Оның ішінде 11\u00a0300 жас тұрақты жұмыс орнына тұрды.", 11300),
    ("Жиынға 1.500 адам қатысты.", 1500),
    ("14 жастан 35 жасқа дейінгі 131 332 жас бар.", 131332),
])
def test_thousands_separated_by_space_nbsp_or_dot(text, value):
    assert value in [q.value for q in find_quantities(text)]


def test_decimal_comma_and_point():
    assert only("индексі 77,8%-ды құрады").value == 77.8
    assert only("индексі 77.8% құрады").value == 77.8
    assert only("4,5 млн астам адамды қамтитын").value == 4_500_000


@pytest.mark.parametrize("text,value,qualifier", [
    ("125-тен астам іс-шараны", 125, "more_than"),
    ("20-дан астам бірлескен жобаны", 20, "more_than"),
    ("400-ден аса жоба жүзеге асырылды", 400, "more_than"),
    ("Биыл 280-ге жуық іс-шара өткізілді", 280, "approx"),
    ("келушілер саны 1000 – ға жетті", 1000, "exact"),
    ("орталық аудандарда 3000-нан асты", 3000, "more_than"),
    ("олардың саны 16-ға дейін жеткізілетін болады", 16, "up_to"),
    ("ал оның 10714-і біздің өңірімізде", 10714, "exact"),
    ("50-ге жуық маман", 50, "approx"),
    ("Ұйымның 13-і жұмыс істейді", 13, "exact"),
])
def test_case_suffixes_attach_to_digits_with_or_without_hyphen(text, value, qualifier):
    q = [q for q in find_quantities(text) if q.value == value][0]
    assert q.qualifier == qualifier
    assert q.text.startswith(str(value)[:2])


def test_scale_words_full_abbreviated_and_inflected():
    assert triples("506 мың жас тұрғын бар") == [(506000, "count", "exact")]
    assert triples("1,5 миллионнан астам адамды қамтыған") == [(1_500_000, "count", "more_than")]
    assert triples("Ұлттық бюро мәліметінше 2,07 млн адам") == [(2_070_000, "count", "exact")]
    assert triples("70 млрд теңгеге жуық бюджет қаражаты") == [(70e9, "KZT", "approx")]
    assert triples("бюджеті 1,2 трлн теңге") == [(1.2e12, "KZT", "exact")]


# --- number words -------------------------------------------------------------------------------
def test_number_words_alone_and_compound():
    assert triples("облыс аумағында отыздан астам жастар бірлестіктері бар") == [(30, "count", "more_than")]
    assert triples("штабы сегіз мыңнан астам жастың басын қосқан") == [(8000, "count", "more_than")]
    assert triples("Олар жыл сайын мыңнан аса акция мен жобаға қатысады") == [(1000, "count", "more_than")]
    assert triples("екі жүз елу мың адам") == [(250000, "count", "exact")]
    assert triples("277 миллион тоғыз мың теңге бөлінді") == [(277_009_000, "KZT", "exact")]
    assert triples("жүзден астам қазақстандық жас") == [(100, "count", "more_than")]


def test_tens_of_hundreds_of_thousands_of_are_vague():
    # the contract's `vague`: the value is the order of magnitude
    assert triples("Еріктілер жүздеген халықаралық іс-шараларға қатысып") == [(100, "count", "vague")]
    assert triples("мыңдаған жас ел игілігі үшін қызмет етіп келеді") == [(1000, "count", "vague")]
    assert triples("ондаған жоба іске асты") == [(10, "count", "vague")]
    assert triples("ондаған миллион теңге жұмсалды") == [(10_000_000, "KZT", "vague")]
    assert triples("жүздеген мың адам жиналды") == [(100_000, "count", "vague")]
    assert triples("миллиондаған тонна астық") == [(1_000_000, "tonne", "vague")]
    assert triples("мыңдай адам") == [(1000, "count", "approx")]


def test_half_words():
    assert triples("бір жарым мыңнан асады") == [(1500, "count", "more_than")]
    assert triples("жарты миллион адам") == [(500000, "count", "exact")]


def test_decimal_point_word_butin():
    assert triples("тоқсан тоғыз бүтін оннан бес проценті қамтылды") == [(99.5, "percent", "exact")]


# --- qualifiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,qualifier", [
    ("35 мыңға жуық жас келеді", "approx"),
    ("шамамен 500 адам", "approx"),
    ("20 шақты көпқабатты үйді", "approx"),
    ("200-дей қоғамдық кеңес", "approx"),
    ("үш жүзге тарта студент", "approx"),
    ("1000-нан астам мұқтаж азаматқа", "more_than"),
    ("мыңнан артық адам", "more_than"),
    ("100-ден кем", "less_than"),
    ("100-ден кем емес", "more_than"),  # "not less than 100" is at least 100
    ("50 мың теңгеден артық емес", "up_to"),
    ("100 адамнан астам қатысты", "more_than"),  # the qualifier after the counted noun
    ("1 күнкөріс деңгейінен кем емес мөлшерінде", "more_than"),
    ("+80 кг салмақ дәрежесінде", "more_than"),  # a weight class
    ("5%-дан төмен", "less_than"),
    ("18 айға дейін еңбек ақысын мемлекет төлеп отырады", "up_to"),
    ("35 жастан аспаған жұмыссыз түлектері", "up_to"),
])
def test_qualifiers(text, qualifier):
    assert only(text).qualifier == qualifier


def test_comparison_word_needs_the_right_case():
    # "аса" means "very" unless the number is in the ablative
    assert only("10 аса маңызды жоба").qualifier == "exact"
    # "0,7% төмен" = lower by 0.7 %, a difference, not a bound
    assert only("көрсеткіштер 0,7% төмен").qualifier == "exact"


def test_qualifier_is_part_of_the_span():
    assert only("жыл сайын қалаға 35 мыңға жуық жас келеді").text == "35 мыңға жуық"
    assert find_quantities("73 млн теңгеден астам соманың")[0].text == "73 млн теңгеден астам"


# --- units --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,unit", [
    ("олардың 70 пайызы тұрақты жұмысқа орналасқан", 70, "percent"),
    ("100 пайызға игерілген", 100, "percent"),
    ("жастар үлесі 8,7 пайызды құрап отыр", 8.7, "percent"),
    ("Қазақстандағы 6,3%-дық NEET көрсеткіш", 6.3, "percent"),
    ("605 488,0 мың теңге қаржы қаралған", 605_488_000, "KZT"),
    ("176750 теңгеден бөлінді", 176750, "KZT"),
    ("бағасы 5000 тг.", 5000, "KZT"),
    ("бағасы 5000 ₸", 5000, "KZT"),
    ("233000000 доллар қаржы салады", 233_000_000, "USD"),
    ("3 , 5 миллиард АҚШ доллары", 3.5e9, "USD"),
    ("бағасы $100 болды", 100, "USD"),
    ("осы жылдың 9 айындағы жұмыс қорытындысы", 9, "month_span"),
    ("төрт жыл ішінде қалада", 4, "year_span"),
    ("Екі күндік көшпелі іс-шараның", 2, "day_span"),
    ("Тәуелсіздіктің 30 жылдығы", 30, "year_span"),
])
def test_units(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_age_after_a_range_is_a_year_span():
    assert triples("14-28 жас аралығында 506 мың жас тұрғын бар") == [
        (14, "year_span", "exact"), (28, "year_span", "exact"), (506000, "count", "exact")]
    assert triples("Қалада 14 пен 35 жас аралығындағы жастар") == [
        (14, "year_span", "exact"), (35, "year_span", "exact")]


def test_bare_zhas_after_a_number_is_young_people():
    q = only("биыл 6404 жас тұрақты жұмыс орындарына орналастырылды")
    assert (q.unit, q.noun) == ("count", "жас")


def test_range_from_ablative_to_dative_deyin_is_two_exact_ends():
    assert triples("14 жастан 35 жасқа дейінгі 131 332 жас бар") == [
        (14, "year_span", "exact"), (35, "year_span", "exact"), (131332, "count", "exact")]


def test_lone_upper_bound_is_up_to():
    assert triples("отыз бес жасқа дейінгі жастар") == [(35, "year_span", "up_to")]


def test_counted_noun_skips_adjectives():
    assert only("қалада 28 ірі волонтерлік ұйым жұмыс істейді").noun == "ұйым"
    assert only("жұмыстың 5 негізгі бағыты айқындалды").noun == "бағыты"
    assert only("қосымша 50 орталық ашу жоспарлануда").noun == "орталық"


def test_range_borrows_the_scale_of_its_second_end():
    assert triples("2-3 мың адам") == [(2000, "count", "exact"), (3000, "count", "exact")]


# --- shares -------------------------------------------------------------------------------------
def test_shares():
    assert triples("Алматы жастарының әрбір екінші өкілі") == [(0.5, "share", "exact")]
    assert triples("жастардың әрбір он бірінші (8,6%)") == [(0.0909, "share", "exact"), (8.6, "percent", "exact")]
    assert triples("үштен бірі Қазақстанға тиесілі") == [(0.3333, "share", "exact")]
    assert triples("Соның жартысы жеңілдетілген несиеге") == [(0.5, "share", "exact")]


# --- not quantities -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Алматы қаласының 2025 жылға дейінгі өңірлік жоспары",
    "Тек 2024 жылы бұл жобалар жүзеге асырылды",
    "орталық 2014 жылдан бері жұмыс істеп келеді",
    "29.09.2021",
    "2024-06-14",
    "2025 жылғы 1 қазандағы жағдай бойынша",
    "21 қыркүйек күні",
    "19:54",
    "2024 жылдың 2-тоқсанының қорытындысы",
    "2021 жылдың II тоқсанының қорытындысы",
    "2022 жылдың төртінші тоқсанында",
    "Аталмыш іс-шара 1 курс студенттеріне",
    "«Қазақстанның 100 жаңа тұлғасы» жобасы",
    "«30 игі іс» қайырымдылық марафоны",
    "бір бағытта жұмыс істейді",
    "жұмыстың басым бағыттарының бірі",
    "бірнеше курстар өткізіледі",
    "Телефон: +7 (727) 123-45-67",
    "COVID-19 індеті",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_quoted_name_number_is_skipped_but_following_count_kept():
    assert triples("«Қазақстанның 100 жаңа тұлғасы» төрт кезеңінің жеңімпаздары") == [(4, "count", "exact")]


def test_bir_birden_gives_only_the_count():
    assert triples("әр ауданда бір-бірден 8 комьюнити-орталық іске қосылды") == [(8, "count", "exact")]


def test_speech_in_quotes_keeps_its_numbers():
    assert triples("«Ал 2018-інші жылы ол 193000 теңгенің маңайында еді» , — дейді мамандар") == [
        (193000, "KZT", "approx")]
    assert find_quantities("«Ал 2018-інші жылы ол 193000 теңгенің маңайында еді» , — дейді")[0].text == "193000 теңгенің"


# --- offsets and the stage ----------------------------------------------------------------------
def test_offsets_are_relative_to_text():
    text = "Бүгінде 23 мыңнан астам жас оқудан өтіп, олардың 70 пайызы жұмысқа орналасқан."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.sent_id == -1


def test_quantify_shifts_offsets_to_raw_and_sets_sentence_ids():
    raw = "Тақырып\nБиыл 280-ге жуық іс-шара өткізілді. Қалада 28 ірі волонтерлік ұйым бар.\n"
    s1 = raw.index("Биыл")
    e1 = raw.index("өткізілді.") + len("өткізілді.")
    s2 = raw.index("Қалада")
    e2 = raw.index("бар.") + 4
    doc = Document(doc_id="x", path="x.txt", raw=raw,
                   sentences=[Sentence(s1, e1, raw[s1:e1]), Sentence(s2, e2, raw[s2:e2])])
    out = quantify(doc)
    assert out is doc
    assert [(q.text, q.sent_id) for q in doc.quantities] == [("280-ге жуық", 0), ("28", 1)]
    for q in doc.quantities:
        assert raw[q.start:q.end] == q.text


def test_empty_and_numberless_text():
    assert find_quantities("") == []
    assert find_quantities("Отырыста өзекті мәселелер талқыланды.") == []


def test_linear_time_on_adversarial_input():
    # long runs of digits, separators, suffix-like words and dashes must not backtrack
    for chunk in ("1 " * 20000, "1-" * 20000, "1 000 " * 5000, "мың " * 10000, "1," * 20000, "жүз-ден " * 5000):
        t0 = time.perf_counter()
        find_quantities(chunk)
        assert time.perf_counter() - t0 < 3.0


# --- more real cases from KazNERD ---------------------------------------------------------------
def test_minus_makes_the_value_negative():
    q = only("ауа температурасы минус отыз сегіз градусқа дейін төмендейді")
    assert (q.value, q.qualifier, q.text) == (-38, "up_to", "минус отыз сегіз градусқа дейін")


def test_digit_fraction_is_a_share():
    assert triples("тауар айналымының 3-тен 1-і Қазақстанға тиесілі") == [(0.3333, "share", "exact")]
    assert triples("Бұл қажеттіліктің 4-тен 1 бөлігін") == [(0.25, "share", "exact")]


def test_word_year_range_is_not_a_quantity():
    assert find_quantities("Соңғы екі мың он жеті – екі мың он сегіз жылдар аралығында") == []


@pytest.mark.parametrize("text", ["Онымен күресу керек", "тоқсан сайын тұрмыстық химия", "таңғы жеті нөл-нөлден бастап",
                                  "сағат 10-да басталады", "Сағат 12 : 40-та"])
def test_pronouns_quarters_and_clock_words_are_not_numbers(text):
    assert find_quantities(text) == []


def test_hyphenated_word_range_gives_two_quantities():
    assert triples("бес-алты тоннадан") == [(5, "tonne", "exact"), (6, "tonne", "exact")]


def test_verb_qualifier_sets_qualifier_but_stays_outside_span():
    q = only("Жобадағы қазақстандық үлес 90 проценттен асады")
    assert (q.qualifier, q.text) == ("more_than", "90 проценттен")


# --- evaluation helpers -------------------------------------------------------------------------
def test_kaznerd_eval_matches_spans_and_merges_ranges(tmp_path):
    from devtools.numbers_eval import bench_numbers, evaluate

    iob = tmp_path / "IOB2_test.txt"
    iob.write_text(
        "Биыл O\n280-ге B-CARDINAL\nжуық I-CARDINAL\nіс-шара O\nөтті O\n. O\n\n"
        "14 B-CARDINAL\n– I-CARDINAL\n28 I-CARDINAL\nүй O\n. O\n\n"
        "2024 B-DATE\nжылы I-DATE\n70 B-PERCENTAGE\nпайызы I-PERCENTAGE\n. O\n\n",
        encoding="utf-8")
    res = evaluate(iob)
    assert res["gold_spans"] == 3
    assert (res["precision"], res["recall"]) == (1.0, 1.0)
    assert bench_numbers(["Биыл 280-ге жуық іс-шара өтті."] * 50) > 0


# --- counted noun: the lemma of the head, never a verb --------------------------------------------
@pytest.mark.parametrize("text,noun", [
    ("Қалада 506 мың жас тұрғын бар", "тұрғын"),
    ("Биыл 400 адамды жұмысқа орналастырды", "адам"),
    ("Жобаға 50 кәсіпкерге қолдау көрсетілді", "кәсіпкер"),
    ("Аудан бойынша 5 тіркелген кәсіпкер бар", "кәсіпкер"),
    ("Облыста 15 жаңа мектепті салу жоспарлануда", "мектеп"),
    ("Шаруашылықта 12 бас жылқы бар", "жылқы"),
    ("биыл 6404 жас тұрақты жұмыс орындарына орналастырылды", "жас"),
])
def test_counted_noun_is_the_lemma_of_the_head(text, noun):
    assert find_quantities(text)[0].noun == noun


@pytest.mark.parametrize("text", [
    "Өнім көлемі 2 есе артты.",
    "Олардың саны 25 болды.",
    "Көрсеткіш 1000-нан асты.",
    "Қатысушылар саны 300 жетті.",
    "Бүгінде олардың саны 120 құрайды.",
])
def test_counted_noun_is_never_a_verb(text):
    assert find_quantities(text)[0].noun is None


# --- robustness: digit runs, separators, abbreviations, symbols ----------------------------------
def test_long_run_of_valid_groups_is_one_number_per_group():
    assert [q.value for q in find_quantities("120 340 560 780 910 230")] == [120, 340, 560, 780, 910, 230]
    assert [q.value for q in find_quantities("Бюджет 1 000 000 000 теңге")] == [1e9]


def test_invalid_grouping_splits_the_run():
    assert [q.value for q in find_quantities("12 3456 адам")] == [12, 3456]


@pytest.mark.parametrize("n", [16, 25, 400, 5000])
def test_very_long_digit_runs_do_not_raise(n):
    text = "Шот нөмірі " + "7" * n + " болды"
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
    find_quantities(" ".join(["123"] * n))
    find_quantities("1" * n + " теңге")


def test_dot_thousands_separator():
    assert triples("Айыппұл 1.500.000 теңге болды") == [(1_500_000, "KZT", "exact")]
    assert triples("Жиынға 12.500 адам қатысты") == [(12_500, "count", "exact")]


def test_emoji_between_scale_and_currency():
    assert triples("Жүлде қоры 4,5 млн 💰 теңге") == [(4_500_000, "KZT", "exact")]
    assert triples("Жүлде қоры 4,5 млн 💰💰 теңге") == [(4_500_000, "KZT", "exact")]


def test_scale_abbreviation_with_full_stop():
    assert triples("Жобаға 1 млрд. 245 млн. теңгеге несие берілді") == [(1_245_000_000, "KZT", "exact")]
    assert triples("жылына 200 млн. тоннаға жуық") == [(200_000_000, "tonne", "approx")]
    assert triples("Бюджеті 3 млрд. теңге") == [(3e9, "KZT", "exact")]
    # a full stop that ends the sentence is not part of the amount and joins nothing
    qs = find_quantities("Олардың саны 5 млн. 2020 жылы өсті")
    assert [(q.value, q.text) for q in qs] == [(5e6, "5 млн")]


@pytest.mark.parametrize("sep", ["\u00a0", "\u2009", "\u202f"])
def test_no_break_and_thin_spaces_inside_numbers(sep):
    assert triples(f"Бюджет 1{sep}500{sep}000 теңге") == [(1_500_000, "KZT", "exact")]
    assert triples(f"Облыста 12{sep}500 тонна астық жиналды") == [(12_500, "tonne", "exact")]
    q = only(f"Жиынға 2{sep}300 адам қатысты")
    assert (q.value, q.text) == (2300, f"2{sep}300")


def test_units_of_the_second_edition():
    assert triples("Үлесі 3,3 п.т. өсті") == [(3.3, "percentage_point", "exact")]
    assert triples("100 мың еуро") == [(100_000, "EUR", "exact")]
    assert triples("300 рубль") == [(300, "RUB", "exact")]
    assert triples("ота 3 сағатқа созылды") == [(3, "hour_span", "exact")]
    assert triples("1,5 есеге өсті") == [(1.5, "times", "exact")]
    assert triples("276,4 гектар") == [(276.4, "hectare", "exact")]
    assert triples("4423 мың тонна") == [(4_423_000, "tonne", "exact")]
    assert triples("5 шақырымнан аса") == [(5, "km", "more_than")]
    assert triples("65 шаршы метр") == [(65, "sq_m", "exact")]
    assert triples("12 бас мал") == [(12, "head", "exact")]
    assert triples("1,5 АЕК") == [(1.5, "mci", "exact")]
    assert triples("10 айлық есептік көрсеткіш") == [(10, "mci", "exact")]


def test_abbreviations_that_are_not_units():
    assert triples("1, 2, 3 т.б. сыныптар") == [(1, "count", "exact"), (2, "count", "exact"), (3, "count", "exact")]
    assert triples("12,7 ц / га") == [(12.7, "count", "exact")]
    assert triples("үш те бір") == [(3, "count", "exact")]


def test_article_numbers_date_ranges_and_list_marks_are_not_quantities():
    assert find_quantities("Кодексінің 73-3 бабының талаптары") == []
    assert find_quantities("ӘҚБтК-нің 829-11-бабы бойынша") == []
    assert find_quantities("Сәуірдің 23-27 күндері Астанада") == []
    assert find_quantities("4-тармағының 2) тармақшасына сәйкес") == []
    assert triples("Барлығы (8 адам) келді") == [(8, "count", "exact")]


def test_or_more_is_more_than_and_several_million_is_no_amount():
    assert triples("5 және одан да көп пайызын") == [(5, "percent", "more_than")]
    assert triples("алты не одан да көп баласы бар") == [(6, "count", "more_than")]
    assert find_quantities("бірнеше миллион теңге шығады") == []


def test_both_ends_of_a_range_share_a_range_id_unique_in_the_document():
    from kzextract.document import Document, Sentence
    from kzextract.numbers import quantify

    s1, s2 = "14-28 жас аралығындағы 500 жас.", "Жалақы 150-200 мың теңгеге өсті."
    raw = s1 + " " + s2
    doc = Document("d", "-", raw)
    doc.sentences = [Sentence(0, len(s1), s1), Sentence(len(s1) + 1, len(raw), s2)]
    qs = quantify(doc).quantities
    ids = [(q.value, q.range_id) for q in qs]
    assert ids[0][1] == ids[1][1] is not None and ids[2] == (500.0, None)
    assert ids[3][1] == ids[4][1] is not None and ids[3][1] != ids[0][1]


# --- second edition, remaining parts: general rules -------------------------------------------
@pytest.mark.parametrize("text,expected", [
    # a duration before бұрын is still an amount
    ("Бір жыл бұрын осы уақытта", [(1, "year_span", "exact")]),
    ("Бір күн ішінде 300 адам тіркелді", [(1, "day_span", "exact"), (300, "count", "exact")]),
    # "not less / not more than"
    ("Жалақы 5 мың теңгеден кем емес болуы тиіс", [(5000, "KZT", "more_than")]),
    ("Топта 10 адамнан артық емес бала болады", [(10, "count", "up_to")]),
    ("Іс-шараға 200 оқушыдан астам қатысты", [(200, "count", "more_than")]),
    # ranges: number words with мен, a date between the two ends, ends that are no amounts
    ("екі мен үш жас аралығындағы балалар", [(2, "year_span", "exact"), (3, "year_span", "exact")]),
    ("2020 жылы 5 мыңнан 2024 жылы 8 мыңға дейін өсті", [(5000, "count", "exact"), (8000, "count", "exact")]),
    ("Форум 2023 жылдың 15-20 наурызы аралығында өтеді", []),
    ("10-11 сынып оқушылары қатысты", []),
    ("2023 жылдың 3-4 тоқсандарында өнім өсті", []),
    ("Ғимарат 20 ғасырдың басында салынған", []),
    # fractions
    ("Халықтың 1/3 бөлігі қалада тұрады", [(0.3333, "share", "exact")]),
    ("Жердің 2/3 бөлігін су алып жатыр", [(0.6667, "share", "exact")]),
    ("Халықтың бестен бір бөлігі жастар", [(0.2, "share", "exact")]),
    ("Орталық 24/7 режимінде жұмыс істейді", []),
    ("№ 1/3 мектеп", []),
    ("Жылдың екінші жартысында 40 жоба іске қосылды", [(40, "count", "exact")]),
    # compounds, weight classes, money nouns, lists
    ("бесжылдық жоспар қабылданды", [(5, "year_span", "exact")]),
    ("Боксшы +91 кг салмақта жеңді", [(91, "count", "more_than")]),
    ("Кәсіпорынға 2 млн айыппұл салынды", [(2e6, "KZT", "exact")]),
    ("Банк 150 мың несие берді", [(150000, "count", "exact")]),
    ("Отбасында екі ұл, бір қыз бар", [(2, "count", "exact"), (1, "count", "exact")]),
    ("Ол бір мекемеде жұмыс істейді", []),
])
def test_general_rules_of_the_second_edition(text, expected):
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(text)]
    assert len(got) == len(expected), got
    for (gv, gu, gq), (ev, eu, eq) in zip(got, expected):
        assert gv == pytest.approx(ev, abs=1e-4)
        assert (gu, gq) == (eu, eq)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_number_value_reads_one_number_phrase():
    from kzextract.numbers import number_value

    assert number_value("екі мың он жетінші") == 2017
    assert number_value("бір мың тоғыз жүз тоқсан бір") == 1991
    assert number_value("оны екі мың") is None
    assert number_value("") is None


def test_a_bare_number_joined_by_zhane_shares_the_counted_noun():
    qs = find_quantities("Мектепте 300 және 400 оқушы бар.")
    assert [(q.value, q.noun) for q in qs] == [(300, "оқушы"), (400, "оқушы")]
