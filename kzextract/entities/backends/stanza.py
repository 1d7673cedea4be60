"""Optional NER backend: a Stanza Kazakh NER model, used through the same entity stage.

Stanza's Kazakh NER is trained on KazNERD, so its labels map exactly like the shipped spaCy model's
(:data:`.spacy_model.LABEL_MAP`). Text is split by kzextract's ``kk`` tokenizer, which reproduces
99.99% of KazNERD's tokens, and handed to Stanza pre-tokenised: only Stanza's NER model is needed,
not its tokenizer, and character offsets come from our own tokens.

Which model: Stanza's own Kazakh NER in its resource directory (``stanza.download('kk',
processors='ner')``, see the README), or a model file named by the ``stanza_ner`` setting with its
word vectors in ``stanza_pretrain`` (``python -m devtools.stanza_train`` makes such a
pair from KazNERD valid). Nothing is downloaded at run time; when neither is there,
:class:`BackendError` says how to get one. Stanza needs torch, so it is an optional extra, never
imported on the default path.
"""

from __future__ import annotations

import os
import tempfile
from functools import partial

from ...settings import current
from ..rules import tokenizer
from ..spans import Span3
from . import BackendError
from .spacy_model import LABEL_MAP


def load_stanza(model_dir: str | None = None):
    """A ``texts -> spans`` predictor backed by a Stanza Kazakh NER model."""
    try:
        import stanza
    except ImportError as exc:
        raise BackendError(
            "Stanza is not installed: `pip install torch==2.13.0` (the CPU build), then `pip install -e '.[stanza]'`"
        ) from exc
    options: dict = {"dir": model_dir}
    settings = current()
    if settings.stanza_ner:  # a model file: no resource directory to consult
        empty = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        empty.write("{}")
        empty.close()
        options.update(ner_model_path=settings.stanza_ner,
                       ner_pretrain_path=settings.stanza_pretrain or None,
                       resources_filepath=empty.name, allow_unknown_language=True)  # fmt: skip
    try:
        nlp = stanza.Pipeline(
            "kk", processors="tokenize,ner", tokenize_pretokenized=True, download_method=None,
            verbose=False, **{k: v for k, v in options.items() if v},
        )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - stanza raises several kinds for missing resources
        raise BackendError(
            f"no Stanza Kazakh NER model could be loaded ({exc}); on a machine with network run "
            "`python -c \"import stanza; stanza.download('kk', processors='ner')\"` and copy the "
            "stanza_resources directory here, or set KZEXTRACT_STANZA_NER and KZEXTRACT_STANZA_PRETRAIN"
        ) from exc
    finally:
        if "resources_filepath" in options:
            os.unlink(options["resources_filepath"])  # read once, at construction
    return partial(predict_stanza, nlp)


def predict_stanza(nlp, texts: list[str]) -> list[list[Span3]]:
    """Character spans ``(start, end, label)`` per text, labels mapped to kzextract's."""
    tokens = [[(t.idx, t.idx + len(t)) for t in doc if not t.is_space] for doc in tokenizer().pipe(texts)]
    todo = [i for i, toks in enumerate(tokens) if toks]
    out: list[list[Span3]] = [[] for _ in texts]
    if not todo:
        return out
    doc = nlp([[texts[i][a:b] for a, b in tokens[i]] for i in todo])
    for i, sent in zip(todo, doc.sentences):
        for ent in sent.ents:
            if ent.type in LABEL_MAP:
                first, last = ent.tokens[0].id[0] - 1, ent.tokens[-1].id[-1] - 1
                out[i].append((tokens[i][first][0], tokens[i][last][1], LABEL_MAP[ent.type]))
    return out
