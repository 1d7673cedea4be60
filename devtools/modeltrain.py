"""Train and evaluate the statistical NER model on KazNERD valid and the gold/dev news articles.

``python -m devtools.modeltrain train [--all]``  (``make model`` uses ``--all``)
    Converts ``<shared>/data/kaznerd/IOB2_valid.txt`` to DocBin files under ``training/`` in
    kzextract's labels (:data:`TRAIN_LABELS`; sentences that also occur in ``IOB2_test.txt`` are
    dropped; 10% of the rest is a dev split), adds each labelled ``gold/dev`` article
    ``--news-weight`` times (:mod:`devtools.indomain`), trains with ``configs/ner-news.cfg`` (a fixed
    number of steps, ``model-last``) and ships it, stripped, to ``models/kk_ner/``. With ``--all``
    the KazNERD dev split is trained on too (and only logged): the shipped model's recipe. With
    ``--news-fold K`` that fold of gold/dev articles is held out (cross-validation, bench/model.md)
    and is the logged dev set.

``python -m devtools.modeltrain eval``  (``make model-eval``)
    Scores ``models/kk_ner`` on ``IOB2_test.txt`` (never trained on), its labels mapped like the
    training data's: precision/recall/F1 per label and micro, written to ``bench/model-eval.json``.

The config uses static floret vectors: trained here on unlabelled text (KazNERD valid, UD Kazakh,
``corpus/``; never KazNERD test) when ``floret`` is installed, else copied from the shipped model.

``python -m devtools.modeltrain dev MODEL... [--fold K]``
    Model selection without the test split: the dev split, its "grouped" part (no number variant
    in train) and recall of unseen names; with ``--fold`` the held-out half of a two-fold split of
    valid, for models trained with ``train --fold K`` (how recipes are compared, bench/model.md).

``python -m devtools.modeltrain tokcheck``
    How well the ``kk`` tokenizer reproduces KazNERD's token boundaries on detokenised sentences.

Docs are built from KazNERD's own tokens (words + guessed spaces) for train, dev and test alike,
so the model is trained and scored on the same boundaries. ``eval`` also scores the realistic
setting, where the ``kk`` tokenizer splits the detokenised text and entities are compared as
character spans. ``<shared>`` is ``../shared`` beside the repository, or ``$KZEXTRACT_SHARED``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

from . import indomain
from .kaznerd import Sentence, detok, detok_spaces, iob_spans, kaznerd_dir, read_iob
from kzextract.lang.kk.lex_attrs import like_num
from kzextract.lemma import lemmatize
from kzextract.entities.backends.spacy_model import LABEL_MAP, blas_ops
from kzextract.resources import model_dir

from .paths import ROOT, SHARED_DIR


SHARED = SHARED_DIR
KAZNERD = kaznerd_dir()
CONFIG = ROOT / "configs" / "ner-news.cfg"
TRAIN_DIR = ROOT / "training"
EVAL_JSON = ROOT / "bench" / "model-eval.json"
DEV_FRACTION = 0.1
SEED = 0
# Each gold/dev article is trained on this many times next to KazNERD valid's 11,100 sentences:
# chosen by three-fold cross-validation on gold/dev articles (bench/model.md).
NEWS_WEIGHT = 5


# KazNERD label -> the kzextract label trained: LABEL_MAP without LOCATION (rivers, mountains are
# not GPE in this project's contract); KazNERD's other labels (dates, numbers, ...) are dropped.
TRAIN_LABELS = {k: v for k, v in LABEL_MAP.items() if k != "LOCATION"}


def kz_spans(sent: Sentence) -> list[tuple[int, int, str]]:
    """A KazNERD sentence's entity token spans in the labels trained (:data:`TRAIN_LABELS`)."""
    return [(s, e, TRAIN_LABELS[lab]) for s, e, lab in iob_spans([t for _, t in sent]) if lab in TRAIN_LABELS]


def make_doc(vocab, sent: Sentence):
    from spacy.tokens import Doc, Span

    words = [w for w, _ in sent]
    doc = Doc(vocab, words=words, spaces=detok_spaces(words))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in kz_spans(sent)]
    return doc


