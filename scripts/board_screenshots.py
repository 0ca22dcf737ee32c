"""The projector board in a real browser: a scripted meeting on the demo council, the board at 1920×1080.

``python -m scripts.board_screenshots`` writes docs/screenshots/board-*.png (needs Debian's ``chromium``
and ``chromium-driver``). tests/test_board_browser.py plays the same meeting and checks what a person
would see at each step. ``LiveRoom`` runs a session and its room on an asyncio loop of their own, in a
thread, as the chair's app does on its own loop; every change goes through that loop.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from models.i18n import set_language
from models.poll import Choice, PollMode
from models.session import Conclusion, Finding, Presence
from room.server import Room
from sessions.demo.build import build_demo
from sessions.service import SessionService
from sessions.storage import DataFolder

TODAY = dt.date(2026, 11, 22)
SESSION = "2026-11-22"
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
BOOTH_SECRET = "hom-phieu-2026"
SIZE = (1920, 1080)
WAIT_S = 15.0  # the longest a step waits for the board to show what it should
T = TypeVar("T")

# File name (without .png) and what it shows, in the order they are taken.
SHOTS = [
    ("board-open-vote", "Open vote: the live tally and the votes needed"),
    ("board-result", "After closing: the result and the rule's arithmetic"),
    ("board-secret", "Secret ballot: only how many have voted, never a tally"),
    ("board-scoring", "Scoring: only how many sheets are in"),
]


def chromium_paths() -> tuple[str, str] | None:
    """Debian's chromium and its driver, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def chromium(width: int = SIZE[0], height: int = SIZE[1]) -> Iterator[Any]:
    """A headless Chromium driven by Selenium (its own driver, never one downloaded)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise RuntimeError("chromium and chromedriver are needed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        # The page's own size, as a projector at 1920×1080 shows it (the window's frame not counted).
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        yield driver
    finally:
        driver.quit()


class LiveRoom:
    """A running session and its open room, on an asyncio loop in a thread of their own."""

    def __init__(self, data: Path, session_id: str = SESSION, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="room", daemon=True)
        self.thread.start()
        kwargs = {"clock": clock} if clock else {}
        self.service: SessionService = self.call(lambda: SessionService(DataFolder(data), session_id, **kwargs))
        self.room = Room()
        self.url = self.run(self.room.open(self.service, "127.0.0.1", 0))

    def reopen(self) -> str:
        """Close the room and open it again on the same port (as after the chair closed it, or a restart)."""
        port = self.room.port
        self.run(self.room.close())
        self.url = self.run(self.room.open(self.service, "127.0.0.1", port))
        return self.url

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the room's loop (where the session service lives) and return what it returns."""

        async def wrapped() -> T:
            return fn()

        return self.run(wrapped())

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(WAIT_S)

    def close(self) -> None:
        self.run(self.room.close())
        self.call(self.service.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT_S)
        self.loop.close()


def make_demo(root: Path) -> Path:
    data = root / "data"
    build_demo(DataFolder(data), TODAY)
    return data


# --- the scripted meeting: each step changes the session through the service, then says what to expect
def start(service: SessionService) -> None:
    """Everyone present but one (absent for a reason the room must not see), the meeting started."""
    voting = service.record.voting_members
    for member in voting[:-1]:
        service.set_attendance(member.id, Presence.PRESENT)
    service.set_attendance(voting[-1].id, Presence.ABSENT, "Đi công tác tại Hà Nội")
    service.open_session()


def open_vote(service: SessionService) -> None:
    poll = service.open_poll(PollMode.OPEN)
    for voter in poll.voters[:4]:
        service.record_vote(voter, Choice.YES)
    service.record_vote(poll.voters[4], Choice.NO)


def close_open_vote(service: SessionService) -> None:
    poll = service.record.open_poll()
    service.record_vote(poll.voters[5], Choice.YES)
    service.close_poll(force=True)


def conclude_and_move_on(service: SessionService) -> None:
    """The conclusion the poll's result proposes, then the next item."""
    passed = service.record.polls[-1].result.passed
    finding = (
        Finding(remarks="Đạt.", conclusion=Conclusion.RECOGNISED)
        if passed
        else Finding(remarks="Chưa đạt.", conclusion=Conclusion.NOT_RECOGNISED, reason="Không đủ phiếu.")
    )
    service.save_finding(service.record.current_initiative.id, finding)
    service.next_item()


def secret_ballot(service: SessionService) -> None:
    conclude_and_move_on(service)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(BOOTH_SECRET)
    for voter, choice in zip(poll.voters[:3], (Choice.YES, Choice.NO, Choice.YES), strict=True):
        service.booth.cast(voter, choice)


def scoring(service: SessionService) -> None:
    service.close_poll(force=True)
    conclude_and_move_on(service)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    for voter in poll.voters[:2]:
        service.booth.submit_sheet(voter, {"novelty": 25, "applicability": 20, "effectiveness": 30})


def wait_for_text(driver: Any, element_id: str, wanted: Callable[[str], bool]) -> str:
    """The element's text once ``wanted`` says it is right (WebDriverWait, never a fixed sleep)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def check(d: Any) -> str | bool:
        found = d.find_elements(By.ID, element_id)
        if not found:
            return False
        text = found[0].text
        return text if wanted(text) else False

    return WebDriverWait(driver, WAIT_S).until(check)


def take(out: Path) -> list[Path]:
    """Play the meeting and save the board in each poll mode."""
    set_language("vi")
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        live = LiveRoom(make_demo(Path(tmp)))
        try:
            live.call(lambda: start(live.service))
            driver.get(live.url)
            wait_for_text(driver, "title", bool)

            def shot(name: str) -> None:
                path = out / f"{name}.png"
                driver.save_screenshot(str(path))
                written.append(path)

            live.call(lambda: open_vote(live.service))
            wait_for_text(driver, "voted", lambda s: s.startswith("Đã bỏ phiếu: 5/"))
            shot("board-open-vote")
            live.call(lambda: close_open_vote(live.service))
            wait_for_text(driver, "verdict", bool)
            shot("board-result")
            live.call(lambda: secret_ballot(live.service))
            wait_for_text(driver, "voted", lambda s: s.startswith("Đã bỏ phiếu: 3/"))
            shot("board-secret")
            live.call(lambda: scoring(live.service))
            wait_for_text(driver, "voted", lambda s: s.startswith("Đã bỏ phiếu: 2/"))
            shot("board-scoring")
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
