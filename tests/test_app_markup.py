"""What a user typed is shown as typed on every screen, never read as markup (Pilot).

Titles, codes, names, units, reasons and remarks below hold ``[/]``, ``[red]…[/red]``, ``[b]`` and
``[link=x]``: read as Textual or Rich markup the first crashes a screen ("closing tag has nothing
to close") and the others lose their brackets. Each screen must stay up, log no error and show the
text with its brackets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.widgets import Input, Select

from models.i18n import t
from models.poll import Choice, PollMode
from models.session import Conclusion, Finding, Presence
from sessions.council_setup import CouncilEditor
from sessions.editing import AgendaEditor
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.test_app_booth import screen_text
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen
from tui.screens.ballot_overview import BallotOverviewScreen
from tui.screens.booth import BallotScreen, BoothScreen, PinScreen
from tui.screens.dialogs import AskTextScreen, ConfirmScreen
from tui.screens.export import ExportScreen
from tui.screens.findings import FindingsScreen
from tui.screens.first_run import FirstRunScreen
from tui.screens.help import HelpScreen
from tui.screens.mode_picker import ModePickerScreen
from tui.screens.picker import PickerScreen
from tui.screens.prepare.import_screen import ImportScreen
from tui.screens.prepare.initiative_form import InitiativeFormScreen
from tui.screens.prepare.member_form import MemberFormScreen
from tui.screens.prepare.members import MembersScreen
from tui.screens.prepare.session_form import SessionFormScreen
from tui.screens.recuse import RecuseScreen
from tui.screens.rules import RulesScreen
from tui.screens.sheet import SheetScreen
from tui.screens.stats import StatsScreen
from tui.screens.vote import VoteScreen
from tui.textual_private import SelectOverlay, Toast

SIZE = (200, 50)  # wide enough that no planted text is cut by a column

COUNCIL_NAME = "Hội đồng [b] [/]"
SESSION_TITLE = "Phiên [/] [red]đỏ[/red]"
PLACE = "Phòng [b] [link=x]"
CODE = "SK-[b]-01"
TITLE = "Quy trình [/] mới [red]đỏ[/red]"
UNIT = "Khoa [link=x]Nội"
FIELD = "Y tế [b]"
CATEGORY = "Tiết kiệm [/]"
AUTHOR = "Tác giả [/] [link=x]"
DESCRIPTION = "Mô tả [red]đỏ[/red] [b]"
NAMES = {"m1": "Nguyễn [/] Hùng", "m2": "Trần [red]đỏ[/red] Mai", "m3": "Lê [b] Nam", "m4": "Phạm [link=x] Lan"}
MEMBER_UNIT = "Phòng [/] Kế hoạch"
ABSENCE = "Ốm [/] [red]đỏ[/red]"
RECUSAL = "Hướng dẫn [/] tác giả"
REMARKS = "Nhận xét [/] [red]đỏ[/red] [b] [link=x]"
REASON = "Lý do [b] [/]"
AWARD = "Giấy khen [link=x]"


def plant(data: Path, clock, *, open_vote: bool = True) -> str:
    """The planned session, its first initiative and the council, with markup-like text everywhere.

    ``open_vote``: also start the meeting, decide the first initiative by an open vote and save a
    finding on it. Returns the first initiative's id.
    """
    folder = DataFolder(data)
    editor = CouncilEditor(folder)
    council = editor.council
    editor.update_info(council.info.model_copy(update={"name": COUNCIL_NAME}))
    members = [
        m.model_copy(update={"name": NAMES.get(m.id, m.name), "unit": MEMBER_UNIT if m.id == "m2" else m.unit})
        for m in council.members
    ]
    editor.replace_members(members)

    service = SessionService(folder, PLANNED, clock=clock)
    agenda = AgendaEditor(service)
    agenda.refresh_from_council(folder.load_council())
    agenda.update_session(title=SESSION_TITLE, place=PLACE)
    first = service.record.agenda_items()[0]
    authors = [first.authors[0].model_copy(update={"name": AUTHOR}), *first.authors[1:]]
    changes = {
        "code": CODE,
        "title": TITLE,
        "unit": UNIT,
        "field": FIELD,
        "category": CATEGORY,
        "description": DESCRIPTION,
    }
    agenda.save_initiative(first.model_copy(update={**changes, "authors": authors}))
    for member in service.record.members:
        absent = member.id == "m4"
        service.set_attendance(member.id, Presence.ABSENT if absent else Presence.PRESENT, ABSENCE if absent else "")
    service.recuse(first.id, "m3", RECUSAL)
    if open_vote:
        service.open_session()
        service.open_poll(PollMode.OPEN)
        service.record_all(Choice.YES)
        service.close_poll()
        finding = Finding(
            remarks=REMARKS,
            conclusion=Conclusion.RECOGNISED,
            reason=REASON,
            proposed_award=AWARD,
            confirmed_benefit_vnd=5,
        )
        service.save_finding(first.id, finding)
    service.close()
    return first.id


def no_error_logged(state: Path) -> bool:
    return not list(state.rglob("council-error.log"))


async def toasts(app: CouncilApp, pilot) -> str:
    """The notices on screen, as shown (the toasts are mounted a few messages after ``notify``)."""
    for _ in range(5):
        if app.screen.query(Toast):
            break
        await pilot.pause()
    return "\n".join(str(toast.render()) for toast in app.screen.query(Toast))


def shows(app: CouncilApp, *texts: str) -> None:
    """The app is up and every text is on screen, brackets included."""
    assert app.is_running
    text = screen_text(app)
    for expected in texts:
        assert expected in text, expected


async def in_app(data: Path, clock, scenario: Callable[[CouncilApp, object], Awaitable[None]], **kwargs) -> None:
    app = CouncilApp(data, clock=clock, **kwargs)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts are shown, as for the user
        await pilot.pause()
        await scenario(app, pilot)
        assert app.is_running
        await pilot.press("ctrl+q")


async def paste(pilot, app: CouncilApp, text: str) -> None:
    app.post_message(events.Paste(text))
    await pilot.pause()


# --- the running session: picker, agenda and detail, attendance, vote, findings, dialogs


async def running_session(app: CouncilApp, pilot) -> None:
    assert isinstance(app.screen, PickerScreen)
    shows(app, COUNCIL_NAME, SESSION_TITLE, PLACE)

    await pilot.press("enter")  # the planned session is first in the list
    assert isinstance(app.screen, AgendaScreen)
    # The agenda row and the detail pane: code, title, fields, authors, the recusal and the finding.
    shows(app, SESSION_TITLE, CODE, TITLE, UNIT, FIELD, CATEGORY, AUTHOR, DESCRIPTION, REMARKS, REASON, AWARD)
    shows(app, f"{NAMES['m3']} ({RECUSAL})")

    await pilot.press("t")
    assert isinstance(app.screen, AttendanceScreen)
    shows(app, *NAMES.values(), ABSENCE)
    await pilot.press("down", "a")  # absent: the dialog asks for a reason, naming the member
    assert isinstance(app.screen, AskTextScreen)
    shows(app, NAMES["m2"])
    await pilot.press("escape", "escape")

    await pilot.press("r")  # recusal: the members to choose from, by name
    assert isinstance(app.screen, RecuseScreen)
    shows(app, CODE, NAMES["m1"], NAMES["m2"])
    await pilot.press("escape")

    await pilot.press("f")
    assert isinstance(app.screen, FindingsScreen)
    shows(app, CODE, TITLE, REMARKS, AWARD)  # (a refusal's reason is cleared: the initiative is recognised)
    await pilot.press("escape")

    # A second vote on the decided initiative: the way to decide names it, the reason is asked for.
    await pilot.press("v")
    assert isinstance(app.screen, ModePickerScreen)
    shows(app, CODE)
    await pilot.press("enter")
    assert isinstance(app.screen, AskTextScreen)
    shows(app, CODE)
    await paste(pilot, app, REASON)
    await pilot.press("enter")
    assert isinstance(app.screen, VoteScreen)
    shows(app, CODE, TITLE, NAMES["m1"], NAMES["m2"], NAMES["m3"])  # m3 recused: named under the tally
    await pilot.press("x")  # reset the vote, with a reason that looks like markup
    await paste(pilot, app, REMARKS)
    await pilot.press("enter")
    assert isinstance(app.screen, AgendaScreen)
    shows(app, REMARKS)  # the voided poll's reason in the detail pane

    await pilot.press("S")
    assert isinstance(app.screen, StatsScreen)
    shows(app, SESSION_TITLE, UNIT, CATEGORY)  # units and categories group the bars
    await pilot.press("escape")

    await pilot.press("e")
    assert isinstance(app.screen, ExportScreen)
    shows(app, SESSION_TITLE)
    await pilot.press("escape")

    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")

    await pilot.press("D")  # the session's details: the chair and secretary are chosen by name
    assert isinstance(app.screen, SessionFormScreen)
    shows(app, SESSION_TITLE, PLACE, NAMES["m1"])
    app.screen.query_one("#f-chair", Select).focus()
    await pilot.press("space")  # (enter moves on from a list that has a choice)
    assert app.screen.query_one("#f-chair", Select).query_one(SelectOverlay).display
    shows(app, NAMES["m1"], NAMES["m2"], NAMES["m3"], NAMES["m4"])
    await pilot.press("escape", "escape")

    await pilot.press("down", "E")  # the second initiative's form: members an author can be, by name
    assert isinstance(app.screen, InitiativeFormScreen)
    shows(app, f"[m1] 1. {NAMES['m1']}", f"[m2] 2. {NAMES['m2']}")
    await pilot.press("escape")
    assert isinstance(app.screen, AgendaScreen)


def test_a_running_session_shows_typed_text_as_typed(demo_dir: Path, clock, _own_error_log: Path) -> None:
    plant(demo_dir, clock)
    asyncio.run(in_app(demo_dir, clock, running_session))
    assert no_error_logged(_own_error_log)


# --- errors that quote what was typed: shown as notices and under the field, never crashing


async def findings_amount(app: CouncilApp, pilot) -> None:
    await pilot.press("enter", "f")
    assert isinstance(app.screen, FindingsScreen)
    benefit = app.screen.query_one("#benefit", Input)
    benefit.value = ""
    benefit.focus()
    await pilot.press(*"[/]")
    message = t("error.amount", text="[/]")
    shows(app, message)  # under the field, as typed
    await pilot.press("ctrl+s")  # refused: the same message as a notice
    assert message in await toasts(app, pilot)
    shows(app, message)
    await pilot.press("escape")  # the form changed: leaving asks first
    assert isinstance(app.screen, ConfirmScreen)
    await pilot.press("enter")
    assert isinstance(app.screen, AgendaScreen)


def test_a_refused_amount_quoting_markup_is_a_notice(demo_dir: Path, clock, _own_error_log: Path) -> None:
    plant(demo_dir, clock)
    asyncio.run(in_app(demo_dir, clock, findings_amount))
    assert no_error_logged(_own_error_log)


async def unknown_session(app: CouncilApp, pilot) -> None:
    assert isinstance(app.screen, PickerScreen)
    message = t("error.unknown_session", session="[/]", known=", ".join(DataFolder(app.data_dir).session_ids()))
    assert message in await toasts(app, pilot)
    shows(app, "[/]")


def test_a_session_id_that_looks_like_markup_is_refused_with_a_notice(
    demo_dir: Path, clock, _own_error_log: Path
) -> None:
    """``council app --session "[/]"``: the app says there is no such session and stays up."""
    asyncio.run(in_app(demo_dir, clock, unknown_session, session_id="[/]"))
    assert no_error_logged(_own_error_log)


# --- preparing: members, the forms, the rules, an import


def write_csv(path: Path, *rows: str) -> Path:
    header = "Mã số,Tên sáng kiến,Loại giải pháp,Nhóm,Tác giả (tỷ lệ),Giá trị làm lợi (đồng)"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def preparing(files: Path) -> Callable[[CouncilApp, object], Awaitable[None]]:
    async def scenario(app: CouncilApp, pilot) -> None:
        await pilot.press("m")
        assert isinstance(app.screen, MembersScreen)
        shows(app, COUNCIL_NAME, *NAMES.values(), MEMBER_UNIT)
        await pilot.press("delete")  # removing asks, naming the member
        assert isinstance(app.screen, ConfirmScreen)
        shows(app, NAMES["m1"])
        await pilot.press("escape", "e")
        assert isinstance(app.screen, MemberFormScreen)
        shows(app, NAMES["m1"])
        await pilot.press("ctrl+s")  # saved as it was: the notice names the member
        assert isinstance(app.screen, MembersScreen)
        assert t("prep.app.member_saved", name=NAMES["m1"]) in await toasts(app, pilot)
        shows(app, t("prep.app.member_saved", name=NAMES["m1"]))
        await pilot.press("e")
        app.screen.query_one("#f-seat", Input).value = ""
        app.screen.query_one("#f-seat", Input).focus()
        await pilot.press(*"[/]")
        seat_error = t("prep.err.seat", text="[/]")
        shows(app, seat_error)
        await pilot.press("ctrl+s")  # refused, with a notice naming the field
        assert isinstance(app.screen, MemberFormScreen) and await toasts(app, pilot)
        shows(app, seat_error)
        await pilot.press("escape", "enter", "escape")  # leave, discarding; back to the picker
        assert isinstance(app.screen, PickerScreen)

        await pilot.press("n")  # a new session: the chair by role is named in the empty choice
        assert isinstance(app.screen, SessionFormScreen)
        shows(app, t("prep.app.by_role", name=NAMES["m1"]))
        await pilot.press("escape")

        await pilot.press("enter")
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("delete")  # removing an initiative asks, naming it
        assert isinstance(app.screen, ConfirmScreen)
        shows(app, CODE, TITLE)
        await pilot.press("escape")

        await pilot.press("E")
        assert isinstance(app.screen, InitiativeFormScreen)
        shows(app, CODE, TITLE, AUTHOR, UNIT)
        benefit = app.screen.query_one("#f-benefit_vnd", Input)
        benefit.value = ""
        benefit.focus()
        await pilot.press(*"[/]")
        shows(app, t("error.amount", text="[/]"))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InitiativeFormScreen) and await toasts(app, pilot)
        await pilot.press("escape", "enter")
        assert isinstance(app.screen, AgendaScreen)

        await pilot.press("g")
        assert isinstance(app.screen, RulesScreen)
        quorum = app.screen.query_one("#quorum", Input)
        quorum.value = ""
        quorum.focus()
        await pilot.press(*"[/]", "ctrl+s")
        shows(app, t("error.fraction", text="[/]"))
        await pilot.press("escape")

        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        await paste(pilot, app, str(files / "[b]" / "không có [/].csv"))
        await pilot.press("enter")  # the file is not there: the preview says so, quoting the path
        shows(app, "[b]/không có [/].csv")
        await pilot.press("ctrl+u")
        bad = write_csv(files / "bad.csv", "SK-[/]-40,Tên [red]đỏ[/red],Giải pháp kỹ thuật,[b],Ngô [/] An,")
        await paste(pilot, app, str(bad))
        await pilot.press("enter")  # "[/]" reads as a member mark: the problem lists the members by name
        shows(app, "bad.csv", "'/'", "[m3]", f"m1 (1: {NAMES['m1']})", "): [b].")
        await pilot.press("ctrl+u")
        good = write_csv(files / "good.csv", "SK-[/]-40,Tên [red]đỏ[/red],Giải pháp kỹ thuật,[b],Ngô Văn An,")
        await paste(pilot, app, str(good))
        await pilot.press("enter")  # the preview's rows
        shows(app, "good.csv", "SK-[/]-40", "Tên [red]đỏ[/red]")
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)

    return scenario


def test_preparing_shows_typed_text_as_typed(demo_dir: Path, tmp_path: Path, clock, _own_error_log: Path) -> None:
    plant(demo_dir, clock, open_vote=False)
    asyncio.run(in_app(demo_dir, clock, preparing(tmp_path)))
    assert no_error_logged(_own_error_log)


async def first_run(app: CouncilApp, pilot) -> None:
    assert isinstance(app.screen, FirstRunScreen)
    shows(app, "dữ liệu [/] [b]")


def test_first_run_names_a_folder_whose_name_looks_like_markup(tmp_path: Path, clock, _own_error_log: Path) -> None:
    asyncio.run(in_app(tmp_path / "dữ liệu [/] [b]", clock, first_run))
    assert no_error_logged(_own_error_log)


# --- the secret ballot and the scoring sheet


def ballot(data: Path, clock, mode: PollMode) -> None:
    """The planted session with a poll of ``mode`` open on the first initiative; the chair has a PIN."""
    plant(data, clock, open_vote=False)
    folder = DataFolder(data)
    editor = CouncilEditor(folder)
    editor.replace_members(
        [m.model_copy(update={"pin": "1357" if m.id == "m1" else None}) for m in editor.council.members]
    )
    service = SessionService(folder, PLANNED, clock=clock)
    service.set_attendance("m4", Presence.PRESENT)
    AgendaEditor(service).refresh_from_council(folder.load_council())
    service.open_session()
    service.open_poll(mode)
    service.close()


async def booth(app: CouncilApp, pilot) -> None:
    await pilot.press("v")
    assert isinstance(app.screen, BallotOverviewScreen)
    shows(app, CODE, TITLE, *NAMES.values())
    await pilot.press("b", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
    assert isinstance(app.screen, BoothScreen)
    shows(app, CODE, TITLE, NAMES["m1"], NAMES["m2"], NAMES["m4"])  # m3 is recused: not on the list
    await pilot.press("enter")  # member 1 has a PIN: asked for by name
    assert isinstance(app.screen, PinScreen)
    shows(app, t("booth.pin_for", name=NAMES["m1"]))
    await pilot.press("escape", "down", "enter")
    assert isinstance(app.screen, BallotScreen)
    shows(app, NAMES["m2"])
    await pilot.press("y")
    shows(app, NAMES["m2"])
    await pilot.press("escape")
    assert isinstance(app.screen, BoothScreen)
    await pilot.press("ctrl+x", *BOOTH_SECRET, "enter")
    assert isinstance(app.screen, BallotOverviewScreen)


def test_the_ballot_booth_shows_names_as_typed(demo_dir: Path, clock, _own_error_log: Path) -> None:
    ballot(demo_dir, clock, PollMode.SECRET)
    asyncio.run(in_app(demo_dir, clock, booth, session_id=PLANNED))
    assert no_error_logged(_own_error_log)


async def scoring_sheet(app: CouncilApp, pilot) -> None:
    await pilot.press("v", "enter", *BOOTH_SECRET, "enter", *BOOTH_SECRET, "enter")
    assert isinstance(app.screen, SheetScreen)
    shows(app, NAMES["m1"], f"{CODE}: {TITLE}")
    await pilot.press("escape")
    assert isinstance(app.screen, BallotOverviewScreen)


def test_a_scoring_sheet_shows_names_as_typed(demo_dir: Path, clock, _own_error_log: Path) -> None:
    ballot(demo_dir, clock, PollMode.SCORING)
    asyncio.run(in_app(demo_dir, clock, scoring_sheet, session_id=PLANNED))
    assert no_error_logged(_own_error_log)