def train_sentences() -> list[Sentence]:
    """KazNERD valid minus the sentences that also occur in test."""
    test = {tuple(w for w, _ in s) for s in read_iob(KAZNERD / "IOB2_test.txt")}
    valid = read_iob(KAZNERD / "IOB2_valid.txt")
    kept = [s for s in valid if tuple(w for w, _ in s) not in test]
    print(f"valid: {len(valid)} sentences, {len(valid) - len(kept)} also in test dropped")
    return kept


# Name-like labels whose mentions ``augment`` swaps between sentences.
SWAP_LABELS = ("PERSON", "GPE", "LOCATION", "ORGANISATION", "PROJECT", "FACILITY", "EVENT")


def _ending(mention: list[str]) -> str:
    """The case ending of a mention (only its last word inflects): Ахметовтың -> тың."""
    last = mention[-1]
    return last[len(lemmatize(last)):].lower()


def augment(sents: list[Sentence], copies: int = 2, seed: int = SEED,
            labels: tuple[str, ...] = SWAP_LABELS) -> list[Sentence]:
    """``copies`` copies of each sentence with its name-like mentions replaced by other mentions of
    the same label and case ending (mention replacement, Dai & Adel 2020), so the model must learn
    names from their context and endings rather than memorise the few thousand it sees.
    An experiment (``train --augment``): it did not help on held-out data (bench/model.md)."""
    rng = random.Random(seed)
    named = [(s, spans) for s in sents if (spans := [x for x in iob_spans([t for _, t in s]) if x[2] in labels])]
    pool: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for s, spans in named:
        for a, b, lab in spans:
            m = tuple(w for w, _ in s[a:b])
            pool.setdefault((lab, _ending(list(m))), []).append(m)
    out: list[Sentence] = []
    for s, spans in named * copies:
        new: Sentence = []
        pos = 0
        for a, b, lab in spans:
            new += s[pos:a]
            cands = pool[(lab, _ending([w for w, _ in s[a:b]]))]
            m = rng.choice(cands)
            new += [(w, ("B-" if i == 0 else "I-") + lab) for i, w in enumerate(m)]
            pos = b
        new += s[pos:]
        out.append(new)
    return out


def _variant_key(sent: Sentence) -> tuple[str, ...]:
    """A sentence without its numbers and punctuation: KazNERD's digit and number-word variants of
    one transcribed sentence share it."""
    return tuple(w.lower() for w, _ in sent if not like_num(w) and any(c.isalnum() for c in w))


def split(fold: int | None = None) -> tuple[list[Sentence], list[Sentence]]:
    """The seeded train/dev split of :func:`train_sentences` (dev: ``DEV_FRACTION``), or with
    ``fold`` (0 or 1) a two-fold split that keeps number variants together: the other half to train
    on, this half held out. Two folds compare training recipes on 11,000 held-out sentences instead
    of a 1,110-sentence dev split too noisy to rank them, without touching the test split."""
    sents = train_sentences()
    if fold is not None:
        held = [zlib.crc32(" ".join(_variant_key(s)).encode()) % 2 == fold for s in sents]
        return [s for s, h in zip(sents, held) if not h], [s for s, h in zip(sents, held) if h]
    random.Random(SEED).shuffle(sents)
    n_dev = int(len(sents) * DEV_FRACTION)
    return sents[n_dev:], sents[:n_dev]


def news_docs(nlp, weight: int, fold: int | None) -> tuple[list, list]:
    """gold/dev articles as (train, held-out) docs: with ``fold``, that fold's articles are held out
    (cross-validation, :func:`indomain.fold_of`); each trained article comes ``weight`` times."""
    ids = indomain.gold_ids()
    train_ids = [i for i in ids if fold is None or indomain.fold_of(i) != fold]
    held_ids = [i for i in ids if fold is not None and indomain.fold_of(i) == fold]
    stats: Counter = Counter()
    train_arts, _ = indomain.articles(train_ids)
    held_arts, _ = indomain.articles(held_ids)
    train_docs = indomain.docs(nlp, train_arts, stats)
    print(f"news: {len(train_arts)} articles ({len(train_docs)} sentences) x {weight} to train, "
          f"{len(held_arts)} held out; mentions dropped: {dict(stats)}")  # fmt: skip
    return train_docs * weight, indomain.docs(nlp, held_arts)


