"""A form's drop-down list: enter on one that has a value moves on to the next field, as in every form.

Textual's Select opens its list on enter, down, up and space. In a form that is typed through with
enter, a list already chosen would open again instead of letting the chair go on; down, up and space
still open it, and enter opens a list that has no value yet.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Select


class FormSelect(Select):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", show=False),
        Binding("down,space,up", "show_overlay", show=False),
    ]

    def action_enter(self) -> None:
        if self.value is Select.NULL:
            self.action_show_overlay()
        else:
            self.screen.focus_next()
