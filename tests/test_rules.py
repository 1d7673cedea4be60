"""The rule grammar of the entity stage on real corpus sentences (no model)."""

import kzextract
from kzextract.entities.rules import rule_spans, tokenizer


def _ents(text):
    doc = tokenizer()(text)
    return [(text[s.start : s.end], s.label) for s in rule_spans(doc)]


def test_position_keeps_its_genitive_chain_and_the_person_follows():
    ents = _ents("Бүгін Алматы қаласы әкімінің орынбасары Ержан Бабақұмаровтың төрағалығымен жиын өтті.")
    assert ("Алматы қаласы әкімінің орынбасары", "POSITION") in ents
    assert ("Ержан Бабақұмаровтың", "PERSON") in ents


def test_quoted_name_with_programme_cue_is_programme_with_the_cue_in_text():
    ents = _ents("«Рухани жаңғыру» бағдарламасы аясында 400-ден аса жоба жүзеге асырылды.")
    assert ents == [("«Рухани жаңғыру» бағдарламасы", "PROGRAMME")]


def test_coordinated_quoted_names_share_the_plural_cue():
    ents = _ents("Сондай-ақ «Үздік» және «Астана жас жігер» жобалары арқылы жастарды тартқан.")
    assert [e for e in ents if e[1] == "PROGRAMME"] == [("«Үздік»", "PROGRAMME"), ("«Астана жас жігер» жобалары", "PROGRAMME")]


def test_quoted_name_with_legal_form_is_organisation():
    ents = _ents('Жоба операторы "Отбасы банк" АҚ болып бекітілді.')
    assert ('"Отбасы банк" АҚ', "ORGANISATION") in ents


def test_quoted_organisation_before_a_role_is_part_of_the_position():
    ents = _ents("«Жастар» ғылыми-зерттеу орталығының директоры Аян Сакошев ұсынды.")
    assert ("«Жастар» ғылыми-зерттеу орталығының директоры", "POSITION") in ents
    assert ("Аян Сакошев", "PERSON") in ents


def test_initials_with_surname_are_a_person():
    ents = _ents("Жиылған жастар алдында сөз алған Ш.Байманов нәтижелер туралы айтты.")
    assert ("Ш.Байманов", "PERSON") in ents


def test_descriptive_organisation_is_grown_from_its_head():
    assert ("Ұлттық статистика бюросының", "ORGANISATION") in _ents("делінген Ұлттық статистика бюросының ақпаратында.")


def test_generic_plural_group_is_not_an_organisation():
    assert _ents("жастар ұйымдары мүшелері қатысты.") == []


def test_gazetteer_place_takes_its_generic_noun():
    ents = _ents("Ақмола облысы жастар-ресурстық орталығы мен Алматыда шара өтті.")
    assert ("Алматыда", "GPE") in ents
    assert any(label == "GPE" and text.startswith("Ақмола") for text, label in ents) or any(
        "Ақмола облысы" in text for text, _ in ents
    )


def test_time_adverb_at_sentence_start_is_not_part_of_a_name():
    ents = _ents("Бүгін Алматы қаласы әкімінің орынбасары келді.")
    assert not any(text.startswith("Бүгін") for text, _ in ents)


def test_a_name_nested_in_quotes_keeps_both_legal_forms():
    assert _ents("Жолды «ҚазАвтоЖол» ҰК» АҚ-ның мердігері салады.")[0] == ("«ҚазАвтоЖол» ҰК» АҚ-ның", "ORGANISATION")
    ents = _ents("«Самұрық-Қазына» ҰӘҚ» АҚ басқарма төрағасы Нұрлан Жақыпов мәлімдеді.")
    assert ("«Самұрық-Қазына» ҰӘҚ» АҚ басқарма төрағасы", "POSITION") in ents


def test_a_village_name_that_looks_accusative_before_its_generic_noun_is_a_place():
    # Жемісті ("fruitful") ends like an accusative; before ауылында it can only be a name.
    ents = _ents("Сарыағаш ауданына қарасты Жемісті ауылында су құбыры тартылды.")
    assert ("Жемісті ауылында", "GPE") in ents


def test_a_place_ending_in_two_consonants_is_found_with_its_epenthetic_vowel():
    doc = kzextract.extract_text("Саммит Минскіде өтті.", ner="none")
    assert [(e.label, e.text, e.norm) for e in doc.entities] == [("GPE", "Минскіде", "Минск")]
