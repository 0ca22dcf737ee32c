"""What council remembers between runs for the person at this laptop: language, data folder, export folder, theme.

One TOML file under the platform's config folder (platformdirs; ``COUNCIL_CONFIG_DIR`` names another one,
as tests do). It is created on the first change, read at every start, and always replaced whole
(sessions/atomic.py). It holds no council data: a copy of a data folder carried to another laptop brings none
of it. A command-line flag wins for one run and is not written here.

A file that cannot be read, or a value council does not know, is reported in one sentence: the file is
kept beside under another name (nothing is lost), what could be read is kept, and the rest is the default.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from models.errors import DomainError
from models.i18n import LANGUAGES

FILE = "settings.toml"
ENV = "COUNCIL_CONFIG_DIR"
THEMES = ("dark", "light")
"""dark: the terminal's usual look; light: black on white with strong colours, for a projector."""


@dataclass(frozen=True)
class Settings:
    """Each field None until the person chose it (then the default applies: locale, user data folder...)."""

    language: str | None = None
    data_folder: Path | None = None
    export_folder: Path | None = None
    theme: str | None = None


@dataclass(frozen=True)
class Loaded:
    """The settings read at start, and the one-sentence report of a damaged file (None when it was fine)."""

    settings: Settings
    problem: DomainError | None = None  # (translated when shown: the language is chosen after reading)


def config_dir() -> Path:
    """The folder of the settings file: ``COUNCIL_CONFIG_DIR``, else the platform's config folder for council."""
    named = os.environ.get(ENV)
    if named:
        return Path(named)
    from platformdirs import user_config_dir

    return Path(user_config_dir("council", appauthor=False))


def settings_path(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / FILE


def _value(name: str, raw: object) -> object:
    """The field's value from the file, or raise ValueError for one council cannot use."""
    if not isinstance(raw, str) or not raw or any(ord(char) < 0x20 or ord(char) == 0x7F for char in raw):
        raise ValueError(name)
    if name == "language" and raw not in LANGUAGES:
        raise ValueError(name)
    if name == "theme" and raw not in THEMES:
        raise ValueError(name)
    return Path(raw) if name.endswith("_folder") else raw


def _parse(text: str) -> tuple[Settings, list[str]]:
    """The settings in ``text`` and the names of the values that could not be used. Raises ValueError."""
    doc = tomllib.loads(text)
    kept: dict[str, object] = {}
    bad: list[str] = []
    for field in fields(Settings):
        if field.name not in doc:
            continue
        try:
            kept[field.name] = _value(field.name, doc[field.name])
        except ValueError:
            bad.append(field.name)
    return Settings(**kept), bad  # type: ignore[arg-type]


def _quoted(text: str) -> str:
    """A TOML basic string: backslashes (Windows paths), quotes and control characters escaped."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def to_toml(settings: Settings) -> str:
    lines = ["# council's settings: written by council when you change one; see README.md (Settings)."]
    for field in fields(Settings):
        value = getattr(settings, field.name)
        if value is not None:
            lines.append(f"{field.name} = {_quoted(str(value))}")
    return "\n".join(lines) + "\n"


def _set_aside(path: Path) -> Path:
    """Keep the damaged file beside, under a name that no other copy has."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"settings-damaged-{stamp}.toml")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"settings-damaged-{stamp}-{number}.toml")
    path.replace(kept)
    return kept


def load_settings(folder: Path | None = None) -> Loaded:
    """The settings in force at start. A damaged file is set aside and replaced by what could be read."""
    path = settings_path(folder)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except (OSError, UnicodeDecodeError) as error:
        if isinstance(error, OSError) and not path.is_file():
            return Loaded(Settings(), DomainError("settings.unreadable", path=str(path), detail=str(error)))
        return _damaged(path, Settings(), "settings.damaged_not_toml")
    try:
        settings, bad = _parse(text)
    except ValueError:  # (tomllib.TOMLDecodeError)
        return _damaged(path, Settings(), "settings.damaged_not_toml")
    if bad:
        return _damaged(path, settings, "settings.damaged_values", names=", ".join(bad))
    return Loaded(settings)


def _damaged(path: Path, settings: Settings, key: str, **params: str) -> Loaded:
    from sessions.atomic import atomic_write

    try:
        kept = _set_aside(path)
        atomic_write(path, to_toml(settings).encode("utf-8"))
    except (OSError, DomainError) as error:
        return Loaded(settings, DomainError("settings.unreadable", path=str(path), detail=str(error)))
    return Loaded(settings, DomainError(key, path=str(path), kept=kept.name, **params))


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    """Replace the settings file with ``settings``. Raises DomainError when the disk refuses."""
    from sessions.atomic import atomic_write  # (not at start: reading the file needs none of it)

    atomic_write(settings_path(folder), to_toml(settings).encode("utf-8"))


def remember(folder: Path | None = None, **changes: object) -> Settings:
    """Write the changed fields into the file (created now if it was not there); unchanged: nothing written.

    Raises DomainError when the disk refuses; the file is then as it was.
    """
    current = load_settings(folder).settings
    changed = replace(current, **changes)  # type: ignore[arg-type]
    if changed != current:
        save_settings(changed, folder)
    return changed
