"""Shared fixtures: the repository's corpus and gold, and one pipeline run over them."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"
SPLITS = ("dev", "test")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The development split: what rules and models are built against."""
    return GOLD / "dev"


@pytest.fixture(scope="session", params=SPLITS)
def gold_split(request) -> tuple[str, Path]:
    return request.param, GOLD / request.param


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> Path:
    """The whole corpus through the CLI with the default settings, one process (as `make extract`)."""
    from kzextract.cli import main

    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(CORPUS), "-o", str(out), "-j", "1", "-q"]) == 0
    return out
