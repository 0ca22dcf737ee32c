"""Which build of council is running: the version the error log, `council --version` and the minutes' footer name."""

from __future__ import annotations

from pathlib import Path

DISTRIBUTION = "council-session"
"""council's name on the package index (`council` there is another project's); the command stays `council`."""


def council_version() -> str:
    """The installed package's version; in a source checkout never installed, pyproject.toml's, marked so."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        pass
    import tomllib

    try:
        with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as file:
            return f"{tomllib.load(file)['project']['version']} (source checkout)"
    except (OSError, ValueError, KeyError, TypeError):
        return "unknown"
