"""The screen around a form: title, the fields, what is still wrong, save (ctrl+s) and leave (esc).

A form screen is pushed with a callback and dismisses with what it saved, or None when left.
Saving is refused while any field is wrong; the screen then says which fields and focuses the first.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from models.errors import DomainError
from models.i18n import t
from models.parsing import FormErrors
from tui.bindings import PREP_FORM
from tui.errors import guarded
from tui.screens.base import CouncilScreen
from tui.screens.dialogs import ConfirmScreen
from tui.screens.prepare.form import Field, PrepForm
from tui.widgets.footer import Footer
from tui.widgets.session_bar import SessionBar

WIDE = 120
"""From this many columns on, a side panel explains the focused field."""


class FormScreen(CouncilScreen):
    """Subclasses give the title, the fields, their starting values and ``submit``."""

    BINDINGS = PREP_FORM
    with_session_bar = False
    error_fields: ClassVar[dict[str, str]] = {}
    """DomainError key -> the field it belongs to, for errors only the whole form can find."""

    # --- what a subclass provides
    def form_title(self) -> str:
        raise NotImplementedError

    def form_fields(self) -> list[Field]:
        raise NotImplementedError

    def form_values(self) -> dict[str, str]:
        return {}

    def submit(self, values: dict[str, str]) -> Any:
        """Save the form's values (raising FormErrors or DomainError); returns what to dismiss with."""
        raise NotImplementedError

    def side_extra(self) -> str:
        """More help for the side panel (e.g. the members an author can be marked as)."""
        return ""

    # --- building
    def compose(self) -> ComposeResult:
        if self.with_session_bar:
            yield SessionBar(id="session-bar")
        yield Label(self.form_title(), classes="screen-title", id="prep-title", markup=False)
        with Horizontal(id="prep-body"):
            yield PrepForm(self.form_fields(), self.form_values(), id="prep-form")
            yield Static("", id="prep-side")
        yield Label("", id="prep-summary", classes="field-error", markup=False)
        yield Footer()

    @property
    def form(self) -> PrepForm:
        return self.query_one(PrepForm)

    def on_mount(self) -> None:
        if self.with_session_bar:
            service = self.council_app.service
            if service is not None:
                self.query_one(SessionBar).show(service.record, read_only=service.read_only)
        self.query_one("#prep-summary", Label).display = False
        self._fit()
        self.form.focus_first()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.query_one("#prep-side", Static).display = self.size.width >= WIDE

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        name = (focused.id or "").removeprefix("f-") if focused is not None else ""
        if name in self.form.fields:
            self.query_one("#prep-side", Static).update(self._side_text(self.form.fields[name]))

    def _side_text(self, spec: Field) -> Text:
        text = Text(spec.label, style="bold")
        if spec.hint:
            text.append("\n" + t("prep.app.example", hint=spec.hint), style="dim")
        for more in (spec.note, spec.help):
            if more:
                text.append("\n" + more)
        extra = self.side_extra()
        if extra:
            text.append("\n\n" + extra)
        return text

    # --- saving
    @guarded
    def action_save(self) -> None:
        form = self.form
        wrong = form.check_all()
        if wrong:
            self._refuse(wrong)
            return
        try:
            result = self.submit(form.values())
        except FormErrors as errors:
            form.show_errors(errors.messages)
            self._refuse(errors.messages)
            return
        except DomainError as error:
            name = self.error_fields.get(error.key)
            if name is None:
                raise
            form.show_error(name, str(error))
            self._refuse({name: str(error)})
            return
        self.dismiss(result)

    def _refuse(self, wrong: dict[str, str]) -> None:
        """Say which fields stop the save, and go to the first of them."""
        names = [n for n in self.form.fields if n in wrong]
        labels = ", ".join(self.form.fields[n].label for n in names)
        message = t("prep.app.not_saved", count=len(names), fields=labels)
        summary = self.query_one("#prep-summary", Label)
        summary.update(message)
        summary.display = True
        self.app.notify(message, severity="error", timeout=6)
        if names:
            self.form.focus_field(names[0])

    # --- leaving
    def action_back(self) -> None:
        if self.form.dirty():
            self.app.push_screen(ConfirmScreen(t("prep.app.discard"), t("prep.app.discard_yes")), self._discard)
            return
        self.dismiss(None)

    def _discard(self, confirmed: bool | None) -> None:
        if confirmed:
            self.dismiss(None)

    def widget_for(self, name: str) -> Widget:
        return self.form.widget(name)
