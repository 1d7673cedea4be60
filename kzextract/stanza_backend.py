"""Optional NER backend: Stanza's Kazakh NER model, used through the same entity stage.

Stanza's Kazakh NER is trained on KazNERD, so its labels map exactly like the shipped spaCy model's
(:data:`kzextract.model.LABEL_MAP`). Nothing is downloaded at run time: the models must already be
in Stanza's resource directory (see the README), otherwise :class:`BackendError` says how to get
them. Stanza needs torch, so it is an optional extra, never imported on the default path.
"""

from __future__ import annotations

from functools import partial

from .model import LABEL_MAP


class BackendError(RuntimeError):
    """The requested NER backend is not available on this machine."""


def load_stanza(model_dir: str | None = None):
    """A ``texts -> spans`` predictor backed by Stanza's Kazakh tokenizer and NER."""
    try:
        import stanza
    except ImportError as exc:
        raise BackendError(
            "Stanza is not installed: `pip install torch==2.13.0` (the CPU build), then `pip install -e '.[stanza]'`"
        ) from exc
    try:
        nlp = stanza.Pipeline("kk", processors="tokenize,ner", dir=model_dir, download_method=None, verbose=False)
    except Exception as exc:  # noqa: BLE001 - stanza raises several kinds for missing resources
        raise BackendError(
            f"Stanza's Kazakh models are not installed ({exc}); on a machine with network run "
            "`python -c \"import stanza; stanza.download('kk', processors='tokenize,ner')\"` and copy the "
            "stanza_resources directory here (or pass its path)"
        ) from exc
    return partial(predict_stanza, nlp)


def predict_stanza(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Character spans ``(start, end, label)`` per text, labels mapped to kzextract's."""
    out = []
    for text in texts:
        doc = nlp(text)
        out.append([(e.start_char, e.end_char, LABEL_MAP[e.type]) for e in doc.ents if e.type in LABEL_MAP])
    return out
