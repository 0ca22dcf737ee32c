"""A member's phone in a real browser: headless Chromium at 390×844 plays a member through an open vote, a
secret ballot and a scoring sheet, on the demo council.

``python -m scripts.phone_screenshots`` writes docs/screenshots/phone-*.png (needs Debian's ``chromium``
and ``chromium-driver``); tests/test_phone_browser.py plays the same meeting and checks what the member
sees at each step (``play`` asserts as it goes). Every wait is on a condition, never a fixed sleep.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from models.i18n import set_language
from models.poll import Choice, PollMode
from scripts.board_screenshots import (
    BOOTH_SECRET,
    OUT,
    WAIT_S,
    LiveRoom,
    chromium,
    chromium_paths,
    conclude_and_move_on,
    make_demo,
    start,
    wait_for_text,
)
from sessions.devices import member_devices

SIZE = (390, 844)
MEMBER = "m2"  # Trần Thị Mai, the vice-chair
RECUSED = "m5"  # an author of the second item

SHOTS = [
    ("phone-open-vote", "Open vote: the item and three buttons"),
    ("phone-secret-confirm", "Secret ballot: the confirmation step"),
    ("phone-secret-receipt", "Secret ballot: the receipt, without the choice"),
    ("phone-recused", "A recused member: why, and no ballot"),
    ("phone-scoring", "Scoring sheet: bands, the running total, a comment"),
]

Shot = Callable[[str], None]


def _wait(driver: Any, check: Callable[[Any], Any]) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(check)


def _by_css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return _wait(driver, lambda d: (d.find_elements(By.CSS_SELECTOR, selector) or [False])[0])


def _state(driver: Any, state: str) -> None:
    _by_css(driver, f'#ballot[data-state="{state}"]')


def body_text(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.TAG_NAME, "body").text


def play(driver: Any, live: LiveRoom, shot: Shot) -> None:
    """The member's meeting, step by step, with what they must see asserted at each."""
    service = live.service
    live.call(lambda: start(service))
    links = live.call(lambda: {m: member_devices(service).issue(m) for m in (MEMBER, RECUSED)})
    url = live.room.member_url(links[MEMBER])
    driver.get(url)
    assert wait_for_text(driver, "me", bool).startswith("Trần Thị Mai")
    assert "Chủ tịch bắt đầu" in wait_for_text(driver, "note", bool)

    # An open vote: the ballot appears by itself.
    poll = live.call(lambda: service.open_poll(PollMode.OPEN))
    yes = _by_css(driver, 'button[data-choice="yes"]')
    shot("phone-open-vote")
    yes.click()
    _state(driver, "in")
    assert "Đồng ý" in wait_for_text(driver, "ballot", lambda s: "Đồng ý" in s)
    assert live.call(lambda: service.poll(poll.id).votes[MEMBER]) == Choice.YES
    live.call(lambda: service.close_poll(force=True))

    # A secret ballot: a confirmation step, then a receipt that does not show the choice.
    def secret() -> Any:
        conclude_and_move_on(service)
        opened = service.open_poll(PollMode.SECRET)
        service.booth.open(BOOTH_SECRET)
        return opened

    poll = live.call(secret)
    _by_css(driver, 'button[data-choice="no"]').click()
    assert wait_for_text(driver, "chosen", bool) == "Bạn chọn: Không đồng ý"
    shot("phone-secret-confirm")
    _by_css(driver, "#confirm").click()
    assert "Phiếu của bạn đã được ghi nhận" in wait_for_text(driver, "receipt", bool)
    assert "Không đồng ý" not in body_text(driver)
    shot("phone-secret-receipt")
    driver.get(url)  # the page left and opened again: still only that it is in
    assert "Phiếu của bạn đã được ghi nhận" in wait_for_text(driver, "receipt", bool)
    assert "Không đồng ý" not in body_text(driver) and "Đồng ý" not in body_text(driver)
    assert live.call(lambda: MEMBER in service.voted_members(service.record.open_poll()))

    # The recused author of this item sees why, and no ballot.
    driver.get(live.room.member_url(links[RECUSED]))
    _state(driver, "refused")
    assert "là tác giả sáng kiến" in wait_for_text(driver, "ballot", lambda s: "tác giả" in s)
    from selenium.webdriver.common.by import By

    assert driver.find_elements(By.CSS_SELECTOR, "#ballot button") == []
    shot("phone-recused")

    # A scoring sheet: bands, the running total, a comment.
    def scoring() -> Any:
        service.close_poll(force=True)
        conclude_and_move_on(service)
        opened = service.open_poll(PollMode.SCORING)
        service.booth.open(BOOTH_SECRET)
        return opened

    poll = live.call(scoring)
    driver.get(url)
    for criterion, value in (("novelty", "25"), ("applicability", "20"), ("effectiveness", "35")):
        _by_css(driver, f"#score-{criterion}").send_keys(value)
    assert wait_for_text(driver, "total", lambda s: "80/100" in s).startswith("Tổng điểm: 80/100")
    assert "Mới hoàn toàn tại cơ sở" in _by_css(driver, ".band.here").text
    _by_css(driver, "#comment").send_keys("Áp dụng tốt ở khoa Nội")
    driver.execute_script("window.scrollTo(0, 0)")
    shot("phone-scoring")
    _by_css(driver, "#submit").click()
    assert "80/100" in wait_for_text(driver, "chosen", bool)
    _by_css(driver, "#confirm").click()
    assert "Phiếu của bạn đã được ghi nhận" in wait_for_text(driver, "receipt", bool)
    assert live.call(lambda: service.voted_members(service.record.open_poll())) == [MEMBER]
    sheets = live.call(lambda: (service.close_poll(force=True), service.record.polls[-1].result.scores)[1])
    assert sheets.sheets == 1 and sheets.minimum == 80


def take(out: Path) -> list[Path]:
    set_language("vi")
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp, chromium(*SIZE) as driver:
        live = LiveRoom(make_demo(Path(tmp)))

        def shot(name: str) -> None:
            path = out / f"{name}.png"
            driver.save_screenshot(str(path))
            written.append(path)

        try:
            play(driver, live, shot)
        finally:
            live.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if chromium_paths() is None:
        print("needs chromium and chromedriver (apt-get install chromium chromium-driver)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for path in take(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
