"""Bad input (issue 6): none of it crashes the batch, each problem is an ``errors`` row with its stage
and a clear message, every readable article is processed and its encoding and language recorded."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from kzextract.cli import main
from kzextract.write import read_table

ARTICLE = "kk_neet_zakon_2021"
RU = (
    "Заместитель акима города Алматы провёл заседание совета по делам молодёжи.\n\n"
    "На заседании обсудили занятость выпускников колледжей и вузов. По данным управления, в этом году "
    "на работу устроились 506 тысяч молодых людей, объём финансирования программы «Молодёжная практика» "
    "вырос на 12 процентов. Ещё 40 человек получили гранты."
)
LATIN = (
    "Almaty qalasy äkiminiñ orynbasary Erjan Babaqūmarov jastar isteri jönindegi keñestiñ otyrysyn ötkizdi.\n\n"
    "Otyrysta kolledj ben joğary oqu orny tülekteriniñ jūmyspen qamtyluy talqylandy. Bıyl 506 myñ jas "
    "jūmysqa ornalasty, «Jastar praktikasy» bağdarlamasynyñ qarjysy 12 paiyzğa östi."
)


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory, corpus_dir):
    """One CLI run (two workers) over a directory of every kind of bad input, plus bad paths."""
    tmp = tmp_path_factory.mktemp("bad")
    src = tmp / "in"
    src.mkdir()
    kk = (corpus_dir / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    files = {
        "ok_utf8": kk.encode("utf-8"),
        "empty": b"",
        "whitespace": b"  \n\t\r\n   \n",
        "junk": bytes(range(256)) * 50,
        "kk_kz1048": kk.encode("kz1048"),
        "kk_utf16": kk.encode("utf-16"),
        "ru_cp1251": RU.encode("cp1251"),
        "kk_bom": codecs.BOM_UTF8 + kk.encode("utf-8"),
        "kk_crlf": kk.replace("\n", "\r\n").encode("utf-8"),
        "kk_html": (
            "<!DOCTYPE html><html><head><title>x</title><style>p {color: red}</style></head><body>"
            + "".join(f"<p>{para}</p>\n" for para in kk.split("\n\n"))
            + "<script>var tracker = 1;</script></body></html>"
        ).encode("utf-8"),
        "mostly_ru": ("Жастар практикасы.\n\n" + RU).encode("utf-8"),
        "kk_latin": LATIN.encode("utf-8"),
        "digits_only": ("1 2 3 4 5 6 7 8 9 10\n" * 50).encode("utf-8"),
        "bad_utf16": codecs.BOM_UTF16_LE + "Сәлем".encode("utf-16-le") + b"\x00",  # odd length
    }
    for name, data in files.items():
        (src / f"{name}.txt").write_bytes(data)
    with open(src / "huge_50mb.txt", "wb") as fh:  # 50 MB (sparse): over the 10 MB article limit
        fh.truncate(50 * 2**20)
    (src / "a_directory.txt").mkdir()  # a directory with a .txt name is unreadable as a file
    (src / "unreadable.txt").write_bytes((kk + "\nЖастар практикасы.\n").encode("utf-8"))
    os.chmod(src / "unreadable.txt", 0)
    out = tmp / "out"
    code = main(["extract", str(src), str(tmp / "does_not_exist.txt"), "-o", str(out), "-q", "--no-model", "-j", "2"])
    docs = {d["doc_id"]: d for d in read_table(out, "documents").to_pylist()}
    errors = {e["doc_id"]: e for e in read_table(out, "errors").to_pylist()}
    return code, docs, errors, kk


def test_the_batch_completes(bad_batch):
    code, docs, errors, _ = bad_batch
    assert code == 0
    readable = {"ok_utf8", "kk_kz1048", "kk_utf16", "ru_cp1251", "kk_bom", "kk_crlf", "kk_html", "mostly_ru",
                "kk_latin", "digits_only"}
    assert readable <= set(docs)
    assert {"empty", "whitespace", "junk", "huge_50mb", "a_directory", "does_not_exist", "bad_utf16"} <= set(errors)
    assert not set(docs) & set(errors)
    assert all(e["stage"] == "read" for e in errors.values())


@pytest.mark.parametrize(
    "doc_id, message",
    [
        ("empty", "empty article (0 bytes)"),
        ("whitespace", "empty article (whitespace only)"),
        ("junk", "binary data"),
        ("huge_50mb", "file too large: 52428800 bytes"),
        ("a_directory", "cannot read: Is a directory"),
        ("does_not_exist", "cannot open: No such file or directory"),
        ("bad_utf16", "invalid UTF-16"),
    ],
)
def test_each_problem_has_a_clear_message(bad_batch, doc_id, message):
    assert message in bad_batch[2][doc_id]["message"]


def test_unreadable_file(bad_batch):
    docs, errors = bad_batch[1], bad_batch[2]
    if os.geteuid() == 0:  # root reads a mode-000 file: it is simply processed
        assert "unreadable" in docs
    else:
        assert errors["unreadable"]["message"] == "cannot read: Permission denied"


def test_unreadable_file_as_any_user(tmp_path, corpus_dir, monkeypatch):
    """Permission errors simulated in-process (the suite may run as root, who can read mode 000)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "fine.txt").write_bytes((corpus_dir / f"{ARTICLE}.txt").read_bytes())
    (src / "locked.txt").write_bytes(b"x")
    real = Path.open

    def open_(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)  # the reader opens with Path.open (it reads at most the limit)
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--no-model", "-j", "1"]) == 0
    assert read_table(out, "documents").column("doc_id").to_pylist() == ["fine"]
    (err,) = read_table(out, "errors").to_pylist()
    assert (err["doc_id"], err["stage"], err["message"]) == ("locked", "read", "cannot read: Permission denied")


