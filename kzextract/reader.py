"""Read an article file into a ``Document``: detect the encoding, normalise line ends, strip HTML.

Kazakh news archives come as UTF-8, UTF-8 with BOM, UTF-16, KZ-1048 (Windows Kazakh: Windows-1251
cannot encode ә ғ қ ң ө ұ ү һ і) and Windows-1251 (Russian). Offsets everywhere else are into the
text this module returns, so it is the one place that decides what "raw" means.

UTF-8 with a few undecodable bytes (a multi-byte character cut by a truncating tool, one stray
Windows-1252 ``«``) stays UTF-8: the bad bytes become U+FFFD and ``encoding`` says how many, e.g.
``utf-8 (3 bad bytes replaced)``. The legacy code pages are tried only when the bytes are not mostly
UTF-8 (see ``_UTF8_MIN_SHARE``).
"""

from __future__ import annotations

import codecs
import hashlib
import html
import os
import stat
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
    utf8 = _decode_utf8(data)
    if utf8 is not None:
        # Valid UTF-8 is text unless it is full of control characters; it need not be letters
        # (a table of figures is still an article to report on).
        if not _looks_like_text(utf8[0], need_letters=False):
            raise ReadError("binary data: control characters in UTF-8 text")
        return utf8
    return _decode_legacy(data)


# KZ-1048 or Windows-1251 Cyrillic read as UTF-8 has almost no valid multi-byte sequences (at most
# 2 % of its non-ASCII characters over the corpus), real UTF-8 with a cut character or a stray quote
# nearly 100 %. Below this share of valid non-ASCII characters the bytes are taken as a legacy code
# page; at or above it as damaged UTF-8. 90 % rather than 99 % so that a short article with one bad
# byte is not turned into mojibake.
_UTF8_MIN_SHARE = 0.9
_ESCAPED_BYTE = regex.compile(r"[\udc80-\udcff]")  # what errors="surrogateescape" makes of a bad byte
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


def _decode_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when ``data`` is UTF-8, perhaps with a few bad bytes replaced; else None."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", errors="surrogateescape")  # one surrogate per bad byte: countable
    bad = _count(_ESCAPED_BYTE, escaped)
    good = _count(_NON_ASCII, escaped) - bad
    if good < (good + bad) * _UTF8_MIN_SHARE:
        return None
    plural = "" if bad == 1 else "s"
    return data.decode("utf-8", errors="replace"), f"utf-8 ({bad} bad byte{plural} replaced)"


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """KZ-1048 when it yields Kazakh letters, else Windows-1251 (Russian)."""
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
    limit = max_bytes()
    _check_regular_file(path, limit)
    data = _read_at_most(path, limit)
    return document_from_bytes(data, doc_id or path.stem, str(path))


_NOT_REGULAR = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _check_regular_file(path: Path, limit: int) -> None:
    """Refuse what is not a regular file before opening it: opening a FIFO blocks until a writer
    comes, and a device such as /dev/zero never ends. ``os.stat`` follows links, so a ``zero.txt``
    linked to /dev/zero is refused too."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("cannot read: Is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "special file")
        raise ReadError(f"not a regular file: {kind}")
    if st.st_size > limit:
        raise ReadError(f"file too large: {st.st_size} bytes (limit {limit}; set KZEXTRACT_MAX_BYTES to raise it)")


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing more than ``limit``: the size from stat can be stale (the file grew
    since) or wrong (/proc files say 0), so the limit is enforced on what is actually read."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise ReadError(f"file too large: more than {limit} bytes (limit {limit}; set KZEXTRACT_MAX_BYTES to raise it)")
    return data


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
