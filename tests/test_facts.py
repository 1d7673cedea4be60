"""Officials: persons with the position written next to them, initials resolved."""

from kzextract.document import Document, Entity
from kzextract.facts import assemble_facts
import kzextract

RAW = (
    "Алматы қаласы әкімінің орынбасары Ержан Бабақұмаров жиын өткізді. "
    "Кейін Е. Бабақұмаров тапсырма берді. Төкен Файзуллин, орталық басшысының орынбасары: сөйледі."
)


def _ent(label, text, norm=None):
    start = RAW.index(text)
    return Entity(start, start + len(text), label, text, norm or text)


def test_position_before_the_name_and_initials_resolve_to_the_full_name():
    doc = Document("d", "-", RAW)
    doc.entities = [
        _ent("POSITION", "Алматы қаласы әкімінің орынбасары"),
        _ent("PERSON", "Ержан Бабақұмаров"),
        _ent("PERSON", "Е. Бабақұмаров"),
        _ent("PERSON", "Төкен Файзуллин"),
        _ent("POSITION", "орталық басшысының орынбасары"),
    ]
    officials = assemble_facts(doc).officials
    assert [(o.name, o.position) for o in officials] == [
        ("Ержан Бабақұмаров", "Алматы қаласы әкімінің орынбасары"),
        ("Төкен Файзуллин", "орталық басшысының орынбасары"),
    ]


def test_initials_first_then_full_name_upgrades_the_name():
    doc = Document("d", "-", RAW)
    doc.entities = [_ent("PERSON", "Е. Бабақұмаров"), _ent("PERSON", "Ержан Бабақұмаров")]
    assert [o.name for o in assemble_facts(doc).officials] == ["Ержан Бабақұмаров"]


def test_a_position_far_from_the_name_is_not_attached():
    doc = Document("d", "-", RAW)
    doc.entities = [_ent("PERSON", "Е. Бабақұмаров"), _ent("POSITION", "орталық басшысының орынбасары")]
    assert assemble_facts(doc).officials[0].position is None


def test_a_title_after_a_comma_keeps_the_role_before_it():
    doc = kzextract.extract_text("Жоба жетекшісі, профессор Айбек Сәрсенов әдісті түсіндірді.", ner="none")
    assert ("Айбек Сәрсенов", "Жоба жетекшісі") in {(o.name, o.position) for o in doc.officials}