def convert(out_dir: Path = TRAIN_DIR, augmented: tuple[str, ...] = (), fold: int | None = None,
            all_data: bool = False, news_weight: int = NEWS_WEIGHT,
            news_fold: int | None = None) -> tuple[Path, Path]:
    """DocBins of KazNERD valid (in kzextract's labels) and the gold/dev news articles; with
    ``news_fold`` the held-out articles of that fold are the dev set (only logged)."""
    import spacy
    from spacy.tokens import DocBin

    train_part, dev_part = split(fold)
    if all_data:  # the final fit: dev is trained on too, and only logged
        train_part = train_part + dev_part
    if augmented:
        extra = augment(train_part, labels=augmented)
        print(f"augment: {len(extra)} sentences with swapped mentions added to train")
        train_part = train_part + extra
    nlp = spacy.blank("kk")
    news_train, news_held = news_docs(nlp, news_weight, news_fold) if news_weight else ([], [])
    train_docs = [make_doc(nlp.vocab, s) for s in train_part] + news_train
    dev_docs = news_held if news_fold is not None else [make_doc(nlp.vocab, s) for s in dev_part]
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, part in (("train", train_docs), ("dev", dev_docs)):
        db = DocBin(store_user_data=False)
        for d in part:
            db.add(d)
        path = out_dir / f"{name}.spacy"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        db.to_disk(tmp)
        os.replace(tmp, path)  # parallel experiment runs may convert at the same time
        paths.append(path)
        print(f"{name}: {len(part)} sentences -> {path}")
    return paths[0], paths[1]


# -------------------------------------------------------------------------------------- vectors

UD = SHARED / "data" / "ud_kazakh_ktb"
VECTORS_DIR = TRAIN_DIR / "vectors"


def vector_text(out: Path) -> Path:
    """Unlabelled Kazakh text for static vectors: KazNERD valid (minus the sentences also in
    test), the UD Kazakh KTB sentences and the repository's corpus, one kk-tokenised line each.
    KazNERD test is never used."""
    import spacy

    nlp = spacy.blank("kk")
    lines = [" ".join(w for w, _ in s) for s in train_sentences()]
    for conllu in sorted(UD.glob("*.conllu")):
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                lines.append(" ".join(t.text for t in nlp.make_doc(line[9:].strip())))
    for txt in sorted((ROOT / "corpus").glob("*.txt")):
        for para in txt.read_text(encoding="utf-8").splitlines():
            if para.strip():
                lines.append(" ".join(t.text for t in nlp.make_doc(para.strip())))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines, {sum(len(x.split()) for x in lines)} tokens -> {out}")
    return out


def vectors(dim: int = 100, bucket: int = 20000, minn: int = 3, maxn: int = 6) -> Path:
    """Train floret (subword) vectors here and turn them into a spaCy vectors dir."""
    import floret
    import subprocess

    text = vector_text(TRAIN_DIR / "vector_text.txt")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=bucket, dim=dim,
        minn=minn, maxn=maxn, minCount=2, epoch=20, thread=1,
    )  # fmt: skip
    vec = TRAIN_DIR / "vectors.floret"
    model.save_floret_vectors(str(vec))
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "kk", str(vec), str(VECTORS_DIR),
         "--mode", "floret"],
        check=True,
    )  # fmt: skip
    return VECTORS_DIR


def ensure_vectors() -> Path:
    """``training/vectors``: trained here with floret when it is installed (``pip install floret``),
    else taken from the shipped model, so ``make model`` also works without floret."""
    try:
        import floret  # noqa: F401
    except ImportError:
        import spacy

        if not (model_dir() / "meta.json").exists():
            raise SystemExit("static vectors: `pip install floret` (or ship a model with vectors)")
        shipped = spacy.load(model_dir())
        if shipped.vocab.vectors.shape[0] == 0:
            raise SystemExit("static vectors: `pip install floret` (the shipped model has none)")
        nlp = spacy.blank("kk")
        nlp.vocab.vectors = shipped.vocab.vectors
        nlp.to_disk(VECTORS_DIR)
        print(f"floret not installed: static vectors taken from {model_dir()}")
        return VECTORS_DIR
    return vectors()


# ---------------------------------------------------------------------------------------- train


