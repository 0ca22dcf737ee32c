"""What the footer, `?` and the command palette offer: only what works now, each described (issue 15, items 11-12)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandList, CommandPalette

from models.i18n import set_language
from models.i18n.messages import MESSAGES
from models.poll import PollMode, PollStatus
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tui.app import CouncilApp
from tui.bindings import SEAT_KEYS, all_screen_bindings
from tui.screens.agenda import AgendaScreen
from tui.screens.ballot_overview import BallotOverviewScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.help import screen_keys
from tui.screens.vote import VoteScreen
from tui.textual_private import FooterKey


def test_every_key_says_what_it_does_in_both_languages() -> None:
    seats = {b.action for b in SEAT_KEYS}
    for screen, bindings in all_screen_bindings().items():
        for binding in bindings:
            if binding.action in seats:
                continue
            assert binding.tooltip.startswith("does."), (screen, binding.action)
            english, vietnamese = MESSAGES[binding.tooltip]
            assert english and vietnamese and english != vietnamese, binding.tooltip


async def _palette_lines(data: Path, lang: str) -> list[str]:
    set_language(lang)
    app = CouncilApp(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the planned session
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()  # the palette gathers its commands in a worker
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList)
        return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_the_palette_describes_each_action(demo_dir: Path) -> None:
    lines = asyncio.run(_palette_lines(demo_dir, "en"))
    text = "\n".join(lines)
    assert "Action of this screen" not in text
    assert "Mark who is present, absent, late or left early" in text
    assert "Open the meeting and record its start time" in text
    lines = asyncio.run(_palette_lines(demo_dir, "vi"))
    text = "\n".join(lines)
    assert "Thao tác của màn hình này" not in text
    assert "Ghi nhận có mặt, vắng, đến muộn hoặc về sớm" in text


# --- 11. keys that no longer apply are not offered


def _footer(app: CouncilApp) -> list[str]:
    """The footer's keys that work now (a dimmed one is listed as "(description)")."""
    return [
        k.description if not k.has_class("-disabled") else f"({k.description})" for k in app.screen.query(FooterKey)
    ]


def _prepare(data: Path, clock, mode: PollMode | None) -> None:
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    for member in service.record.members:
        service.set_attendance(member.id, Presence.PRESENT)
    if mode is not None:
        service.open_session()
        service.open_poll(mode)
    service.close()


def test_start_is_offered_only_before_the_start(demo_dir: Path, clock) -> None:
    _prepare(demo_dir, clock, None)

    async def run() -> tuple[list[str], list[str], list[str]]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            before = _footer(app)
            await pilot.press("s")
            await pilot.pause()
            after = _footer(app)
            await pilot.press("question_mark")
            await pilot.pause()
            listed = [row[1] for row in screen_keys(app.screen.for_screen)]
            return before, after, listed

    before, after, listed = asyncio.run(run())
    assert "Khai mạc" in before and "(Biểu quyết)" in before  # no poll before the start: v dimmed
    assert "Khai mạc" not in after and "Biểu quyết" in after
    assert "Khai mạc" not in listed


def test_a_closed_open_vote_offers_no_vote_keys(demo_dir: Path, clock) -> None:
    _prepare(demo_dir, clock, PollMode.OPEN)

    async def run() -> tuple[list[str], list[str]]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("v")
            assert isinstance(app.screen, VoteScreen)
            before = _footer(app)
            await pilot.press("Y", "c")
            await pilot.pause()
            after = _footer(app)
            await pilot.press("y")  # nothing happens to a closed poll
            await pilot.pause()
            assert app.screen.poll.status == PollStatus.CLOSED
            return before, after

    before, after = asyncio.run(run())
    assert {"Đồng ý", "Không đồng ý", "Hoàn tác", "Kết thúc biểu quyết"} <= set(before)
    for gone in ("Đồng ý", "Không đồng ý", "Không biểu quyết", "Tất cả đồng ý", "Hoàn tác", "Kết thúc biểu quyết"):
        assert gone not in after
    assert "Kết luận" in after and "Quay lại" in after


def test_a_closed_secret_ballot_no_longer_offers_the_booth(demo_dir: Path, clock) -> None:
    _prepare(demo_dir, clock, PollMode.SECRET)

    async def run() -> tuple[list[str], str, list[str], str]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("v")
            assert isinstance(app.screen, BallotOverviewScreen)
            before, hint_before = _footer(app), str(app.screen.query_one("#overview-hint").render())
            await pilot.press("c", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
            await pilot.pause()
            if isinstance(app.screen, ConfirmScreen):  # nobody has voted: closed anyway
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, BallotOverviewScreen)
            assert app.screen.poll.status == PollStatus.CLOSED
            return before, hint_before, _footer(app), str(app.screen.query_one("#overview-hint").render())

    before, hint_before, after, hint_after = asyncio.run(run())
    assert "Mở phòng bỏ phiếu" in before and "Nhấn b" in hint_before
    assert "Mở phòng bỏ phiếu" not in after and "Kết thúc biểu quyết" not in after
    assert "Nhấn b" not in hint_after and "Đã kết thúc bỏ phiếu" in hint_after
