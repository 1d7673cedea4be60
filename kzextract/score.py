"""Score an output directory against a gold directory in the format of ``gold-format.md``.

Document-level, micro-averaged over the gold set: entities on ``(label, norm)`` multisets
(case-folded, quotes and extra spaces removed), officials on ``name`` and ``(name, position)``,
quantities on ``(value, unit, qualifier)``, dates on ``(from, to)`` where a gold file has ``dates``,
boilerplate as the share of gold boilerplate lines absent from the cleaned body together with the share
of gold body lines kept, sentences as count error. :func:`errors` lists what each figure missed and
what it found that gold does not have, article by article, so anyone can see what goes wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .reader import read_document
from .write import SCHEMAS, read_table

LABELS = ("PERSON", "POSITION", "ORGANISATION", "PROGRAMME", "GPE")
_QUOTES = regex.compile(r"[«»“”„\"']")


def norm_key(text: str | None) -> str:
    """Comparison form of a norm: case-folded, no quotes, single spaces."""
    return " ".join(_QUOTES.sub(" ", text or "").casefold().split())


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, pred: Counter, gold: Counter) -> None:
        self.tp += sum((pred & gold).values())
        self.n_pred += sum(pred.values())
        self.n_gold += sum(gold.values())

    def as_dict(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


@dataclass
class Tally:
    entities: dict[str, PRF] = field(default_factory=lambda: {lab: PRF() for lab in LABELS})
    officials_name: PRF = field(default_factory=PRF)
    officials_pos: PRF = field(default_factory=PRF)
    quantities: PRF = field(default_factory=PRF)
    dates: PRF = field(default_factory=PRF)
    bp_absent: int = 0
    bp_total: int = 0
    body_kept: int = 0
    body_total: int = 0
    sent_err: int = 0
    n_docs: int = 0
    meta_ok: Counter = field(default_factory=Counter)


def gold_body_lines(raw: str, gold: dict) -> list[str]:
    """Non-empty lines of the gold body span (body.first … body.last), boilerplate samples excluded."""
    first, last = gold["body"]["first"], gold["body"]["last"]
    a = raw.find(first)
    b = raw.find(last, max(a, 0))
    if a < 0 or b < 0:
        return []
    skip = {s.strip() for s in gold.get("boilerplate", [])}
    lines = [ln.strip() for ln in raw[a : b + len(last)].split("\n")]
    return [ln for ln in lines if any(ch.isalnum() for ch in ln) and ln not in skip]


def _present(line: str, body: str, body_lines: set[str]) -> bool:
    line = line.strip()
    return line in body_lines or (len(line) >= 20 and line in body)


def boilerplate_counts(gold: dict, body: str, raw: str | None) -> tuple[int, int, int, int]:
    """(boilerplate lines absent, boilerplate lines, gold body lines kept, gold body lines)."""
    body_lines = {ln.strip() for ln in body.split("\n")}
    bps = [s for s in gold.get("boilerplate", []) if s.strip()]
    absent = sum(not _present(s, body, body_lines) for s in bps)
    lines = gold_body_lines(raw, gold) if raw is not None else []
    return absent, len(bps), sum(ln in body for ln in lines), len(lines)


def _by_doc(table, doc_ids: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {d: [] for d in doc_ids}
    for row in table.to_pylist():
        if row["doc_id"] in out:
            out[row["doc_id"]].append(row)
    return out


class ScoreError(Exception):
    """A gold or prediction directory that cannot be scored (missing, or a malformed gold file)."""


def find_corpus(gold_dir: Path) -> Path:
    """The ``corpus/`` beside the gold directory or beside one of its parents (``gold/dev`` →
    ``corpus``)."""
    for parent in (gold_dir.parent, *gold_dir.parent.parents):
        if (parent / "corpus").is_dir():
            return parent / "corpus"
    return gold_dir.parent / "corpus"


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Every ``*.json`` of a gold directory by ``doc_id``; a malformed file is named in the error."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ScoreError(f"gold directory not found: {gold_dir}")
    golds = {}
    for p in sorted(gold_dir.glob("*.json")):
        try:
            g = json.loads(p.read_text("utf-8"))
            golds[g["doc_id"]] = g
        except (ValueError, KeyError, TypeError) as exc:
            raise ScoreError(f"malformed gold file {p}: {exc}") from exc
    return golds


def _pred_rows(pred_dir: str | Path, table: str, ids: set[str]) -> dict[str, list[dict]]:
    if table not in SCHEMAS:
        return {d: [] for d in ids}
    return _by_doc(read_table(pred_dir, table), ids)


def _keys(kind: str, rows: list[dict], gold: bool) -> Counter:
    """The multiset a figure compares, from prediction rows or gold entries."""
    if kind in LABELS:
        return Counter(norm_key(e["norm"]) for e in rows if e["label"] == kind)
    if kind == "officials_name":
        return Counter({norm_key(o["name"]) for o in rows})
    if kind == "officials_pos":
        return Counter({(norm_key(o["name"]), norm_key(o["position"])) for o in rows})
    if kind == "quantities":
        return Counter((round(float(q["value"]), 4), q["unit"], q["qualifier"]) for q in rows)
    if kind == "dates":
        fr, to = ("from", "to") if gold else ("date_from", "date_to")
        return Counter((d.get(fr), d.get(to)) for d in rows)
    raise ValueError(kind)


_GOLD_FIELD = {"officials_name": "officials", "officials_pos": "officials", "quantities": "quantities", "dates": "dates"}


def _compare(gold_dir, pred_dir) -> tuple[dict[str, dict], dict, dict[str, dict[str, list]]]:
    """Gold by doc, predicted documents by doc, and per figure per doc the (pred, gold) keys."""
    pred_dir = Path(pred_dir)
    if not (pred_dir / "documents").is_dir():
        raise ScoreError(f"no kzextract output in {pred_dir} (no documents table)")
    golds = load_gold(gold_dir)
    ids = set(golds)
    docs = {r["doc_id"]: r for r in read_table(pred_dir, "documents").to_pylist() if r["doc_id"] in ids}
    tables = {t: _pred_rows(pred_dir, t, ids) for t in ("entities", "officials", "quantities", "dates")}
    pairs: dict[str, dict[str, tuple[Counter, Counter]]] = {}
    for kind in (*LABELS, *_GOLD_FIELD):
        table = "entities" if kind in LABELS else _GOLD_FIELD[kind]
        gfield = "entities" if kind in LABELS else _GOLD_FIELD[kind]
        pairs[kind] = {
            d: (_keys(kind, tables[table][d], False), _keys(kind, g.get(gfield, []), True))
            for d, g in golds.items() if kind != "dates" or "dates" in g
        }
    return golds, docs, pairs


def errors(gold_dir: str | Path, pred_dir: str | Path) -> list[dict]:
    """Every miss and false hit: ``{doc_id, figure, kind: miss|false, key}``, figure by figure."""
    return _error_rows(_compare(gold_dir, pred_dir)[2])


def _error_rows(pairs: dict) -> list[dict]:
    out = []
    for figure, by_doc in pairs.items():
        for doc_id, (pred, gold) in sorted(by_doc.items()):
            out += [{"doc_id": doc_id, "figure": figure, "kind": "miss", "key": k} for k in (gold - pred).elements()]
            out += [{"doc_id": doc_id, "figure": figure, "kind": "false", "key": k} for k in (pred - gold).elements()]
    return out


def format_errors(rows: list[dict]) -> str:
    """The errors grouped by figure, misses first: one line each, ``doc_id  key``."""
    lines = []
    for figure in dict.fromkeys(r["figure"] for r in rows):
        for kind, title in (("miss", "missed"), ("false", "false hits")):
            sel = [r for r in rows if r["figure"] == figure and r["kind"] == kind]
            if sel:
                lines.append(f"## {figure}: {title} ({len(sel)})")
                lines += [f"{r['doc_id']}\t{r['key']}" for r in sel]
    return "\n".join(lines)


def score(gold_dir: str | Path, pred_dir: str | Path, corpus_dir: str | Path | None = None,
          with_errors: bool = False) -> dict:
    """All figures as a nested dict (``entities.PERSON.f1``, ``quantities.f1`` …); with
    ``with_errors`` also ``errors``, the rows of :func:`errors`, from the same one read."""
    gold_dir = Path(gold_dir)
    corpus_dir = Path(corpus_dir) if corpus_dir else find_corpus(gold_dir)
    golds, docs, pairs = _compare(gold_dir, pred_dir)
    t = Tally()
    for figure, by_doc in pairs.items():
        prf = t.entities[figure] if figure in LABELS else getattr(t, figure)
        for pred, gold in by_doc.values():
            prf.add(pred, gold)
    for doc_id, g in golds.items():
        t.n_docs += 1
        pdoc = docs.get(doc_id, {})
        corpus_file = corpus_dir / f"{doc_id}.txt"
        raw = read_document(corpus_file).raw if corpus_file.exists() else None
        absent, n_bp, kept, n_body = boilerplate_counts(g, pdoc.get("body") or "", raw)
        t.bp_absent += absent
        t.bp_total += n_bp
        t.body_kept += kept
        t.body_total += n_body
        t.sent_err += abs(int(pdoc.get("n_sentences") or 0) - int(g.get("sentences", 0)))
        for key in ("title", "source", "date"):
            pv = pdoc.get(key)
            t.meta_ok[key] += (str(pv) if pv is not None else None) == g.get(key)
    micro = PRF()
    for prf in t.entities.values():
        micro.tp += prf.tp
        micro.n_pred += prf.n_pred
        micro.n_gold += prf.n_gold
    n = max(t.n_docs, 1)
    result = {
        "documents": t.n_docs,
        "entities": {**{lab: prf.as_dict() for lab, prf in t.entities.items()}, "micro": micro.as_dict()},
        "officials": {"name": t.officials_name.as_dict(), "name_position": t.officials_pos.as_dict()},
        "quantities": t.quantities.as_dict(),
        "dates": t.dates.as_dict(),
        "boilerplate": round((t.bp_absent + t.body_kept) / max(t.bp_total + t.body_total, 1), 4),
        "boilerplate_detail": {
            "boilerplate_removed": f"{t.bp_absent}/{t.bp_total}", "body_lines_kept": f"{t.body_kept}/{t.body_total}",
        },
        "sentences": {"abs_error": t.sent_err, "mean_abs_error": round(t.sent_err / n, 3)},
        "metadata": {k: round(t.meta_ok[k] / n, 4) for k in ("title", "source", "date")},
    }
    if with_errors:
        result["errors"] = _error_rows(pairs)
    return result


def format_table(result: dict) -> str:
    """The figures as a plain-text table for the terminal and the README."""
    rows = [("entities " + lab, result["entities"][lab]) for lab in (*LABELS, "micro")]
    rows += [("officials name", result["officials"]["name"]), ("officials name+position", result["officials"]["name_position"])]
    rows += [("quantities", result["quantities"]), ("dates", result["dates"])]
    lines = [f"{'':26} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    lines += [f"{name:26} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {m['gold']:5d} {m['pred']:5d}" for name, m in rows]
    d = result["boilerplate_detail"]
    lines.append(f"{'boilerplate':26} {result['boilerplate']:6.3f}  (removed {d['boilerplate_removed']}, body lines kept {d['body_lines_kept']})")
    s = result["sentences"]
    lines.append(f"{'sentences':26} abs error {s['abs_error']} over {result['documents']} docs (mean {s['mean_abs_error']})")
    m = result["metadata"]
    lines.append(f"{'metadata accuracy':26} title {m['title']:.3f}  source {m['source']:.3f}  date {m['date']:.3f}")
    return "\n".join(lines)
