"""Fuzzing the whole pipeline: random bytes, random Unicode and mutated real articles.

Whatever the input, reading either refuses it with a ``ReadError`` or gives a document that every
stage processes without an exception, whose rows fit the Parquet schemas, and whose every record
has ``0 <= start <= end <= len(raw)`` and ``raw[start:end] == text``.

Bounded for ``make test``; ``KZEXTRACT_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`` runs longer.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzextract.document import Document
from kzextract.pipeline import build_stages, process
from kzextract.reader import ReadError, document_from_bytes
from kzextract.write import SCHEMAS, document_rows

EXAMPLES = int(os.environ.get("KZEXTRACT_FUZZ_EXAMPLES", "100"))
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = ("kk_neet_zakon_2021", "aikyn_food_prices_dosaev", "24kz_mining_industry_sala",
            "aikyn_senate_bureau_ashimbayev")
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                database=None)


@functools.cache
def _stages():
    return build_stages(None)


@functools.cache
def _article(name: str) -> bytes:
    return (CORPUS / f"{name}.txt").read_bytes()


def _check(data: bytes) -> None:
    """The property: a clean refusal, or a processed document whose offsets all hold."""
    try:
        doc = document_from_bytes(data, "fuzz")
    except ReadError:
        return
    doc = process(doc, _stages())
    _check_offsets(doc)
    for table, rows in document_rows(doc).items():
        pa.Table.from_pylist(rows, schema=SCHEMAS[table])  # the rows are writable as declared


def _check_offsets(doc: Document) -> None:
    raw, n = doc.raw, len(doc.raw)
    for start, end in doc.blocks:
        assert 0 <= start <= end <= n
    for kind in ("sentences", "quantities", "dates", "entities"):
        for rec in getattr(doc, kind):
            assert 0 <= rec.start <= rec.end <= n, (kind, rec)
            assert raw[rec.start:rec.end] == rec.text, (kind, rec)
    for off in doc.officials:
        assert 0 <= off.start <= off.end <= n, off


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    _check(data)


_KAZAKH = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяәАӘҒҚҢӨҰҮҺІ"
_TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(list(_KAZAKH + "0123456789 .,%-–«»\n"))),
                max_size=2000)


@FUZZ
@given(_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_random_unicode(text: str, encoding: str) -> None:
    _check(text.encode(encoding, errors="surrogatepass"))


_MUTATION = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate"]),
    st.floats(0, 1), st.integers(0, 200), st.binary(min_size=1, max_size=40),
)


def _mutate(data: bytes, mutations: list[tuple[str, float, int, bytes]]) -> bytes:
    """Byte-level edits at relative positions: what damaged files and careless tools do."""
    for op, where, length, chunk in mutations:
        i = int(where * len(data))
        if op == "insert":
            data = data[:i] + chunk + data[i:]
        elif op == "delete":
            data = data[:i] + data[i + length:]
        elif op == "replace":
            data = data[:i] + chunk + data[i + len(chunk):]
        elif op == "truncate":
            data = data[:i]
        else:
            data = data[:i] + data[i:i + length] * 3 + data[i + length:]
    return data


@FUZZ
@given(st.sampled_from(ARTICLES), st.lists(_MUTATION, min_size=1, max_size=6))
def test_mutated_articles(name: str, mutations: list) -> None:
    _check(_mutate(_article(name), mutations))
