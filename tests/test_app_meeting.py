"""A whole meeting run by keys in the real app (Pilot): what the chair does, what the minutes say."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from models.poll import PollStatus
from models.session import Conclusion, Presence, SessionStatus
from sessions.storage import DataFolder
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen
from tui.screens.findings import FindingsScreen
from tui.screens.vote import VoteScreen
from tui.textual_private import shown_notices
from tui.widgets.session_bar import SessionBar


def bar_text(app: CouncilApp) -> str:
    return str(app.screen.query_one(SessionBar).render())


async def run_meeting(data: Path, exports: Path, clock) -> str:
    app = CouncilApp(data, clock=clock, export_dir=exports)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the planned session is first in the list
        assert isinstance(app.screen, AgendaScreen)
        assert "KHÔNG ĐỦ SỐ LƯỢNG: có mặt 0, cần 5" in bar_text(app)

        await pilot.press("t")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("p", "p", "p", "a")
        await pilot.press(*"Ốm")
        await pilot.press("enter", "p", "p", "l")
        assert "Đủ số lượng: có mặt 6, cần 5" in bar_text(app)
        await pilot.press("escape", "s")

        # First initiative: everyone present votes yes; recognised.
        await pilot.press("v", "enter")  # the first way to decide is the open vote
        assert isinstance(app.screen, VoteScreen)
        await pilot.press("y", "y", "y", "y", "y")
        assert "Chưa biểu quyết: 1" in str(app.screen.query_one("#tally").render())
        await pilot.press("y", "c")
        assert "ĐẠT" in str(app.screen.query_one("#result").render())
        await pilot.press("f")
        assert isinstance(app.screen, FindingsScreen)
        await pilot.press(*"Hiệu quả rõ")
        # After a passed poll the conclusion is proposed as recognised, with the usual award.
        assert app.screen.query_one("#conclusion", Select).value == Conclusion.RECOGNISED.value
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)

        # Second initiative: member 5 is a co-author and is left out; it fails and is refused.
        await pilot.press("n", "v", "enter")
        voters = app.screen.query_one("#voters")
        assert voters.row_count == 5
        await pilot.press("y", "n", "n", "n", "n", "c", "f")
        # After a failed one: not recognised; the award and benefit no longer apply and are cleared.
        assert app.screen.query_one("#conclusion", Select).value == Conclusion.NOT_RECOGNISED.value
        assert app.screen.query_one("#award", Input).disabled and not app.screen.query_one("#benefit", Input).value
        await pilot.press("tab", "tab")  # to the reason
        await pilot.press(*"Chưa có tính mới")
        await pilot.press("ctrl+s", "escape")

        await pilot.press("c")
        await pilot.press("enter")  # confirm closing with the other items undecided
        await pilot.press("e")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+q")
    written = sorted(exports.glob("bien-ban-*.md"))
    assert len(written) == 1
    return written[0].read_text(encoding="utf-8")


def test_a_whole_meeting_by_keys(demo_dir: Path, tmp_path: Path, clock) -> None:
    minutes = asyncio.run(run_meeting(demo_dir, tmp_path, clock))

    record, _ = DataFolder(demo_dir).load_record(PLANNED)
    assert record.session.status == SessionStatus.CLOSED
    assert record.attendance["m4"].presence == Presence.ABSENT
    assert record.attendance["m4"].reason == "Ốm"
    assert record.attendance["m7"].presence == Presence.LATE
    first, second = record.session.agenda[:2]
    assert record.conclusion(first) == Conclusion.RECOGNISED
    assert record.conclusion(second) == Conclusion.NOT_RECOGNISED
    assert record.findings[second].reason == "Chưa có tính mới"
    closed = [p for p in record.polls if p.status == PollStatus.CLOSED]
    assert [p.result.counts.yes for p in closed] == [6, 1]
    assert "m5" in closed[1].recused

    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in minutes
    assert "Có mặt 6/7 thành viên" in minutes
    assert "Phạm Thị Lan (Ốm)" in minutes
    assert "SK-2026-10" in minutes and "SK-2026-11" in minutes
    assert "**Kết luận:** **Công nhận**" in minutes
    assert "**Kết luận:** **Không công nhận**" in minutes
    assert "**Lý do:** Chưa có tính mới" in minutes
    assert "Võ Minh Tuấn (là tác giả sáng kiến)" in minutes
    assert "| Đồng ý | 6 |" in minutes
    assert "Hiệu quả rõ" in minutes


def test_ctrl_c_says_how_to_quit_in_the_chairs_language(demo_dir: Path, clock) -> None:
    """Chairs press ctrl+c out of habit: the app stays open and says, in Vietnamese, which key quits."""

    async def scenario() -> list[str]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter", "ctrl+c")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            return [f"{n.title}: {n.message}" for n in shown_notices(app)]

    shown = asyncio.run(scenario())
    assert "Bạn muốn thoát?: Nhấn [b]ctrl+q[/b] để thoát council." in shown
    assert not any("Press" in text for text in shown)
