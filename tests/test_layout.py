"""The house: no import cycles, lang/kk standalone, developer tools outside the package, settings layers."""

import ast
from pathlib import Path

import pytest

from kzextract import settings

PKG = Path(__file__).resolve().parent.parent / "kzextract"


def _module(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """kzextract modules imported at module level (imports inside functions are deliberate: lazy)."""
    mod = _module(path)
    pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names]
            out.update(n if n in MODULES else target for n in names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in MODULES and m != mod}


MODULES = {_module(p) for p in PKG.rglob("*.py")}


def test_no_module_imports_in_a_circle():
    graph = {_module(p): _imports(p) for p in PKG.rglob("*.py")}
    state: dict[str, int] = {}

    def visit(m, stack):
        state[m] = 1
        for n in graph[m]:
            if state.get(n) == 1:
                pytest.fail("import cycle: " + " -> ".join(stack + [n]))
            if n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_lang_kk_imports_nothing_else_from_kzextract():
    for p in (PKG / "lang" / "kk").rglob("*.py"):
        assert all(m.startswith("kzextract.lang.kk") for m in _imports(p)), p


def test_developer_tools_are_not_in_the_runtime_package():
    names = {p.stem for p in PKG.rglob("*.py")}
    assert not names & {"bench", "modeltrain", "numbers_eval", "lemma_eval", "ner_compare", "clean_compare",
                        "stanza_train", "stanza_eval", "kaznerd"}


def test_settings_layers_package_then_user_file_then_environment_then_flags(tmp_path, monkeypatch):
    user = tmp_path / "settings.toml"
    user.write_text('max_bytes = 1000\nner = "none"\n', encoding="utf-8")
    monkeypatch.delenv("KZEXTRACT_MAX_BYTES", raising=False)
    assert settings.load(tmp_path / "missing.toml").max_bytes == 10485760
    assert (settings.load(user).max_bytes, settings.load(user).ner) == (1000, "none")
    monkeypatch.setenv("KZEXTRACT_MAX_BYTES", "2000")
    assert settings.load(user).max_bytes == 2000
    assert settings.load(user, max_bytes=3000).max_bytes == 3000


def test_an_unknown_setting_is_an_error(tmp_path):
    user = tmp_path / "settings.toml"
    user.write_text("max_byte = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="max_byte"):
        settings.load(user)

