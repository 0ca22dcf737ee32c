"""The end-to-end suite runs only where tmux and the installed `council` command exist; otherwise it is skipped
with a reason that pytest prints (and `make test` prints a line saying so)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.terminal import TmuxServer, council_command

E2E_DIR = Path(__file__).parent


def missing() -> str | None:
    """Why the suite cannot run here, or None."""
    if shutil.which("tmux") is None:
        return "tmux is not installed (apt-get install tmux): the end-to-end suite is skipped"
    if council_command() is None:
        return "the `council` command is not installed (pip install -e .): the end-to-end suite is skipped"
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives the installed `council` command in tmux (make e2e)")


def pytest_report_header(config: pytest.Config) -> str | None:
    reason = missing()
    return f"e2e: {reason}" if reason else None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Said at the end, where it is seen even with -q: a skipped suite must not pass unnoticed.
    reason = missing()
    skipped = terminalreporter.stats.get("skipped", [])
    if reason and any("tests/e2e/" in getattr(r, "nodeid", "") for r in skipped):
        terminalreporter.write_line(f"NOTE e2e: {reason}", yellow=True, bold=True)
    for report in skipped:  # the install test's own reasons: no pipx, no package index
        if not reason and "test_install.py" in getattr(report, "nodeid", "") and isinstance(report.longrepr, tuple):
            terminalreporter.write_line(f"NOTE install: {report.longrepr[2]}", yellow=True, bold=True)


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = missing()
    for item in items:
        if Path(str(item.fspath)).is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            # In parallel runs (make test) the meetings in tmux take turns on one worker: two at once would
            # compete for the two cores with the rest of the suite and wait out their screens' deadlines.
            item.add_marker(pytest.mark.xdist_group("e2e"))
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@dataclass
class Place:
    """A fresh demo council and the folders a user's session would touch, all under one temp folder."""

    root: Path
    data: Path
    home: Path
    exports: Path
    server: TmuxServer

    def app_env(self) -> dict[str, str]:
        """What the app sees: its own HOME and documents folder, so logs and exports stay in the temp folder."""
        return {
            "HOME": str(self.home),
            "XDG_DOCUMENTS_DIR": str(self.exports),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "XDG_STATE_HOME": str(self.home / ".local/state"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }

    def council(self, *args: str) -> list[str]:
        command = council_command()
        assert command is not None
        return [command, "--data", str(self.data), "--lang", "vi", *args]

    def error_logs(self) -> list[Path]:
        return sorted(self.home.rglob("council-error.log"))


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    """A demo data folder made by the installed command, a private HOME, and a private tmux server."""
    root = tmp_path
    home, exports = root / "home", root / "exports"
    home.mkdir()
    exports.mkdir()
    data = root / "data"
    tmux_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    server = TmuxServer(tmux_env)
    made = Place(root, data, home, exports, server)
    subprocess.run(
        made.council("demo"), env={**os.environ, **made.app_env()}, check=True, capture_output=True, timeout=60
    )
    try:
        yield made
    finally:
        server.kill()
