"""Table-driven test: real expressions from corpus/ and KazNERD with their expected normalisation.

The table (tests/data/numbers_table.tsv) was written by reading the Kazakh, one row per
expression in its real context; each row lists every quantity the text states (or ``-``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kzextract.numbers import find_quantities

TABLE = Path(__file__).parent / "data" / "numbers_table.tsv"


def _rows():
    with open(TABLE, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for row in reader:
        exp = []
        if row["expected"].strip() != "-":
            for item in row["expected"].split(";"):
                value, unit, qualifier = item.split("|")
                exp.append((float(value), unit, qualifier))
        out.append(pytest.param(row["text"], exp, id=f"{row['source']}:{row['text'][:40]}"))
    return out


ROWS = _rows()

# Units and qualifiers of the second edition of the contract, in sentences written the way Kazakh
# news writes them (numbers, scales and units as in corpus/ articles): text -> every quantity.
MONEY = [
    ("Жобаға облыстық бюджеттен 1,2 млрд теңге бөлінді.", [(1.2e9, "KZT", "exact")]),
    ("Кәсіпкерлерге 5 млн теңгеге дейін гранттар берілді.", [(5e6, "KZT", "up_to")]),
    ("Жалпы сомасы 73 млн теңгеден астам 42 жоба мақұлданды.", [(73e6, "KZT", "more_than"), (42, "count", "exact")]),
    ("Айыппұл мөлшері 1.500.000 теңгені құрады.", [(1.5e6, "KZT", "exact")]),
    ("Жәрдемақы мөлшері 15,4-тен 16,1 мың теңгеге дейін өсті.", [(15400, "KZT", "exact"), (16100, "KZT", "exact")]),
    ("Орташа жалақы 350 000 ₸ болды.", [(350000, "KZT", "exact")]),
    ("Жалпы құны 4,5 млн 💰 теңге.", [(4.5e6, "KZT", "exact")]),
    ("Бағдарламаға 1 млрд. 245 млн. теңге қарастырылды.", [(1.245e9, "KZT", "exact")]),
    ("Инвестиция көлемі 233 млн АҚШ долларын құрайды.", [(2.33e8, "USD", "exact")]),
    ("Жоба құны шамамен 1,5 миллиард долларға бағаланады.", [(1.5e9, "USD", "approx")]),
    ("Бір билеттің бағасы $25 болды.", [(25, "USD", "exact")]),
    ("Еуропалық одақ 10 млн еуро грант бөлді.", [(1e7, "EUR", "exact")]),
    ("Келісімшарттың құны 4,5 миллион еуроны құрады.", [(4.5e6, "EUR", "exact")]),
    ("Қонақүйде бір түнге €120 төлеуге тура келді.", [(120, "EUR", "exact")]),
    ("Екі елдің тауар айналымы 2 млрд рубльден асты.", [(2, "count", "exact"), (2e9, "RUB", "more_than")]),
    ("Ресейлік серіктестер 500 мың рубль инвестиция салды.", [(5e5, "RUB", "exact")]),
    ("Тауардың бағасы 300 Ресей рублі болды.", [(300, "RUB", "exact")]),
    ("Айлық табысы 45 мың рубльге жетті.", [(45000, "RUB", "exact")]),
]
AREA = [
    ("Биыл 15 млн 678,8 мың га алқапқа дәнді дақылдар егілді.", [(15_678_800, "hectare", "exact")]),
    ("Өрт 276,4 гектар аумақты шарпыды.", [(276.4, "hectare", "exact")]),
    ("Шаруашылыққа 500 гектардан астам жер қайтарылды.", [(500, "hectare", "more_than")]),
    ("Облыста 4446,7 мың гектарға егін орылды.", [(4_446_700, "hectare", "exact")]),
    ("Фермерлерге 50 мың га жайылым берілді.", [(50000, "hectare", "exact")]),
    ("Жаңа саябақтың аумағы 12 гектарға жуық.", [(12, "hectare", "approx")]),
    ("Жаңа мектептің ауданы 8 мың шаршы метр.", [(8000, "sq_m", "exact")]),
    ("Көпбалалы отбасына 65 м² пәтер берілді.", [(65, "sq_m", "exact")]),
    ("Бір адамға 18 шаршы метрден келеді.", [(18, "sq_m", "exact")]),
    ("Биыл 120 мың шаршы метр тұрғын үй пайдалануға берілді.", [(120000, "sq_m", "exact")]),
    ("Ғимараттың жалпы ауданы 2 500 кв.м құрайды.", [(2500, "sq_m", "exact")]),
]
WEIGHT = [
    ("Облыста 1297,5 мың тонна астық бастырылды.", [(1_297_500, "tonne", "exact")]),
    ("Кен орны жылына 200 млн. тоннаға жуық мұнай береді.", [(2e8, "tonne", "approx")]),
    ("Экспортқа 300 мыңнан астам тонна ет жіберілді.", [(300000, "tonne", "more_than")]),
    ("Еріктілер 2 тоннадан астам қоқыс жинады.", [(2, "tonne", "more_than")]),
    ("Қоймада 5 т жанармай сақталған.", [(5, "tonne", "exact")]),
    ("Жылыжайлар 460 мың тонна көкөніс өндірді.", [(460000, "tonne", "exact")]),
    ("Қар тазалауға 40 тонна құм жұмсалды.", [(40, "tonne", "exact")]),
    ("Зауыттың қуаты жылына 100 мың тоннаға дейін жетеді.", [(100000, "tonne", "up_to")]),
    ("Жәрмеңкеде екі жарым тонна бал сатылды.", [(2.5, "tonne", "exact")]),
    ("Гуманитарлық көмек ретінде 15 тн ұн жеткізілді.", [(15, "tonne", "exact")]),
    ("Кемеге 3 т-дан астам жүк тиелді.", [(3, "tonne", "more_than")]),
]
DISTANCE = [
    ("Ауылдан 2,7 шақырым жерде жаңа ферма салынды.", [(2.7, "km", "exact")]),
    ("Су құбырының ұзындығы 5 шақырымнан асады.", [(5, "km", "more_than")]),
    ("Биыл 320 км жол жөндеуден өтті.", [(320, "km", "exact")]),
    ("Трасса 1700 шақырымға созылады.", [(1700, "km", "exact")]),
    ("Мектепке дейін 3 км-ге жуық жол бар.", [(3, "km", "approx")]),
    ("Жаңа теміржолдың ұзындығы 836 километр.", [(836, "km", "exact")]),
    ("Шекараға дейін 50 шақырымдай қалды.", [(50, "km", "approx")]),
    ("Кемінде 10 километр жаяу жүруге тура келеді.", [(10, "km", "more_than")]),
    ("Ауданда 150 шақырымнан астам газ құбыры тартылды.", [(150, "km", "more_than")]),
    ("Көпірдің ұзындығы бір шақырымға жуық.", [(1, "km", "approx")]),
    ("Марафон қашықтығы 42 км 195 метр.", [(42, "km", "exact"), (195, "count", "exact")]),
]
MULTIPLIER = [
    ("Өнім өндіру көлемі 2 есе артты.", [(2, "times", "exact")]),
    ("Қылмыс саны 1,5 есеге азайды.", [(1.5, "times", "exact")]),
    ("Экспорт 6 есеге дейін өсті.", [(6, "times", "up_to")]),
    ("Кәсіпорынның табысы екі есе көбейді.", [(2, "times", "exact")]),
    ("Көрсеткіш үш есеге ұлғайды.", [(3, "times", "exact")]),
    ("Дәрінің бағасы 10 есе қымбаттады.", [(10, "times", "exact")]),
    ("Мұғалімдердің жалақысы екі жарым есеге өсті.", [(2.5, "times", "exact")]),
    ("Өндіріс 3 еседен астам артты.", [(3, "times", "more_than")]),
    ("Несие көлемі 4 есе ұлғайды.", [(4, "times", "exact")]),
    ("Электр қуатын тұтыну 1,2 есе төмендеді.", [(1.2, "times", "exact")]),
    ("Туристер саны 5 еседен астам өсті.", [(5, "times", "more_than")]),
]
OTHER_UNITS = [
    ("Жұмыссыздық деңгейі 0,3 п.т. төмендеді.", [(0.3, "percentage_point", "exact")]),
    ("Өңдеу өнеркәсібінің үлесі 3,3 пайыздық тармаққа өсті.", [(3.3, "percentage_point", "exact")]),
    ("Инфляция 1,2 пайыздық пунктке баяулады.", [(1.2, "percentage_point", "exact")]),
    ("Көрсеткіш 77,8%-ға жетті, бұл 2 п.т. жоғары.", [(77.8, "percent", "exact"), (2, "percentage_point", "exact")]),
    ("Шаруашылықта 12 бас ірі қара бар.", [(12, "head", "exact")]),
    ("Фермер 500 бастан астам қой ұстайды.", [(500, "head", "more_than")]),
    ("Ауданда 90 мың басқа жуық жылқы бар.", [(90000, "head", "approx")]),
    ("Айыппұл 180 АЕК мөлшерінде салынды.", [(180, "mci", "exact")]),
    ("Әр отбасына 1,5 АЕК көлемінде көмек беріледі.", [(1.5, "mci", "exact")]),
    ("Жәрдемақы 10 айлық есептік көрсеткішке тең.", [(10, "mci", "exact")]),
    ("Айыппұл 30 АЕК-ке дейін өсті.", [(30, "mci", "up_to")]),
    ("Нәрестеге жасалған ота 3 сағатқа созылды.", [(3, "hour_span", "exact")]),
    ("Құтқарушылар 24 сағат бойы жұмыс істеді.", [(24, "hour_span", "exact")]),
    ("Жол жүру 5 сағаттан астам уақыт алады.", [(5, "hour_span", "more_than")]),
    ("Жиналыс сағат 10-да басталды.", []),
    ("Ондаған отбасы баспанамен қамтылды.", [(10, "count", "vague")]),
    ("Жүздеген еріктілер іс-шараға қатысты.", [(100, "count", "vague")]),
    ("Мыңдаған адам шеруге шықты.", [(1000, "count", "vague")]),
    ("Жобаға ондаған миллион теңге жұмсалды.", [(1e7, "KZT", "vague")]),
    ("Жүздеген гектар егістік су астында қалды.", [(100, "hectare", "vague")]),
    ("Қоймаларда мыңдаған тонна астық сақталды.", [(1000, "tonne", "vague")]),
    # two amounts of one unit written once: the first shares it
    ("Жалақы 8 және 10 пайызға өсті.", [(8, "percent", "exact"), (10, "percent", "exact")]),
    ("Экспорт 5 немесе 10 пайыздан астам өседі.", [(5, "percent", "more_than"), (10, "percent", "more_than")]),
    ("Егістік 12 және 15 гектар жерде орналасқан.", [(12, "hectare", "exact"), (15, "hectare", "exact")]),
]
GROUPS = {"money": MONEY, "area": AREA, "weight": WEIGHT, "distance": DISTANCE, "multiplier": MULTIPLIER}
EXTENDED = [pytest.param(t, e, id=f"{name}:{t[:40]}") for name, rows in {**GROUPS, "other": OTHER_UNITS}.items()
            for t, e in rows]


def test_table_has_at_least_150_real_expressions():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("text,expected", ROWS)
def test_real_expression_normalises_as_read(text, expected):
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(text)]
    assert len(got) == len(expected), got
    for (gv, gu, gq), (ev, eu, eq) in zip(got, expected):
        assert gv == pytest.approx(ev, rel=1e-9, abs=1e-4)
        assert (gu, gq) == (eu, eq)


@pytest.mark.parametrize("text,expected", ROWS)
def test_span_text_is_the_source_text(text, expected):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.text == q.text.strip()


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_each_extended_unit_group_has_ten_sentences(name):
    assert len(GROUPS[name]) >= 10


def test_money_covers_every_currency():
    units = {u for _, exp in MONEY for _, u, _ in exp}
    assert {"KZT", "USD", "EUR", "RUB"} <= units


@pytest.mark.parametrize("text,expected", EXTENDED)
def test_second_edition_units_and_qualifiers(text, expected):
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(text)]
    assert len(got) == len(expected), got
    for (gv, gu, gq), (ev, eu, eq) in zip(got, expected):
        assert gv == pytest.approx(ev, rel=1e-9, abs=1e-4)
        assert (gu, gq) == (eu, eq)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
