"""Hardening: damaged UTF-8 stays UTF-8, special files are refused before they are opened,
the size limit holds on the bytes read, symlinked sub-directories are followed without looping,
doc_ids are unique within an output, and bad numbers on the command line are usage errors."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import kzextract.reader as reader
from kzextract.cli import build_parser, main
from kzextract.reader import ReadError, decode, read_document
from kzextract.runtime import discover
from kzextract.write import read_table

ARTICLE = "kk_neet_zakon_2021"
SHORT = "Алматыда 506 мың жас жұмысқа орналасты."


@pytest.fixture(scope="module")
def kk(corpus_dir) -> str:
    return (corpus_dir / f"{ARTICLE}.txt").read_text(encoding="utf-8")


# 1. Decoding ----------------------------------------------------------------------------------------

def test_a_cut_multibyte_character_keeps_the_article_utf8(kk):
    data = kk.encode("utf-8") + "қ".encode("utf-8")[:1]  # the last character cut by a truncating tool
    text, enc = decode(data)
    assert enc == "utf-8 (1 bad byte replaced)"
    assert text == kk + "\ufffd"


def test_a_stray_cp1252_quote_keeps_the_article_utf8(kk):
    cut = kk.index("Қазақстанда")
    data = kk[:cut].encode("utf-8") + b"\xab" + kk[cut:].encode("utf-8")  # « in Windows-1252
    text, enc = decode(data)
    assert enc == "utf-8 (1 bad byte replaced)"
    assert text == kk[:cut] + "\ufffd" + kk[cut:]


def test_bad_bytes_are_counted(kk):
    data = b"\xab" + kk.encode("utf-8") + "—".encode("utf-8")[:2]  # 1 stray byte + 2 of a 3-byte dash
    text, enc = decode(data)
    assert enc == "utf-8 (3 bad bytes replaced)"
    assert kk in text and "Қазақстанда" in text


def test_a_short_article_with_one_bad_byte_is_not_mojibake():
    text, enc = decode(SHORT.encode("utf-8") + b"\xab")
    assert enc == "utf-8 (1 bad byte replaced)"
    assert text == SHORT + "\ufffd"


def test_legacy_code_pages_are_still_detected_with_some_utf8_in_them(kk):
    # A KZ-1048 article with a UTF-8 signature pasted in: mostly not UTF-8, so still KZ-1048.
    data = kk.encode("kz1048") + "\n\nАвтор: Әлия".encode("utf-8")
    text, enc = decode(data)
    assert enc == "kz1048"
    assert text.startswith(kk)


def test_the_encoding_is_recorded_with_its_bad_byte_count(tmp_path, kk):
    src = tmp_path / "in"
    src.mkdir()
    (src / "cut.txt").write_bytes(kk.encode("utf-8") + "қ".encode("utf-8")[:1])
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--no-model", "-j", "1"]) == 0
    (doc,) = read_table(out, "documents").to_pylist()
    assert doc["encoding"] == "utf-8 (1 bad byte replaced)"
    assert doc["language"] == "kk" and "Қазақстанда" in doc["body"]


# 2. Files ---------------------------------------------------------------------------------------------

def _read_in_thread(path: Path, seconds: float = 10) -> BaseException | object:
    """read_document(path) with a deadline: an open() that blocks (a FIFO) fails the test, not the suite."""
    result: list = []

    def target() -> None:
        try:
            result.append(read_document(path))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            result.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():  # unblock the reader: a writer appears and goes away
        _unblock(path)
        thread.join(seconds)
        pytest.fail(f"reading {path} blocked")
    return result[0]


def _unblock(fifo: Path) -> None:
    """Let a reader blocked in open() on ``fifo`` go on (no reader left: nothing to do)."""
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = _read_in_thread(fifo)
    assert isinstance(outcome, ReadError), outcome
    assert str(outcome) == "not a regular file: a FIFO (named pipe)"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/null")  # stat follows the link: a character device, not an empty article
    with pytest.raises(ReadError, match="^not a regular file: a character device$"):
        read_document(link)


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    if len(str(path)) > 100 or not hasattr(socket, "AF_UNIX"):
        pytest.skip("no room for a Unix socket path here")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(ReadError, match="^not a regular file: a socket$"):
            read_document(path)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_the_size_limit_holds_on_the_bytes_read(monkeypatch):
    # /proc files are regular files whose stat size is 0: only counting what is read catches them.
    monkeypatch.setattr(reader, "max_bytes", lambda: 100)
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(ReadError, match="file too large: more than 100 bytes"):
        read_document("/proc/self/status")


def test_the_size_limit_still_reads_a_file_at_the_limit(tmp_path, monkeypatch):
    data = SHORT.encode("utf-8")
    monkeypatch.setattr(reader, "max_bytes", lambda: len(data))
    (tmp_path / "a.txt").write_bytes(data)
    assert read_document(tmp_path / "a.txt").raw == SHORT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_an_input_directory_is_an_error_row_not_a_hang(tmp_path, kk):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(kk, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kzextract.cli", "extract", str(src), "-o", str(out), "-q", "--no-model", "-j", "1"]
    try:
        run = subprocess.run(cmd, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        _unblock(src / "pipe.txt")
        pytest.fail("the run blocked on the FIFO")
    assert run.returncode == 0, run.stderr
    assert read_table(out, "documents").column("doc_id").to_pylist() == ["ok"]
    (err,) = read_table(out, "errors").to_pylist()
    assert (err["doc_id"], err["stage"], err["message"]) == ("pipe", "read", "not a regular file: a FIFO (named pipe)")


# 3. Inputs --------------------------------------------------------------------------------------------

def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(SHORT, encoding="utf-8")


def test_doc_ids_are_paths_relative_to_the_input_directory(tmp_path):
    src = tmp_path / "in"
    _tree(src, ["a/article.txt", "b/article.txt", "top.txt", "a/deep/er/x.txt", "notes.md"])
    assert list(discover([str(src)])) == [
        ("a/article", str(src / "a" / "article.txt")),
        ("a/deep/er/x", str(src / "a" / "deep" / "er" / "x.txt")),
        ("b/article", str(src / "b" / "article.txt")),
        ("top", str(src / "top.txt")),
    ]
    # A file named on its own keeps its stem.
    assert list(discover([str(src / "a" / "article.txt")])) == [("article", str(src / "a" / "article.txt"))]


def test_symlinked_sub_directories_are_followed_once_without_looping(tmp_path):
    src, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    _tree(src, ["real/a.txt"])
    _tree(elsewhere, ["b.txt"])
    (src / "linked").symlink_to(elsewhere, target_is_directory=True)
    (src / "real" / "loop").symlink_to(src, target_is_directory=True)  # a link to an ancestor
    (src / "again").symlink_to(src / "real", target_is_directory=True)  # a second way to a directory
    found = dict(discover([str(src)]))
    assert found["linked/b"] == str(src / "linked" / "b.txt")
    assert {os.path.realpath(p) for p in found.values()} == {
        os.path.realpath(src / "real" / "a.txt"), os.path.realpath(elsewhere / "b.txt")}
    assert len(found) == 2  # each directory entered once: no loop/loop/..., no again/a beside real/a
    assert found["real/a"] == str(src / "real" / "a.txt")  # by its real path, not by the link


def test_equal_names_in_different_sub_directories_are_different_documents(tmp_path, kk):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    (src / "a" / "article.txt").write_text(kk, encoding="utf-8")
    (src / "b" / "article.txt").write_text(kk.replace("2021", "2022"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--no-model", "-j", "1"]) == 0
    ids = read_table(out, "documents").column("doc_id").to_pylist()
    assert sorted(ids) == ["a/article", "b/article"]


# 4. CLI numbers and --doc-id ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "flag, value, message",
    [
        ("--jobs", "-1", "argument -j/--jobs: must be at least 0, got -1"),
        ("--batch-size", "0", "argument --batch-size: must be at least 1, got 0"),
        ("--chunksize", "0", "argument --chunksize: must be at least 1, got 0"),
        ("--jobs", "two", "argument -j/--jobs: not a whole number: 'two'"),
    ],
)
def test_bad_numbers_are_usage_errors(tmp_path, capsys, flag, value, message):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path), "-o", str(tmp_path / "o"), flag, value])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_good_numbers_are_accepted():
    args = build_parser().parse_args(["extract", "x", "-o", "o", "-j", "0", "--batch-size", "1", "--chunksize", "1"])
    assert (args.jobs, args.batch_size, args.chunksize, args.doc_id) == (0, 1, 1, None)


def test_doc_id_names_the_stdin_article(tmp_path, kk, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(kk.encode("utf-8"))))
    out = tmp_path / "o"
    assert main(["extract", "-", "--doc-id", "kaz/2021/neet", "-o", str(out), "-q", "--no-model", "-j", "1"]) == 0
    assert read_table(out, "documents").column("doc_id").to_pylist() == ["kaz/2021/neet"]
