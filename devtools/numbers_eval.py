"""Evaluate the ``numbers`` stage against KazNERD and time it.

``python -m devtools.numbers_eval`` reads ``IOB2_test.txt`` of KazNERD, joins each sentence's
tokens with single spaces, runs :func:`kzextract.numbers.find_quantities` on it and compares the
predicted spans with the gold ``CARDINAL``, ``PERCENTAGE``, ``MONEY`` and ``QUANTITY`` spans
(exact span match, on token boundaries). It prints precision / recall / F1 and writes
``bench/numbers-eval.json``.

Span mapping: a predicted character span covers the KazNERD tokens it overlaps. KazNERD writes
a range as one span (``1 – 2``, ``Екі жүз – үш жүз мың теңгеге``) where the stage gives two
quantities (the contract's rule), so two predictions joined only by a dash / пен / мен count as
one predicted span for this comparison. Besides the headline numbers the report gives precision
without the predictions KazNERD files under DATE or TIME (our durations and ages: ``year_span``,
``month_span``, ``day_span``, ``hour_span``), which KazNERD by design never labels as numeric.

The KazNERD directory is ``<repo>/../shared/data/kaznerd`` (``KZEXTRACT_SHARED`` overrides the
shared directory).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import regex

from .kaznerd import Sentence, iob_spans, kaznerd_dir, read_iob
from kzextract.numbers import find_quantities
from .paths import ROOT

LABELS = ("CARDINAL", "PERCENTAGE", "MONEY", "QUANTITY")
TIME_UNITS = ("year_span", "month_span", "day_span", "hour_span")  # KazNERD: DATE / TIME


def gold_spans(sent: Sentence, labels=LABELS) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, label) for the numeric labels."""
    return [(s, e, lab) for s, e, lab in iob_spans([t for _, t in sent]) if lab in labels]


def join_tokens(sent) -> tuple[str, list[tuple[int, int]]]:
    offs = []
    pos = 0
    parts = []
    for tok, _ in sent:
        offs.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok) + 1
    return " ".join(parts), offs


def char_to_tokens(start: int, end: int, offs) -> tuple[int, int] | None:
    first = last = None
    for idx, (a, b) in enumerate(offs):
        if b > start and a < end:
            if first is None:
                first = idx
            last = idx
    if first is None:
        return None
    return first, last + 1


_JOINERS = {"-", "–", "—", "пен", "мен", "бен"}
# A token that writes a year: 2017, 2017-нші, or the "мың" of a year in words.
_YEAR_TOKEN = regex.compile(r"\d{4}(?:-\p{L}+)?|мың\p{L}*")


def predicted_spans(text: str, offs) -> list[tuple[int, int, str]]:
    qs = find_quantities(text)
    spans = []
    for q in qs:
        ts = char_to_tokens(q.start, q.end, offs)
        if ts is not None:
            spans.append((ts[0], ts[1], q.unit))
    # merge range pairs (14 – 28) into one span, as KazNERD writes them
    merged = []
    k = 0
    while k < len(spans):
        a = spans[k]
        if k + 1 < len(spans):
            b = spans[k + 1]
            between = text[offs[a[1] - 1][1]:offs[b[0]][0]].strip() if b[0] > a[1] - 1 else ""
            if b[0] < a[1] or (between in _JOINERS and b[0] - a[1] <= 1):
                merged.append((a[0], b[1], b[2]))
                k += 2
                continue
        merged.append(a)
        k += 1
    return merged


