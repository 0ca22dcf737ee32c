"""What the app asks, and when (Pilot): a refusal comes before any question, forms keep what was typed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input, Select

from models.i18n import set_language, t
from models.poll import Choice, PollMode
from models.session import Conclusion, Presence
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, FIRST, PLANNED
from tests.meeting import start_meeting
from tests.test_app_booth import prepare
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen
from tui.screens.ballot_overview import BallotOverviewScreen
from tui.screens.booth import BoothScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.export import ExportScreen
from tui.screens.findings import FindingsScreen, amount_text
from tui.screens.sheet import SheetScreen
from tui.textual_private import shown_notices


def notices(app: CouncilApp) -> list[str]:
    return [str(n.message) for n in shown_notices(app)]


def test_without_quorum_v_refuses_before_asking_how_to_decide(demo_dir: Path, clock) -> None:
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    service.set_attendance("m1", Presence.PRESENT)
    service.open_session()
    service.close()

    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("v")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AgendaScreen  # not the list of voting methods
    assert t("error.no_quorum", present=1, needed=5) in said


def test_read_only_absent_refuses_before_asking_for_a_reason(demo_dir: Path, clock) -> None:
    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")  # the planned session, read-only
            assert isinstance(app.screen, AgendaScreen)
            await pilot.press("t")
            assert isinstance(app.screen, AttendanceScreen)
            await pilot.press("a")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AttendanceScreen  # no question about a reason
    assert t("error.read_only") in said


def test_read_only_recusal_refuses_before_asking_whom(demo_dir: Path, clock) -> None:
    async def run() -> tuple[type, list[str]]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            assert isinstance(app.screen, AgendaScreen)
            assert app.screen.query_one("#agenda", DataTable).row_count
            await pilot.press("r")
            await pilot.pause()
            screen = type(app.screen)
            said = notices(app)
            await pilot.press("ctrl+q")
        return screen, said

    screen, said = asyncio.run(run())
    assert screen is AgendaScreen  # no list of members to choose from
    assert not said or t("error.read_only") in said  # (the key may also be left out of the footer)


async def paper_sheets(data: Path, clock) -> dict[str, object]:
    """Type m1's paper sheet; then enter on m1 again; then half-type m2's and press esc."""
    seen: dict[str, object] = {}
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, BallotOverviewScreen)
        table = app.screen.query_one("#voters", DataTable)
        await pilot.press("enter", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
        assert isinstance(app.screen, SheetScreen)
        await pilot.press(*"25", "tab", *"24", "tab", *"30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BallotOverviewScreen)
        seen["cursor_after_stored"] = table.cursor_row

        await pilot.press("up", "enter")  # m1 again: already handed in
        await pilot.pause()
        seen["screen_on_stored"] = type(app.screen)
        seen["notices"] = notices(app)

        await pilot.press("down", "enter")
        assert isinstance(app.screen, SheetScreen)
        await pilot.press(*"20", "escape")
        seen["asked"] = type(app.screen)
        await pilot.press("escape")  # not discarded: back on the sheet with what was typed
        assert isinstance(app.screen, SheetScreen)
        seen["kept"] = app.screen.query(Input).first().value
        await pilot.press("escape", "enter")
        await pilot.pause()
        seen["after_discard"] = type(app.screen)
        seen["voted"] = list(app.service.voted_members(app.service.record.open_poll()))

        await pilot.press("enter")  # a blank sheet is left at once
        assert isinstance(app.screen, SheetScreen)
        await pilot.press("escape")
        seen["blank_left"] = type(app.screen)
        await pilot.press("ctrl+q", "enter")
    return seen


def test_paper_sheets_refuse_a_second_sheet_move_on_and_ask_before_discarding(demo_dir: Path, clock) -> None:
    prepare(demo_dir, clock, PollMode.SCORING, {})
    seen = asyncio.run(paper_sheets(demo_dir, clock))
    assert seen["cursor_after_stored"] == 1  # on to the next member without a sheet
    assert seen["screen_on_stored"] is BallotOverviewScreen  # no blank sheet for m1
    name = DataFolder(demo_dir).load_record(PLANNED)[0].member("m1").name
    assert t("error.sheet_already_in", name=name) in seen["notices"]
    assert seen["asked"] is ConfirmScreen
    assert seen["kept"] == "20"
    assert seen["after_discard"] is BallotOverviewScreen
    assert seen["voted"] == ["m1"]
    assert seen["blank_left"] is BallotOverviewScreen


async def findings_after(data: Path, clock, choice: Choice) -> dict[str, object]:
    service = start_meeting(data, clock)
    service.next_item()  # an initiative that claims a benefit in money
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, choice)
    service.close_poll()
    service.close()
    seen: dict[str, object] = {}
    app = CouncilApp(data, session_id=PLANNED, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        screen = app.screen
        assert isinstance(screen, FindingsScreen)
        await pilot.pause()

        def fields() -> dict[str, object]:
            return {
                "conclusion": screen.query_one("#conclusion", Select).value,
                "award": screen.query_one("#award", Input).value,
                "benefit": screen.query_one("#benefit", Input).value,
                "award_disabled": screen.query_one("#award", Input).disabled,
                "reason_disabled": screen.query_one("#reason", Input).disabled,
            }

        seen["opened"] = fields()
        claimed = app.service.record.current_initiative.benefit_vnd
        assert claimed
        seen["claimed"] = amount_text(claimed)
        if choice == Choice.YES:
            conclusion = screen.query_one("#conclusion", Select)
            conclusion.focus()
            await pilot.press("enter")  # chosen already: on to the next field that applies
            seen["enter_on_chosen"] = (conclusion.expanded, app.focused.id if app.focused else None)
            scope = screen.query_one("#scope", Select)
            scope.focus()
            await pilot.press("enter")  # nothing chosen: the list opens
            seen["enter_on_blank"] = scope.expanded
            await pilot.press("escape")
        other = Conclusion.NOT_RECOGNISED if choice == Choice.YES else Conclusion.RECOGNISED
        screen.query_one("#conclusion", Select).value = other.value
        await pilot.pause()
        seen["switched"] = fields()
        await pilot.press("escape")
        seen["leaving_asks"] = type(app.screen)
        await pilot.press("enter", "ctrl+q")
    return seen


def test_findings_propose_recognised_after_a_passed_poll_and_clear_what_no_longer_applies(
    demo_dir: Path, clock
) -> None:
    seen = asyncio.run(findings_after(demo_dir, clock, Choice.YES))
    opened, switched = seen["opened"], seen["switched"]
    assert opened["conclusion"] == Conclusion.RECOGNISED.value
    assert opened["award"] == t("findings.default_award") and not opened["award_disabled"]
    assert opened["benefit"] == seen["claimed"]  # the benefit the initiative claimed, to confirm
    assert opened["reason_disabled"]  # a refusal's reason does not apply
    assert switched["conclusion"] == Conclusion.NOT_RECOGNISED.value
    assert switched["award"] == "" and switched["benefit"] == "" and switched["award_disabled"]
    assert not switched["reason_disabled"]
    assert seen["leaving_asks"] is ConfirmScreen  # the proposal is not saved until ctrl+s
    assert seen["enter_on_chosen"] == (False, "override")  # (the refusal's reason does not apply)
    assert seen["enter_on_blank"] is True


def test_findings_propose_not_recognised_after_a_failed_poll(demo_dir: Path, clock) -> None:
    seen = asyncio.run(findings_after(demo_dir, clock, Choice.NO))
    opened, switched = seen["opened"], seen["switched"]
    assert opened["conclusion"] == Conclusion.NOT_RECOGNISED.value
    assert opened["award"] == "" and opened["benefit"] == "" and opened["award_disabled"]
    assert not opened["reason_disabled"]
    # Recognised after all: the award and the claimed benefit come back.
    assert switched["award"] == t("findings.default_award") and switched["benefit"] == seen["claimed"]


def test_enter_on_a_list_with_a_value_moves_on_and_opens_one_without(demo_dir: Path, clock) -> None:
    """As the docs say of every form: enter goes to the next field; a list without a choice opens."""

    async def run() -> dict[str, object]:
        seen: dict[str, object] = {}
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("m", "a")  # the council's members; a new member
            form = app.screen
            role = form.query_one("#f-role", Select)
            assert role.value is not Select.NULL
            role.focus()
            await pilot.press("enter")
            seen["role_expanded"] = role.expanded
            seen["after_role"] = app.focused.id if app.focused else None
            await pilot.press("escape", "enter", "ctrl+q")
        return seen

    seen = asyncio.run(run())
    assert seen["role_expanded"] is False
    assert seen["after_role"] not in (None, "f-role")


# --- exporting: the file's name, and the folder of the last export


def test_the_default_file_name_has_the_date_once(demo_dir: Path) -> None:
    from sessions.exporting import default_name

    record, _ = DataFolder(demo_dir).load_record(FIRST)  # its id is its date, 2026-05-14
    assert default_name(record, "md") == "bien-ban-14-05-2026.md"
    assert default_name(record, "xlsx") == "danh-sach-cong-nhan-14-05-2026.xlsx"
    second = record.model_copy(update={"session": record.session.model_copy(update={"id": "2026-05-14-2"})})
    assert default_name(second, "pdf") == "bien-ban-14-05-2026-2.pdf"
    named = record.model_copy(update={"session": record.session.model_copy(update={"id": "hop-bat-thuong"})})
    set_language("en")
    assert default_name(named, "md") == "minutes-hop-bat-thuong-14-05-2026.md"


def test_the_next_export_starts_in_the_folder_of_the_last_one(demo_dir: Path, tmp_path: Path, clock) -> None:
    chosen = tmp_path / "ho-so"
    chosen.mkdir()
    before = sorted(p.relative_to(demo_dir) for p in demo_dir.rglob("*"))

    async def run() -> tuple[str, str]:
        app = CouncilApp(demo_dir, clock=clock, export_dir=tmp_path / "documents")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("down", "e")  # the decided session, from the list
            assert isinstance(app.screen, ExportScreen)
            path = app.screen.query_one("#path", Input)
            first = path.value
            path.value = str(chosen / "bien-ban.md")
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)
            await pilot.press("e")
            second = app.screen.query_one("#path", Input).value
            await pilot.press("escape", "ctrl+q")
        return first, second

    first, second = asyncio.run(run())
    assert first == str(tmp_path / "documents" / "bien-ban-14-05-2026.md")
    assert (chosen / "bien-ban.md").exists()
    assert second == str(chosen / "bien-ban-14-05-2026.md")
    # Remembered outside the council's data folder, which is as it was.
    assert sorted(p.relative_to(demo_dir) for p in demo_dir.rglob("*")) == before
    from sessions.export_folder import settings_path

    assert settings_path().exists() and not settings_path().is_relative_to(demo_dir)


def test_in_the_booth_leaving_a_half_typed_sheet_asks_and_still_leads_nowhere_else(demo_dir: Path, clock) -> None:
    prepare(demo_dir, clock, PollMode.SCORING, {})

    async def run() -> list[type]:
        seen: list[type] = []
        app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("v", "b", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
            assert isinstance(app.screen, BoothScreen)
            await pilot.press("enter")  # the first member's sheet
            assert isinstance(app.screen, SheetScreen)
            await pilot.press(*"25", "escape")
            seen.append(type(app.screen))
            for key in ("question_mark", "ctrl+q", "ctrl+p"):
                await pilot.press(key)
                seen.append(type(app.screen))
            await pilot.press("escape")  # not discarded
            seen.append(type(app.screen))
            await pilot.press("escape", "enter")  # discarded: back to the names
            seen.append(type(app.screen))
            app.exit()
        return seen

    seen = asyncio.run(run())
    assert seen == [ConfirmScreen, ConfirmScreen, ConfirmScreen, ConfirmScreen, SheetScreen, BoothScreen]


def test_a_refusal_keeps_no_award_scope_or_benefit(demo_dir: Path, clock) -> None:
    """Where the finding is written, not only on the screen: the service drops what applies to a recognition."""
    from models.session import Finding, Scope

    service = start_meeting(demo_dir, clock)
    poll = service.open_poll()
    for voter in poll.voters:
        service.record_vote(voter, Choice.NO)
    service.close_poll()
    finding = Finding(
        conclusion=Conclusion.NOT_RECOGNISED,
        reason="Chưa có tính mới",
        scope=Scope.UNIT,
        proposed_award="Giấy khen",
        confirmed_benefit_vnd=1_000_000,
    )
    service.save_finding(poll.initiative_id, finding)
    saved = service.record.findings[poll.initiative_id]
    service.close()
    assert saved.reason == "Chưa có tính mới"
    assert (saved.scope, saved.proposed_award, saved.confirmed_benefit_vnd) == (None, "", None)


def test_findings_of_a_read_only_session_are_shown_locked_before_anything_is_typed(demo_dir: Path, clock) -> None:
    async def run() -> dict[str, object]:
        app = CouncilApp(demo_dir, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r", "f")  # the planned session, read-only; its first item's findings
            screen = app.screen
            assert isinstance(screen, FindingsScreen)
            await pilot.pause()
            await pilot.press(*"abc")
            seen = {
                "remarks": screen.query_one("#remarks").text,
                "locked": all(w.disabled for w in screen.query("Input, Select")),
                "basis": str(screen.query_one("#basis").render()),
                "save_offered": screen.check_action("save", ()),
            }
            await pilot.press("escape")
            seen["left"] = type(app.screen)
            await pilot.press("ctrl+q")
        return seen

    seen = asyncio.run(run())
    assert "abc" not in seen["remarks"]
    assert seen["locked"]
    assert t("error.read_only") in seen["basis"]
    assert seen["save_offered"] is None
    assert seen["left"] is AgendaScreen  # nothing typed, nothing to confirm
