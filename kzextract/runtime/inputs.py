"""Which files a run reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def discover(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(doc_id, path) for every ``.txt`` file named or found under a named directory.

    A path that does not exist is yielded as-is so the runner reports it as an error row.
    """
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*.txt")):
                yield f.stem, str(f)
        else:
            yield p.stem if p.suffix == ".txt" else p.name, str(p)
