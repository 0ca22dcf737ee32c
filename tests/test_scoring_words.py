"""Scoring speaks of sheets, scores, eligible sheets and grades, never of yes and no (issue 15, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from models.errors import DomainError
from models.i18n import set_language
from models.poll import PollMode
from sessions.exporting import render
from tests.conftest import BOOTH_SECRET
from tests.test_modes import started
from tui.render.agenda import render_detail
from tui.render.initiative import detail_blocks, item_status
from tui.render.poll import needed_text, result_text


def _plain(renderable) -> str:
    console = Console(width=200, record=True)
    console.print(renderable)
    return console.export_text()


def _scored(data: Path, clock):
    """Seven sheets: four eligible (60 points), three not (45): the mean grades "pass", the rule fails it (4 < 5)."""
    service = started(data, clock)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    before = _plain(needed_text(poll))
    for number, member_id in enumerate(poll.voters):
        effectiveness = 20 if number < 4 else 5
        service.booth.submit_sheet(member_id, {"novelty": 20, "applicability": 20, "effectiveness": effectiveness})
    result = service.close_poll()
    assert not result.passed and result.scores is not None and result.scores.grade_vi
    return service, poll, before


def test_the_scoring_panel_detail_and_minutes_speak_of_sheets(demo_dir: Path, clock) -> None:
    service, poll, before = _scored(demo_dir, clock)
    record = service.record
    initiative = record.initiatives[poll.initiative_id]
    # before closing: the rule in force for sheets, not the yes-vote rule
    assert "phiếu chấm đạt" in before and "đồng ý" not in before
    detail = _plain(render_detail(tuple(detail_blocks(record, initiative))))
    assert "Phiếu chấm 7" in detail and "phiếu đạt (từ 50 điểm) 4" in detail
    assert "Đồng ý" not in detail and "Không đồng ý" not in detail
    assert "KHÔNG ĐẠT" in detail and "Xếp loại" not in detail  # no passing grade beside NOT PASSED
    assert item_status(record, initiative.id).plain == "đã chấm điểm: không đạt"
    panel = _plain(result_text(record, record.polls_for(initiative.id)[-1]))
    assert "KHÔNG ĐẠT" in panel and "Xếp loại" not in panel
    minutes = render(record, "md").decode()
    assert "Thành viên đã nộp phiếu chấm:" in minutes and "Thành viên đã bỏ phiếu" not in minutes
    assert "Kết quả chấm điểm:" in minutes and "Xếp loại" not in minutes
    set_language("en")
    detail = _plain(render_detail(tuple(detail_blocks(record, initiative))))
    assert "Sheets 7" in detail and "Yes " not in detail and "Grade" not in detail
    minutes = render(record, "md").decode()
    assert "Members who handed in a sheet:" in minutes and "Members who voted" not in minutes
    assert "Grade" not in minutes
    service.close()


def test_a_scoring_that_passes_shows_its_grade_after_the_result(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(BOOTH_SECRET)
    with pytest.raises(DomainError) as missing:
        service.close_poll()
    assert missing.value.key == "error.sheets_missing" and "phiếu chấm" in str(missing.value)
    for member_id in poll.voters:
        service.booth.submit_sheet(member_id, {"novelty": 25, "applicability": 25, "effectiveness": 35})
    assert service.close_poll().passed
    record = service.record
    panel = _plain(result_text(record, record.polls_for(poll.initiative_id)[-1]))
    assert panel.index("ĐẠT") < panel.index("Xếp loại")
    minutes = render(record, "md").decode()
    assert minutes.index("Kết quả chấm điểm:") < minutes.index("Xếp loại:")
    service.close()


def test_the_findings_speak_of_the_scoring_result(demo_dir: Path, clock) -> None:
    import asyncio

    from tests.conftest import PLANNED
    from tui.app import CouncilApp
    from tui.screens.findings import FindingsScreen

    service, _poll, _before = _scored(demo_dir, clock)
    service.close()

    async def run() -> str:
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("f")
            await pilot.pause()
            assert isinstance(app.screen, FindingsScreen)
            return str(app.screen.query_one("#basis").render())

    basis = asyncio.run(run())
    assert basis.startswith("Kết quả chấm điểm: KHÔNG ĐẠT. Số phiếu chấm đạt")