def ship(best: Path, dest: Path = model_dir()) -> None:
    """Copy a trained pipeline without what inference does not need."""
    import spacy
    from spacy.util import registry

    from kzextract import components  # noqa: F401  (registers kk_lemmatizer and kk_gazetteer)

    nlp = spacy.load(best)
    nlp.tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)  # current kk rules
    meta = nlp.meta
    meta["name"] = "kk_ner"
    meta["description"] = ("kzextract NER for Kazakh news, trained on KazNERD valid (CC BY 4.0) and "
                           "the labelled gold/dev articles")
    meta["sources"] = [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD",
                        "license": "CC BY 4.0"}]  # fmt: skip
    meta.pop("performance", None)
    nlp.meta.update(meta)
    for key in ("train", "dev", "vectors"):  # this machine's training paths
        nlp._config["paths"][key] = None
    # Lexemes and string store entries are rebuilt on demand; keep the vocab small.
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest, exclude=["vocab.lookups"])
    # The hash embeddings need no strings; the training vocabulary's string table (1.6 MB) is
    # replaced by the labels (the tokenizer adds the strings it sees at run time).
    labels = sorted(nlp.get_pipe("ner").labels)
    (dest / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    print(f"shipped {best} -> {dest} ({size / 1e6:.1f} MB)")


def train(output: Path, overrides: dict[str, str], do_ship: bool, threads: int,
          config: Path = CONFIG, augmented: tuple[str, ...] = (), fold: int | None = None,
          all_data: bool = False, news_weight: int = NEWS_WEIGHT, news_fold: int | None = None) -> None:
    """Train with ``config``; with ``all_data`` on all of valid for the config's epochs, no early
    stopping, and ``model-last`` is shipped (how ``make model`` builds the shipped model)."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    from spacy.cli.train import train as spacy_train
    from spacy.util import load_config

    from kzextract import components  # noqa: F401  (registers kk_lemmatizer and kk_gazetteer)

    if all_data:
        overrides = {"training.patience": 0, **overrides}
    train_path, dev_path = convert(output / "data", augmented, fold, all_data, news_weight, news_fold)
    paths = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    cfg = load_config(config, overrides=overrides)
    if cfg["components"]["tok2vec"]["model"]["embed"].get("include_static_vectors"):
        if cfg["paths"]["vectors"] is None:
            paths["paths.vectors"] = str(ensure_vectors())
    t0 = time.time()
    with blas_ops():
        spacy_train(config, output, overrides={**paths, **overrides})
    print(f"training took {time.time() - t0:.0f} s")
    if do_ship:
        ship(output / ("model-last" if all_data else "model-best"))


# ----------------------------------------------------------------------------------------- eval


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(gold: list[set], pred: list[set]) -> dict:
    """Exact-match P/R/F1 per label and micro over ``(start, end, label)`` sets per sentence."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "labels": {lab: {**_prf(tp[lab], fp[lab], fn[lab]), "n": tp[lab] + fn[lab]}
                   for lab in labels},  # fmt: skip
    }
    return out


def predict_tokens(nlp, sents: list[Sentence]) -> tuple[list[set], list[set], float]:
    """Gold and predicted ``(start, end, label)`` token spans on KazNERD's own tokens, and the
    seconds the model took."""
    docs = [make_doc(nlp.vocab, s) for s in sents]
    gold = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
    for d in docs:
        d.ents = []
    t0 = time.time()
    pred_docs = list(nlp.pipe(docs, batch_size=256))
    secs = time.time() - t0
    return gold, [{(e.start, e.end, e.label_) for e in d.ents} for d in pred_docs], secs


