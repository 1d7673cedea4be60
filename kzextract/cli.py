"""``kzextract``: extract facts from Kazakh news into Parquet, and score them against gold.

Exit codes: 0 success; 1 nothing could be processed (every article failed); 2 usage errors (or the
output directory is being written by another run, or cannot be written); 130 / 143 interrupted by
SIGINT / SIGTERM (the batches finished so far are committed; a re-run resumes from there).

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
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .entities import backends
from .settings import current, load, use


def _extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .batch import BatchError, extract
    from .write import OutputLocked

    items: list = []
    stdin_tmp = None
    bar = None
    if args.inputs.count("-") > 1:
        print("kzextract: error: '-' (standard input) may be given once", file=sys.stderr)
        return 2
    try:
        for item in args.inputs:
            if item == "-":
                stdin_tmp = tempfile.NamedTemporaryFile(prefix="stdin-", suffix=".txt", delete=False)
                stdin_tmp.write(sys.stdin.buffer.read())
                stdin_tmp.close()
                items.append((args.doc_id or "stdin", stdin_tmp.name))
            else:
                items.append(item)
        bar = tqdm(unit="doc", disable=args.quiet, file=sys.stderr, dynamic_ncols=True)

        def report(outcome) -> None:
            if outcome.kind == "error":
                tqdm.write(f"kzextract: error: {outcome.path}: {outcome.stage}: {outcome.message}", file=sys.stderr)
            bar.update()

        summary = extract(
            items, args.output, jobs=args.jobs, ner="none" if args.no_model else (args.ner or current().ner), force=args.force,
            batch_size=args.batch_size, engine=args.engine, scheduler=args.scheduler, chunksize=args.chunksize,
            on_outcome=report, shown_paths={stdin_tmp.name: "-"} if stdin_tmp is not None else None,
        )
    except (BatchError, OutputLocked) as exc:
        print(f"kzextract: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output became unwritable mid-run (disk full, removed)
        print(f"kzextract: error: cannot write to {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Interrupted as exc:
        print(f"kzextract: interrupted by {exc.name}: finished batches are committed in {args.output}; "
              "run again to resume", file=sys.stderr)
        return exc.status
    finally:
        if bar is not None:
            bar.close()
        if stdin_tmp is not None:
            os.unlink(stdin_tmp.name)
    print(
        f"kzextract: {summary.processed} processed, {summary.skipped} already done, {summary.failed} failed → {args.output}",
        file=sys.stderr,
    )
    if args.stats:
        Path(args.stats).write_text(json.dumps(summary.as_dict(), indent=2) + "\n", encoding="utf-8")
    return 1 if summary.processed == 0 and summary.skipped == 0 else 0


def _score(args: argparse.Namespace) -> int:
    from .score import ScoreError, format_errors, format_table, score

    try:
        result = score(args.gold, args.pred, args.corpus, with_errors=bool(args.errors))
        rows = result.pop("errors", None)
        print(format_table(result))
        if args.errors:
            text = format_errors(rows) + "\n"
            if args.errors == "-":
                sys.stdout.write(text)
            else:
                Path(args.errors).write_text(text, encoding="utf-8")
    except ScoreError as exc:
        print(f"kzextract: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type=`` for whole numbers >= ``minimum``: a bad value exits 2 with a clear message
    instead of a traceback (or a hang: ``--chunksize 0``) deep in the run."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def _report(args: argparse.Namespace) -> int:
    from .report import ReportError, build

    try:
        result = build(args.outdir, args.output, docs=args.docs, only=args.only)
    except ReportError as exc:
        print(f"kzextract: error: {exc}", file=sys.stderr)
        return 2
    for doc_id in result.missing:
        print(f"kzextract: warning: --only {doc_id}: not in {args.outdir}", file=sys.stderr)
    print(f"kzextract: report of {result.articles}/{result.total_articles} articles → {result.path} "
          f"({result.bytes / 1e6:.1f} MB, {result.seconds:.1f} s)", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kzextract", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kzextract {__version__}")
    parser.add_argument("--config", metavar="FILE",
                        help="settings file (TOML; default $KZEXTRACT_CONFIG or ~/.config/kzextract/settings.toml)")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="run the pipeline on articles and write the Parquet dataset")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files and/or directories; '-' reads one article from stdin")
    ex.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory (one sub-directory per table)")
    ex.add_argument("-j", "--jobs", type=_int_at_least(0), default=0,
                    help="worker processes, each loading the model once (default or 0: the number of cores)")
    ex.add_argument("--no-model", action="store_true", help="rules only: do not load the statistical NER model")
    ex.add_argument("--ner", choices=[n for n in backends.names() if n != "none"], default=None,
                    help="NER backend next to the rules: the shipped spaCy model (default: the ner setting) or "
                         "Stanza's Kazakh models where installed (optional extra; see README)")
    ex.add_argument("--force", action="store_true",
                    help="redo the given articles even if unchanged, replacing their rows (other articles stay)")
    ex.add_argument("--batch-size", type=_int_at_least(1), default=2000, help="articles per Parquet part file (default 2000)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: worker processes on this machine (default); dask: a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler (tcp://host:8786); default: a local cluster of --jobs workers")
    ex.add_argument("--chunksize", type=_int_at_least(1), default=16, help=argparse.SUPPRESS)
    ex.add_argument("--doc-id", metavar="ID", help="doc_id of the article read from stdin ('-'; default: stdin)")
    ex.add_argument("--stats", metavar="FILE", help="write counts, throughput and per-stage seconds as JSON")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)

    sc = sub.add_parser("score", help="score an output directory against gold annotations")
    sc.add_argument("--gold", required=True, metavar="GOLD_DIR")
    sc.add_argument("--pred", required=True, metavar="OUTDIR")
    sc.add_argument("--corpus", metavar="CORPUS_DIR", help="the articles of the gold set (default: the corpus/ beside GOLD_DIR or a parent)")
    sc.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    sc.add_argument("--errors", metavar="FILE", help="write every miss and false hit per figure ('-': print them)")
    sc.set_defaults(func=_score)

    rp = sub.add_parser("report", help="one self-contained HTML report of an output directory")
    rp.add_argument("outdir", metavar="OUTDIR", help="output directory of `kzextract extract`")
    rp.add_argument("-o", "--output", default="report.html", metavar="FILE", help="HTML file to write (default report.html)")
    rp.add_argument("--docs", type=int, default=None, metavar="N", help="render at most N articles (the summary covers all)")
    rp.add_argument("--only", nargs="+", default=None, metavar="DOC_ID", help="render only these articles")
    rp.set_defaults(func=_report)
    return parser


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM in the main process: a ``BaseException``, so no per-article ``except
    Exception`` swallows it, and ``finally`` blocks (the writer's commit) still run."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.name = signal.Signals(signum).name
        self.status = 128 + signum


def _on_signal(main_pid: int) -> Callable:
    """The handler: raise ``Interrupted`` in the CLI process; a forked worker that inherited it
    behaves as without it (SIGTERM ends it, SIGINT raises KeyboardInterrupt)."""

    def handle(signum: int, frame) -> None:
        if os.getpid() == main_pid:
            raise Interrupted(signum)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    return handle


def _install_signal_handlers() -> dict:
    """SIGINT and SIGTERM → ``Interrupted``; returns the previous handlers (main thread only)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    handler = _on_signal(os.getpid())
    return {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}


def main(argv: list[str] | None = None) -> int:
    from .runtime.threads import limit_threads

    limit_threads()  # before numpy is imported: one BLAS/OpenMP thread per process
    if hasattr(signal, "SIGPIPE") and argv is None:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `kzextract score … | head` ends quietly
    args = build_parser().parse_args(argv)
    try:
        use(load(args.config))
    except (OSError, ValueError) as exc:  # an unreadable or invalid settings file
        print(f"kzextract: error: settings: {exc}", file=sys.stderr)
        return 2
    saved = _install_signal_handlers()
    try:
        return args.func(args)
    except Interrupted as exc:  # score, report: nothing to commit
        print(f"kzextract: interrupted by {exc.name}", file=sys.stderr)
        return exc.status
    finally:
        for s, handler in saved.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)


if __name__ == "__main__":
    sys.exit(main())
