"""The booth and the scoring sheet in the real app (Pilot): a member cannot escape, nothing leaks on screen."""

from __future__ import annotations

import asyncio
import html
import json
import re
from pathlib import Path

from models.i18n import t
from models.poll import Choice, PollMode
from models.session import Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tui.app import CouncilApp
from tui.screens.ballot_overview import BallotOverviewScreen
from tui.screens.booth import BallotScreen, BoothScreen, PinScreen, ReceivedScreen
from tui.screens.booth_secret import SecretScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.sheet import SheetScreen
from tui.textual_private import shown_notices


def prepare(data: Path, clock, mode: PollMode, pins: dict[str, str]) -> None:
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    members = [m.model_copy(update={"pin": pins.get(m.id)}).model_dump(mode="json") for m in service.record.members]
    service._commit("council_refreshed", {"members": members})
    for member in service.record.members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    service.open_poll(mode)
    service.close()


def screen_text(app: CouncilApp) -> str:
    svg = app.export_screenshot()
    text = "".join(re.findall(r">([^<>]*)</text>", svg))
    return html.unescape(text).replace("\xa0", " ")


def notices(app: CouncilApp) -> list[str]:
    return [str(n.message) for n in shown_notices(app)]


async def booth_round(data: Path, clock) -> tuple[list[str], str]:
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    seen: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, BallotOverviewScreen)
        await pilot.press("b")
        # The chair chooses the booth secret, typed twice: a mistyped one could never open the box.
        assert isinstance(app.screen, SecretScreen)
        await pilot.press(*"short", "enter")
        assert "ít nhất 8 ký tự" in screen_text(app) and isinstance(app.screen, SecretScreen)
        await pilot.press(*BOOTH_SECRET, "enter", *"hom-phieu-khac", "enter")
        assert "không khớp" in screen_text(app) and isinstance(app.screen, SecretScreen)
        await pilot.press(*BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
        assert isinstance(app.screen, BoothScreen)
        # No key a member can press leads anywhere else.
        for key in ("question_mark", "ctrl+q", "ctrl+p", "escape", "ctrl+c", "f", "c"):
            await pilot.press(key)
            assert isinstance(app.screen, BoothScreen), key
        assert app.is_running

        # Member 1 has a PIN: a wrong one is refused.
        await pilot.press("enter")
        assert isinstance(app.screen, PinScreen)
        await pilot.press(*"0000", "enter")
        assert isinstance(app.screen, BoothScreen)
        await pilot.press("enter", *"1357", "enter")
        assert isinstance(app.screen, BallotScreen)
        await pilot.press("y", "enter")
        assert isinstance(app.screen, ReceivedScreen)
        seen.append(screen_text(app))
        await pilot.press("enter")

        # Member 2 has no PIN.
        await pilot.press("enter")
        assert isinstance(app.screen, BallotScreen)
        await pilot.press("n", "enter")
        seen.append(screen_text(app))
        await pilot.press("enter")
        assert isinstance(app.screen, BoothScreen)
        seen.append(screen_text(app))

        # The chair leaves with ctrl+x and the booth secret; the chair's PIN no longer opens the way out.
        await pilot.press("ctrl+x", *"1357", "enter")
        assert isinstance(app.screen, BoothScreen)
        await pilot.press("ctrl+x", *BOOTH_SECRET, "enter")
        assert isinstance(app.screen, BallotOverviewScreen)
        seen.append(screen_text(app))
        await pilot.press("c", "enter")
        result = screen_text(app)
        await pilot.press("ctrl+q")
    return seen, result


def test_booth_round_shows_no_tally_and_no_choice(demo_dir: Path, clock) -> None:
    prepare(demo_dir, clock, PollMode.SECRET, {"m1": "1357"})
    seen, result = asyncio.run(booth_round(demo_dir, clock))
    received_1, received_2, booth, overview = seen
    assert "Phiếu của bạn đã được ghi nhận" in received_1 and received_1 == received_2  # neutral: identical
    for text in seen:
        for leak in ("Không đồng ý", "Đồng ý:", "Không biểu quyết"):
            assert leak not in text
    assert "Nguyễn Văn Hùng" not in booth and "Trần Thị Mai" not in booth  # those who voted leave the list
    assert "Lê Hoàng Nam" in booth
    assert "Đã bỏ phiếu: 2/7" in overview
    assert "Đồng ý 1 · Không đồng ý 1" in result


async def type_sheet(data: Path, clock) -> None:
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, BallotOverviewScreen)
        await pilot.press("enter", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
        assert isinstance(app.screen, SheetScreen)
        await pilot.press(*"25", "tab", *"40", "tab", *"30", "tab", *"Tốt", "ctrl+s")
        assert "0 đến 30" in screen_text(app)  # 40 is outside applicability's band: refused
        await pilot.press("shift+tab", "shift+tab", "backspace", "backspace", *"24", "ctrl+s")
        assert isinstance(app.screen, BallotOverviewScreen)
        assert "Đã nộp phiếu chấm: 1/7" in screen_text(app)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)  # an open ballot: quitting asks first
        await pilot.press("enter")


