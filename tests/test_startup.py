"""Start-up: collection paused while `council` opens the app, and back once the first frame is up."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest

from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.cli import main


def test_the_app_collects_again_once_its_first_frame_is_up(demo_dir: Path, clock) -> None:
    async def start() -> tuple[bool, int]:
        gc.disable()  # as tui.cli.main does before opening the app
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return gc.isenabled(), gc.get_freeze_count()

    try:
        enabled, frozen = asyncio.run(start())
    finally:
        gc.unfreeze()
        gc.enable()
    assert enabled
    assert frozen > 10_000  # Textual's styles, the validators and the session: out of later collections


def test_an_app_started_with_collection_on_freezes_nothing(demo_dir: Path, clock) -> None:
    async def start() -> int:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return gc.get_freeze_count()

    assert asyncio.run(start()) == 0


def test_every_command_leaves_collection_on(demo_dir: Path, tmp_path: Path) -> None:
    assert main(["sessions", "--data", str(demo_dir)]) == 0
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--data", str(demo_dir), "--no-such-option"])  # refused while parsing the app's options
    assert gc.isenabled()