def evaluate(model: Path, out_json: Path | None, threads: int) -> dict:
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    from kzextract.entities.backends.spacy_model import load_ner

    nlp = load_ner(model)  # with the current kk tokenizer, as at inference
    test = read_iob(KAZNERD / "IOB2_test.txt")
    n_words = sum(len(s) for s in test)

    # 1. Gold tokens: KazNERD boundaries, the setting the model was trained in.
    gold, pred, secs = predict_tokens(nlp, test)
    result = score(gold, pred)
    result["words_per_s"] = round(n_words / secs)

    # 2. Raw text: detokenised sentences through the kk tokenizer, character spans compared.
    texts, gold_c = [], []
    for s in test:
        text, offs = detok([w for w, _ in s])
        texts.append(text)
        spans = kz_spans(s)
        gold_c.append({(offs[a][0], offs[b - 1][1], lab) for a, b, lab in spans})
    pred_c = [{(e.start_char, e.end_char, e.label_) for e in d.ents}
              for d in nlp.pipe(texts, batch_size=256)]  # fmt: skip
    raw = score(gold_c, pred_c)
    result["kk_tokenizer"] = {"micro": raw["micro"],
                              "labels": {k: v["f1"] for k, v in raw["labels"].items()},
                              "boundary_agreement": tokcheck(nlp, test, quiet=True)}  # fmt: skip
    result["test_sentences"] = len(test)
    result["test_words"] = n_words
    result["model"] = str(model.relative_to(ROOT) if model.is_relative_to(ROOT) else model)

    print(f"{'label':<15}{'P':>8}{'R':>8}{'F1':>8}{'n':>7}")
    for lab, v in result["labels"].items():
        print(f"{lab:<15}{v['p']:>8.3f}{v['r']:>8.3f}{v['f1']:>8.3f}{v['n']:>7}")
    m = result["micro"]
    print(f"{'micro':<15}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")
    print(f"words/s (gold tokens, {os.environ.get('OMP_NUM_THREADS')} thread(s)): "
          f"{result['words_per_s']}")  # fmt: skip
    k = result["kk_tokenizer"]
    print(f"raw text through the kk tokenizer: micro F1 {k['micro']['f1']:.3f}; "
          f"token boundary agreement {k['boundary_agreement']}")  # fmt: skip
    if out_json:
        out_json.parent.mkdir(parents=True, exist_ok=True)
        out_json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {out_json}")
    return result


NAME_LABELS = ("PERSON", "GPE", "LOCATION", "ORGANISATION")


def dev_scores(models: list[Path], fold: int | None = None) -> dict:
    """Model selection without the test split: the dev split as trained against, the "grouped" dev
    sentences with no number variant in train (dev F1 otherwise overestimates test by ~7 points),
    and recall on dev name mentions never seen in train, the errors that dominate on test."""
    from kzextract.entities.backends.spacy_model import load_ner

    train_part, dev = split(fold)
    seen = {_variant_key(s) for s in train_part}
    names = {(" ".join(w for w, _ in s[a:b]).lower(), lab)
             for s in train_part for a, b, lab in kz_spans(s)}  # fmt: skip
    grouped = [i for i, s in enumerate(dev) if _variant_key(s) not in seen]
    out = {}
    for model in models:
        gold, pred, _ = predict_tokens(load_ner(model), dev)  # once; the grouped part is a subset
        res = {}
        for name, idx in (("dev", range(len(dev))), ("dev_grouped", grouped)):
            r = score([gold[i] for i in idx], [pred[i] for i in idx])
            res[name] = {"micro_f1": r["micro"]["f1"], "n_sentences": len(idx),
                         **{lab: r["labels"].get(lab, {}).get("f1") for lab in ("PERSON", "GPE")}}  # fmt: skip
        unseen = [(i, g) for i in grouped for g in gold[i]
                  if g[2] in NAME_LABELS
                  and (" ".join(w for w, _ in dev[i][g[0]:g[1]]).lower(), g[2]) not in names]  # fmt: skip
        res["unseen_names"] = {"n": len(unseen),
                               "recall": round(sum(g in pred[i] for i, g in unseen) / max(len(unseen), 1), 4)}  # fmt: skip
        out[str(model)] = res
        print(f"{model}: {json.dumps(res)}")
    return out


def tokcheck(nlp=None, sents: list[Sentence] | None = None, quiet: bool = False) -> dict:
    """Token-boundary agreement of the kk tokenizer with KazNERD on detokenised sentences."""
    import spacy

    nlp = nlp or spacy.blank("kk")
    if sents is None:
        sents = read_iob(KAZNERD / "IOB2_valid.txt") + read_iob(KAZNERD / "IOB2_test.txt")
    n_gold = n_pred = n_match = n_same = 0
    diffs: Counter = Counter()
    for s in sents:
        words = [w for w, _ in s]
        text, offs = detok(words)
        doc = nlp.make_doc(text)
        gold = set(offs)
        pred = {(t.idx, t.idx + len(t)) for t in doc}
        n_gold, n_pred, n_match = n_gold + len(gold), n_pred + len(pred), n_match + len(gold & pred)
        n_same += gold == pred
        if not quiet:
            for a, b in sorted(gold - pred):
                diffs[text[a:b]] += 1
    p, r = n_match / n_pred, n_match / n_gold
    res = {"token_p": round(p, 4), "token_r": round(r, 4), "token_f1": round(2 * p * r / (p + r), 4),
           "sentences_identical": round(n_same / len(sents), 4)}  # fmt: skip
    if not quiet:
        print(json.dumps(res))
        print("most frequent gold tokens the kk tokenizer does not reproduce:")
        for tok, n in diffs.most_common(40):
            print(f"  {n:5d}  {tok}")
    return res


