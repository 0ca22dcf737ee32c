"""A member's phone in a real browser: headless Chromium at 390×844 (Debian's chromium and chromium-driver)
driven by Selenium plays a member through an open vote, a secret ballot (confirmation, then a receipt that
never shows the choice, even after the page is opened again), a recused item and a scoring sheet
(bands, the running total, a comment). The steps and their checks are scripts/phone_screenshots.py's.

Skipped with a notice when Chromium is missing; `.ci/run` installs it.
"""

from __future__ import annotations

import pytest

from models.poll import PollMode
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


def test_a_ballot_confirmed_after_the_chair_closed_the_poll_says_so_on_the_phone(demo_dir, clock):
    # The member is on the confirmation step when the chair closes the poll: the phone must say the ballot was
    # not taken, in words on the screen (the refusal went into the ballot's box, hidden once no poll is open).
    from scripts.board_screenshots import BOOTH_SECRET, chromium, start
    from scripts.phone_screenshots import _by_css, body_text, wait_for_text
    from sessions.devices import member_devices

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            live.call(lambda: start(service))
            url = live.room.member_url(live.call(lambda: member_devices(service).issue("m2")))
            driver.get(url)

            def secret() -> None:
                service.open_poll(PollMode.SECRET)
                service.booth.open(BOOTH_SECRET)

            live.call(secret)
            _by_css(driver, 'button[data-choice="no"]').click()
            assert wait_for_text(driver, "chosen", bool) == "Bạn chọn: Không đồng ý"
            live.call(lambda: service.close_poll(force=True))
            wait_for_text(driver, "result", bool)  # the result is on the page: the close has reached it
            _by_css(driver, "#confirm").click()
            said = wait_for_text(driver, "ballot", lambda s: "đã kết thúc" in s)
            assert "Không đồng ý" not in body_text(driver), said
            assert live.call(lambda: service.record.polls[-1].result.counts.cast) == 0
    finally:
        live.close()
