"""A form of labelled fields that checks each field as it is typed and shows what is wrong under it.

Every preparing screen (council, member, session, initiative) is one ``PrepForm`` plus a save action.
Text is normalised to NFC as it is typed: Textual's Input keeps decomposed Vietnamese as the
keyboard sends it, which would otherwise render badly and compare unequal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from models.formatting import format_vnd, long_date
from models.parsing import parse_amount, parse_optional_date, validate_field
from tui.widgets.plain import PlainSelect

Check = Callable[[str], str | None]
"""Text typed in a field -> the translated error, or None when it is fine."""


@dataclass(frozen=True)
class Field:
    """One field of a form: ``kind`` is ``input`` (one line), ``text`` (several lines) or ``select``."""

    name: str
    label: str
    kind: str = "input"
    hint: str = ""
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    allow_blank: bool = False
    blank_label: str = "-"
    password: bool = False
    suggestions: tuple[str, ...] = ()
    check: Check | None = None
    note: str = ""
    """Shown under the field."""
    help: str = ""
    """Shown only in the side panel of a wide terminal."""
    echo: Callable[[str], str] | None = None
    """How the program reads a correct value (``86.500.000 đồng``), shown under it as it is typed."""


def field_check(name: str, **context: object) -> Check:
    """The as-you-type check of ``models.parsing.validate_field`` for field ``name``."""
    return lambda text: validate_field(name, text, **context)  # type: ignore[arg-type]


def date_echo(text: str) -> str:
    """``ngày 05 tháng 03 năm 2026`` for a typed date, so that a swapped day and month shows."""
    date = parse_optional_date(text)
    return long_date(date) if date else ""


def amount_echo(text: str) -> str:
    """``86.500.000 đồng``, or 'cannot be quantified' for a blank benefit."""
    return format_vnd(parse_amount(text))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class PrepForm(VerticalScroll):
    """The fields in a scrolling column: label on the left, the input, and its error underneath."""

    # The fields take the focus, never the column: tab goes from field to field, and a new form
    # starts in its first field (the screen's auto-focus would otherwise pick the column).
    can_focus = False

    def __init__(self, fields: Iterable[Field], values: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(classes="prep-form", **kwargs)  # type: ignore[arg-type]
        self.fields = {f.name: f for f in fields}
        self.initial = {name: str(values.get(name) or "") for name in self.fields}
        self.errors: dict[str, str] = {}

    # --- building
    def compose(self) -> ComposeResult:
        for spec in self.fields.values():
            with Horizontal(classes="form-row", id=f"row-{spec.name}"):
                label = spec.label + (" *" if spec.required else "")
                yield Label(label, classes="form-label")
                yield self._widget(spec)
            error = Static("", id=f"error-{spec.name}", classes="field-error prep-error", markup=False)
            error.display = False
            yield error
            if spec.echo is not None:
                echo = Static("", id=f"echo-{spec.name}", classes="prep-echo", markup=False)
                echo.display = False
                yield echo
            if spec.note:
                yield Static(spec.note, id=f"note-{spec.name}", classes="prep-note", markup=False)

    def _widget(self, spec: Field) -> Widget:
        value = self.initial[spec.name]
        widget_id = f"f-{spec.name}"
        if spec.kind == "text":
            return TextArea(value, id=widget_id, soft_wrap=True, tab_behavior="focus", compact=True)
        if spec.kind == "select":
            known = {v for _, v in spec.options}
            # Options may name members ("3. Lê Hoàng Nam (Ủy viên)"), and the prompt the chair by name.
            return PlainSelect(
                list(spec.options),
                value=value if value in known else Select.NULL,
                allow_blank=spec.allow_blank or value not in known,
                prompt=spec.blank_label,
                id=widget_id,
                compact=True,
            )
        suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        return Input(
            value,
            placeholder=spec.hint,
            id=widget_id,
            compact=True,
            password=spec.password,
            suggester=suggester,
            select_on_focus=False,
        )

    # --- reading
    def widget(self, name: str) -> Widget:
        return self.query_one(f"#f-{name}")

    def value(self, name: str) -> str:
        widget = self.widget(name)
        if isinstance(widget, TextArea):
            return nfc(widget.text)
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        assert isinstance(widget, Input)
        return nfc(widget.value)

    def values(self) -> dict[str, str]:
        """Every field's text, in NFC."""
        return {name: self.value(name) for name in self.fields}

    def dirty(self) -> bool:
        """Whether anything differs from what the form opened with."""
        return any(nfc(self.initial[name]) != value for name, value in self.values().items())

    # --- checking as typed
    def on_input_changed(self, event: Input.Changed) -> None:
        name = self._field_of(event.input)
        if name is None:
            return
        text = nfc(event.value)
        if text != event.value:
            # Compose what the keyboard sent decomposed; keep the cursor after the same character.
            cursor = len(nfc(event.value[: event.input.cursor_position]))
            event.input.value = text
            event.input.cursor_position = cursor
            return  # the change above sends another Changed, checked then
        self.check(name)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        name = self._field_of(area)
        if name is None:
            return
        row, column = area.cursor_location
        for number, line in enumerate(area.text.split("\n")):
            if nfc(line) != line:
                area.replace(nfc(line), (number, 0), (number, len(line)))
                if number == row:
                    area.cursor_location = (row, len(nfc(line[:column])))
        self.check(name)

    def on_select_changed(self, event: Select.Changed) -> None:
        name = self._field_of(event.select)
        if name is not None:
            self.check(name)

    def _field_of(self, widget: Widget) -> str | None:
        widget_id = widget.id or ""
        name = widget_id.removeprefix("f-")
        return name if widget_id.startswith("f-") and name in self.fields else None

    def check(self, name: str) -> str | None:
        """Run the field's check on what it holds now and show the result under it."""
        spec = self.fields[name]
        text = self.value(name)
        message = spec.check(text) if spec.check else None
        self.show_error(name, message)
        if spec.echo is not None:
            echo = self.query_one(f"#echo-{name}", Static)
            shown = "" if message else spec.echo(text)
            echo.update(f"= {shown}" if shown else "")
            echo.display = bool(shown)
        return message

    def check_all(self) -> dict[str, str]:
        """Check every field; field name -> message for those that are wrong."""
        for name in self.fields:
            self.check(name)
        return dict(self.errors)

    def show_error(self, name: str, message: str | None) -> None:
        if self.errors.get(name) == message:
            return  # nothing changes on screen: spare the layout on every key
        label = self.query_one(f"#error-{name}", Static)
        label.update(message or "")
        label.display = bool(message)
        self.widget(name).set_class(bool(message), "-invalid")
        if message:
            self.errors[name] = message
        else:
            self.errors.pop(name, None)

    def show_errors(self, messages: Mapping[str, str]) -> None:
        """Mark every wrong field at once (from ``FormErrors.messages``)."""
        for name, message in messages.items():
            if name in self.fields:
                self.show_error(name, message)

    def focus_field(self, name: str) -> None:
        widget = self.widget(name)
        widget.focus()
        self.scroll_to_widget(widget)

    def focus_first(self) -> None:
        self.focus_field(next(iter(self.fields)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter moves on to the next field, as on a paper form; ctrl+s saves.
        if self._field_of(event.input) is not None:
            event.stop()
            self.screen.focus_next()
