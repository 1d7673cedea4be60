"""The labelled news articles of ``gold/dev`` as NER training data, in this project's conventions.

The gold files list each mention's surface ``text`` in text order, without offsets. Each article is
read, cleaned and split into sentences by kzextract's own stages, so the model is trained on the
sentence texts the entity stage gives it at inference (``repair``-ed, same length); each mention is
found, in order, at word boundaries in those sentences and becomes a token span of a
``spacy.blank("kk")`` doc (``char_span(..., alignment_mode="expand")``). Mentions that cannot be
found, or that cross a sentence boundary of the pipeline, are skipped and counted.

Folds for cross-validation are a fixed hash of ``doc_id`` (:func:`fold_of`), so a recipe is chosen
on held-out articles of ``gold/dev`` only; ``gold/test`` is never read here.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from .paths import ROOT

GOLD_DEV = ROOT / "gold" / "dev"
CORPUS = ROOT / "corpus"
N_FOLDS = 3


@dataclass
class Article:
    """One gold article: its pipeline sentence texts and their entity character spans."""

    doc_id: str
    sentences: list[str]
    spans: list[list[tuple[int, int, str]]]


def fold_of(doc_id: str, n_folds: int = N_FOLDS) -> int:
    """The article's cross-validation fold: stable across runs and machines."""
    return zlib.crc32(doc_id.encode("utf-8")) % n_folds


def gold_ids(gold_dir: Path = GOLD_DEV) -> list[str]:
    return sorted(p.stem for p in gold_dir.glob("*.json"))


def _sentences(doc_id: str) -> list[tuple[str, str]]:
    """(raw, repaired) text of each sentence the pipeline makes of ``corpus/<doc_id>.txt``."""
    from kzextract.clean import clean
    from kzextract.lang.kk.orthography import repair
    from kzextract.reader import read_document
    from kzextract.sentences import split_sentences

    doc = split_sentences(clean(read_document(CORPUS / f"{doc_id}.txt", doc_id)))
    return [(s.text, repair(s.text)) for s in doc.sentences]


def _mention_re(text: str) -> regex.Pattern:
    """A mention's surface, not inside a longer word, with any run of spaces matching any other."""
    body = r"\s+".join(regex.escape(w) for w in text.split())
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}])")


def align(doc_id: str, gold_dir: Path = GOLD_DEV, stats: Counter | None = None) -> Article:
    """The article's sentences and its gold mentions as character spans in them, found in order:
    each mention is searched from the end of the previous one on, in its sentence or a later one."""
    entities = json.loads((gold_dir / f"{doc_id}.json").read_text(encoding="utf-8"))["entities"]
    sents = _sentences(doc_id)
    spans: list[list[tuple[int, int, str]]] = [[] for _ in sents]
    stats = stats if stats is not None else Counter()
    cur_sent, cur_pos = 0, 0
    for ent in entities:
        pattern = _mention_re(ent["text"])
        for i in range(cur_sent, len(sents)):
            m = pattern.search(sents[i][0], cur_pos if i == cur_sent else 0)
            if m:
                spans[i].append((m.start(), m.end(), ent["label"]))
                cur_sent, cur_pos = i, m.end()
                stats["aligned"] += 1
                break
        else:
            stats["not_found"] += 1
    return Article(doc_id, [rep for _, rep in sents], spans)


def articles(ids: list[str], gold_dir: Path = GOLD_DEV) -> tuple[list[Article], Counter]:
    stats: Counter = Counter()
    return [align(i, gold_dir, stats) for i in ids], stats


def docs(nlp, arts: list[Article], stats: Counter | None = None) -> list:
    """One spaCy doc per sentence with its mentions as ``doc.ents`` (whole tokens, expanded)."""
    out = []
    for art in arts:
        for text, spans in zip(art.sentences, art.spans):
            doc = nlp.make_doc(text)
            ents = []
            for start, end, label in spans:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is None or any(e.start < span.end and span.start < e.end for e in ents):
                    if stats is not None:
                        stats["not_aligned_to_tokens"] += 1
                    continue
                ents.append(span)
            doc.ents = ents
            out.append(doc)
    return out


# ------------------------------------------------------------------------ cross-validation scoring

CV_DIR = ROOT / "training" / "cv"
MODES = ("rules", "model", "both")  # rules only, model only, rules + model


def fold_gold(fold: int) -> Path:
    """A gold directory holding only ``fold``'s gold/dev files (links), for ``kzextract score``."""
    out = CV_DIR / f"gold_f{fold}"
    out.mkdir(parents=True, exist_ok=True)
    for p in out.glob("*.json"):
        p.unlink()
    for doc_id in gold_ids():
        if fold_of(doc_id) == fold:
            (out / f"{doc_id}.json").symlink_to(GOLD_DEV / f"{doc_id}.json")
    return out


