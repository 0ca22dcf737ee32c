"""Import initiatives (into the open session) or members (into the council) from a CSV or XLSX file.

Enter previews the file: the rows that would be imported, every problem with its row and column,
and the warnings. ctrl+s imports after a confirmation, and only a preview without problems: an
import is all or nothing.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Label, Static

from models.formatting import format_vnd
from models.i18n import t
from models.labels import role_label
from models.parsing import format_authors, squash
from sessions.importing import ImportPlan, apply_initiatives, preview_initiatives, preview_members
from tui.bindings import IMPORT
from tui.errors import guarded
from tui.screens.base import CouncilScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.prepare.paths import PathSuggester, expand
from tui.widgets.footer import Footer
from tui.widgets.plain import cell
from tui.widgets.session_bar import SessionBar


def plan_text(plan: ImportPlan) -> Group:
    """The head line, every problem (in reading order) and every warning, as the CLI prints them."""
    lines: list[Text] = []
    sheet = t("prep.cli.sheet", sheet=plan.sheet) if plan.sheet else ""
    lines.append(Text(t("prep.cli.preview_head", source=plan.source, sheet=sheet), style="bold"))
    if plan.problems:
        lines.append(Text(t("prep.cli.problems", count=len(plan.problems)), style="bold red"))
        lines += [Text(f"  • {problem}", style="red") for problem in plan.sorted_problems()]
        lines.append(Text(t("prep.cli.nothing_written"), style="bold"))
    elif plan.count:
        lines.append(Text(t("prep.app.import_ready", count=plan.count), style="green"))
    else:
        lines.append(Text(t("prep.app.import_nothing")))
    lines += [Text(t("prep.cli.warning", text=str(w)), style="yellow") for w in plan.warnings]
    return Group(*lines)


class ImportScreen(CouncilScreen):
    """``kind``: ``initiatives`` (needs the open session) or ``members``; dismisses with True once imported."""

    BINDINGS = IMPORT

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.plan: ImportPlan | None = None
        self.previewed: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        service = self.council_app.service
        if self.kind == "initiatives":
            yield SessionBar(id="session-bar")
            assert service is not None
            title = t("prep.app.import_initiatives", session=service.record.session.title)
        else:
            title = t("prep.app.import_members")
        yield Label(title, classes="screen-title", markup=False)
        with Vertical(id="import-form"):
            with Horizontal(classes="form-row"):
                yield Label(t("prep.app.import_file"), classes="form-label")
                yield Input(
                    id="import-path",
                    placeholder=t("prep.app.import_path_hint"),
                    suggester=PathSuggester(),
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(t("prep.app.import_sheet"), classes="form-label")
                yield Input(id="import-sheet", placeholder=t("prep.app.import_sheet_hint"), compact=True)
            yield Static(t("prep.app.import_keys", template=f"{self.kind}.xlsx"), classes="prep-note")
        with VerticalScroll(id="import-result"):
            yield Static("", id="import-summary")
            yield DataTable(id="import-rows", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        service = self.council_app.service
        if self.kind == "initiatives" and service is not None:
            self.query_one(SessionBar).show(service.record, read_only=service.read_only)
        table = self.query_one("#import-rows", DataTable)
        if self.kind == "initiatives":
            columns = ("col_row", "col_code", "col_title", "col_authors", "col_benefit")
        else:
            columns = ("col_row", "col_seat", "col_name", "col_role", "col_voting")
        for column in columns:
            table.add_column(t(f"prep.app.{column}"), key=column)
        table.display = False
        self.query_one("#import-path", Input).focus()

    def _source(self) -> tuple[str, str]:
        return squash(self.query_one("#import-path", Input).value), squash(self.query_one("#import-sheet", Input).value)

    # --- preview
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.preview()

    @guarded
    def preview(self) -> ImportPlan | None:
        """Read the file (nothing is written) and show what importing it would do."""
        path_text, sheet = self._source()
        if not path_text:
            self.app.notify(t("prep.app.import_no_path"), severity="warning")
            return None
        path = expand(path_text)
        service = self.council_app.service
        if self.kind == "initiatives":
            assert service is not None
            plan = preview_initiatives(path, service.record, sheet=sheet or None)
        else:
            plan = preview_members(path, sheet=sheet or None)
        self.plan, self.previewed = plan, (path_text, sheet)
        self._show(plan)
        return plan

    def _show(self, plan: ImportPlan) -> None:
        self.query_one("#import-summary", Static).update(plan_text(plan))
        table = self.query_one("#import-rows", DataTable)
        table.clear()
        if self.kind == "initiatives":
            for row, item in zip(plan.rows, plan.initiatives, strict=True):
                table.add_row(
                    str(row),
                    cell(item.code),
                    cell(item.title),
                    cell(format_authors(item.authors)),
                    format_vnd(item.benefit_vnd),
                )
        else:
            for row, member in zip(plan.rows, plan.members, strict=True):
                voting = t("prep.app.votes_yes") if member.voting else t("prep.app.votes_no")
                table.add_row(str(row), str(member.seat), cell(member.name), role_label(member.role), voting)
        table.display = table.row_count > 0

    # --- import
    @guarded
    def action_apply(self) -> None:
        plan = self.plan
        if plan is None or self.previewed != self._source():
            plan = self.preview()
            if plan is None:
                return
        if not plan.ok:
            self.app.notify(t("prep.import.not_ok", count=len(plan.problems)), severity="error", timeout=8)
            return
        if not plan.count:
            self.app.notify(t("prep.app.import_nothing"), severity="warning")
            return
        if self.kind == "initiatives":
            service = self.council_app.service
            assert service is not None
            question = t("prep.app.import_confirm", count=plan.count, session=service.record.session.title)
        else:
            question = t("prep.app.import_members_confirm", count=plan.count)
        self.app.push_screen(ConfirmScreen(question, t("prep.app.import_yes")), lambda yes: self._apply(plan, yes))

    @guarded
    def _apply(self, plan: ImportPlan, confirmed: bool | None) -> None:
        if not confirmed:
            return
        if self.kind == "initiatives":
            service = self.council_app.service
            assert service is not None
            added = apply_initiatives(service, plan)
            self.app.notify(t("prep.cli.initiatives_imported", count=len(added), session=service.session_id))
        else:
            members = self.council_app.council_service.import_members(plan)
            path = str(self.council_app.council_service.root)
            self.app.notify(t("prep.cli.members_imported", count=len(members), path=path))
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(None)
