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
