"""``kzextract``: extract facts from Kazakh news into Parquet, and score them against gold.

Exit codes: 0 success; 1 nothing could be processed (every article failed); 2 usage errors (or the
output directory is being written by another run).

``extract`` is resumable: articles whose raw sha256 is already in OUTDIR are skipped (``--force``
redoes them), and a run that is killed loses at most its uncommitted batch. ``--engine dask
--scheduler ADDRESS`` runs the same stages on a Dask cluster and writes the same dataset.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
from pathlib import Path

from . import __version__


def _extract(args: argparse.Namespace) -> int:
    import time

    from tqdm import tqdm

    from .engines import get_engine
    from .pipeline import Outcome, discover
    from .write import DatasetWriter, OutputLocked, read_table

    t_start = time.perf_counter()
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
    items = list(dict.fromkeys(items))  # a file named twice (corpus corpus/a.txt) is one article
    if not items:
        print("kzextract: error: no .txt articles found in the inputs", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("kzextract: error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        writer = DatasetWriter(out, batch_docs=args.batch_size, replace=args.force)
    except OutputLocked as exc:
        print(f"kzextract: error: {exc}", file=sys.stderr)
        return 2
    known: frozenset[str] = frozenset()
    reported: set[tuple] = set()  # error rows already in the output: a re-run does not repeat them
    if not args.force:
        known = frozenset(read_table(out, "documents").column("sha256").to_pylist())
        reported = {tuple(e.values()) for e in read_table(out, "errors").to_pylist()}
    seen: set[str] = set()  # sha256 of the articles written by this run: identical files count once
    counts = {"ok": 0, "error": 0, "skipped": 0}
    stages: dict[str, float] = {}
    n_words = 0
    jobs = args.jobs or _cores()
    if args.engine == "local":  # no more workers than chunks of work
        jobs = max(1, min(jobs, -(-len(items) // max(1, args.chunksize))))
    bar = tqdm(total=len(items), unit="doc", disable=args.quiet, file=sys.stderr, dynamic_ncols=True)
    ner = "none" if args.no_model else args.ner
    try:
        if ner == "stanza":  # fail early and clearly, before any worker starts
            from .stanza_backend import load_stanza

            load_stanza()
        engine = get_engine(args.engine, jobs=jobs, scheduler=args.scheduler, chunksize=args.chunksize)
    except (RuntimeError, ValueError, OSError) as exc:  # dask or stanza missing, scheduler unreachable
        writer.close()
        bar.close()
        if stdin_tmp is not None:
            os.unlink(stdin_tmp.name)
        print(f"kzextract: error: cannot start: {exc}", file=sys.stderr)
        return 2
    try:
        outcome: Outcome
        for outcome in engine.run(items, ner=ner, known=known):
            for stage, sec in outcome.timings.items():
                stages[stage] = stages.get(stage, 0.0) + sec
            if outcome.kind == "ok" and outcome.doc.sha256 in seen:
                outcome.kind = "skipped"
            counts[outcome.kind] += 1
            if outcome.kind == "ok":
                seen.add(outcome.doc.sha256)
                writer.add(outcome.doc)
                n_words += writer.last_n_words
            elif outcome.kind == "error":
                if (outcome.doc_id, outcome.path, outcome.stage, outcome.message) not in reported:
                    writer.add_error(outcome.doc_id, outcome.path, outcome.stage, outcome.message)
                tqdm.write(f"kzextract: error: {outcome.path}: {outcome.stage}: {outcome.message}", file=sys.stderr)
            bar.update()
    finally:
        writer.close()  # commits what was processed: an interrupted run resumes from there
        engine.close()
        bar.close()
        if stdin_tmp is not None:
            os.unlink(stdin_tmp.name)
    stages["write"] = writer.seconds
    elapsed = time.perf_counter() - t_start
    print(
        f"kzextract: {counts['ok']} processed, {counts['skipped']} already done, {counts['error']} failed → {out}",
        file=sys.stderr,
    )
    if args.stats:
        stats = {
            "engine": args.engine, "jobs": jobs, "ner": ner, **counts, "words": n_words,
            "seconds": round(elapsed, 3),
            "articles_per_s": round(counts["ok"] / elapsed, 2) if elapsed else None,
            "words_per_s": round(n_words / elapsed, 1) if elapsed else None,
            # CPU seconds summed over workers, per stage ("read" = decoding, "write" = Parquet)
            "stage_seconds": {k: round(v, 4) for k, v in stages.items()},
        }
        Path(args.stats).write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    return 1 if counts["ok"] == 0 and counts["skipped"] == 0 else 0


def _cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


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
    ex.add_argument("-j", "--jobs", type=int, default=0,
                    help="worker processes, each loading the model once (default: the number of cores)")
    ex.add_argument("--no-model", action="store_true", help="rules only: do not load the statistical NER model")
    ex.add_argument("--ner", choices=("spacy", "stanza"), default="spacy",
                    help="NER backend next to the rules: the shipped spaCy model (default) or Stanza's Kazakh "
                         "models where installed (optional extra; see README)")
    ex.add_argument("--force", action="store_true", help="redo every article, replacing the existing output")
    ex.add_argument("--batch-size", type=int, default=2000, help="articles per Parquet part file (default 2000)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: worker processes on this machine (default); dask: a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler (tcp://host:8786); default: a local cluster of --jobs workers")
    ex.add_argument("--chunksize", type=int, default=16, help=argparse.SUPPRESS)
    ex.add_argument("--stats", metavar="FILE", help="write counts, throughput and per-stage seconds as JSON")
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
    from .engines import limit_threads

    limit_threads()  # before numpy is imported: one BLAS/OpenMP thread per process
    if hasattr(signal, "SIGPIPE") and argv is None:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `kzextract score … | head` ends quietly
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
