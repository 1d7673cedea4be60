"""Measure jusText's paragraph classifier against kzextract's clean stage on the gold set.

jusText (with its Kazakh stop list) classifies HTML paragraphs as good or boilerplate; our input is
text, so each line is wrapped as a ``<p>``. Both cleaners are scored with the scorer's boilerplate
figure (gold boilerplate lines removed + gold body lines kept). Run: ``python -m devtools.clean_compare``.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

import justext

from kzextract.clean import clean, split_lines
from kzextract.reader import read_document
from .paths import ROOT
from kzextract.score import boilerplate_counts


def justext_body(raw: str) -> str:
    """The lines jusText keeps as good (or near-good next to good) paragraphs."""
    lines = [ln.text for ln in split_lines(raw)]
    page = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in lines) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("Kazakh"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def boilerplate_score(bodies: dict[str, str], gold_dir: Path, corpus_dir: Path) -> dict:
    absent = total_bp = kept = total_body = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        raw = read_document(corpus_dir / f"{gold['doc_id']}.txt").raw
        a, b, k, n = boilerplate_counts(gold, bodies[gold["doc_id"]], raw)
        absent, total_bp, kept, total_body = absent + a, total_bp + b, kept + k, total_body + n
    return {
        "boilerplate": round((absent + kept) / max(total_bp + total_body, 1), 4),
        "boilerplate_removed": f"{absent}/{total_bp}",
        "body_lines_kept": f"{kept}/{total_body}",
    }


def main() -> int:
    gold_dir, corpus_dir = ROOT / "gold" / "dev", ROOT / "corpus"
    docs = {p.stem: read_document(p) for p in sorted(corpus_dir.glob("*.txt"))}
    results = {
        "kzextract.clean": boilerplate_score({k: clean(d).body for k, d in docs.items()}, gold_dir, corpus_dir),
        "jusText (Kazakh stoplist, default settings)": boilerplate_score(
            {k: justext_body(d.raw) for k, d in docs.items()}, gold_dir, corpus_dir
        ),
    }
    for name, r in results.items():
        print(f"{name:45} {r['boilerplate']:.3f}  removed {r['boilerplate_removed']}, body lines kept {r['body_lines_kept']}")
    out = ROOT / "bench" / "clean-compare.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
