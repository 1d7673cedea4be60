"""NER backends by name, like Stanza's processor registry: the entity stage asks for a name and
gets a ``texts -> spans`` :data:`~kzextract.entities.spans.Predictor`, or ``None`` (rules only).

A backend is registered with :func:`register`; the CLI's ``--ner`` choices are :func:`names`.
Loading a backend imports its libraries, so nothing here imports spaCy models or Stanza up front.
"""

from __future__ import annotations

from collections.abc import Callable

from ..spans import Predictor

Loader = Callable[[], Predictor | None]
_BACKENDS: dict[str, Loader] = {}


class BackendError(RuntimeError):
    """The requested NER backend is not available on this machine."""


def register(name: str) -> Callable[[Loader], Loader]:
    def add(loader: Loader) -> Loader:
        _BACKENDS[name] = loader
        return loader

    return add


def names() -> list[str]:
    return sorted(_BACKENDS)


def load(name: str) -> Predictor | None:
    """The predictor of backend ``name`` (``BackendError`` if it cannot be loaded here)."""
    if name not in _BACKENDS:
        raise BackendError(f"unknown NER backend {name!r} (choose from {', '.join(names())})")
    return _BACKENDS[name]()


@register("none")
def _rules_only() -> None:
    return None


@register("spacy")
def _spacy() -> Predictor | None:
    """The shipped spaCy model; rules only where no model is shipped."""
    from .spacy_model import load_ner, spacy_predictor

    model = load_ner()
    return spacy_predictor(model) if model is not None else None


@register("stanza")
def _stanza() -> Predictor:
    from .stanza import load_stanza

    return load_stanza()