def _cached(predictor):
    """The model's spans per sentence text, computed once: merge variants reuse them."""
    memo: dict[str, list] = {}

    def predict(texts: list[str]) -> list[list]:
        todo = [t for t in dict.fromkeys(texts) if t not in memo]
        memo.update(zip(todo, predictor(todo)))
        return [memo[t] for t in texts]

    return predict


def fold_scores(fold: int, model: Path | None, variants: dict[str, dict]) -> dict:
    """Entity micro F1 and officials (name, name+position) on ``fold``'s articles for rules only and,
    with ``model``, model only and rules + model under each ``[model]`` merge variant (keys of
    ``patterns/entities.toml [model]`` to override), through the pipeline's own stages and scorer."""
    import shutil
    from functools import partial

    from kzextract.entities import tag_entities
    from kzextract.entities.backends.spacy_model import load_ner, spacy_predictor
    from kzextract.pipeline import build_stages, process
    from kzextract.reader import read_document
    from kzextract.resources import load_toml
    from kzextract.score import score
    from kzextract.write import DatasetWriter

    gold = fold_gold(fold)
    ids = sorted(p.stem for p in gold.glob("*.json"))
    ner = _cached(spacy_predictor(load_ner(model))) if model else None
    cfg = load_toml("entities")["model"]
    shipped = dict(cfg)
    runs = [("rules", None, True, {})]
    if ner:
        runs += [("model", ner, False, {})] + [(f"both:{v}", ner, True, o) for v, o in variants.items()]
    out: dict[str, dict] = {}
    for name, pred, rules, override in runs:
        cfg.clear()
        cfg.update({**shipped, **override})
        stages = [(n, partial(tag_entities, ner=pred, rules=rules) if n == "entities" else st)
                  for n, st in build_stages()]  # fmt: skip
        pred_dir = CV_DIR / f"pred_f{fold}_{name.replace(':', '_')}"
        shutil.rmtree(pred_dir, ignore_errors=True)
        writer = DatasetWriter(pred_dir)
        for doc_id in ids:
            writer.add(process(read_document(CORPUS / f"{doc_id}.txt", doc_id), stages))
        writer.close()
        r = score(gold, pred_dir, CORPUS)
        out[name] = {"micro": r["entities"]["micro"]["f1"],
                     **{lab: r["entities"][lab]["f1"] for lab in ("PERSON", "POSITION", "ORGANISATION", "PROGRAMME", "GPE")},
                     "officials_name": r["officials"]["name"]["f1"],
                     "officials_name_position": r["officials"]["name_position"]["f1"]}  # fmt: skip
        print(f"fold {fold} {name:28} {json.dumps(out[name])}", flush=True)
    cfg.clear()
    cfg.update(shipped)
    return out


def main(argv: list[str] | None = None) -> None:
    """``python -m devtools.indomain``: how many gold mentions align; ``cv --fold K --model DIR``:
    the fold's scores (rules only, model only, rules + model per merge variant, as JSON)."""
    import argparse

    import spacy

    ap = argparse.ArgumentParser(prog="python -m devtools.indomain")
    sub = ap.add_subparsers(dest="cmd")
    c = sub.add_parser("cv", help="score a fold's held-out articles")
    c.add_argument("--fold", type=int, required=True, choices=range(N_FOLDS))
    c.add_argument("--model", type=Path, help="model trained without this fold (none: rules only)")
    c.add_argument("--variants", type=Path, help="JSON {name: {[model] key: value}}; default: shipped")
    c.add_argument("--json", type=Path, help="write the scores here")
    args = ap.parse_args(argv)
    if args.cmd == "cv":
        variants = json.loads(args.variants.read_text()) if args.variants else {"shipped": {}}
        res = fold_scores(args.fold, args.model, variants)
        if args.json:
            args.json.write_text(json.dumps(res, indent=1) + "\n")
        return
    arts, stats = articles(gold_ids())
    n = docs(spacy.blank("kk"), arts, stats)
    labels = Counter(lab for a in arts for s in a.spans for _, _, lab in s)
    folds = Counter(fold_of(a.doc_id) for a in arts)
    print(f"{len(arts)} articles, {len(n)} sentences, folds {dict(sorted(folds.items()))}")
    print(f"mentions: {dict(stats)}; by label {dict(labels)}")


if __name__ == "__main__":
    main()
