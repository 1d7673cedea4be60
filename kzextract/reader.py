"""Read an article file into a ``Document``: detect the encoding, normalise line ends, strip HTML.

Kazakh news archives come as UTF-8, UTF-8 with BOM, UTF-16, KZ-1048 (Windows Kazakh: Windows-1251
cannot encode ә ғ қ ң ө ұ ү һ і) and Windows-1251 (Russian). Offsets everywhere else are into the
text this module returns, so it is the one place that decides what "raw" means.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import unicodedata
from pathlib import Path

import regex

from .document import Document
from .settings import current

# A news article is a few kB, a long one 100 kB; a file over 10 MB is a dump or a mistake, and
# processing it would hold a worker for minutes and its rows in memory. It is refused with an error
# row; the ``max_bytes`` setting (KZEXTRACT_MAX_BYTES) raises the limit.
def max_bytes() -> int:
    return current().max_bytes


_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_RUSSIAN_ONLY = set("ёщъэЁЩЪЭ")
_SERBIAN = set("ђћџљњЂЋЏЉЊ")  # what KZ-1048 bytes for Kazakh letters look like in Windows-1251
_LATIN_KAZAKH = set("äğıñöūüşÄĞİÑÖŪÜŞ")
_HTML = regex.compile(r"<(?:!doctype|html|body|p|div|br|article|head)\b", regex.I)
_TAG = regex.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<[^>]{0,2000}>", regex.I | regex.S)
_BLOCK_TAG = regex.compile(r"</?(?:p|div|br|h[1-6]|li|tr|article|section|title)\b[^>]{0,2000}>", regex.I)


class ReadError(Exception):
    """An article that cannot be turned into text; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of one article."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-8 after a UTF-8 byte-order mark: {exc.reason} at byte {exc.start + 3}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 after a UTF-16 byte-order mark: {exc.reason} at byte {exc.start}") from exc
    if len(data) >= 4 and data.count(0) > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
        raise ReadError("binary data: too many NUL bytes for text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 is text unless it is full of control characters; it need not be letters
        # (a table of figures is still an article to report on).
        if not _looks_like_text(text, need_letters=False):
            raise ReadError("binary data: control characters in UTF-8 text")
        return text, "utf-8"
    as_kz = data.decode("kz1048", errors="replace")
    as_ru = data.decode("cp1251", errors="replace")
    kz_score = sum(ch in _KAZAKH_LETTERS for ch in as_kz)
    ru_serbian = sum(ch in _SERBIAN for ch in as_ru)
    text, enc = (as_kz, "kz1048") if kz_score and kz_score >= ru_serbian else (as_ru, "cp1251")
    if not _looks_like_text(text):
        raise ReadError("binary data: not text in UTF-8, UTF-16, KZ-1048 or Windows-1251")
    return text, enc


# Counting with one compiled pattern each instead of Python loops over characters: reading was ~10 %
# of a run without the model.
_CONTROL = regex.compile(r"[[\p{Cc}\p{Co}\p{Cn}]--[\n\r\t]]", regex.V1)
_LETTER = regex.compile(r"\p{L}")  # what str.isalpha() accepts
_SPACE = regex.compile(r"[\s\x1c-\x1f]")  # what str.isspace() accepts
_CYRILLIC = regex.compile(r"[\u0400-\u04ff]")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


def _count(pattern: regex.Pattern, text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _count_chars(chars: set[str], text: str) -> int:
    return sum(text.count(ch) for ch in chars)


def _looks_like_text(text: str, need_letters: bool = True) -> bool:
    """Real articles have (almost) no control characters and are mostly letters."""
    sample = text[:20000]
    if not sample.strip():
        return True
    if _count(_CONTROL, sample) > len(sample) * 0.01:
        return False
    if not need_letters:
        return True
    visible = len(sample) - _count(_SPACE, sample)
    return _count(_LETTER, sample) >= visible * 0.3


def html_to_text(text: str) -> str:
    """Strip tags, keeping block elements as line breaks, so the clean stage sees paragraphs."""
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def detect_language(text: str) -> str:
    """``kk``, ``ru`` (mostly Russian), ``kk-latn`` (2021 Latin alphabet) or ``und``."""
    sample = text[:20000]
    cyr = _count(_CYRILLIC, sample)
    latin_kk = _count_chars(_LATIN_KAZAKH, sample)
    latin = _count(_ASCII_LETTER, sample) + latin_kk
    if latin > cyr:
        return "kk-latn" if latin_kk > latin * 0.01 else "und"
    if not cyr:
        return "und"
    kk = _count_chars(_KAZAKH_LETTERS, sample)
    ru = _count_chars(_RUSSIAN_ONLY, sample)
    return "kk" if kk >= max(ru, cyr * 0.01) else "ru"


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one article; raises ``ReadError`` with a clear message for unusable input."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from exc
    limit = max_bytes()
    if size > limit:
        raise ReadError(f"file too large: {size} bytes (limit {limit}; set KZEXTRACT_MAX_BYTES to raise it)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    return document_from_bytes(data, doc_id or path.stem, str(path))


def document_from_bytes(data: bytes, doc_id: str, path: str = "-") -> Document:
    """Decode and normalise bytes (a file or stdin) into a ``Document``."""
    if not data:
        raise ReadError("empty article (0 bytes)")
    if not data.strip():
        raise ReadError("empty article (whitespace only)")
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML.search(text[:5000]):
        text = html_to_text(text)
        encoding += "+html"
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReadError("article has no text (whitespace only)")
    return Document(
        doc_id=doc_id,
        path=path,
        raw=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        language=detect_language(text),
    )
