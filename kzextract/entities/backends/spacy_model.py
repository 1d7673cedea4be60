"""Inference with the shipped statistical NER model (``kzextract/models/kk_ner``, trained on KazNERD
valid and the labelled news articles of ``gold/dev``).

The model predicts kzextract's labels; :data:`LABEL_MAP` maps a KazNERD-labelled model's to them and
drops the rest::

    nlp = load_ner()              # None when no model is shipped/trained
    spans = predict(nlp, texts)   # [[(start_char, end_char, label), ...], ...] per text

The ``kk`` tokenizer of this checkout (``kzextract/lang/kk``) is used, not the copy frozen in the
model directory, so tokenizer fixes apply without retraining.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path

from ...resources import model_dir
from ..spans import Predictor

# Model label -> kzextract label; labels not listed here are dropped at inference. The shipped
# model is trained on kzextract's own labels (devtools/modeltrain.py maps KazNERD's); a model that
# predicts KazNERD's (the Stanza backend's) is mapped here.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "POSITION": "POSITION",
    "ORGANISATION": "ORGANISATION",
    "PROJECT": "PROGRAMME",
    "PROGRAMME": "PROGRAMME",
    "GPE": "GPE",
    "LOCATION": "GPE",
}


def blas_ops() -> AbstractContextManager:
    """thinc's CPU ops with matrix products by numpy (OpenBLAS), for models built inside the block.

    thinc's default CPU ops multiply through BLIS; on this project's machine numpy's OpenBLAS ran
    the tok2vec's products 2.8x faster on one thread (97 vs 34 GFLOP/s) and the whole model 1.5x
    (bench/model.md). Threads stay as the caller set them (``engines.limit_threads``)."""
    from thinc.api import use_ops

    return use_ops("numpy", use_blis=False)


def load_ner(path: Path | str | None = None):
    """The trained pipeline at ``path`` (default: the ``model`` setting), or ``None`` when there is no
    model there."""
    path = Path(path) if path else model_dir()
    if not (path / "meta.json").exists() or not (path / "config.cfg").exists():
        return None
    import spacy
    from spacy.util import registry

    from ... import components  # noqa: F401  (registers kk_lemmatizer and kk_gazetteer)

    with blas_ops():
        nlp = spacy.load(path)
    # Rebuild the tokenizer from the current kk language defaults.
    nlp.tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    return nlp


def predict(nlp, texts: list[str], batch_size: int = 64) -> list[list[tuple[int, int, str]]]:
    """Character spans ``(start, end, label)`` per text, labels mapped by :data:`LABEL_MAP`."""
    out: list[list[tuple[int, int, str]]] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append(
            [
                (ent.start_char, ent.end_char, LABEL_MAP[ent.label_])
                for ent in doc.ents
                if ent.label_ in LABEL_MAP
            ]
        )
    return out


def spacy_predictor(model) -> Predictor:
    """A loaded spaCy pipeline as a ``texts -> spans`` predictor."""
    return partial(predict, model)
