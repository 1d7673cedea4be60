"""Output hardening: one version per doc_id across re-runs, ``--force`` that builds before it replaces,
SIGTERM/SIGINT that commit and exit cleanly, unwritable outputs refused up front, and
``documents.text`` that every offset points into."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import kzextract.write as write
from devtools.bench import make_corpus
from kzextract.cli import main
from kzextract.write import TABLES, DatasetWriter, read_table

A, B = "kk_neet_zakon_2021", "aikyn_food_prices_dosaev"


def _run(*args: str) -> int:
    return main(["extract", *map(str, args), "-q", "--no-model", "-j", "1"])


def _rows(out: Path, table: str, doc_id: str) -> list[dict]:
    return [r for r in read_table(out, table).to_pylist() if r["doc_id"] == doc_id]


def _snapshot(out: Path) -> dict[str, list[str]]:
    """Every table's rows, order-independent: what "the output is intact" compares."""
    return {t: sorted(map(str, read_table(out, t).to_pylist())) for t in TABLES}


@pytest.fixture()
def two(tmp_path, corpus_dir) -> tuple[Path, Path]:
    """A directory of two articles and its extracted output."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in (A, B):
        shutil.copy(corpus_dir / f"{name}.txt", src)
    assert _run(src, "-o", out) == 0
    return src, out


# 1. Identity on re-run ----------------------------------------------------------------------------

def _edit(src: Path, corpus_dir: Path) -> str:
    """Give article A other content; its new sha256."""
    data = (corpus_dir / "aikyn_science_development_level.txt").read_bytes()
    (src / f"{A}.txt").write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def _one_version(out: Path, doc_id: str) -> dict:
    """The doc_id's only documents row, with its sentences once and every offset into its text."""
    (doc,) = _rows(out, "documents", doc_id)
    keys = Counter((r["doc_id"], r["sent_id"]) for r in read_table(out, "sentences").to_pylist())
    assert max(keys.values()) == 1 and len(_rows(out, "sentences", doc_id)) == doc["n_sentences"]
    for table in ("sentences", "entities", "quantities", "dates"):
        for row in _rows(out, table, doc_id):
            assert doc["text"][row["start"]:row["end"]] == row["text"], table
    return doc


def test_an_edited_article_replaces_its_rows_in_every_table(two, corpus_dir):
    src, out = two
    before_b = {t: _rows(out, t, B) for t in TABLES}
    sha = _edit(src, corpus_dir)
    assert _run(src, "-o", out) == 0
    assert sorted(read_table(out, "documents").column("doc_id").to_pylist()) == sorted([A, B])
    assert _one_version(out, A)["sha256"] == sha
    assert {t: _rows(out, t, B) for t in TABLES} == before_b  # the other article is untouched


def test_an_error_row_goes_when_the_article_later_succeeds(tmp_path, corpus_dir):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "late.txt").write_bytes(b"")
    assert _run(src, "-o", out) == 1
    assert read_table(out, "errors").column("doc_id").to_pylist() == ["late"]
    shutil.copy(corpus_dir / f"{A}.txt", src / "late.txt")
    assert _run(src, "-o", out) == 0
    assert read_table(out, "errors").num_rows == 0
    assert read_table(out, "documents").column("doc_id").to_pylist() == ["late"]


def test_a_failed_edit_keeps_the_last_good_rows_until_the_article_is_restored(two):
    src, out = two
    good = (src / f"{A}.txt").read_bytes()
    n_sent = len(_rows(out, "sentences", A))
    (src / f"{A}.txt").write_bytes(b"   \n")
    _run(src, "-o", out)
    assert len(_rows(out, "sentences", A)) == n_sent and len(_rows(out, "errors", A)) == 1
    (src / f"{A}.txt").write_bytes(good)  # unchanged again: skipped, and its error row is stale
    assert _run(src, "-o", out) == 0
    assert read_table(out, "errors").num_rows == 0 and len(_rows(out, "sentences", A)) == n_sent


def test_a_commit_cut_after_its_documents_part_is_rolled_forward(two, corpus_dir, monkeypatch):
    from kzextract.pipeline import build_stages, process
    from kzextract.reader import read_document

    src, out = two
    sha = _edit(src, corpus_dir)

    def crash(outdir, staging):
        raise OSError(5, "simulated crash before the old parts were swapped")

    monkeypatch.setattr(write, "_apply_replacements", crash)
    writer = DatasetWriter(out)
    writer.add(process(read_document(src / f"{A}.txt", A), build_stages(None)))
    with pytest.raises(OSError):
        writer.flush()
    writer.close()
    assert list(out.glob(".staging-*")), "the journal of the committed batch must survive the crash"
    monkeypatch.undo()
    DatasetWriter(out).close()  # the next start finishes the commit
    assert not list(out.glob(".staging-*"))
    assert _one_version(out, A)["sha256"] == sha


def test_a_commit_cut_before_its_documents_part_leaves_the_old_version(two, corpus_dir, monkeypatch):
    src, out = two
    before = _snapshot(out)
    _edit(src, corpus_dir)
    real = os.replace

    def fail_on_documents(a, b):
        if Path(b).parent.name == "documents":
            raise OSError(28, "No space left on device")
        return real(a, b)

    monkeypatch.setattr(write.os, "replace", fail_on_documents)
    assert _run(src, "-o", out) == 2
    monkeypatch.undo()
    assert not list(out.glob(".staging-*"))
    DatasetWriter(out).close()
    assert _snapshot(out) == before


# 2. --force builds before it replaces ----------------------------------------------------------------

