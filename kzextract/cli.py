"""``kzextract``: extract facts from Kazakh news into Parquet, and score them against gold.

Exit codes: 0 success; 1 nothing could be processed (every article failed); 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from . import __version__


def _extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .pipeline import Outcome, discover, run
    from .write import TABLES, DatasetWriter, read_table

    out = Path(args.output)
    items = []
    stdin_tmp = None
    for item in args.inputs:
        if item == "-":
            stdin_tmp = tempfile.NamedTemporaryFile(prefix="stdin-", suffix=".txt", delete=False)
            stdin_tmp.write(sys.stdin.buffer.read())
            stdin_tmp.close()
            items.append(("stdin", stdin_tmp.name))
        else:
            items.extend(discover([item]))
    if not items:
        print("kzextract: error: no .txt articles found in the inputs", file=sys.stderr)
        return 2
    if args.force and out.exists():
        for table in TABLES:
            shutil.rmtree(out / table, ignore_errors=True)
    known: frozenset[str] = frozenset()
    if out.exists() and not args.force:
        known = frozenset(read_table(out, "documents").column("sha256").to_pylist())
    writer = DatasetWriter(out, batch_docs=args.batch_size)
    counts = {"ok": 0, "error": 0, "skipped": 0}
    jobs = args.jobs or os.cpu_count() or 1
    bar = tqdm(total=len(items), unit="doc", disable=args.quiet, file=sys.stderr, dynamic_ncols=True)
    try:
        outcome: Outcome
        for outcome in run(items, use_model=not args.no_model, jobs=jobs, known=known):
            counts[outcome.kind] += 1
            if outcome.kind == "ok":
                writer.add(outcome.doc)
            elif outcome.kind == "error":
                writer.add_error(outcome.doc_id, outcome.path, outcome.stage, outcome.message)
                tqdm.write(f"kzextract: error: {outcome.path}: {outcome.stage}: {outcome.message}", file=sys.stderr)
            bar.update()
        writer.close()
    finally:
        bar.close()
        if stdin_tmp is not None:
            os.unlink(stdin_tmp.name)
    print(
        f"kzextract: {counts['ok']} processed, {counts['skipped']} already done, {counts['error']} failed → {out}",
        file=sys.stderr,
    )
    return 1 if counts["ok"] == 0 and counts["skipped"] == 0 else 0


def _score(args: argparse.Namespace) -> int:
    from .score import format_table, score

    if not Path(args.gold).is_dir():
        print(f"kzextract: error: gold directory not found: {args.gold}", file=sys.stderr)
        return 2
    result = score(args.gold, args.pred, args.corpus)
    print(format_table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kzextract", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kzextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="run the pipeline on articles and write the Parquet dataset")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files and/or directories; '-' reads one article from stdin")
    ex.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory (one sub-directory per table)")
    ex.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: number of cores)")
    ex.add_argument("--no-model", action="store_true", help="rules only: do not load the statistical NER model")
    ex.add_argument("--force", action="store_true", help="redo every article, replacing the existing output")
    ex.add_argument("--batch-size", type=int, default=2000, help="articles per Parquet part file (default 2000)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)

    sc = sub.add_parser("score", help="score an output directory against gold annotations")
    sc.add_argument("--gold", required=True, metavar="GOLD_DIR")
    sc.add_argument("--pred", required=True, metavar="OUTDIR")
    sc.add_argument("--corpus", metavar="CORPUS_DIR", help="the articles of the gold set (default: GOLD_DIR/../corpus)")
    sc.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    sc.set_defaults(func=_score)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE") and argv is None:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `kzextract score … | head` ends quietly
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