def evaluate(path: Path | None = None) -> dict:
    path = path or kaznerd_dir() / "IOB2_test.txt"
    sents = read_iob(path)
    tp = fp = fn = 0
    fp_time = 0
    per_label = Counter()
    per_label_hit = Counter()
    misses: list[str] = []
    false_pos: list[str] = []
    for sent in sents:
        text, offs = join_tokens(sent)
        gold = {(a, b): lab for a, b, lab in gold_spans(sent)}
        pred = predicted_spans(text, offs)
        pred_set = {(a, b) for a, b, _ in pred}
        for (a, b), lab in gold.items():
            per_label[lab] += 1
            if (a, b) in pred_set:
                tp += 1
                per_label_hit[lab] += 1
            else:
                fn += 1
                if len(misses) < 5000:
                    misses.append(f"{lab}\t{' '.join(t for t, _ in sent[a:b])}\t|| {text}")
        for a, b, unit in pred:
            if (a, b) not in gold:
                fp += 1
                if unit in TIME_UNITS:
                    fp_time += 1
                if len(false_pos) < 5000:
                    false_pos.append(f"{unit}\t{' '.join(t for t, _ in sent[a:b])}\t|| {text}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    p_nt = tp / (tp + fp - fp_time) if tp + fp - fp_time else 0.0
    return {
        "data": str(path),
        "sentences": len(sents),
        "gold_spans": tp + fn,
        "predicted_spans": tp + fp,
        "true_positives": tp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "precision_without_time_spans": round(p_nt, 4),
        "recall_by_label": {lab: round(per_label_hit[lab] / per_label[lab], 4) for lab in sorted(per_label)},
        "_misses": misses,
        "_false_positives": false_pos,
    }


def date_recall(path: Path | None = None) -> dict:
    """Recall of the dates stage on KazNERD's DATE spans: a gold span counts as found when a
    predicted date overlaps it. KazNERD's DATE also covers relative dates (биыл, кеше) and days
    without a year, which the contract leaves out, so the figure is split by whether the span
    holds a year (the absolute dates the stage is for): four digits, also with an ordinal ending
    (``2017-нші``), or a year in words (``екі мың он жетінші жылы``)."""
    from kzextract.dates import find_dates

    path = path or kaznerd_dir() / "IOB2_test.txt"
    hit = Counter()
    total = Counter()
    for sent in read_iob(path):
        text, offs = join_tokens(sent)
        pred = [char_to_tokens(d.start, d.end, offs) for d in find_dates(text, None)]
        pred = [p for p in pred if p is not None]
        for a, b, lab in iob_spans([t for _, t in sent]):
            if lab != "DATE":
                continue
            kind = "with_year" if any(_YEAR_TOKEN.fullmatch(t.lower()) for t, _ in sent[a:b]) else "without_year"
            total[kind] += 1
            hit[kind] += any(pa < b and a < pb for pa, pb in pred)
    out = {k: {"gold": total[k], "found": hit[k], "recall": round(hit[k] / total[k], 4) if total[k] else 0.0} for k in total}
    every = sum(total.values())
    out["all"] = {"gold": every, "found": sum(hit.values()), "recall": round(sum(hit.values()) / every, 4) if every else 0.0}
    return out


def bench_numbers(sentences: list[str]) -> float:
    """Sentences per second of the numbers stage alone (find_quantities on each sentence)."""
    if not sentences:
        return 0.0
    find_quantities(sentences[0])  # load the lexicon outside the timing
    t0 = time.perf_counter()
    for s in sentences:
        find_quantities(s)
    dt = time.perf_counter() - t0
    return len(sentences) / dt if dt > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else None
    res = evaluate(path)
    sents = [join_tokens(s)[0] for s in read_iob(Path(res["data"]))]
    res["sentences_per_second"] = round(bench_numbers(sents), 1)
    res["date_recall"] = date_recall(path)
    misses = res.pop("_misses")
    fps = res.pop("_false_positives")
    if os.environ.get("KZEXTRACT_NUMBERS_DEBUG"):
        print("\n".join("MISS\t" + m for m in misses))
        print("\n".join("FP\t" + m for m in fps))
    out = ROOT / "bench" / "numbers-eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"KazNERD test numeric spans (CARDINAL+PERCENTAGE+MONEY+QUANTITY): {res['gold_spans']}")
    print(f"precision {res['precision']:.4f}  recall {res['recall']:.4f}  F1 {res['f1']:.4f}")
    print(f"precision without year/month/day/hour spans (KazNERD DATE/TIME): {res['precision_without_time_spans']:.4f}")
    dr = res["date_recall"]
    print(f"KazNERD DATE recall of the dates stage: {dr['all']['recall']:.4f} of {dr['all']['gold']} spans; "
          f"with a year (digits or words) {dr.get('with_year', {}).get('recall', 0):.4f} of {dr.get('with_year', {}).get('gold', 0)}")
    print("recall by label: " + ", ".join(f"{k} {v:.4f}" for k, v in res["recall_by_label"].items()))
    print(f"speed: {res['sentences_per_second']:.1f} sentences/s ({res['sentences']} sentences)")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