def test_force_on_one_article_keeps_the_others(two):
    src, out = two
    before_b = {t: _rows(out, t, B) for t in TABLES}
    n_a = len(_rows(out, "sentences", A))
    assert _run(src / f"{A}.txt", "-o", out, "--force") == 0
    assert sorted(read_table(out, "documents").column("doc_id").to_pylist()) == sorted([A, B])
    assert {t: _rows(out, t, B) for t in TABLES} == before_b
    assert len(_rows(out, "sentences", A)) == n_a  # replaced, not doubled


def test_force_with_only_a_missing_input_leaves_the_output_intact(two, tmp_path):
    src, out = two
    before = _snapshot(out)
    _run(tmp_path / "missing.txt", "-o", out, "--force")
    after = _snapshot(out)
    assert after["documents"] == before["documents"] and after["sentences"] == before["sentences"]
    assert after["entities"] == before["entities"]


def test_force_that_cannot_start_leaves_the_output_intact(two, capsys):
    pytest.importorskip("dask.distributed")
    import dask

    src, out = two
    before = _snapshot(out)
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = _run(src, "-o", out, "--force", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "cannot start" in capsys.readouterr().err
    assert _snapshot(out) == before


# 3. Signals -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_commits_the_finished_batches_and_exits_cleanly(tmp_path, signum, status):
    src, out = make_corpus(tmp_path / "in", 200), tmp_path / "out"
    cmd = [sys.executable, "-m", "kzextract.cli", "extract", str(src), "-o", str(out), "-j", "1",
           "--batch-size", "1", "--no-model", "-q"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 120
    while not list((out / "documents").glob("part-*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before the signal: make it longer"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "interrupted" in lines[0]
    ids = read_table(out, "documents").column("doc_id").to_pylist()
    assert 0 < len(ids) < 200 and len(ids) == len(set(ids))
    for table in TABLES:
        read_table(out, table)
    assert not list(out.glob(".staging-*"))


# 4. Unwritable output ---------------------------------------------------------------------------------

def _refused(capsys, src: Path, out: Path) -> str:
    code = _run(src, "-o", out)
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 2 and len(err) == 1 and "cannot write to" in err[0], err
    return err[0]


def test_an_output_that_is_a_file_is_refused(two, tmp_path, capsys):
    src, _ = two
    target = tmp_path / "out.parquet"
    target.write_bytes(b"not a directory")
    assert "not a directory" in _refused(capsys, src, target)
    assert target.read_bytes() == b"not a directory"
    assert not list(tmp_path.glob(".staging-*"))


def test_an_output_under_a_file_is_refused(two, tmp_path, capsys):
    src, _ = two
    parent = tmp_path / "afile"
    parent.write_bytes(b"x")
    _refused(capsys, src, parent / "out")
    assert parent.read_bytes() == b"x"


def test_a_directory_the_process_may_not_write_is_refused_up_front(two, capsys, corpus_dir, monkeypatch):
    """The read-only case as seen by the writer's check, also where the tests run as root."""
    src, out = two
    before = _snapshot(out)
    shutil.copy(corpus_dir / "aikyn_science_development_level.txt", src)
    real = os.access
    monkeypatch.setattr(write.os, "access", lambda p, mode: Path(p) != out and real(p, mode))
    assert "read-only" in _refused(capsys, src, out)
    monkeypatch.undo()
    assert not list(out.glob(".staging-*"))
    assert _snapshot(out) == before


# 5. documents.text ----------------------------------------------------------------------------------

def test_every_offset_points_into_documents_text(tmp_path, corpus_dir):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for path in sorted(corpus_dir.glob("*.txt"))[:8]:
        shutil.copy(path, src)
    assert _run(src, "-o", out) == 0
    texts = {d["doc_id"]: d["text"] for d in read_table(out, "documents").to_pylist()}
    assert len(texts) == 8 and all(texts.values())
    checked = 0
    for table in ("sentences", "entities", "quantities", "dates"):
        for row in read_table(out, table).to_pylist():
            assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"], (table, row)
            checked += 1
    for row in read_table(out, "officials").to_pylist():
        assert 0 <= row["start"] <= row["end"] <= len(texts[row["doc_id"]])
    assert checked > 100


def test_a_full_disk_mid_run_is_one_line_and_the_earlier_output_stays(two, capsys, corpus_dir, monkeypatch):
    import errno

    import pyarrow.parquet as pq

    src, out = two
    before = _snapshot(out)
    shutil.copy(corpus_dir / "aikyn_science_development_level.txt", src)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full)
    err = _refused(capsys, src, out)
    assert "No space left on device" in err
    assert not list(out.glob(".staging-*"))
    monkeypatch.undo()
    assert _snapshot(out) == before


def test_paths_are_absolute_and_stdin_is_shown_as_a_dash(tmp_path, corpus_dir, monkeypatch):
    import io

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus_dir / f"{A}.txt", src)
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "in", "-o", "out", "-q", "-j", "1", "--no-model"]) == 0
    (doc,) = read_table(tmp_path / "out", "documents").to_pylist()
    assert Path(doc["path"]).is_absolute() and Path(doc["path"]).exists()
    data = (corpus_dir / f"{B}.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("stdin-*"))
    assert main(["extract", "-", "--doc-id", "from-stdin", "-o", "out2", "-q", "--no-model"]) == 0
    (doc,) = read_table(tmp_path / "out2", "documents").to_pylist()
    assert (doc["doc_id"], doc["path"]) == ("from-stdin", "-")
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("stdin-*")) == before  # no temporary file survives


def test_stdin_twice_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", "-", "-", "-o", str(tmp_path / "o"), "-q"]) == 2
    assert "once" in capsys.readouterr().err
