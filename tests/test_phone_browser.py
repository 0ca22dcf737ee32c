"""A member's phone in a real browser: headless Chromium at 390×844 (Debian's chromium and chromium-driver)
driven by Selenium plays a member through an open vote, a secret ballot (confirmation, then a receipt that
never shows the choice, even after the page is opened again), a recused item and a scoring sheet
(bands, the running total, a comment). The steps and their checks are scripts/phone_screenshots.py's.

Skipped with a notice when Chromium is missing; `.ci/run` installs it.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from models.poll import Choice, PollMode
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


def on_the_member_page(driver, live: LiveRoom) -> None:
    """The meeting started, member m2 given a link, and their page open on it."""
    from scripts.board_screenshots import start
    from sessions.devices import member_devices

    live.call(lambda: start(live.service))
    driver.get(live.room.member_url(live.call(lambda: member_devices(live.service).issue("m2"))))


def at_the_secret_confirmation(driver, live: LiveRoom, choice: str) -> str:
    """Member m2's page on the confirmation step of a secret ballot, ``choice`` chosen; what the step says."""
    from scripts.board_screenshots import BOOTH_SECRET
    from scripts.phone_screenshots import _by_css, wait_for_text

    service = live.service
    on_the_member_page(driver, live)

    def secret() -> None:
        service.open_poll(PollMode.SECRET)
        service.booth.open(BOOTH_SECRET)

    live.call(secret)
    _by_css(driver, f'button[data-choice="{choice}"]').click()
    return wait_for_text(driver, "chosen", bool)


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
    from scripts.board_screenshots import chromium
    from scripts.phone_screenshots import _by_css, body_text, wait_for_text

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            assert at_the_secret_confirmation(driver, live, "no") == "Bạn chọn: Không đồng ý"
            live.call(lambda: service.close_poll(force=True))
            wait_for_text(driver, "result", bool)  # the result is on the page: the close has reached it
            _by_css(driver, "#confirm").click()
            said = wait_for_text(driver, "ballot", lambda s: "đã kết thúc" in s)
            assert "Không đồng ý" not in body_text(driver), said
            assert live.call(lambda: service.record.polls[-1].result.counts.cast) == 0
    finally:
        live.close()


def test_a_page_whose_link_was_replaced_says_so_and_takes_nothing(demo_dir, clock):
    # The chair gives the member a new card while the old page is on the confirmation step: the old page must
    # say the link no longer works (not "reconnecting" for ever), lose its ballot, and nothing is recorded.
    from scripts.board_screenshots import chromium
    from scripts.phone_screenshots import body_text, wait_for_text
    from sessions.devices import member_devices

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            at_the_secret_confirmation(driver, live, "yes")
            live.call(lambda: member_devices(service).issue("m2"))  # a new card: the old link stops working
            said = wait_for_text(driver, "connection", lambda s: "không còn dùng được" in s)
            assert "xin Chủ tịch đường dẫn" in said
            assert "Bạn chọn" not in body_text(driver)  # the ballot went with the link
            assert not driver.find_elements(By.ID, "confirm")
            assert live.call(lambda: "m2" not in service.voted_members(service.record.open_poll()))
    finally:
        live.close()


def test_a_ballot_sent_on_a_replaced_link_is_refused_in_words(demo_dir, clock):
    # The page has not yet heard that its link was replaced (its stream is left open here) when the member
    # confirms: the laptop answers 404 without a body, and the page must say the link no longer works instead
    # of sending four times and blaming the Wi-Fi.
    from scripts.board_screenshots import chromium
    from scripts.phone_screenshots import _by_css, wait_for_text
    from sessions.devices import member_devices

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            at_the_secret_confirmation(driver, live, "yes")
            desk = live.room.members
            assert desk is not None

            def replaced_quietly() -> None:
                desk.devices.on_issue.remove(desk._reissued)  # the old page's stream is not told
                member_devices(service).issue("m2")

            live.call(replaced_quietly)
            _by_css(driver, "#confirm").click()
            said = wait_for_text(driver, "connection", lambda s: "không còn dùng được" in s)
            assert "Trang này không nhận thêm phiếu nào" in said
            assert not driver.find_elements(By.ID, "status")  # no "cannot reach the laptop", no Send again
            assert live.call(lambda: "m2" not in service.voted_members(service.record.open_poll()))
    finally:
        live.close()


def test_a_ballot_refused_for_too_many_wrong_links_says_wait_and_counts_once_sent_again(demo_dir, clock):
    # Someone on the same network guessed links: the phone's address must wait. The member's ballot is not
    # taken, the phone says why in words (not "cannot reach the laptop"), and Send again counts it once.
    from scripts.board_screenshots import chromium
    from scripts.phone_screenshots import _by_css, wait_for_text

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            on_the_member_page(driver, live)
            live.call(lambda: service.open_poll(PollMode.OPEN))
            desk = live.room.members
            assert desk is not None

            def guessed() -> None:
                for n in range(20):
                    desk.limiter.bad("127.0.0.1", f"guess-{n}")

            live.call(guessed)
            _by_css(driver, 'button[data-choice="yes"]').click()
            said = wait_for_text(driver, "status", lambda s: "chờ một phút" in s)
            assert "quá nhiều đường dẫn sai" in said
            assert live.call(lambda: service.record.open_poll().votes) == {}
            live.call(lambda: desk.limiter._until.clear())  # the minute has passed
            _by_css(driver, "#ballot button.primary").click()
            wait_for_text(driver, "ballot", lambda s: "Đồng ý" in s and "chờ một phút" not in s)
            assert live.call(lambda: service.record.open_poll().votes) == {"m2": Choice.YES}
    finally:
        live.close()


def test_a_page_open_while_the_chair_closes_and_reopens_the_room_comes_back_by_itself(demo_dir, clock):
    # Closing the room tells the page it closed; the page then asks the laptop, which is still stopping. It
    # answered 404 for the member's own link, so the page said the link had been replaced and stopped for
    # good: after the chair reopened the room, every phone had to be given its link again.
    from scripts.board_screenshots import chromium
    from scripts.phone_screenshots import _by_css, wait_for_text

    live = LiveRoom(demo_dir, clock=clock)
    try:
        with chromium(*SIZE) as driver:
            service = live.service
            on_the_member_page(driver, live)
            wait_for_text(driver, "me", bool)
            live.reopen()
            live.call(lambda: service.open_poll(PollMode.OPEN))
            _by_css(driver, 'button[data-choice="yes"]').click()
            wait_for_text(driver, "ballot", lambda s: "Đồng ý" in s)
            assert "không còn dùng được" not in driver.find_element(By.ID, "connection").text
            assert live.call(lambda: service.record.open_poll().votes) == {"m2": Choice.YES}
    finally:
        live.close()
