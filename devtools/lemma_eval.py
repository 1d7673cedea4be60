"""Lemma accuracy of :func:`kzextract.lemma.lemmatize` on the UD Kazakh KTB treebank.

``python -m devtools.lemma_eval`` compares the lower-cased output with the treebank's LEMMA
column on PROPN and NOUN tokens of every ``*.conllu`` in ``<shared>/data/ud_kazakh_ktb`` and writes
``bench/lemma-eval.json``. Two modes are reported because UD lemmas drop possessives
(басшысы → басшы) while entity norms keep the 3rd-person one (басқармасы):
``entity`` is the default mode the pipeline uses, ``ud`` is ``strip_possessive=True``.
``identity`` (lemma = word) is the do-nothing baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from kzextract.lemma import lemmatize
from .paths import ROOT, SHARED_DIR

UPOS = ("PROPN", "NOUN")
MODES = {
    "identity": lambda w: w,
    "entity": lambda w: lemmatize(w),
    "ud": lambda w: lemmatize(w, strip_possessive=True),
}


def read_tokens(path: Path, feats: bool = False) -> list[tuple[str, ...]]:
    """(form, lemma, upos[, feats]) of every syntactic word (multiword ranges, empty nodes skipped)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            out.append((cols[1], cols[2], cols[3], cols[5]) if feats else (cols[1], cols[2], cols[3]))
    return out


def evaluate(path: Path, n_errors: int = 15) -> dict:
    """Accuracy per UPOS and mode for one treebank file, with the most frequent errors."""
    res: dict = {}
    tokens = read_tokens(path, feats=True)
    for upos in UPOS:
        toks = [(f, lem) for f, lem, u, _ in tokens if u == upos]
        res[upos] = {"tokens": len(toks)}
        # entity mode keeps possessives by design; score it also where UD marks none
        plain = [(f, lem) for f, lem, u, ft in tokens if u == upos and "[psor]" not in ft]
        ok = sum(lemmatize(f).lower() == lem.lower() for f, lem in plain)
        res[upos]["entity_no_possessive"] = {
            "tokens": len(plain), "correct": ok,
            "accuracy": round(ok / len(plain), 4) if plain else None,
        }
        for mode, fn in MODES.items():
            errors: Counter = Counter()
            ok = 0
            for form, gold in toks:
                pred = fn(form)
                if pred.lower() == gold.lower():
                    ok += 1
                else:
                    errors[f"{form} → {pred} (gold {gold})"] += 1
            res[upos][mode] = {
                "correct": ok,
                "accuracy": round(ok / len(toks), 4) if toks else None,
            }
            if mode != "identity":
                res[upos][mode]["top_errors"] = [f"{n}× {e}" for e, n in errors.most_common(n_errors)]
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.lemma_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "lemma-eval.json")
    args = ap.parse_args(argv)
    ud = SHARED_DIR / "data" / "ud_kazakh_ktb"
    files = sorted(ud.glob("*.conllu"))
    if not files:
        print(f"no .conllu files in {ud}", file=sys.stderr)
        return 1
    report = {
        "treebank": str(ud),
        "note": (
            "Rules were written from Kazakh morphology and the issue's examples, then tuned by "
            "reading errors on BOTH files (the train file has only 43 PROPN / 139 NOUN tokens), "
            "so neither file is a clean held-out set. 'entity' is the pipeline's mode: it keeps "
            "the 3rd-person possessive (басшысы), which UD lemmas drop (басшы), so its NOUN "
            "accuracy is low by design; 'entity_no_possessive' scores it where UD marks no "
            "possessor, 'ud' strips possessives like the treebank. UD also lemmatises female "
            "surnames to the male form (Сәтбаева → Сәтбаев); entity norms keep them as written."
        ),
        "files": {f.name: evaluate(f) for f in files},
    }
    for name, res in report["files"].items():
        for upos in UPOS:
            r = res[upos]
            accs = "  ".join(f"{m}={r[m]['accuracy']:.3f}" for m in MODES)
            accs += f"  entity(no possessive, n={r['entity_no_possessive']['tokens']})="
            accs += f"{r['entity_no_possessive']['accuracy']:.3f}"
            print(f"{name:28s} {upos:6s} n={r['tokens']:5d}  {accs}")
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
