"""Where the data files live: patterns (rules as data) and the shipped model.

The package is installed in editable mode, so both stay in the repository where a linguist can edit
them; ``KZEXTRACT_PATTERNS`` / ``KZEXTRACT_MODEL`` / ``KZEXTRACT_SHARED`` point elsewhere without
code changes.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS_DIR = Path(os.environ.get("KZEXTRACT_PATTERNS", ROOT / "patterns"))
MODEL_DIR = Path(os.environ.get("KZEXTRACT_MODEL", ROOT / "models" / "kk_ner"))
# The project's read-only shared material (KazNERD, UD Kazakh) beside the checkout.
SHARED_DIR = Path(os.environ.get("KZEXTRACT_SHARED", ROOT.parent / "shared"))


@cache
def load_toml(name: str) -> dict:
    """Read ``patterns/<name>.toml`` once per process."""
    with open(PATTERNS_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def load_wordlist(name: str) -> frozenset[str]:
    """Read ``patterns/<name>.txt``: one entry a line, ``#`` starts a comment."""
    lines = (PATTERNS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))
