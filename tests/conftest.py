"""Shared fixtures: a fresh demo data folder, a fixed clock, the language reset after each test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from models.i18n import set_language
from sessions.demo.build import build_demo
from sessions.storage import DataFolder

TODAY = dt.date(2026, 11, 22)
FIRST = "2026-05-14"
PLANNED = "2026-11-22"
BOOTH_SECRET = "hom-phieu-kin"  # the chair's secret that seals a test's ballot box

_cache: dict[str, Path] = {}


@pytest.fixture(autouse=True)
def _cheap_booth_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest: the app's cost (0.4 s a try) is measured in tests/test_sealed_ballots.py."""
    from sessions import sealing

    monkeypatch.setattr(sealing, "DEFAULT_COST", sealing.KdfCost.cheapest())


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    set_language("vi")
    yield
    set_language("vi")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "error_log_expected: the test provokes an unexpected error on purpose and may write the error log"
    )


@pytest.fixture(autouse=True)
def _own_error_log(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Tests that provoke unexpected errors log them here, not in the developer's own council log.

    A test that wrote the log fails: ``@guarded`` turns any exception in an action into a toast, so
    without this a broken action passes its Pilot test. A test that provokes one on purpose says so
    with ``@pytest.mark.error_log_expected``.
    """
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    # Nor the developer's own settings (language, data folder, theme): each test starts with none.
    monkeypatch.setenv("COUNCIL_CONFIG_DIR", str(state / "config"))
    yield state
    logs = sorted(state.rglob("council-error.log"))
    if logs and request.node.get_closest_marker("error_log_expected") is None:
        text = "\n".join(log.read_text(encoding="utf-8", errors="replace") for log in logs)
        pytest.fail(f"the test wrote the error log (an unexpected error was caught and shown as a notice):\n{text}")


@pytest.fixture
def demo_dir(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A copy of the demo council (built once per test run, copied per test)."""
    if "demo" not in _cache:
        base = tmp_path_factory.mktemp("demo-master") / "data"
        build_demo(DataFolder(base), TODAY)
        _cache["demo"] = base
    target = tmp_path / "data"
    shutil.copytree(_cache["demo"], target)
    return target


@pytest.fixture
def clock() -> Callable[[], dt.datetime]:
    """A clock that moves one minute per reading from 22/11/2026 14:00."""
    state = {"now": dt.datetime(2026, 11, 22, 14, 0)}

    def now() -> dt.datetime:
        state["now"] += dt.timedelta(minutes=1)
        return state["now"]

    return now


def still_cursor(keys: list[str]) -> Callable:
    """A snap_compare ``run_before`` that presses ``keys`` and stops text cursors blinking.

    A blinking cursor is drawn or not depending on when the picture is taken, which made
    snapshots of forms flaky on a loaded machine.
    """

    async def run_before(pilot) -> None:
        from textual.widgets import Input, TextArea

        await pilot.press(*keys)
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


def pytest_sessionfinish(session: pytest.Session) -> None:
    """An xdist worker hands its crash-harness lines to the controller, which prints the summary."""
    from tests import crash_report

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["crash_report"] = list(crash_report.LINES)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: only called when the suite runs in parallel
def pytest_testnodedown(node: Any, error: object) -> None:
    from tests import crash_report

    crash_report.LINES.extend(getattr(node, "workeroutput", {}).get("crash_report", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    """Show what the crash harnesses did (tests/crash_report.py), and keep it in .pytest_cache."""
    from tests import crash_report

    if crash_report.LINES:
        terminalreporter.section("crash harness")
        for line in crash_report.LINES:
            terminalreporter.write_line(line)
        crash_report.save(config.rootpath / ".pytest_cache" / "crash-report.txt")