# ------------------------------------------------------------------------------------------ cli


def _value(v: str):
    try:
        return json.loads(v)
    except json.JSONDecodeError:
        return v


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.modeltrain")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="convert KazNERD, train, ship to models/kk_ner")
    t.add_argument("--output", type=Path, default=TRAIN_DIR / "output")
    t.add_argument("--no-ship", action="store_true", help="train only (experiments)")
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--affix", help="experiments: PREFIX,SUFFIX lengths, e.g. 1,3 (spaCy's)")
    t.add_argument("--config", type=Path, default=CONFIG)
    t.add_argument("--fold", type=int, choices=(0, 1), help="train on the other half of valid (experiments)")
    t.add_argument("--augment", nargs="?", const=",".join(SWAP_LABELS), default="",
                   help="add mention-swapped copies to train (of these labels, comma-separated)")
    t.add_argument("--all", action="store_true", dest="all_data",
                   help="the final fit: train on all of valid (dev only logged), ship model-last")
    t.add_argument("--news-weight", type=int, default=NEWS_WEIGHT,
                   help="times each gold/dev article is trained on (0: KazNERD only)")
    t.add_argument("--news-fold", type=int, choices=range(indomain.N_FOLDS),
                   help="cross-validation: hold out this fold of gold/dev articles (the dev set)")
    t.add_argument("overrides", nargs="*", help="config overrides: section.key=value")
    e = sub.add_parser("eval", help="score a model on IOB2_test.txt")
    e.add_argument("--model", type=Path, default=model_dir())
    e.add_argument("--json", type=Path, default=EVAL_JSON, help="'-' to skip writing")
    e.add_argument("--threads", type=int, default=1)
    e.add_argument("--affix", help="PREFIX,SUFFIX lengths the model was trained with")
    v = sub.add_parser("vectors", help="train floret vectors on unlabelled text (experiments)")
    v.add_argument("--dim", type=int, default=100)
    v.add_argument("--bucket", type=int, default=20000)
    d = sub.add_parser("dev", help="dev, grouped-dev and unseen-name scores, to choose a model")
    d.add_argument("models", type=Path, nargs="+")
    d.add_argument("--fold", type=int, choices=(0, 1), help="score on this held-out half instead")
    sub.add_parser("tokcheck", help="kk tokenizer vs KazNERD token boundaries")
    s = sub.add_parser("ship", help="copy a trained model (model-best or model-last) to models/kk_ner")
    s.add_argument("best", type=Path)
    s.add_argument("--dest", type=Path, default=model_dir(), help="a candidate's directory instead")
    args = ap.parse_args(argv)

    if getattr(args, "affix", None):  # experiments only: models depend on these lengths
        from kzextract.lang.kk import lex_attrs

        lex_attrs.PREFIX_LEN, lex_attrs.SUFFIX_LEN = map(int, args.affix.split(","))
    if args.cmd == "train":
        overrides = {k: _value(v) for k, v in (o.split("=", 1) for o in args.overrides)}
        train(args.output, overrides, not args.no_ship, args.threads, args.config,
              tuple(x for x in args.augment.split(",") if x), args.fold, args.all_data,
              args.news_weight, args.news_fold)
    elif args.cmd == "eval":
        if not (args.model / "meta.json").exists():
            print(f"no model at {args.model}; run `make model` first", file=sys.stderr)
            return 1
        evaluate(args.model, None if str(args.json) == "-" else args.json, args.threads)
    elif args.cmd == "vectors":
        vectors(args.dim, args.bucket)
    elif args.cmd == "dev":
        dev_scores(args.models, args.fold)
    elif args.cmd == "tokcheck":
        tokcheck()
    elif args.cmd == "ship":
        ship(args.best, args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
