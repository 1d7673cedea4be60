"""``kzextract report``: one self-contained HTML file that opens in a real browser without errors."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kzextract.cli import main
from kzextract.report import build
from kzextract.write import read_table

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

ARTICLES = {
    "astana_budget": (
        "Астанада жаңа мектептер салынады\n\n"
        "Астана қаласының әкімі Жеңіс Қасымбек 2024 жылы қалада 12 жаңа мектеп салынатынын мәлімдеді. "
        "Құрылысқа 45 млрд теңге бөлінеді. «Жайлы мектеп» ұлттық жобасы аясында оқушылар саны 30%-ке артады.\n"
    ),
    "almaty_health": (
        "Алматыда емханалар жөнделеді\n\n"
        "Денсаулық сақтау министрі Ажар Ғиният Алматы қаласында 5 емхана жөнделетінін айтты. "
        "Денсаулық сақтау министрлігі бұл жұмысқа 2,5 млрд теңге жұмсайды. Жөндеу 6 айға созылады.\n"
    ),
    "shymkent_roads": (
        "Шымкентте жолдар салынды <b>&</b> жөнделді\n\n"
        "Шымкент қаласының әкімі Ғабит Сыздықбеков биыл 120 шақырым жол жөнделгенін хабарлады. "
        "«Нұрлы жол» бағдарламасы бойынша тағы 3 көпір салынады.\n"
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("report")
    src = tmp / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")  # an error row in the summary
    out = tmp / "out"
    assert main(["extract", str(src), "-o", str(out), "-j", "1", "-q", "--no-model"]) == 0
    dest = tmp / "report.html"
    assert main(["report", str(out), "-o", str(dest)]) == 0
    return out, dest


def test_report_is_self_contained_and_complete(report):
    out, dest = report
    page = dest.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert "<script src" not in page.lower() and "<link" not in page.lower()
    assert "<svg" in page  # the charts are inline
    doc_ids = [d["doc_id"] for d in read_table(out, "documents").to_pylist()]
    assert sorted(doc_ids) == sorted(ARTICLES)
    for doc_id in doc_ids:
        assert f"<code>{doc_id}</code>" in page
    assert page.count('<section class="doc"') == len(ARTICLES)
    entities = read_table(out, "entities").to_pylist()
    assert entities
    for e in entities:
        assert html.escape(e["text"]) in page or html.escape(e["text"], quote=False) in page, e
    assert read_table(out, "quantities").num_rows and ">QTY<" in page
    assert "<td>empty</td><td>" in page  # the failed article's error row
    assert "<b>&</b>" not in page  # the title's markup is escaped, not injected


def test_docs_and_only_select_articles(report, tmp_path):
    out, _ = report
    r = build(out, tmp_path / "one.html", docs=1)
    assert r.articles == 1 and r.total_articles == len(ARTICLES)
    assert (tmp_path / "one.html").read_text(encoding="utf-8").count('<section class="doc"') == 1
    r = build(out, tmp_path / "only.html", only=["shymkent_roads", "nope"])
    page = (tmp_path / "only.html").read_text(encoding="utf-8")
    assert r.articles == 1 and r.missing == ["nope"]
    assert "<code>shymkent_roads</code>" in page and "<code>astana_budget</code>" not in page


def test_no_documents_table_exits_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nothing"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no documents table" in err[0]
    assert not (tmp_path / "r.html").exists()


def test_report_opens_in_headless_chromium_without_script_errors(report):
    assert CHROMIUM is not None, "make test installs Debian's chromium; run it through make test"
    _, dest = report
    flags = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--user-data-dir=" + str(dest.parent / "chromium-profile")]
    dom = subprocess.run(flags + ["--enable-logging=stderr", "--v=0", "--dump-dom", dest.as_uri()], capture_output=True, text=True, timeout=60)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<title>kzextract report OK</title>" in dom.stdout  # the inline script ran to its end
    assert dom.stdout.count('<section class="doc"') == len(ARTICLES)
    for doc_id in ARTICLES:
        assert f"<code>{doc_id}</code>" in dom.stdout
    assert f"{len(ARTICLES)} / {len(ARTICLES)} articles" in dom.stdout  # the filter initialised
    assert "Uncaught" not in dom.stderr

    # the filter: a copy of the page drives it and reports the counter in the title
    probe = dest.with_name("probe.html")
    probe.write_text(dest.read_text(encoding="utf-8").replace("</body>", (
        "<script>var q=document.getElementById('q'),l=document.getElementById('lab'),c=document.getElementById('cnt'),r=[];"
        "l.value='PROGRAMME';l.dispatchEvent(new Event('change'));r.push(c.textContent);"
        "q.value='нұрлы';q.dispatchEvent(new Event('input'));r.push(c.textContent);"
        "document.title='probe '+r.join(', ');</script></body>")), encoding="utf-8")
    dom = subprocess.run(flags + ["--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=60)
    assert "<title>probe 2 / 3 articles, 1 / 3 articles</title>" in dom.stdout

    shot = ROOT / "out" / "report-test.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    run = subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1280,2000", dest.as_uri()],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 10_000
