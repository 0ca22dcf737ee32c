"""The footer: only keys that fit whole, never a word cut ("^q Qu▏", "esc C▏").

Textual's footer lays the keys out in one line and cuts whatever passes the terminal's edge. This one
hides, from the first that would not fit whole on, the keys after it; `?` (every key of the screen) always
stays, and so does the command palette on the right, so that what is left out is still one key away.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

from tui.textual_private import FooterKey

KEEP = {"help", "app.help"}  # what lists every other key: never left out


class Footer(TextualFooter):
    composed_width = 0

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        width = self.size.width or self.app.size.width
        self.composed_width = width
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        if len(keys) != len([w for w in widgets if not w.has_class("-command-palette")]):
            yield from widgets  # (groups of keys: not used by council's bindings) laid out as Textual does
            return
        room = width - sum(self.key_width(w) for w in widgets if w.has_class("-command-palette"))
        kept: set[int] = set()
        for key in sorted(keys, key=lambda k: k.action not in KEEP):  # `?` first, then in order
            if self.key_width(key) > room:
                break  # the rest are left out, not one further on that happens to fit (the order stays)
            kept.add(id(key))
            room -= self.key_width(key)
        for widget in widgets:
            # Left out of sight, not out of the footer: it still lists what the screen offers now.
            widget.display = widget.has_class("-command-palette") or id(widget) in kept
            yield widget

    @staticmethod
    def key_width(key: FooterKey) -> int:
        """The cells a key takes, as FooterKey draws it with the footer's styles."""
        if key.has_class("-command-palette"):
            # Compact ("^p Bảng lệnh"), after a border and before a cell of padding.
            return 1 + cell_len(key.key_display) + 1 + cell_len(key.description) + 1
        if not key.description:
            return cell_len(key.key_display)
        return 1 + cell_len(key.key_display) + 1 + cell_len(key.description) + 1  # " ^q Thoát "

    def on_resize(self, event: events.Resize) -> None:
        if self.composed_width and event.size.width != self.composed_width:
            self.call_after_refresh(self.recompose)