def test_secretary_types_a_paper_scoring_sheet(demo_dir: Path, clock) -> None:
    prepare(demo_dir, clock, PollMode.SCORING, {})
    asyncio.run(type_sheet(demo_dir, clock))
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert service.booth.state().voted == {"m1"}
    assert "Tốt".encode() not in DataFolder(demo_dir).session_dir(PLANNED).joinpath("ballot-box.json").read_bytes()
    service.booth.open(BOOTH_SECRET)
    service.close_poll(force=True)
    sheets = service.record.polls[-1].sheets
    assert [s.total for s in sheets] == [79] and sheets[0].comment == "Tốt"
    service.close()


def test_confirmations_replace_each_other_instead_of_stacking_over_the_tally(demo_dir: Path, clock) -> None:
    """Typing a run of paper sheets leaves one "stored" notice in the corner, not one per sheet."""
    prepare(demo_dir, clock, PollMode.SCORING, {})

    async def two_sheets() -> list[str]:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("v", "enter", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter", "escape")
            assert isinstance(app.screen, BallotOverviewScreen)  # the box is open: no more secrets asked
            app.notify("Cảnh báo thử", severity="warning")
            for member in range(2):
                await pilot.press(*["down"] * member, "enter")
                assert isinstance(app.screen, SheetScreen)
                await pilot.press(*"25", "tab", *"24", "tab", *"30", "ctrl+s")
                assert isinstance(app.screen, BallotOverviewScreen)
            return [str(n.message) for n in shown_notices(app)]

    assert asyncio.run(two_sheets()) == ["Cảnh báo thử", t("sheet.stored")]  # the warning stays beside it


def test_after_a_restart_the_booth_needs_the_secret_and_leaving_it_counts_wrong_tries(demo_dir: Path, clock) -> None:
    """Two ballots before the app stopped; then: a wrong secret changes nothing, the right one resumes,
    and the booth is left only with the secret, every wrong try counted in the minutes (the journal)."""
    prepare(demo_dir, clock, PollMode.SECRET, {})
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.booth.open(BOOTH_SECRET)
    poll = service.record.open_poll()
    service.booth.cast(poll.voters[0], Choice.YES)
    service.booth.cast(poll.voters[1], Choice.NO)
    service.close()
    box = DataFolder(demo_dir).session_dir(PLANNED) / "ballot-box.json"
    journal = DataFolder(demo_dir).journal_path(PLANNED)

    async def run() -> None:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("v", "b")
            assert isinstance(app.screen, SecretScreen)
            before = box.read_bytes(), journal.read_bytes()
            await pilot.press(*"hom-phieu-sai", "enter")
            assert isinstance(app.screen, BallotOverviewScreen)
            assert t("error.booth_secret_wrong") in notices(app)
            assert (box.read_bytes(), journal.read_bytes()) == before  # a wrong secret changes nothing
            await pilot.press("b", *BOOTH_SECRET, "enter")
            assert isinstance(app.screen, BoothScreen)
            sealed = json.loads(box.read_bytes())
            for wrong in ("1357", "hom-phieu-sai"):
                await pilot.press("ctrl+x", *wrong, "enter")
                assert isinstance(app.screen, BoothScreen), wrong
                assert t("booth.leave_refused") in notices(app)
            after = json.loads(box.read_bytes())
            assert after["refused"] == 2 and {k: v for k, v in after.items() if k not in ("refused", "mac")} == {
                k: v for k, v in sealed.items() if k not in ("refused", "mac")
            }  # the ballots and the voters are untouched
            await pilot.press("ctrl+x", *BOOTH_SECRET, "enter")
            assert isinstance(app.screen, BallotOverviewScreen)
            await pilot.press("c", "enter")
            assert "Đồng ý 1 · Không đồng ý 1" in screen_text(app)
            await pilot.press("ctrl+q")  # the ballot is closed: no question
        assert not app.is_running

    asyncio.run(run())
    closed = [json.loads(line) for line in journal.read_bytes().splitlines()]
    record = next(r for r in closed if r["type"] == "poll_closed")
    assert record["data"]["booth_refused"] == 2
    assert not box.exists()
