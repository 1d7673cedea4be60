"""Reading articles: encodings, line ends, HTML and unusable input."""

import codecs

import pytest

from kzextract.reader import ReadError, decode, detect_language, document_from_bytes

KK = "Алматы қаласы әкімінің орынбасары Ержан Бабақұмаров жиын өткізді. Ұйымдар қатысты."
RU = "Заместитель акима города Алматы провёл заседание совета по делам молодёжи. Объём работы."


def test_utf8_with_bom_is_decoded_and_named():
    text, enc = decode(codecs.BOM_UTF8 + KK.encode("utf-8"))
    assert text == KK and enc == "utf-8-sig"


def test_utf16_is_detected():
    text, enc = decode(KK.encode("utf-16"))
    assert text == KK and enc == "utf-16"


def test_kz1048_kazakh_is_detected():
    text, enc = decode(KK.encode("kz1048"))
    assert text == KK and enc == "kz1048"


def test_windows_1251_russian_is_detected():
    text, enc = decode(RU.encode("cp1251"))
    assert text == RU and enc == "cp1251"


def test_binary_junk_is_refused_with_a_clear_message():
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(256)) * 20)


def test_empty_and_whitespace_only_articles_are_refused():
    with pytest.raises(ReadError, match="empty"):
        document_from_bytes(b"", "x")
    with pytest.raises(ReadError, match="empty"):
        document_from_bytes(b"  \n\t \n", "x")


def test_crlf_is_normalised_so_offsets_count_one_char_per_line_end():
    doc = document_from_bytes(("Тақырып\r\n" + KK).encode(), "x")
    assert "\r" not in doc.raw and doc.raw.startswith("Тақырып\nАлматы")


def test_html_tags_are_stripped_and_paragraphs_kept():
    page = f"<html><body><h1>Тақырып</h1><p>{KK}</p><script>var x=1;</script></body></html>"
    doc = document_from_bytes(page.encode(), "x")
    assert "<" not in doc.raw and "var x" not in doc.raw and KK in doc.raw
    assert doc.encoding.endswith("+html")


def test_language_flags_russian_and_latin_kazakh():
    assert detect_language(KK) == "kk"
    assert detect_language(RU) == "ru"
    assert detect_language("Almaty qalasy äkiminiñ orynbasary Erjan Babaqūmarov jiyn ötkizdi.") == "kk-latn"