def test_encodings_are_detected_and_recorded(bad_batch):
    docs, kk = bad_batch[1], bad_batch[3]
    expected = {"ok_utf8": "utf-8", "kk_kz1048": "kz1048", "kk_utf16": "utf-16", "ru_cp1251": "cp1251",
                "kk_bom": "utf-8-sig", "kk_crlf": "utf-8", "kk_html": "utf-8+html", "digits_only": "utf-8"}
    assert {k: docs[k]["encoding"] for k in expected} == expected
    body = docs["ok_utf8"]["body"]
    assert body and "Қазақстанда" in body
    for k in ("kk_kz1048", "kk_utf16", "kk_bom", "kk_crlf"):
        assert docs[k]["body"] == body, k  # the same article whatever the bytes
        assert docs[k]["n_sentences"] == docs["ok_utf8"]["n_sentences"]
    assert "\r" not in docs["kk_crlf"]["body"]


def test_html_is_stripped(bad_batch):
    html = bad_batch[1]["kk_html"]
    assert "<" not in html["body"] and "tracker" not in html["body"] and "color" not in html["body"]
    assert "Қазақстанда" in html["body"] and html["n_sentences"] > 3


def test_languages_are_flagged_and_still_processed(bad_batch):
    docs = bad_batch[1]
    assert docs["ok_utf8"]["language"] == "kk"
    assert docs["ru_cp1251"]["language"] == "ru" and docs["mostly_ru"]["language"] == "ru"
    assert docs["kk_latin"]["language"] == "kk-latn"
    for k in ("ru_cp1251", "mostly_ru", "kk_latin"):
        assert docs[k]["n_sentences"] > 0, k


def test_a_directory_of_10000_tiny_files(tmp_path):
    src = tmp_path / "tiny"
    src.mkdir()
    for i in range(10_000):
        (src / f"{i:05d}.txt").write_text(f"Жаңалық {i}. Алматыда {i} жас жұмысқа орналасты.\n", encoding="utf-8")
    (src / "09999.txt").write_bytes(b"")
    out = tmp_path / "out"
    t0 = time.perf_counter()
    assert main(["extract", str(src), "-o", str(out), "-q", "--no-model", "-j", "2"]) == 0
    elapsed = time.perf_counter() - t0
    assert read_table(out, "documents").num_rows == 9_999
    assert read_table(out, "errors").column("doc_id").to_pylist() == ["09999"]
    assert elapsed < 120, elapsed
