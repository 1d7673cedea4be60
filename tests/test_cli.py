"""The command line: bad input is reported and loses nothing, re-runs are incremental."""

import importlib.util
import shutil
import subprocess
import sys

import pytest

from kzextract.cli import main
from kzextract.write import read_table

ARTICLE = "kk_neet_zakon_2021"


@pytest.fixture()
def batch(tmp_path, corpus_dir):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus_dir / f"{ARTICLE}.txt", src)
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 50)
    return src


def test_bad_articles_become_error_rows_and_the_rest_completes(batch, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", str(batch), str(tmp_path / "missing.txt"), "-o", str(out), "-j", "1", "-q", "--no-model"])
    assert code == 0
    docs = read_table(out, "documents").to_pylist()
    assert [d["doc_id"] for d in docs] == [ARTICLE]
    errors = {e["doc_id"]: e for e in read_table(out, "errors").to_pylist()}
    assert set(errors) == {"empty", "junk", "missing"}
    assert all(e["stage"] == "read" for e in errors.values())
    assert "empty article" in errors["empty"]["message"]
    assert "missing.txt" in capsys.readouterr().err


def test_rerun_skips_done_articles_and_force_redoes_them(batch, tmp_path):
    out = tmp_path / "out"
    args = ["extract", str(batch), "-o", str(out), "-j", "1", "-q", "--no-model"]
    main(args)
    main(args)
    assert read_table(out, "documents").num_rows == 1
    main(args + ["--force"])
    assert read_table(out, "documents").num_rows == 1
    assert read_table(out, "sentences").num_rows > 5


def test_nothing_processable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o"), "-q", "--no-model"]) == 1


def test_parallel_jobs_give_the_same_rows_as_one_job(corpus_dir, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    main(["extract", str(corpus_dir), "-o", str(a), "-j", "1", "-q", "--no-model"])
    main(["extract", str(corpus_dir), "-o", str(b), "-j", "2", "-q", "--no-model"])
    for table in ("documents", "entities", "quantities", "officials"):
        rows_a = sorted(map(str, read_table(a, table).to_pylist()))
        rows_b = sorted(map(str, read_table(b, table).to_pylist()))
        assert rows_a == rows_b


def test_help_and_stdin(corpus_dir, tmp_path):
    exe = [sys.executable, "-m", "kzextract.cli"]
    assert "extract" in subprocess.run(exe + ["--help"], capture_output=True, text=True, check=True).stdout
    data = (corpus_dir / f"{ARTICLE}.txt").read_bytes()
    run = subprocess.run(exe + ["extract", "-", "-o", str(tmp_path / "o"), "-q", "--no-model", "-j", "1"], input=data, capture_output=True)
    assert run.returncode == 0, run.stderr
    assert read_table(tmp_path / "o", "documents").column("doc_id").to_pylist() == ["stdin"]


@pytest.mark.skipif(importlib.util.find_spec("stanza") is not None, reason="checks the error when Stanza is absent")
def test_stanza_backend_without_stanza_fails_early_with_a_clear_message(tmp_path, corpus_dir, capsys):
    code = main(["extract", str(corpus_dir / f"{ARTICLE}.txt"), "-o", str(tmp_path / "o"), "-q", "--ner", "stanza"])
    assert code == 2
    assert "Stanza is not installed" in capsys.readouterr().err
    assert read_table(tmp_path / "o", "documents").num_rows == 0
