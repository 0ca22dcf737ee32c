"""The board in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by Selenium
follows a scripted meeting and shows, at each step, what a person in the room would read.

Skipped with a notice when Chromium is missing; `.ci/run` installs it. Every wait is on a condition
(WebDriverWait), never a fixed sleep.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scripts.board_screenshots import (
    LiveRoom,
    chromium,
    chromium_paths,
    close_open_vote,
    open_vote,
    scoring,
    secret_ballot,
    start,
    wait_for_text,
)

pytestmark = [
    pytest.mark.skipif(
        chromium_paths() is None,
        reason="NOTE: chromium and chromedriver are not installed: the board's browser tests are SKIPPED "
        "(apt-get install chromium chromium-driver)",
    ),
    pytest.mark.xdist_group("browser"),  # one Chromium at a time on a small machine
]


@pytest.fixture
def live(demo_dir, clock) -> Iterator[LiveRoom]:
    room = LiveRoom(demo_dir, clock=clock)
    yield room
    room.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


def visible_text(driver) -> str:
    return driver.find_element("tag name", "body").text


def test_the_board_follows_a_meeting_and_never_shows_a_secret_tally(live, browser):
    from selenium.webdriver.common.by import By

    live.call(lambda: start(live.service))
    item = live.call(lambda: live.service.record.current_initiative)
    browser.get(live.url)
    assert wait_for_text(browser, "title", bool) == item.title
    assert wait_for_text(browser, "quorum", bool) == "Đủ số lượng: có mặt 6, cần 5"
    assert "Đi công tác" not in visible_text(browser)  # an absence reason is the chair's

    live.call(lambda: open_vote(live.service))
    assert wait_for_text(browser, "voted", lambda s: s.startswith("Đã bỏ phiếu: 5/"))
    counts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#tally .count .number")]
    assert counts == ["4", "1", "0"]
    assert wait_for_text(browser, "needed", bool).startswith("Cần 5 phiếu đồng ý")

    live.call(lambda: close_open_vote(live.service))
    assert wait_for_text(browser, "verdict", bool) == "ĐẠT"
    assert "cần 5 phiếu" in wait_for_text(browser, "arithmetic", bool)

    live.call(lambda: secret_ballot(live.service))
    assert wait_for_text(browser, "voted", lambda s: s.startswith("Đã bỏ phiếu: 3/"))
    assert wait_for_text(browser, "position", bool) == "Mục 2/12"
    # During a secret ballot: no count, no choice anywhere on the page, not even hidden.
    assert browser.find_elements(By.CSS_SELECTOR, "#tally .count") == []
    assert not browser.find_element(By.ID, "result").is_displayed()
    text = visible_text(browser)
    assert "Đồng ý" not in text and "Không đồng ý" not in text and "ĐẠT" not in text

    live.call(lambda: scoring(live.service))
    assert wait_for_text(browser, "voted", lambda s: s.startswith("Đã bỏ phiếu: 2/"))
    assert wait_for_text(browser, "poll-heading", bool) == "Chấm điểm"
    assert browser.find_elements(By.CSS_SELECTOR, "#tally .count") == []
    assert "75" not in visible_text(browser)  # a sheet's total is not shown while others score


def test_the_board_says_when_it_lost_the_room_and_comes_back_by_itself(live, browser):
    live.call(lambda: start(live.service))
    browser.get(live.url)
    assert wait_for_text(browser, "position", bool) == "Mục 1/12"
    live.run(live.room.close())
    assert wait_for_text(browser, "connection", lambda s: s.startswith("Mất kết nối"))
    live.call(live.service.next_item)  # while the board is away
    live.reopen()
    assert wait_for_text(browser, "position", lambda s: s == "Mục 2/12")
    assert not browser.find_element("id", "connection").is_displayed()


def test_a_board_whose_session_is_not_served_says_so_and_comes_back_when_it_is(live, browser):
    # The chair switched the room to another session (its board has another link): the projector must not say
    # "reconnecting" for ever over the old session's item, and must come back once this session is served again.
    live.call(lambda: start(live.service))
    browser.get(live.url)
    assert wait_for_text(browser, "position", bool) == "Mục 1/12"
    own = live.room.token
    port = live.room.port

    async def serve_another() -> None:
        await live.room.close()
        await live.room.open(live.service, "127.0.0.1", port)
        live.room.token = "B" * len(own)  # what another session's board link would be

    live.run(serve_another())
    said = wait_for_text(browser, "connection", lambda s: "phiên khác" in s)
    assert said.startswith("Đường dẫn của bảng này hiện không được phục vụ")
    live.call(live.service.next_item)
    live.room.token = own  # the room serves this session again
    assert wait_for_text(browser, "position", lambda s: s == "Mục 2/12")
    assert not browser.find_element("id", "connection").is_displayed()


def test_without_the_link_the_browser_sees_nothing(live, browser):
    record = live.call(lambda: live.service.record)
    browser.get(live.url.rsplit("/", 1)[0] + "/AAAAAAAAAAAAAAAAAAAAAAAA")
    text = visible_text(browser)
    assert "404" in text  # the browser's own page for an empty answer
    for secret in (record.council.name, record.session.title, record.current_initiative.title):
        assert secret not in text and secret not in browser.page_source
