"""A member's phone in a real browser: headless Chromium at 390×844 (Debian's chromium and chromium-driver)
driven by Selenium plays a member through an open vote, a secret ballot (confirmation, then a receipt that
never shows the choice, even after the page is opened again), a recused item and a scoring sheet
(bands, the running total, a comment). The steps and their checks are scripts/phone_screenshots.py's.

Skipped with a notice when Chromium is missing; `.ci/run` installs it.
"""

from __future__ import annotations

import pytest

from scripts.board_screenshots import LiveRoom, chromium_paths
from scripts.phone_screenshots import SIZE, play

pytestmark = [
    pytest.mark.skipif(
        chromium_paths() is None,
        reason="NOTE: chromium and chromedriver are not installed: the phone's browser test is SKIPPED "
        "(apt-get install chromium chromium-driver)",
    ),
    pytest.mark.xdist_group("browser"),  # one Chromium at a time on a small machine
]


def test_a_member_votes_and_scores_from_a_phone(demo_dir, clock):
    from scripts.board_screenshots import chromium

    shots: list[str] = []
    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            play(driver, live, shots.append)
    finally:
        live.close()
    from scripts.phone_screenshots import SHOTS

    assert shots == [name for name, _ in SHOTS]
