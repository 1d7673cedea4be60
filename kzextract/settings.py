"""One settings object for the whole run, layered like trafilatura's ``settings.cfg``.

Package defaults (``kzextract/settings.toml``) ← a user file (``$KZEXTRACT_CONFIG`` or
``~/.config/kzextract/settings.toml``) ← ``KZEXTRACT_<KEY>`` environment variables ← explicit
overrides (the CLI's flags, the API's keyword arguments). Stages read :func:`current`; nothing else
in the package reads the environment for configuration.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

USER_FILE = Path("~/.config/kzextract/settings.toml")


@dataclass(frozen=True)
class Settings:
    patterns: str
    model: str
    ner: str
    max_bytes: int
    start_method: str
    stanza_ner: str
    stanza_pretrain: str

    @property
    def patterns_dir(self) -> Path:
        return Path(self.patterns) if self.patterns else Path(str(files("kzextract") / "patterns"))

    @property
    def model_dir(self) -> Path:
        return Path(self.model) if self.model else Path(str(files("kzextract") / "models" / "kk_ner"))


def _read(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def load(user_file: str | Path | None = None, **overrides) -> Settings:
    """Settings from the layers above; unknown keys in any layer are an error, not ignored."""
    names = {f.name: f.type for f in dataclasses.fields(Settings)}
    values = _read(Path(str(files("kzextract") / "settings.toml")))
    user = Path(user_file or os.environ.get("KZEXTRACT_CONFIG") or USER_FILE).expanduser()
    if user.is_file():
        values.update(_read(user))
    for key in names:
        if (env := os.environ.get(f"KZEXTRACT_{key.upper()}")) is not None:
            values[key] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(names)
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return Settings(**{k: int(v) if names[k] == "int" else str(v) for k, v in values.items()})


_CURRENT: list[Settings] = []


def current() -> Settings:
    """The settings of this process (loaded on first use)."""
    if not _CURRENT:
        _CURRENT.append(load())
    return _CURRENT[0]


def use(settings: Settings) -> None:
    """Make ``settings`` this process's settings (the CLI after parsing its flags; a worker)."""
    _CURRENT[:] = [settings]
    from .resources import clear_caches

    clear_caches()
