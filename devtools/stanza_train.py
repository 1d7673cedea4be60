"""Train a Stanza NER model on KazNERD valid, for the optional ``--ner stanza`` backend.

``python -m devtools.stanza_train [--out training/stanza] [--max-steps N]`` (needs the ``stanza``
extra) writes the same train/dev split the spaCy model uses (``modeltrain.split``: KazNERD valid
minus the sentences also in test) as Stanza's JSON, word vectors for its vocabulary from the
shipped model's floret table as a Stanza pretrain file, and trains Stanza's BiLSTM-CRF tagger
(no character language model) with ``stanza.models.ner_tagger``. Point the backend at the result::

    KZEXTRACT_STANZA_NER=training/stanza/kk_kzextract_nertagger.pt \\
    KZEXTRACT_STANZA_PRETRAIN=training/stanza/pretrain.pt kzextract extract … --ner stanza

It is for users without Stanza's own Kazakh models and for checking the backend end to end here,
where they cannot be downloaded; Stanza's published model (full KazNERD train split and a character
LM) is the stronger choice where it is installed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from .kaznerd import Sentence
from kzextract.resources import model_dir

from .modeltrain import TRAIN_DIR, split



def write_json(sents: list[Sentence], path: Path) -> None:
    path.write_text(json.dumps([[{"text": w, "ner": t} for w, t in s] for s in sents], ensure_ascii=False),
                    encoding="utf-8")  # fmt: skip


def write_pretrain(words: set[str], out: Path) -> Path:
    """Stanza pretrain file: a vector for each training word, from the shipped model's floret table
    (subword hashing gives every word one; no data beyond KazNERD valid, UD Kazakh and corpus/)."""
    import numpy as np
    import spacy
    from stanza.models.common.pretrain import Pretrain

    vocab = spacy.load(model_dir()).vocab
    if vocab.vectors.shape[0] == 0:
        raise SystemExit(f"{model_dir()} has no vectors to build a Stanza pretrain file from")
    txt = out.with_suffix(".txt")
    with open(txt, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {vocab.vectors.shape[1]}\n")
        for w in sorted(words):
            vec = np.asarray(vocab.get_vector(w))
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in vec) + "\n")
    Pretrain(str(out), str(txt), max_vocab=len(words) + 10).load()  # writes the .pt
    txt.unlink()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.stanza_train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=TRAIN_DIR / "stanza")
    ap.add_argument("--max-steps", type=int, default=10000)
    ap.add_argument("--eval-interval", type=int, default=500)
    args = ap.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    train, dev = split()
    write_json(train, args.out / "train.json")
    write_json(dev, args.out / "dev.json")
    pretrain = write_pretrain({w for s in train + dev for w, _ in s}, args.out / "pretrain.pt")
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
           "--shorthand", "kk_kzextract", "--train_file", str(args.out / "train.json"),
           "--eval_file", str(args.out / "dev.json"), "--wordvec_pretrain_file", str(pretrain),
           "--save_dir", str(args.out), "--save_name", "kk_kzextract_nertagger.pt",
           "--max_steps", str(args.max_steps), "--eval_interval", str(args.eval_interval)]  # fmt: skip
    subprocess.run(cmd, check=True)
    print(f"KZEXTRACT_STANZA_NER={args.out / 'kk_kzextract_nertagger.pt'} KZEXTRACT_STANZA_PRETRAIN={pretrain}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
