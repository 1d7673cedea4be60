"""Scale and safety (issue 6): incremental re-runs, kill -9 mid-run, worker crashes, the output lock,
and the Dask engine on a real local cluster giving the single-process output row for row.

Small corpora here (a few hundred articles, no model) keep ``make test`` fast; the big measurements
(2,000 / 20,000 articles) are in ``make bench``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest

from devtools.bench import make_corpus
from kzextract.cli import main
from kzextract.write import TABLES, DatasetWriter, OutputLocked, read_table


def _extract(src, out, *extra):
    stats = Path(f"{out}.stats.json")
    code = main(["extract", str(src), "-o", str(out), "-q", "--no-model", "--stats", str(stats), *extra])
    return code, json.loads(stats.read_text())


def _doc_ids(out):
    return read_table(out, "documents").column("doc_id").to_pylist()


def test_adding_10_articles_processes_only_those_10(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 200)
    code, first = _extract(src, out, "-j", "1")
    assert code == 0 and first["ok"] == 200
    make_corpus(src, 10, start=200)
    code, second = _extract(src, out, "-j", "2")
    assert code == 0
    assert (second["ok"], second["skipped"], second["error"]) == (10, 200, 0)
    ids = _doc_ids(out)
    assert len(ids) == len(set(ids)) == 210
    code, third = _extract(src, out, "-j", "1")
    assert (third["ok"], third["skipped"]) == (0, 210)
    code, forced = _extract(src, out, "-j", "1", "--force")
    assert forced["ok"] == 210 and len(_doc_ids(out)) == 210


def test_identical_files_in_one_run_are_one_article(tmp_path):
    src = make_corpus(tmp_path / "in", 3)
    first = sorted(src.glob("*.txt"))[0]
    (src / "copy.txt").write_bytes(first.read_bytes())
    code, stats = _extract(src, tmp_path / "out", "-j", "1")
    assert (stats["ok"], stats["skipped"]) == (3, 1)


def test_kill_9_mid_run_keeps_the_previous_output_and_the_next_run_completes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 40)
    assert _extract(src, out, "-j", "1")[0] == 0  # the previous output
    before = set(_doc_ids(out))
    make_corpus(src, 360, start=40)
    cmd = [sys.executable, "-m", "kzextract.cli", "extract", str(src), "-o", str(out), "-q", "--no-model",
           "-j", "2", "--batch-size", "10"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    parts = out / "documents"
    deadline = time.monotonic() + 120
    while len(list(parts.glob("part-*.parquet"))) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: make it longer"
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its workers, as an OOM killer or a node loss would
    proc.wait()
    # The previous output is intact and readable, whatever the kill interrupted.
    mid = _doc_ids(out)
    assert before <= set(mid) and len(mid) == len(set(mid)) and len(mid) < 400
    for table in TABLES:
        read_table(out, table)
    code, stats = _extract(src, out, "-j", "2", "--batch-size", "50")
    assert code == 0 and stats["skipped"] == len(mid) and stats["ok"] == 400 - len(mid)
    ids = _doc_ids(out)
    assert len(ids) == 400 and len(set(ids)) == 400
    assert not list(out.glob(".staging-*"))
    # Every table holds rows of committed documents only, once.
    sent_docs = set(read_table(out, "sentences").column("doc_id").to_pylist())
    assert sent_docs <= set(ids)
    per_doc = Counter(zip(read_table(out, "sentences").column("doc_id").to_pylist(),
                          read_table(out, "sentences").column("sent_id").to_pylist()))
    assert max(per_doc.values()) == 1


def test_a_worker_that_dies_becomes_an_error_row_and_the_run_goes_on(tmp_path, monkeypatch):
    """A crash in native code or an OOM kill takes the whole worker process down (BrokenProcessPool):
    the pool is restarted, the article is reported with stage 'worker', the others complete."""
    import kzextract.runtime.local as local
    import kzextract.runtime.worker as worker

    src = make_corpus(tmp_path / "in", 30)
    victim = sorted(src.glob("*.txt"))[7]
    real = worker.read_document

    def read_or_die(path, doc_id=None):
        if Path(path) == victim:
            os._exit(9)
        return real(path, doc_id)

    monkeypatch.setattr(worker, "read_document", read_or_die)  # forked workers inherit it
    items = [(p.stem, str(p)) for p in sorted(src.glob("*.txt"))]
    outcomes = list(local.run(items, ner="none", jobs=2, chunksize=4, start_method="fork"))
    assert [o.doc_id for o in outcomes] == [i for i, _ in items]
    bad = [o for o in outcomes if o.kind == "error"]
    assert [(o.doc_id, o.stage) for o in bad] == [(victim.stem, "worker")]
    assert "worker process died" in bad[0].message
    assert sum(o.kind == "ok" for o in outcomes) == 29


def test_one_writer_per_output_directory(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from kzextract.write import DatasetWriter
            w = DatasetWriter({str(tmp_path)!r})
            print("locked", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputLocked):
            DatasetWriter(tmp_path)
    finally:
        holder.kill()
        holder.wait()
    DatasetWriter(tmp_path).close()  # released by the OS when its holder died


def test_stage_timings_are_collected(tmp_path):
    code, stats = _extract(make_corpus(tmp_path / "in", 5), tmp_path / "out", "-j", "1")
    assert set(stats["stage_seconds"]) == {"read", "clean", "sentences", "numbers", "dates", "entities", "facts", "write"}
    assert all(v >= 0 for v in stats["stage_seconds"].values())
    assert stats["articles_per_s"] > 0 and stats["words"] > 0


def test_dask_engine_on_a_local_cluster_writes_the_single_process_dataset(extracted, corpus_dir, tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        code = main(["extract", str(corpus_dir), "-o", str(out), "-q", "--engine", "dask",
                     "--scheduler", cluster.scheduler_address])
        assert code == 0
    for table in TABLES:
        single = read_table(extracted, table).drop_columns([]).to_pylist()
        dask = read_table(out, table).to_pylist()
        if table == "documents":
            assert len(dask) == len(list(corpus_dir.glob("*.txt")))
        assert dask == single, table


def test_a_rerun_does_not_repeat_error_rows(tmp_path):
    src = make_corpus(tmp_path / "in", 3)
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    for _ in range(3):
        _extract(src, out, "-j", "1")
    assert read_table(out, "errors").column("doc_id").to_pylist() == ["empty"]
    assert len(_doc_ids(out)) == 3



def _blas_threads(chunk: list) -> list[list[int]]:
    from threadpoolctl import threadpool_info

    return [[i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] for _ in chunk]


def test_pool_workers_run_one_blas_thread_whatever_the_parent_has(monkeypatch):
    # A forked worker inherits the parent's BLAS thread count; the pool's initializer must cut it to 1.
    import numpy  # noqa: F401  (loads numpy's OpenBLAS, which the model multiplies through)
    from threadpoolctl import threadpool_limits

    from kzextract.runtime import local, worker

    monkeypatch.setattr(worker, "init_worker", lambda ner, known: None)  # no model needed
    monkeypatch.setattr(local, "run_chunk", _blas_threads)  # report instead of processing
    with threadpool_limits(2, user_api="blas"):
        assert 2 in _blas_threads([None])[0]
        seen = list(local.run([("a", "a.txt"), ("b", "b.txt")], jobs=2, start_method="fork"))
    assert seen and all(set(threads) == {1} for threads in seen)
