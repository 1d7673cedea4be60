"""The data files shipped inside the package: patterns (rules as data) and the NER model.

They are package data, found with ``importlib.resources``, so an installed wheel works from any
directory; the ``patterns`` and ``model`` settings point elsewhere without code changes.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .settings import current


def patterns_dir() -> Path:
    return current().patterns_dir


def model_dir() -> Path:
    return current().model_dir


@cache
def load_toml(name: str) -> dict:
    """Read ``patterns/<name>.toml`` once per process."""
    with open(patterns_dir() / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def load_wordlist(name: str) -> frozenset[str]:
    """Read ``patterns/<name>.txt``: one entry a line, ``#`` starts a comment."""
    lines = (patterns_dir() / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))


def clear_caches() -> None:
    """Forget loaded patterns (after the settings changed)."""
    load_toml.cache_clear()
    load_wordlist.cache_clear()
