"""Which files a run reads, and the ``doc_id`` each gets."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def discover(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(doc_id, path) for every ``.txt`` file named or found under a named directory.

    A file found under a directory gets as doc_id its path relative to that directory without
    ``.txt`` (``a/article``, ``b/article``), so equal names in different sub-directories stay apart;
    files directly in it (and files named on their own) keep their stem, which gold files are keyed by.
    A path that does not exist is yielded as-is so the runner reports it as an error row. Paths are
    absolute, so the output does not depend on the directory the run started in.
    """
    for item in inputs:
        p = Path(os.path.abspath(item))
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p.stem if p.suffix == ".txt" else p.name, str(p)


def _walk(root: Path) -> Iterator[tuple[str, str]]:
    """The ``.txt`` entries under ``root`` in path order, following symlinked sub-directories.

    ``Path.rglob`` does not follow them; ``os.walk(followlinks=True)`` does but loops forever on a link
    to an ancestor, so each directory (by device and inode) is entered once. A directory with a
    ``.txt`` name is yielded too, as ``rglob`` did, so the run reports it instead of dropping it.
    """
    visited = {_dir_key(root)}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        # Real directories before links, so a directory reachable both ways is found by its real path.
        dirnames.sort(key=lambda d: (os.path.islink(os.path.join(dirpath, d)), d))
        dirnames[:] = [d for d in dirnames if _first_visit(os.path.join(dirpath, d), visited)]
        base = Path(dirpath)
        found.extend(base / name for name in [*filenames, *dirnames] if name.endswith(".txt"))
    for f in sorted(found, key=lambda f: f.relative_to(root).parts):
        rel = f.relative_to(root)
        yield (rel.parent / rel.stem).as_posix(), str(f)


def _dir_key(path: str | Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _first_visit(path: str, visited: set[tuple[int, int]]) -> bool:
    """Whether to descend into ``path``: not if it was entered already (a link loop) or cannot be stat'ed."""
    try:
        key = _dir_key(path)
    except OSError:
        return False
    if key in visited:
        return False
    visited.add(key)
    return True
