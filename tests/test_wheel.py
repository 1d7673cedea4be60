"""A wheel built from the checkout installs into a fresh virtualenv and works from any directory."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Алматы облысының әкімі Марат Ахметжанов жастармен кездесті. Жиынға 300-ден астам адам қатысты."


def _run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)
    assert out.returncode == 0, (cmd, out.stdout[-2000:], out.stderr[-2000:])
    return out


def test_wheel_installs_and_extracts_from_another_directory(tmp_path):
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)])
    wheel = next(dist.glob("kzextract-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py = venv / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "-q", str(wheel)])
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "article.txt").write_text(ARTICLE, encoding="utf-8")
    _run([str(venv / "bin" / "kzextract"), "extract", "article.txt", "-o", "out", "-q"], cwd=work)
    check = textwrap.dedent("""
        import importlib.util, pyarrow.parquet as pq, spacy, kzextract
        ents = pq.read_table("out/entities").to_pylist()
        assert any(e["label"] == "PERSON" and e["norm"] == "Марат Ахметжанов" for e in ents), ents
        assert pq.read_table("out/errors").num_rows == 0
        doc = kzextract.extract_text(open("article.txt", encoding="utf-8").read())
        assert 300 in {q.value for q in doc.quantities}
        assert [t.text for t in spacy.blank("kk")("Алматыда 25%-ке")] == ["Алматыда", "25", "%-ке"]
        assert importlib.util.find_spec("devtools") is None, "developer tools must not be installed"
        assert "site-packages" in kzextract.__file__
        print("ok")
    """)
    assert _run([str(py), "-c", check], cwd=work).stdout.strip() == "ok"
